/**
 * upSampling2d: `[B, H, W, C]` → `[B, H·sh, W·sw, C]` for integer factors (Keras `UpSampling2D`).
 * 'nearest' repeats each pixel `sh × sw` times; 'bilinear' uses half-pixel centres (align_corners=False:
 * source `(o + ½)/s − ½`, clamped to the edge), as Keras/TF2, PyTorch `Upsample(align_corners=False)`,
 * ONNX `Resize` `half_pixel` and tfjs `resizeBilinear(halfPixelCenters=true)` do.
 * Runtime twin: `upSampling2dShape` in src/shapes/upsampling.ts.
 */
import type { MultiplyDigits } from './arithmetic/internal/multiply.js';
import type { NumberOf } from './arithmetic/operand.js';
import type { CheckKnown } from './internal/checks.js';
import type { RankMessage } from './messages.js';
import type { CheckRanges, OptionOf, Pair, PairOf } from './options.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** How `upSampling2d` fills the new pixels. */
export type Interpolation = 'nearest' | 'bilinear';

/** Options of `upSampling2d`. */
export interface UpSampling2dOptions {
  /** Integer factor `s` or `[sh, sw]`, each ≥ 1, default 2. */
  readonly size?: Pair;
  /** 'nearest' (default) or 'bilinear' (half-pixel centres, edge clamped). */
  readonly interpolation?: Interpolation;
  /** Layer name. */
  readonly name?: string;
}

/** An `interpolation` that is not one of the modes (only reachable at run time; the option type rejects it at compile time). */
export type InterpolationMessage<V extends string> =
  `upSampling2d: interpolation is not a known mode (got ${V}, expected 'nearest' or 'bilinear')`;

type Keys = ['size', 'interpolation', 'name'];
type Ranges = [['size', 'positive']];

/** `In · S`, or `number` when either is unknown (or the product exceeds 2^53 − 1). */
type Scaled<In extends number, S extends number> = number extends In | S ? number : NumberOf<MultiplyDigits<`${In}`, `${S}`>>;

/**
 * The outcome of `upSampling2d` with options `O` on shape `S`.
 * @example OutputOf<UpSampling2dResult<readonly [number, 14, 14, 512], { size: 2 }>> //=> readonly [number, 28, 28, 512]
 */
export type UpSampling2dResult<S extends Shape, O> = S extends readonly [
  infer B extends number,
  infer H extends number,
  infer W extends number,
  infer C extends number,
]
  ? CheckKnown<'upSampling2d', O, Keys, readonly [B, number, number, C]> extends infer R1
    ? R1 extends Fail<string, string, Shape>
      ? R1
      : CheckRanges<'upSampling2d', O, Ranges, readonly [B, number, number, C]> extends infer R2
        ? R2 extends Fail<string, string, Shape>
          ? R2
          : PairOf<OptionOf<O, 'size'>, 2> extends [infer SH extends number, infer SW extends number]
            ? Ok<readonly [B, Scaled<H, SH>, Scaled<W, SW>, C]>
            : never
        : never
    : never
  : Fail<'', RankMessage<'upSampling2d', FormatShape<S>, 'rank 4 [B, H, W, C]'>, readonly [number, number, number, number]>;
