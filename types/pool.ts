/**
 * maxPool1d/2d/3d, avgPool1d/2d/3d: `[B, ...spatial, C]` → `[B, ...out, C]`, one rule for any rank (the axes
 * loop of types/internal/conv-nd.ts with `PoolLength` per axis). Stride defaults to the window size; ceil mode
 * drops a last window that would start past the input and left padding (PyTorch); padding ≤ ⌊ke/2⌋; 'same'
 * is `⌈in/s⌉` (SEMANTICS.md §4). Runtime twin: `poolNdShape` in src/shapes/pool.ts.
 */
import type { Single, Padding1d } from './conv1d.js';
import type { Padding3d, Triple } from './conv3d.js';
import type { PoolLength, SameLength } from './internal/axis.js';
import type { CheckKnown } from './internal/checks.js';
import type { AxesOf, PadsNdOf, Rank, RankRule, Repeat, SpatialNames } from './internal/conv-nd.js';
import type { PoolFitMessage, PoolPaddingMessage, RankMessage } from './messages.js';
import type { CheckRanges, OptionOf, Padding, Pair } from './options.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** Options of max pooling of any rank; `Axes` is how a per-axis option is written, `Pad` the padding forms. */
export interface MaxPoolNdOptions<Axes, Pad> {
  /** Window size: one number for every axis, or one per axis. */
  readonly size: Axes;
  /** Stride, default: the window size. */
  readonly stride?: Axes;
  /** Padding (≤ half the dilated window), default 0; 'same' is TensorFlow's. */
  readonly padding?: Pad;
  /** Dilation of the window, default 1. */
  readonly dilation?: Axes;
  /** Round the output size up (PyTorch `ceil_mode`), default false. */
  readonly ceilMode?: boolean;
  /** Layer name. */
  readonly name?: string;
}

/** Options of average pooling of any rank (no dilation, as in ONNX `AveragePool` and PyTorch). */
export interface AvgPoolNdOptions<Axes, Pad> {
  /** Window size: one number for every axis, or one per axis. */
  readonly size: Axes;
  /** Stride, default: the window size. */
  readonly stride?: Axes;
  /** Padding (≤ half the window), default 0; 'same' is TensorFlow's. */
  readonly padding?: Pad;
  /** Round the output size up (PyTorch `ceil_mode`), default false. */
  readonly ceilMode?: boolean;
  /** Divide by the window including explicit padding (PyTorch's default), default false (TF/ONNX). */
  readonly countIncludePad?: boolean;
  /** Layer name. */
  readonly name?: string;
}

/** Options of `maxPool1d`: size/stride/dilation `k | [k]`. */
export interface MaxPool1dOptions extends MaxPoolNdOptions<Single, Padding1d> {}
/** Options of `maxPool2d`: size/stride/dilation `k | [kh, kw]`. */
export interface MaxPool2dOptions extends MaxPoolNdOptions<Pair, Padding> {}
/** Options of `maxPool3d`: size/stride/dilation `k | [kd, kh, kw]`. */
export interface MaxPool3dOptions extends MaxPoolNdOptions<Triple, Padding3d> {}
/** Options of `avgPool1d`: size/stride `k | [k]`. */
export interface AvgPool1dOptions extends AvgPoolNdOptions<Single, Padding1d> {}
/** Options of `avgPool2d`: size/stride `k | [kh, kw]`. */
export interface AvgPool2dOptions extends AvgPoolNdOptions<Pair, Padding> {}
/** Options of `avgPool3d`: size/stride `k | [kd, kh, kw]`. */
export interface AvgPool3dOptions extends AvgPoolNdOptions<Triple, Padding3d> {}

/** The pooling layers, by rank. */
export type PoolLayer = 'maxPool1d' | 'maxPool2d' | 'maxPool3d' | 'avgPool1d' | 'avgPool2d' | 'avgPool3d';

/** Option names in message order (the runtime tables `POOL_KEYS` satisfy them). */
export type MaxPoolKeys = ['size', 'stride', 'padding', 'dilation', 'ceilMode', 'name'];
export type AvgPoolKeys = ['size', 'stride', 'padding', 'ceilMode', 'countIncludePad', 'name'];
/** The checked numeric options in check order (the runtime table `POOL_RANGES` satisfies it). */
export type PoolRanges = [['size', 'positive'], ['stride', 'positive'], ['dilation', 'positive'], ['padding', 'nonNegative']];
type PoolKeys<L extends PoolLayer> = L extends `max${string}` ? MaxPoolKeys : AvgPoolKeys;

