/**
 * The suggestion that ends an `add`/`concat` size mismatch when one input is smaller than the other by the same
 * amount `δ` on every spatial axis (batch and channels agreeing for `add`): the two layers that usually cause
 * it and their fix. Runtime twin: src/shapes/suggestions/join.ts (`joinFix`).
 *
 * What the rule knows is only the two shapes, not the layer that made the smaller one, so the sentence is
 * conditional and says what each cause needs:
 * - a stride-1 conv shrinks every axis by `d(k − 1)`; symmetric padding `p = d(k − 1)/2 = δ/2` keeps the size
 *   when `δ` is even; when `δ` is odd no symmetric padding does, and `'same'` pads `⌊δ/2⌋` before and
 *   `⌈δ/2⌉` after (SEMANTICS.md §1: at stride 1, `T = d(k − 1)`) — the seed's "same shape with dilation";
 * - a transposed conv ends `δ` short of the skip it joins: `outputPadding δ` reaches it. It is allowed while
 *   `δ < max(stride, dilation)` (SEMANTICS.md §3); the sentence leaves that condition to conv2dTranspose's own
 *   check, because the whole message must stay under the 320 characters TypeScript prints of a literal type
 *   in an error (a longer one ends in "..." and the suggestion is lost).
 * Sizes that differ unevenly across axes, by as much as the smaller size or more (a factor of two is a missing
 * or extra stride or upsampling, not padding), channels that differ in `add`, or an unknown spatial dim give
 * no suggestion (the error stays as it was).
 *
 * Rejected: naming the kernel (3×3 with dilation 1 and 2×2 with dilation 2 both shrink by 2; the shapes cannot
 * tell them apart), and a U-Net "use input 556 or 572" here: the join does not know the network's input size
 * (see the report in /work/wt/notes/h11-suggest.md).
 */
import type { AddDigits } from '../arithmetic/internal/add.js';
import type { CompareDigits } from '../arithmetic/internal/compare.js';
import type { DivModDigits } from '../arithmetic/internal/divide.js';
import type { SubtractDigits } from '../arithmetic/internal/subtract.js';
import type { Shape } from '../shape.js';

/** Spatial dims of a `[B, ...spatial, C]` shape. */
type SpatialOf<S extends Shape> = S extends readonly [number, ...infer M extends number[], number] ? M : [];

/** Names of the spatial axes, by count. */
type AxisNames<N extends number> = N extends 1 ? 'length' : N extends 2 ? 'height and width' : 'depth, height and width';

/**
 * `['first' | 'second', δ]`: which input is smaller and by how much, equal on every spatial axis; `false` otherwise.
 */
type Gap<A extends readonly number[], B extends readonly number[], Found = undefined> = A extends readonly [
  infer a extends number,
  ...infer AR extends number[],
]
  ? B extends readonly [infer b extends number, ...infer BR extends number[]]
    ? number extends a | b
      ? false
      : (CompareDigits<`${a}`, `${b}`> extends 'gt'
            ? Close<'second', SubtractDigits<`${a}`, `${b}`>, `${b}`>
            : CompareDigits<`${a}`, `${b}`> extends 'lt'
              ? Close<'first', SubtractDigits<`${b}`, `${a}`>, `${a}`>
              : false) extends infer G
        ? G extends [string, string]
          ? Found extends undefined
            ? Gap<AR, BR, G>
            : G extends Found
              ? Gap<AR, BR, Found>
              : false
          : false
        : never
    : false
  : Found extends [string, string]
    ? Found
    : false;

/** `[Side, δ]` when δ is less than the smaller size (so the larger is under twice the smaller), else `false`. */
type Close<Side extends string, Delta, Small extends string> = Delta extends string
  ? CompareDigits<Delta, Small> extends 'lt'
    ? [Side, Delta]
    : false
  : false;

/** Batch (and for `add` the channels) must agree for the spatial gap to be the whole story. */
type OthersAgree<Layer extends string, A extends Shape, B extends Shape> = Agree<A[0], B[0]> extends false
  ? false
  : Layer extends 'concat'
    ? true
    : A extends readonly [...number[], infer CA extends number]
      ? B extends readonly [...number[], infer CB extends number]
        ? Agree<CA, CB>
        : false
      : false;
type Agree<X extends number, Y extends number> = number extends X | Y ? true : X extends Y ? true : false;

/**
 * The suggestion for a join of A and B, or '' when there is none.
 * @example JoinFix<'add', readonly [number, 56, 56, 64], readonly [number, 54, 54, 64]> //=> "; the second is 2 smaller in height and width: after a stride-1 conv padding 1 keeps it (p = d(k−1)/2) or 'same', after a transposed conv outputPadding 2"
 */
export type JoinFix<Layer extends string, A extends Shape, B extends Shape> = A['length'] extends B['length']
  ? OthersAgree<Layer, A, B> extends true
    ? Gap<SpatialOf<A>, SpatialOf<B>> extends [infer Side extends string, infer Delta extends string]
      ? `; the ${Side} is ${Delta} smaller in ${AxisNames<SpatialOf<A>['length']>}: ${ConvPart<Delta>}, after a transposed conv outputPadding ${Delta}`
      : ''
    : ''
  : '';

/** What a stride-1 conv that shrank the input by δ = d(k − 1) needs. */
type ConvPart<Delta extends string> = DivModDigits<Delta, '2'> extends [infer Q extends string, infer R extends string]
  ? R extends '0'
    ? `after a stride-1 conv padding ${Q} keeps it (p = d(k−1)/2) or 'same'`
    : `after a stride-1 conv only padding 'same' keeps it (${Q} before, ${AddDigits<Q, '1'>} after; d(k−1) = ${Delta} is odd)`
  : never;
