/** Floor and ceiling division, remainder and divisibility of non-negative integer literal types. */
import type { DivModDigits } from './internal/divide.js';
import type { DigitsOf2, NumberOf } from './operand.js';
import type { AddDigits } from './internal/add.js';

/** The message of a division by zero. */
export type DivisionByZero<Op extends string, A extends number> =
  `${Op}: division by zero (got ${A} / 0, expected a divisor ≥ 1)`;

type DivMod<Op extends string, A extends number, B extends number> = DigitsOf2<Op, A, B> extends [
  infer a extends string,
  infer b extends string,
]
  ? b extends '0'
    ? DivisionByZero<Op, A>
    : DivModDigits<a, b>
  : DigitsOf2<Op, A, B>;

/**
 * ⌊A / B⌋.
 * @example FloorDivide<216, 4> //=> 54
 */
export type FloorDivide<A extends number, B extends number> = DivMod<'FloorDivide', A, B> extends [
  infer Q extends string,
  string,
]
  ? NumberOf<Q>
  : DivMod<'FloorDivide', A, B>;

/**
 * ⌈A / B⌉.
 * @example CeilDivide<227, 4> //=> 57
 */
export type CeilDivide<A extends number, B extends number> = DivMod<'CeilDivide', A, B> extends [
  infer Q extends string,
  infer R extends string,
]
  ? NumberOf<R extends '0' ? Q : AddDigits<Q, '1'>>
  : DivMod<'CeilDivide', A, B>;

/**
 * A mod B.
 * @example Remainder<227, 4> //=> 3
 */
export type Remainder<A extends number, B extends number> = DivMod<'Remainder', A, B> extends [
  string,
  infer R extends string,
]
  ? NumberOf<R>
  : DivMod<'Remainder', A, B>;

/**
 * Whether B divides A; `boolean` when either is `number`.
 * @example IsDivisible<96, 2> //=> true
 */
export type IsDivisible<A extends number, B extends number> = DivMod<'IsDivisible', A, B> extends [
  string,
  infer R extends string,
]
  ? R extends '0'
    ? true
    : false
  : DivMod<'IsDivisible', A, B> extends number
    ? boolean
    : DivMod<'IsDivisible', A, B>;
