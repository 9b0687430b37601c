/**
 * globalAvgPool2d / globalMaxPool2d: `[B, H, W, C]` → `[B, C]` (Keras `GlobalAveragePooling2D`), or
 * `[B, 1, 1, C]` with `keepDims: true` (Keras `keepdims=True`, ONNX `GlobalAveragePool`, PyTorch
 * `AdaptiveAvgPool2d(1)`) (SEMANTICS.md §4). Runtime twin: `globalPool2dShape` in src/shapes/global-pool.ts.
 */
import type { CheckKnown } from './internal/checks.js';
import type { RankMessage } from './messages.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** Options of `globalAvgPool2d` and `globalMaxPool2d`. */
export interface GlobalPool2dOptions {
  /** Keep the spatial axes as `1 × 1` (`[B, 1, 1, C]`), default false (`[B, C]`). */
  readonly keepDims?: boolean;
  /** Layer name. */
  readonly name?: string;
}

/** The two global pooling layers. */
export type GlobalPoolLayer = 'globalAvgPool2d' | 'globalMaxPool2d';

type Keys = ['keepDims', 'name'];

/** `[B, C]`, `[B, 1, 1, C]`, or both when `keepDims` is a non-literal `boolean`. */
type GlobalShape<B extends number, C extends number, O> = O extends { readonly keepDims: infer K }
  ? [K] extends [true]
    ? readonly [B, 1, 1, C]
    : [K] extends [false | undefined]
      ? readonly [B, C]
      : readonly [B, C] | readonly [B, 1, 1, C]
  : readonly [B, C];

/**
 * The outcome of a global pooling layer `L` with options `O` on shape `S`.
 * @example OutputOf<GlobalPool2dResult<'globalAvgPool2d', readonly [number, 7, 7, 2048], {}>> //=> readonly [number, 2048]
 */
export type GlobalPool2dResult<L extends GlobalPoolLayer, S extends Shape, O> = S extends readonly [
  infer B extends number,
  number,
  number,
  infer C extends number,
]
  ? CheckKnown<L, O, Keys, GlobalShape<B, C, O>> extends infer R1
    ? R1 extends Fail<string, string, Shape>
      ? R1
      : Ok<GlobalShape<B, C, O>>
    : never
  : Fail<'', RankMessage<L, FormatShape<S>, 'rank 4 [B, H, W, C]'>, GlobalShape<number, number, O>>;
