/**
 * Number literal ⇄ digit string, with the validation every public operation shares.
 *
 * `number` in → `number` out (an unknown size stays unknown); a union of literals is treated as `number`;
 * anything that is not a non-negative integer literal (-3, 2.5, 1e21) is rejected with a message string
 * that names the operation, so it shows in a hover or an error instead of a silently wrong result.
 */
import type { CompareDigits } from './internal/compare.js';
import type { IsDigits } from './internal/strings.js';

/** 2^53 − 1, the largest integer every result is exact up to. */
export type MaxSafeInteger = 9007199254740991;
type MaxSafeDigits = '9007199254740991';

/** A safe non-negative integer literal: digits only and ≤ 2^53 − 1. @example IsSafeNatural<9007199254740992> //=> false */
export type IsSafeNatural<N extends number> = IsDigits<`${N}`> extends true
  ? CompareDigits<`${N}`, MaxSafeDigits> extends 'gt'
    ? false
    : true
  : false;

/** The message of a rejected operand: `<Op>: operand is not a non-negative integer (got -3, expected an integer literal ≥ 0)`. */
export type InvalidOperand<Op extends string, N extends number> =
  `${Op}: operand is not a non-negative integer (got ${N}, expected an integer literal ≥ 0)`;

type IsUnion<T, All = T> = T extends unknown ? ([All] extends [T] ? false : true) : never;

/** The canonical digits of N; `number` for `number` or a union; `InvalidOperand` otherwise. */
export type DigitsOf<N extends number, Op extends string = 'convtype'> = number extends N
  ? number
  : true extends IsUnion<N>
    ? number
    : IsDigits<`${N}`> extends true
      ? CompareDigits<`${N}`, MaxSafeDigits> extends 'gt'
        ? number // above 2^53 − 1 a literal's spelling is not its value (JS rounds it): unknown
        : `${N}`
      : InvalidOperand<Op, N>;

/** The digits of A and B as a pair, or `number` / the first operand's error. */
export type DigitsOf2<Op extends string, A extends number, B extends number> = DigitsOf<A, Op> extends infer a
  ? DigitsOf<B, Op> extends infer b
    ? a extends `${string}: ${string}`
      ? a
      : b extends `${string}: ${string}`
        ? b
        : a extends string
          ? b extends string
            ? [a, b]
            : number
          : number
    : never
  : never;

/** The number literal of canonical digits S, or `number` above 2^53 − 1 (where literals stop being exact). */
export type NumberOf<S extends string> = CompareDigits<S, MaxSafeDigits> extends 'gt'
  ? number
  : S extends `${infer N extends number}`
    ? N
    : never;
