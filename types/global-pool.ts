/**
 * globalAvgPool1d/2d, globalMaxPool1d/2d: `[B, ...spatial, C]` → `[B, C]` (Keras `GlobalAveragePooling2D`), or
 * with `keepDims: true` every spatial axis kept as 1 (`[B, 1, 1, C]`, `[B, 1, C]`: Keras `keepdims=True`, ONNX
 * `GlobalAveragePool`, PyTorch `AdaptiveAvgPool2d(1)`) (SEMANTICS.md §4). One rule for both ranks. Runtime
 * twin: `globalPoolShape` in src/shapes/global-pool.ts.
 */
import type { CheckKnown } from './internal/checks.js';
import type { Rank, RankRule, Repeat } from './internal/conv-nd.js';
import type { RankMessage } from './messages.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** Options of the global pooling layers. */
export interface GlobalPoolOptions {
  /** Keep the spatial axes as 1 (`[B, 1, 1, C]` in 2-D, `[B, 1, C]` in 1-D), default false (`[B, C]`). */
  readonly keepDims?: boolean;
  /** Layer name. */
  readonly name?: string;
}

/** Options of `globalAvgPool2d` and `globalMaxPool2d`. */
export interface GlobalPool2dOptions extends GlobalPoolOptions {}
/** Options of `globalAvgPool1d` and `globalMaxPool1d`. */
export interface GlobalPool1dOptions extends GlobalPoolOptions {}

/** The global pooling layers. */
export type GlobalPoolLayer = 'globalAvgPool1d' | 'globalMaxPool1d' | 'globalAvgPool2d' | 'globalMaxPool2d';

/** Option names (the runtime table satisfies it). */
export type GlobalPoolKeys = ['keepDims', 'name'];

/** `[B, C]`, `[B, 1…, C]`, or both when `keepDims` is a non-literal `boolean`. */
type GlobalShape<B extends number, C extends number, O, R extends Rank> = O extends { readonly keepDims: infer K }
  ? [K] extends [true]
    ? readonly [B, ...Repeat<1, R>, C]
    : [K] extends [false | undefined]
      ? readonly [B, C]
      : readonly [B, C] | readonly [B, ...Repeat<1, R>, C]
  : readonly [B, C];

/**
 * The outcome of a global pooling layer `L` over `R` spatial axes with options `O` on shape `S`.
 * @example OutputOf<GlobalPoolNdResult<'globalAvgPool1d', readonly [number, 100, 64], { keepDims: true }, 1>> //=> readonly [number, 1, 64]
 */
export type GlobalPoolNdResult<L extends GlobalPoolLayer, S extends Shape, O, R extends Rank> = S extends readonly [
  infer B extends number,
  ...infer Spatial extends number[],
  infer C extends number,
]
  ? Spatial extends Repeat<number, R>
    ? CheckKnown<L, O, GlobalPoolKeys, GlobalShape<B, C, O, R>> extends infer R1
      ? R1 extends Fail<string, string, Shape>
        ? R1
        : Ok<GlobalShape<B, C, O, R>>
      : never
    : Fail<'', RankMessage<L, FormatShape<S>, RankRule<R>>, GlobalShape<number, number, O, R>>
  : Fail<'', RankMessage<L, FormatShape<S>, RankRule<R>>, GlobalShape<number, number, O, R>>;

/**
 * The outcome of a 2-D global pooling layer.
 * @example OutputOf<GlobalPool2dResult<'globalAvgPool2d', readonly [number, 7, 7, 2048], {}>> //=> readonly [number, 2048]
 */
export type GlobalPool2dResult<L extends GlobalPoolLayer, S extends Shape, O> = GlobalPoolNdResult<L, S, O, 2>;
/** The outcome of a 1-D global pooling layer on `[B, L, C]`. */
export type GlobalPool1dResult<L extends GlobalPoolLayer, S extends Shape, O> = GlobalPoolNdResult<L, S, O, 1>;
