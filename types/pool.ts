/**
 * maxPool2d / avgPool2d: `[B, H, W, C]` → `[B, OH, OW, C]`. Stride defaults to the window size; ceil mode drops
 * a last window that would start past the input and left padding (PyTorch); padding ≤ ⌊ke/2⌋; 'same' is
 * `⌈H/s⌉` (SEMANTICS.md §4). Runtime twin: `pool2dShape` in src/shapes/pool.ts.
 */
import type { PoolLength, SameLength } from './internal/axis.js';
import type { CheckKnown } from './internal/checks.js';
import type { PoolFitMessage, PoolPaddingMessage, RankMessage } from './messages.js';
import type { CheckRanges, OptionOf, Padding, PadsOf, Pair, PairOf } from './options.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** Options of `maxPool2d`. */
export interface MaxPool2dOptions {
  /** Window size `k` or `[kh, kw]`. */
  readonly size: Pair;
  /** Stride, default: the window size. */
  readonly stride?: Pair;
  /** Padding (≤ half the dilated window), default 0; 'same' is TensorFlow's. */
  readonly padding?: Padding;
  /** Dilation of the window, default 1. */
  readonly dilation?: Pair;
  /** Round the output size up (PyTorch `ceil_mode`), default false. */
  readonly ceilMode?: boolean;
  /** Layer name. */
  readonly name?: string;
}

/** Options of `avgPool2d`. */
export interface AvgPool2dOptions {
  /** Window size `k` or `[kh, kw]`. */
  readonly size: Pair;
  /** Stride, default: the window size. */
  readonly stride?: Pair;
  /** Padding (≤ half the window), default 0; 'same' is TensorFlow's. */
  readonly padding?: Padding;
  /** Round the output size up (PyTorch `ceil_mode`), default false. */
  readonly ceilMode?: boolean;
  /** Divide by the window including explicit padding (PyTorch's default), default false (TF/ONNX). */
  readonly countIncludePad?: boolean;
  /** Layer name. */
  readonly name?: string;
}

/** The two pooling layers. */
export type PoolLayer = 'maxPool2d' | 'avgPool2d';

type PoolKeys<L extends PoolLayer> = L extends 'maxPool2d'
  ? ['size', 'stride', 'padding', 'dilation', 'ceilMode', 'name']
  : ['size', 'stride', 'padding', 'ceilMode', 'countIncludePad', 'name'];
type PoolRanges = [['size', 'positive'], ['stride', 'positive'], ['dilation', 'positive'], ['padding', 'nonNegative']];

/**
 * The outcome of a pooling layer `L` with options `O` on shape `S`.
 * @example OutputOf<Pool2dResult<'maxPool2d', readonly [number, 112, 112, 64], { size: 3; stride: 2; ceilMode: true }>> //=> readonly [number, 56, 56, 64]
 */
export type Pool2dResult<L extends PoolLayer, S extends Shape, O> = S extends readonly [
  infer B extends number,
  infer H extends number,
  infer W extends number,
  infer C extends number,
]
  ? CheckKnown<L, O, PoolKeys<L>, readonly [B, number, number, C]> extends infer R1
    ? R1 extends Fail<string, string, Shape>
      ? R1
      : CheckRanges<L, O, PoolRanges, readonly [B, number, number, C]> extends infer R2
        ? R2 extends Fail<string, string, Shape>
          ? R2
          : PoolSpatial<L, S, B, H, W, C, O>
        : never
    : never
  : Fail<'', RankMessage<L, FormatShape<S>, 'rank 4 [B, H, W, C]'>, readonly [number, number, number, number]>;

type AxisFailure<L extends PoolLayer, R, K extends number, Axis extends string, S extends Shape, Fallback extends Shape> = R extends {
  readonly pad: [infer Pad extends number, infer Half extends number];
}
  ? Fail<'padding', PoolPaddingMessage<L, Axis, Pad, Half>, Fallback>
  : R extends { readonly fit: [infer KE extends number, infer Padded extends number] }
    ? Fail<'size', PoolFitMessage<L, K, KE, Axis, Padded, FormatShape<S>>, Fallback>
    : never;

type PoolSpatial<L extends PoolLayer, S extends Shape, B extends number, H extends number, W extends number, C extends number, O> =
  PairOf<OptionOf<O, 'size'>, 1> extends [infer KH extends number, infer KW extends number]
    ? PairOf<StrideOrSize<O>, 1> extends [infer SH extends number, infer SW extends number]
      ? PairOf<OptionOf<O, 'dilation'>, 1> extends [infer DH extends number, infer DW extends number]
        ? PadsOf<OptionOf<O, 'padding'>> extends infer Pads
          ? CeilOf<O> extends infer Ceil extends boolean
            ? (Pads extends [[infer PT extends number, infer PB extends number], unknown] ? PoolLength<H, KH, SH, DH, PT, PB, Ceil> : SameLength<H, SH>) extends infer OH
              ? OH extends { readonly out: infer OutH extends number }
                ? (Pads extends [unknown, [infer PL extends number, infer PR extends number]] ? PoolLength<W, KW, SW, DW, PL, PR, Ceil> : SameLength<W, SW>) extends infer OW
                  ? OW extends { readonly out: infer OutW extends number }
                    ? Ok<readonly [B, OutH, OutW, C]>
                    : AxisFailure<L, OW, KW, 'width', S, readonly [B, number, number, C]>
                  : never
                : AxisFailure<L, OH, KH, 'height', S, readonly [B, number, number, C]>
              : never
            : never
          : never
        : never
      : never
    : never;

type StrideOrSize<O> = O extends { readonly stride: infer St } ? St : OptionOf<O, 'size'>;
type CeilOf<O> = O extends { readonly ceilMode: true } ? true : false;
