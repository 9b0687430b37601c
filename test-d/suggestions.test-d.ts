/**
 * The suggestion types (types/suggestions/*.ts) against the shared table test/cases/suggestion-cases.ts, the
 * same table test/suggestions.test.ts checks the runtime twins with: each fit case's `KernelFitFix`, and each
 * join case's whole sentence from the rules `add`/`residual add` (`ElementwiseResult`) and `concat`
 * (`ConcatResult`) — so a join without a suggestion is pinned to end where it did before.
 */
import { expectType } from 'tsd';
import type { Shape } from '../src/index.js';
import type { ConcatResult, ElementwiseResult, Fail } from '../src/types-entry.js';
import type { KernelFitFix } from '../types/suggestions/fit.js';
import type { JoinFix } from '../types/suggestions/join.js';
import type { TransposeFitFix } from '../types/suggestions/transpose.js';
import type { FIT_FIX_CASES, JOIN_CASES, TRANSPOSE_FIX_CASES } from '../test/cases/suggestion-cases.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// ─── Examples, one per shape of sentence ───────────────────────────────────────────────────────────
expectType<Equal<KernelFitFix<'kernel', 'height', 7, 7, 5>, '; to fit, add padding 1 on each side of the height or use kernel ≤ 5'>>(true);
expectType<Equal<KernelFitFix<'kernel', 'height', 3, 9, 8>, '; to fit, add padding 1 on each side of the height or use kernel ≤ 2 or dilation ≤ 3'>>(true);
expectType<Equal<JoinFix<'add', readonly [number, 56, 56, 64], readonly [number, 56, 56, 64]>, ''>>(true);
expectType<
  Equal<
    JoinFix<'add', readonly [number, 56, 56, 64], readonly [number, 53, 53, 64]>,
    "; the second is 3 smaller in height and width: after a stride-1 conv only padding 'same' keeps it (1 before, 2 after; d(k−1) = 3 is odd), after a transposed conv outputPadding 3"
  >
>(true);
// channels are the concatenation axis, so concat ignores them; add does not
expectType<Equal<JoinFix<'add', readonly [number, 56, 56, 64], readonly [number, 54, 54, 32]>, ''>>(true);
expectType<Equal<JoinFix<'concat', readonly [number, 56, 56, 64], readonly [number, 54, 54, 32]> extends `; the second is 2 smaller${string}` ? true : false, true>>(true);

// ─── The shared table ──────────────────────────────────────────────────────────────────────────────
type FitMismatches = (typeof FIT_FIX_CASES)[number] extends infer C
  ? C extends { name: infer N; option: infer O extends string; axis: infer A extends string; kernel: infer K extends number; dilated: infer KE extends number; padded: infer P extends number; fix: infer F }
    ? Equal<KernelFitFix<O, A, K, KE, P>, F> extends true
      ? never
      : [N, KernelFitFix<O, A, K, KE, P>]
    : never
  : never;
expectType<Equal<FitMismatches, never>>(true);

type TransposeMismatches = (typeof TRANSPOSE_FIX_CASES)[number] extends infer C
  ? C extends { name: infer N; axis: infer A extends string; full: infer F extends number; fix: infer X }
    ? Equal<TransposeFitFix<A, F>, X> extends true
      ? never
      : [N, TransposeFitFix<A, F>]
    : never
  : never;
expectType<Equal<TransposeMismatches, never>>(true);

/** A table shape as a type: −1 (unknown) becomes `number`. */
type TypeShape<S extends readonly number[]> = { readonly [I in keyof S]: S[I] extends -1 ? number : S[I] };
type JoinMessage<C> = C extends { layer: infer L extends string; a: infer A extends readonly number[]; b: infer B extends readonly number[] }
  ? (L extends 'concat' ? ConcatResult<[TypeShape<A>, TypeShape<B>]> : ElementwiseResult<L, TypeShape<A>, TypeShape<B>>) extends Fail<string, infer M, Shape>
    ? M
    : 'compiles'
  : never;
type JoinMismatches = (typeof JOIN_CASES)[number] extends infer C
  ? C extends { name: infer N; message: infer M }
    ? Equal<JoinMessage<C>, M> extends true
      ? never
      : [N, JoinMessage<C>]
    : never
  : never;
expectType<Equal<JoinMismatches, never>>(true);
