/** Addition, subtraction and multiplication of non-negative integer literal types. */
import type { AddDigits } from './internal/add.js';
import type { MultiplyDigits } from './internal/multiply.js';
import type { Negative, SubtractDigits } from './internal/subtract.js';
import type { DigitsOf2, NumberOf } from './operand.js';

/**
 * A + B, exact up to 2^53 − 1 (`number` beyond, or for a `number` operand).
 * @example Add<9_999, 1> //=> 10000
 */
export type Add<A extends number, B extends number> = DigitsOf2<'Add', A, B> extends [
  infer a extends string,
  infer b extends string,
]
  ? NumberOf<AddDigits<a, b>>
  : DigitsOf2<'Add', A, B>;

/**
 * A − B; a negative literal when B > A.
 * @example Subtract<3, 5> //=> -2
 */
export type Subtract<A extends number, B extends number> = DigitsOf2<'Subtract', A, B> extends [
  infer a extends string,
  infer b extends string,
]
  ? SubtractDigits<a, b> extends infer D extends string
    ? NumberOf<D>
    : SubtractDigits<b, a> extends infer D extends string
      ? NumberOf<D> extends infer N extends number
        ? number extends N
          ? number
          : `-${D}` extends `${infer M extends number}`
            ? M
            : never
        : never
      : never
  : DigitsOf2<'Subtract', A, B>;

/**
 * A · B, exact while the product is ≤ 2^53 − 1 (intermediate digits are unbounded).
 * @example Multiply<7, Multiply<7, 512>> //=> 25088
 */
export type Multiply<A extends number, B extends number> = DigitsOf2<'Multiply', A, B> extends [
  infer a extends string,
  infer b extends string,
]
  ? NumberOf<MultiplyDigits<a, b>>
  : DigitsOf2<'Multiply', A, B>;

export type { Negative };
