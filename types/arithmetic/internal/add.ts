/** Addition of canonical decimal strings, digit by digit from the least significant end with a carry. */
import type { AddTable, Bit, Digit } from './digits.js';
import type { Reverse } from './strings.js';

/** A + B. */
export type AddDigits<A extends string, B extends string> = A extends '0'
  ? B
  : B extends '0'
    ? A
    : AddReversed<Reverse<A>, Reverse<B>, '0'>;

/** Sum of two reversed digit strings; the accumulator is built most significant digit first. */
type AddReversed<A extends string, B extends string, Carry extends Bit, Acc extends string = ''> =
  A extends `${infer a extends Digit}${infer AT}`
    ? B extends `${infer b extends Digit}${infer BT}`
      ? AddTable[Carry][a][b] extends `${infer C extends Bit}${infer D}`
        ? AddReversed<AT, BT, C, `${D}${Acc}`>
        : never
      : Carry extends '0'
        ? `${Reverse<A>}${Acc}`
        : AddTable['1'][a]['0'] extends `${infer C extends Bit}${infer D}`
          ? AddReversed<AT, '', C, `${D}${Acc}`>
          : never
    : B extends `${Digit}${string}`
      ? AddReversed<B, '', Carry, Acc>
      : Carry extends '1'
        ? `1${Acc}`
        : Acc;