/**
 * The outcome of a pooling layer `L` of rank `R` with options `O` on shape `S`.
 * @example OutputOf<PoolNdResult<'maxPool2d', readonly [number, 112, 112, 64], { size: 3; stride: 2; ceilMode: true }, 2>> //=> readonly [number, 56, 56, 64]
 */
export type PoolNdResult<L extends PoolLayer, S extends Shape, O, R extends Rank> = S extends readonly [
  infer B extends number,
  ...infer Spatial extends number[],
  infer C extends number,
]
  ? Spatial extends Repeat<number, R>
    ? PoolChecked<L, S, B, Spatial, C, O, R, readonly [B, ...Repeat<number, R>, C]>
    : Fail<'', RankMessage<L, FormatShape<S>, RankRule<R>>, readonly [number, ...Repeat<number, R>, number]>
  : Fail<'', RankMessage<L, FormatShape<S>, RankRule<R>>, readonly [number, ...Repeat<number, R>, number]>;

/** maxPool2d / avgPool2d: the N-d rule at rank 2 (axis names `height`, `width`). */
export type Pool2dResult<L extends PoolLayer, S extends Shape, O> = PoolNdResult<L, S, O, 2>;
/** maxPool1d / avgPool1d on `[B, L, C]`: the N-d rule at rank 1 (axis name `length`). */
export type Pool1dResult<L extends PoolLayer, S extends Shape, O> = PoolNdResult<L, S, O, 1>;
/** maxPool3d / avgPool3d on `[B, D, H, W, C]`: the N-d rule at rank 3. */
export type Pool3dResult<L extends PoolLayer, S extends Shape, O> = PoolNdResult<L, S, O, 3>;

type PoolChecked<L extends PoolLayer, S extends Shape, B extends number, Spatial extends number[], C extends number, O, R extends Rank, Fallback extends Shape> =
  CheckKnown<L, O, PoolKeys<L>, Fallback> extends infer R1
    ? R1 extends Fail<string, string, Shape>
      ? R1
      : CheckRanges<L, O, PoolRanges, Fallback> extends infer R2
        ? R2 extends Fail<string, string, Shape>
          ? R2
          : PoolAxes<
                Spatial,
                AxesOf<OptionOf<O, 'size'>, R, 1>,
                AxesOf<StrideOrSize<O>, R, 1>,
                AxesOf<OptionOf<O, 'dilation'>, R, 1>,
                PadsNdOf<OptionOf<O, 'padding'>, R>,
                SpatialNames<R>,
                CeilOf<O>
              > extends infer Axes
            ? Axes extends { readonly out: infer Out extends number[] }
              ? Ok<readonly [B, ...Out, C]>
              : Axes extends { readonly failed: infer F; readonly k: infer K extends number; readonly axis: infer Axis extends string }
                ? AxisFailure<L, F, K, Axis, S, Fallback>
                : never
            : never
        : never
    : never;

/** Output lengths of every axis (`{ out }`), or the first failing axis's result with its window and name. */
type PoolAxes<Ins extends readonly number[], Ks, Ss, Ds, Pads, Names extends readonly string[], Ceil extends boolean, Acc extends number[] = []> =
  Ins extends readonly [infer In extends number, ...infer InRest extends number[]]
    ? [Ks, Ss, Ds, Names] extends [
        [infer K extends number, ...infer KR],
        [infer St extends number, ...infer SR],
        [infer D extends number, ...infer DR],
        readonly [infer Name extends string, ...infer NR extends string[]],
      ]
      ? (Pads extends readonly [readonly [infer PB extends number, infer PE extends number], ...unknown[]]
          ? PoolLength<In, K, St, D, PB, PE, Ceil>
          : SameLength<In, St>) extends infer Res
        ? Res extends { readonly out: infer Out extends number }
          ? PoolAxes<InRest, KR, SR, DR, Pads extends readonly [unknown, ...infer PR] ? PR : 'same', NR, Ceil, [...Acc, Out]>
          : { readonly failed: Res; readonly k: K; readonly axis: Name }
        : never
      : never
    : { readonly out: Acc };

type AxisFailure<L extends PoolLayer, R, K extends number, Axis extends string, S extends Shape, Fallback extends Shape> = R extends {
  readonly pad: [infer Pad extends number, infer Half extends number];
}
  ? Fail<'padding', PoolPaddingMessage<L, Axis, Pad, Half>, Fallback>
  : R extends { readonly fit: [infer KE extends number, infer Padded extends number] }
    ? Fail<'size', PoolFitMessage<L, K, KE, Axis, Padded, FormatShape<S>>, Fallback>
    : never;

type StrideOrSize<O> = O extends { readonly stride: infer St } ? St : OptionOf<O, 'size'>;
type CeilOf<O> = O extends { readonly ceilMode: true } ? true : false;
