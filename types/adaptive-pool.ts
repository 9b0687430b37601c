/**
 * adaptiveAvgPool1d / adaptiveAvgPool2d: `[B, ...spatial, C]` → `[B, ...outputSize, C]` whatever the input
 * sizes are (PyTorch `AdaptiveAvgPool1d/2d`). Output bin i of an axis averages input `[⌊i·in/out⌋,
 * ⌈(i+1)·in/out⌉)` (SEMANTICS.md §4): the bins cover the input, overlap when `out` does not divide `in`, and an
 * output larger than the input is allowed (bins then repeat input cells, as in PyTorch). One rule for both
 * ranks. Runtime twin: `adaptivePoolShape` in src/shapes/adaptive-pool.ts.
 */
import type { Single } from './conv1d.js';
import type { CheckKnown } from './internal/checks.js';
import type { AxesOf, Rank, RankRule, Repeat } from './internal/conv-nd.js';
import type { RankMessage } from './messages.js';
import type { CheckRanges, OptionOf, Pair } from './options.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** Options of `adaptiveAvgPool2d`. */
export interface AdaptiveAvgPool2dOptions {
  /** Output size `n` (square) or `[oh, ow]`, each ≥ 1. */
  readonly outputSize: Pair;
  /** Layer name. */
  readonly name?: string;
}

/** Options of `adaptiveAvgPool1d`. */
export interface AdaptiveAvgPool1dOptions {
  /** Output length `n` or `[n]`, ≥ 1. */
  readonly outputSize: Single;
  /** Layer name. */
  readonly name?: string;
}

/** The adaptive pooling layers. */
export type AdaptivePoolLayer = 'adaptiveAvgPool1d' | 'adaptiveAvgPool2d';

/** Option names and checked ranges (the runtime tables satisfy them). */
export type AdaptivePoolKeys = ['outputSize', 'name'];
export type AdaptivePoolRanges = [['outputSize', 'positive']];

/**
 * The outcome of an adaptive pooling layer over `R` spatial axes with options `O` on shape `S`.
 * @example OutputOf<AdaptivePoolNdResult<'adaptiveAvgPool1d', readonly [number, 100, 16], { outputSize: 8 }, 1>> //=> readonly [number, 8, 16]
 */
export type AdaptivePoolNdResult<L extends AdaptivePoolLayer, S extends Shape, O, R extends Rank> =
  AxesOf<OptionOf<O, 'outputSize'>, R, number> extends infer Out extends number[]
    ? S extends readonly [infer B extends number, ...infer Spatial extends number[], infer C extends number]
      ? Spatial extends Repeat<number, R>
        ? CheckKnown<L, O, AdaptivePoolKeys, readonly [B, ...Repeat<number, R>, C]> extends infer R1
          ? R1 extends Fail<string, string, Shape>
            ? R1
            : CheckRanges<L, O, AdaptivePoolRanges, readonly [B, ...Repeat<number, R>, C]> extends infer R2
              ? R2 extends Fail<string, string, Shape>
                ? R2
                : Ok<readonly [B, ...Out, C]>
              : never
          : never
        : Fail<'', RankMessage<L, FormatShape<S>, RankRule<R>>, readonly [number, ...Repeat<number, R>, number]>
      : Fail<'', RankMessage<L, FormatShape<S>, RankRule<R>>, readonly [number, ...Repeat<number, R>, number]>
    : never;

/**
 * The outcome of `adaptiveAvgPool2d` with options `O` on shape `S`.
 * @example OutputOf<AdaptiveAvgPool2dResult<readonly [number, 13, 13, 256], { outputSize: 6 }>> //=> readonly [number, 6, 6, 256]
 */
export type AdaptiveAvgPool2dResult<S extends Shape, O> = AdaptivePoolNdResult<'adaptiveAvgPool2d', S, O, 2>;
/** The outcome of `adaptiveAvgPool1d` on `[B, L, C]`. */
export type AdaptiveAvgPool1dResult<S extends Shape, O> = AdaptivePoolNdResult<'adaptiveAvgPool1d', S, O, 1>;
