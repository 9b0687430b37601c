/**
 * depthwiseConv2d: `[B, H, W, C]` → `[B, OH, OW, C·M]` (depth multiplier M; output channel `c·M + q` reads
 * input channel c, SEMANTICS.md §2), and separableConv2d: that depthwise step followed by a 1×1 conv to
 * `filters` → `[B, OH, OW, filters]`. Spatial sizes follow the conv formula per axis (`⌈in/s⌉` for 'same').
 * Runtime twins: `depthwiseConv2dShape`, `separableConv2dShape` in src/shapes/depthwise.ts.
 */
import type { Multiply } from './arithmetic/operations.js';
import type { Initializer } from './initializer.js';
import type { ConvSpatial, FiltersOf } from './internal/conv-nd.js';
import type { CheckKnown } from './internal/checks.js';
import type { RankMessage } from './messages.js';
import type { CheckRanges, Padding, Pair } from './options.js';
import type { Fail } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** Options of `depthwiseConv2d`. */
export interface DepthwiseConv2dOptions {
  /** Kernel size `k` or `[kh, kw]`. */
  readonly kernel: Pair;
  /** Output channels per input channel (M), default 1. */
  readonly depthMultiplier?: number;
  /** Stride, default 1. */
  readonly stride?: Pair;
  /** Padding, default 0 ('valid'); 'same' is TensorFlow's (extra pad at the end). */
  readonly padding?: Padding;
  /** Dilation, default 1. */
  readonly dilation?: Pair;
  /** Add a bias (C·M values), default true. */
  readonly useBias?: boolean;
  /** Kernel initialiser, default 'glorotUniform' (Keras fans of `[kh, kw, C, M]`). */
  readonly kernelInitializer?: Initializer;
  /** Bias initialiser, default 'zeros'. */
  readonly biasInitializer?: Initializer;
  /** Layer name, default `depthwiseConv2d_<n>`. */
  readonly name?: string;
}

/** Options of `separableConv2d`. */
export interface SeparableConv2dOptions {
  /** Output channels of the pointwise (1×1) step. */
  readonly filters: number;
  /** Kernel size of the depthwise step, `k` or `[kh, kw]`. */
  readonly kernel: Pair;
  /** Depthwise output channels per input channel (M), default 1. */
  readonly depthMultiplier?: number;
  /** Stride of the depthwise step, default 1. */
  readonly stride?: Pair;
  /** Padding of the depthwise step, default 0 ('valid'); 'same' is TensorFlow's. */
  readonly padding?: Padding;
  /** Dilation of the depthwise step, default 1. */
  readonly dilation?: Pair;
  /** Add a bias (`filters` values, after the pointwise step), default true. */
  readonly useBias?: boolean;
  /** Layer name, default `separableConv2d_<n>`. */
  readonly name?: string;
}

type DepthwiseKeys = ['kernel', 'depthMultiplier', 'stride', 'padding', 'dilation', 'useBias', 'kernelInitializer', 'biasInitializer', 'name'];
type SeparableKeys = ['filters', 'kernel', 'depthMultiplier', 'stride', 'padding', 'dilation', 'useBias', 'name'];
type DepthwiseRanges = [
  ['kernel', 'positive'],
  ['depthMultiplier', 'positive'],
  ['stride', 'positive'],
  ['dilation', 'positive'],
  ['padding', 'nonNegative'],
];
type SeparableRanges = [['filters', 'positive'], ...DepthwiseRanges];

/** M: the literal when given, 1 when absent, `number` when it may be present but is not known (wide options). */
type MultiplierOf<O> = O extends { readonly depthMultiplier: infer M extends number } ? M : 'depthMultiplier' extends keyof O ? number : 1;

/** `C·M`: the input channels when M is 1; `number` when either is unknown or M is out of range (its check fails). */
type DepthChannels<C extends number, M extends number> = M extends 1
  ? C
  : number extends C | M
    ? number
    : Multiply<C, M> extends infer P extends number
      ? P extends 0
        ? number
        : P
      : number;

/**
 * The outcome of `depthwiseConv2d` with options `O` on a tensor of shape `S`.
 * @example OutputOf<DepthwiseConv2dResult<readonly [number, 112, 112, 32], { kernel: 3; depthMultiplier: 2; stride: 2; padding: 'same' }>> //=> readonly [number, 56, 56, 64]
 */
export type DepthwiseConv2dResult<S extends Shape, O> = S extends readonly [
  infer B extends number,
  infer H extends number,
  infer W extends number,
  infer C extends number,
]
  ? DepthChannels<C, MultiplierOf<O>> extends infer COut extends number
    ? Checked<'depthwiseConv2d', S, B, [H, W], COut, O, DepthwiseKeys, DepthwiseRanges, readonly [B, number, number, COut]>
    : never
  : Fail<'', RankMessage<'depthwiseConv2d', FormatShape<S>, 'rank 4 [B, H, W, C]'>, readonly [number, number, number, number]>;

/**
 * The outcome of `separableConv2d` with options `O` on a tensor of shape `S`.
 * @example OutputOf<SeparableConv2dResult<readonly [number, 147, 147, 64], { filters: 128; kernel: 3; padding: 'same' }>> //=> readonly [number, 147, 147, 128]
 */
export type SeparableConv2dResult<S extends Shape, O> = S extends readonly [
  infer B extends number,
  infer H extends number,
  infer W extends number,
  number,
]
  ? Checked<'separableConv2d', S, B, [H, W], FiltersOf<O>, O, SeparableKeys, SeparableRanges, readonly [B, number, number, FiltersOf<O>]>
  : Fail<'', RankMessage<'separableConv2d', FormatShape<S>, 'rank 4 [B, H, W, C]'>, readonly [number, number, number, FiltersOf<O>]>;

/** Both layers after the rank check: unknown options, ranges, then the depthwise spatial rule with `COut` channels. */
type Checked<
  Layer extends string,
  S extends Shape,
  B extends number,
  Spatial extends readonly number[],
  COut extends number,
  O,
  Keys extends string[],
  Ranges extends [string, 'positive' | 'nonNegative'][],
  Fallback extends Shape,
> =
  CheckKnown<Layer, O, Keys, Fallback> extends infer R1
    ? R1 extends Fail<string, string, Shape>
      ? R1
      : CheckRanges<Layer, O, Ranges, Fallback> extends infer R2
        ? R2 extends Fail<string, string, Shape>
          ? R2
          : ConvSpatial<Layer, S, B, Spatial, COut, O, 2, ['height', 'width'], Fallback>
        : never
    : never;
