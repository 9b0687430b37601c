/**
 * The suggestion that ends a kernel-fit or window-fit error: the padding to add on each side of the failing
 * axis, and the largest kernel (window) that fits the padded input as it is; with dilation, also the largest
 * dilation. Runtime twin: src/shapes/suggestions/fit.ts (`fitFix`).
 *
 * Decision: computed from the figures the failure already carries — the kernel `k`, its dilated length
 * `ke = d(k − 1) + 1` and the padded length `P` — so the rule files need no new parameter (the dilation is
 * `(ke − 1)/(k − 1)`; `k = 1` always fits, so `k > 1` here). The padding is phrased as padding to ADD
 * (`⌈(ke − P)/2⌉` per side), which is exact whatever padding the layer already has; an absolute value would
 * need the unpadded length, which the failure does not carry. The largest kernel is `⌊(P − 1)/d⌋ + 1`, the
 * largest dilation `⌊(P − 1)/(k − 1)⌋` (named only when the layer is dilated and one ≥ 1 fits).
 *
 * Exact for conv (every padding mode but 'same', which never fails) and for pooling in floor mode. In ceil
 * mode a pool accepts up to `s − 1` more (SEMANTICS.md §4), so the suggested figures are sufficient there but
 * may be one step more than needed; a pool's padding must also stay ≤ ⌊ke/2⌋, which the added padding
 * respects when the existing padding is symmetric (asymmetric explicit pool padding is not checked here).
 */
import type { AddDigits } from '../arithmetic/internal/add.js';
import type { DivModDigits } from '../arithmetic/internal/divide.js';
import type { SubtractDigits } from '../arithmetic/internal/subtract.js';

type Value = string | number;

/**
 * `; to fit, add padding N on each side of the <axis> or use <option> ≤ K` (and `… or dilation ≤ D`).
 * @example KernelFitFix<'kernel', 'height', 7, 7, 5> //=> '; to fit, add padding 1 on each side of the height or use kernel ≤ 5'
 */
export type KernelFitFix<Option extends string, Axis extends string, K extends Value, KE extends Value, P extends Value> =
  SubtractDigits<`${KE}`, `${P}`> extends infer Gap extends string
    ? SubtractDigits<`${P}`, '1'> extends infer P1 extends string
      ? SubtractDigits<`${K}`, '1'> extends infer K1 extends string
        ? DivModDigits<SubtractDigits<`${KE}`, '1'> & string, K1>[0] extends infer D extends string
          ? `; to fit, add padding ${HalfUp<Gap>} on each side of the ${Axis} or use ${Option} ≤ ${AddDigits<DivModDigits<P1, D>[0], '1'>}${DilationPart<D, P1, K1>}`
          : never
        : never
      : never
    : never;

/** `⌈n/2⌉` of a digit string. */
type HalfUp<N extends string> = DivModDigits<N, '2'> extends [infer Q extends string, infer R extends string] ? (R extends '0' ? Q : AddDigits<Q, '1'>) : never;

/** ` or dilation ≤ D'` when the layer is dilated and some dilation fits; '' otherwise. */
type DilationPart<D extends string, P1 extends string, K1 extends string> = D extends '1'
  ? ''
  : DivModDigits<P1, K1>[0] extends infer Largest extends string
    ? Largest extends '0'
      ? ''
      : ` or dilation ≤ ${Largest}`
    : never;
