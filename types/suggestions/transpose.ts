/**
 * The suggestion that ends a transposed-conv error whose padding removes the whole output along an axis: the
 * largest symmetric padding that leaves one row, `⌊(full − 1)/2⌋` per side, since the output is
 * `full − pb − pe` (SEMANTICS.md §3). Runtime twin: src/shapes/suggestions/transpose.ts (`transposeFitFix`).
 * (A transposed conv that ends short of a skip it is joined with is suggested its `outputPadding` by the join:
 * types/suggestions/join.ts.)
 */
import type { DivModDigits } from '../arithmetic/internal/divide.js';
import type { SubtractDigits } from '../arithmetic/internal/subtract.js';

type Value = string | number;

/**
 * `; to keep an output, use padding ≤ P on each side of the <axis>`.
 * @example TransposeFitFix<'height', 2> //=> '; to keep an output, use padding ≤ 0 on each side of the height'
 */
export type TransposeFitFix<Axis extends string, Full extends Value> = `${Full}` extends '0'
  ? ''
  : `; to keep an output, use padding ≤ ${DivModDigits<SubtractDigits<`${Full}`, '1'> & string, '2'>[0]} on each side of the ${Axis}`;
