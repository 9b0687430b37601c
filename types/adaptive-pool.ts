/**
 * adaptiveAvgPool2d: `[B, H, W, C]` → `[B, oh, ow, C]` whatever H and W are (PyTorch `AdaptiveAvgPool2d`).
 * Output bin i of an axis averages input `[⌊i·in/out⌋, ⌈(i+1)·in/out⌉)` (SEMANTICS.md §4): the bins cover
 * the input, overlap when `out` does not divide `in`, and an output larger than the input is allowed
 * (bins then repeat input cells, as in PyTorch). Runtime twin: `adaptivePool2dShape` in src/shapes/adaptive-pool.ts.
 */
import type { CheckKnown } from './internal/checks.js';
import type { RankMessage } from './messages.js';
import type { CheckRanges, OptionOf, Pair, PairOf } from './options.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** Options of `adaptiveAvgPool2d`. */
export interface AdaptiveAvgPool2dOptions {
  /** Output size `n` (square) or `[oh, ow]`, each ≥ 1. */
  readonly outputSize: Pair;
  /** Layer name. */
  readonly name?: string;
}

type Keys = ['outputSize', 'name'];
type Ranges = [['outputSize', 'positive']];

/**
 * The outcome of `adaptiveAvgPool2d` with options `O` on shape `S`.
 * @example OutputOf<AdaptiveAvgPool2dResult<readonly [number, 13, 13, 256], { outputSize: 6 }>> //=> readonly [number, 6, 6, 256]
 */
export type AdaptiveAvgPool2dResult<S extends Shape, O> = PairOf<OptionOf<O, 'outputSize'>, number> extends [
  infer OH extends number,
  infer OW extends number,
]
  ? S extends readonly [infer B extends number, number, number, infer C extends number]
    ? CheckKnown<'adaptiveAvgPool2d', O, Keys, readonly [B, number, number, C]> extends infer R1
      ? R1 extends Fail<string, string, Shape>
        ? R1
        : CheckRanges<'adaptiveAvgPool2d', O, Ranges, readonly [B, number, number, C]> extends infer R2
          ? R2 extends Fail<string, string, Shape>
            ? R2
            : Ok<readonly [B, OH, OW, C]>
          : never
      : never
    : Fail<'', RankMessage<'adaptiveAvgPool2d', FormatShape<S>, 'rank 4 [B, H, W, C]'>, readonly [number, number, number, number]>
  : never;
