/** Subtraction of canonical decimal strings with a borrow; a negative outcome is reported, never wrapped. */
import type { Bit, Digit, SubTable } from './digits.js';
import type { Reverse, StripZeros } from './strings.js';

/** Marks a subtraction whose result would be below zero. */
export type Negative = { readonly negative: true };

/** A − B, or `Negative` when B > A. */
export type SubtractDigits<A extends string, B extends string> = B extends '0'
  ? A
  : SubReversed<Reverse<A>, Reverse<B>, '0'>;

type SubReversed<A extends string, B extends string, Borrow extends Bit, Acc extends string = ''> =
  A extends `${infer a extends Digit}${infer AT}`
    ? B extends `${infer b extends Digit}${infer BT}`
      ? SubTable[Borrow][a][b] extends `${infer C extends Bit}${infer D}`
        ? SubReversed<AT, BT, C, `${D}${Acc}`>
        : never
      : Borrow extends '0'
        ? StripZeros<`${Reverse<A>}${Acc}`>
        : SubTable['1'][a]['0'] extends `${infer C extends Bit}${infer D}`
          ? SubReversed<AT, '', C, `${D}${Acc}`>
          : never
    : B extends ''
      ? Borrow extends '0'
        ? StripZeros<Acc>
        : Negative
      : Negative;
