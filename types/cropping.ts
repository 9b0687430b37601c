/**
 * cropping2d: removes rows and columns at the borders, `[B, H, W, C]` → `[B, H − t − b, W − l − r, C]`
 * (Keras `Cropping2D`; U-Net's crop-and-concat skips). Runtime twin: `cropping2dShape` in src/shapes/cropping.ts.
 */
import type { AddDigits } from './arithmetic/internal/add.js';
import type { SubtractDigits } from './arithmetic/internal/subtract.js';
import type { NumberOf } from './arithmetic/operand.js';
import type { CheckKnown } from './internal/checks.js';
import type { RankMessage } from './messages.js';
import type { CheckRanges, OptionOf, PadsOf } from './options.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** Options of `cropping2d`. */
export interface Cropping2dOptions {
  /** Rows/columns removed: `n`, `[h, w]` (each side) or `[[top, bottom], [left, right]]`. */
  readonly cropping: number | readonly [number, number] | readonly [readonly [number, number], readonly [number, number]];
  /** Layer name. */
  readonly name?: string;
}

/** Cropping that leaves nothing along an axis. */
export type CropMessage<Axis extends string, Crop extends number, Size extends number, Input extends string> =
  `cropping2d: cropping ${Crop} leaves nothing of the ${Axis} ${Size} (input ${Input})`;

type Crop<In extends number, B extends number, E extends number> = number extends In | B | E
  ? { readonly out: number }
  : AddDigits<`${B}`, `${E}`> extends infer Total extends string
    ? SubtractDigits<`${In}`, Total> extends infer Out extends string
      ? Out extends '0'
        ? { readonly fail: NumberOf<Total> }
        : { readonly out: NumberOf<Out> }
      : { readonly fail: NumberOf<Total> }
    : never;

/**
 * The outcome of `cropping2d` with options `O` on shape `S`.
 * @example OutputOf<Cropping2dResult<readonly [number, 568, 568, 64], { cropping: 88 }>> //=> readonly [number, 392, 392, 64]
 */
export type Cropping2dResult<S extends Shape, O> = S extends readonly [
  infer B extends number,
  infer H extends number,
  infer W extends number,
  infer C extends number,
]
  ? CheckKnown<'cropping2d', O, ['cropping', 'name'], readonly [B, number, number, C]> extends infer R1
    ? R1 extends Fail<string, string, Shape>
      ? R1
      : CheckRanges<'cropping2d', O, [['cropping', 'nonNegative']], readonly [B, number, number, C]> extends infer R2
        ? R2 extends Fail<string, string, Shape>
          ? R2
          : PadsOf<OptionOf<O, 'cropping'>> extends [[infer T extends number, infer Bo extends number], [infer L extends number, infer R extends number]]
            ? Crop<H, T, Bo> extends infer OH
              ? OH extends { readonly out: infer OutH extends number }
                ? Crop<W, L, R> extends infer OW
                  ? OW extends { readonly out: infer OutW extends number }
                    ? Ok<readonly [B, OutH, OutW, C]>
                    : OW extends { readonly fail: infer Total extends number }
                      ? Fail<'cropping', CropMessage<'width', Total, W, FormatShape<S>>, readonly [B, number, number, C]>
                      : never
                  : never
                : OH extends { readonly fail: infer Total extends number }
                  ? Fail<'cropping', CropMessage<'height', Total, H, FormatShape<S>>, readonly [B, number, number, C]>
                  : never
              : never
            : Ok<readonly [B, number, number, C]>
        : never
    : never
  : Fail<'', RankMessage<'cropping2d', FormatShape<S>, 'rank 4 [B, H, W, C]'>, readonly [number, number, number, number]>;
