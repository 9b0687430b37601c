/**
 * Long division of canonical decimal strings. A one-digit divisor (every stride in practice) walks the
 * dividend once through `DivTable`; a longer divisor picks each quotient digit among its nine multiples.
 */
import type { Digit, DivTable } from './digits.js';
import type { AddDigits } from './add.js';
import type { CompareDigits } from './compare.js';
import type { SubtractDigits } from './subtract.js';
import type { StripZeros } from './strings.js';

/** [quotient, remainder] of A / B for B ≠ "0". */
export type DivModDigits<A extends string, B extends string> = B extends '1'
  ? [A, '0']
  : B extends Exclude<Digit, '0'>
    ? ShortDivision<A, B>
    : LongDivision<A, Multiples<B>>;

type ShortDivision<A extends string, D extends Exclude<Digit, '0'>, R extends Digit = '0', Q extends string = ''> =
  A extends `${infer a extends Digit}${infer AT}`
    ? DivTable[D][`${R}${a}`] extends `${infer q extends Digit}${infer r extends Digit}`
      ? ShortDivision<AT, D, r, `${Q}${q}`>
      : never
    : [StripZeros<Q>, R];

/** [B·9, B·8, …, B·1] with their quotient digits, largest first. */
type Multiples<B extends string> = AddDigits<B, B> extends infer B2 extends string
  ? AddDigits<B2, B> extends infer B3 extends string
    ? AddDigits<B3, B> extends infer B4 extends string
      ? AddDigits<B4, B> extends infer B5 extends string
        ? AddDigits<B5, B> extends infer B6 extends string
          ? AddDigits<B6, B> extends infer B7 extends string
            ? AddDigits<B7, B> extends infer B8 extends string
              ? AddDigits<B8, B> extends infer B9 extends string
                ? [['9', B9], ['8', B8], ['7', B7], ['6', B6], ['5', B5], ['4', B4], ['3', B3], ['2', B2], ['1', B]]
                : never
              : never
            : never
          : never
        : never
      : never
    : never
  : never;

type LongDivision<A extends string, M extends [string, string][], R extends string = '0', Q extends string = ''> =
  A extends `${infer a extends Digit}${infer AT}`
    ? StripZeros<`${R}${a}`> extends infer R2 extends string
      ? QuotientDigit<R2, M> extends [infer q extends string, infer Product extends string]
        ? LongDivision<AT, M, SubtractDigits<R2, Product> & string, `${Q}${q}`>
        : never
      : never
    : [StripZeros<Q>, R];

/** The largest multiple of the divisor not above R, as [digit, multiple]; ['0', '0'] when none fits. */
type QuotientDigit<R extends string, M extends [string, string][]> = M extends [
  infer Head extends [string, string],
  ...infer Rest extends [string, string][],
]
  ? CompareDigits<Head[1], R> extends 'gt'
    ? QuotientDigit<R, Rest>
    : Head
  : ['0', '0'];
