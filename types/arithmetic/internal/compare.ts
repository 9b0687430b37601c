/** Ordering of canonical decimal strings: a longer string is larger; equal lengths compare at the first different digit. */
import type { Digit, DigitOrder } from './digits.js';

export type Order = 'lt' | 'eq' | 'gt';

/** 'lt' | 'eq' | 'gt' for A against B, in one pass over both strings. */
export type CompareDigits<A extends string, B extends string, First extends Order = 'eq'> =
  A extends `${infer a extends Digit}${infer AT}`
    ? B extends `${infer b extends Digit}${infer BT}`
      ? CompareDigits<AT, BT, First extends 'eq' ? DigitOrder[a][b] : First>
      : 'gt'
    : B extends ''
      ? First
      : 'lt';

/** A ≤ B. */
export type LessOrEqual<A extends string, B extends string> = CompareDigits<A, B> extends 'gt' ? false : true;
