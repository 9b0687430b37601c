/** String helpers shared by the digit-string operations. Strings here are canonical decimals: "0" or no leading zero. */
import type { Digit } from './digits.js';

/** Reverses a string (least significant digit first), carrying the result in an accumulator. */
export type Reverse<S extends string, Acc extends string = ''> = S extends `${infer H}${infer T}`
  ? Reverse<T, `${H}${Acc}`>
  : Acc;

/** Drops leading zeros; "" and "000" become "0". */
export type StripZeros<S extends string> = S extends `0${infer T}` ? StripZeros<T> : S extends '' ? '0' : S;

/** True when S is a non-empty string of decimal digits. */
export type IsDigits<S extends string> = S extends `${Digit}${infer T}` ? (T extends '' ? true : IsDigits<T>) : false;
