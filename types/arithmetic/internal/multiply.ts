/** Schoolbook multiplication of canonical decimal strings: one single-digit product per digit of the shorter factor. */
import type { AddTable, Digit, MulTable } from './digits.js';
import type { AddDigits } from './add.js';
import type { Reverse } from './strings.js';

/** A · B. */
export type MultiplyDigits<A extends string, B extends string> = A extends '0'
  ? '0'
  : B extends '0'
    ? '0'
    : A extends '1'
      ? B
      : B extends '1'
        ? A
        : MultiplyReversed<Reverse<A>, Reverse<B>>;

/** Σ over the digits b_i of B (reversed) of A·b_i·10^i, the shift carried as trailing zeros. */
type MultiplyReversed<RA extends string, RB extends string, Shift extends string = '', Acc extends string = '0'> =
  RB extends `${infer b extends Digit}${infer BT}`
    ? MultiplyReversed<RA, BT, `${Shift}0`, b extends '0' ? Acc : AddDigits<Acc, `${TimesDigit<RA, b>}${Shift}`>>
    : Acc;

/** RA (reversed) · d, most significant digit first. */
type TimesDigit<RA extends string, D extends Digit, Carry extends Digit = '0', Acc extends string = ''> =
  RA extends `${infer a extends Digit}${infer AT}`
    ? MulTable[a][D] extends `${infer T extends Digit}${infer U extends Digit}`
      ? AddTable['0'][U][Carry] extends `${infer C extends Digit}${infer Out}`
        ? AddTable['0'][T][C] extends `0${infer NextCarry extends Digit}`
          ? TimesDigit<AT, D, NextCarry, `${Out}${Acc}`>
          : never
        : never
      : never
    : Carry extends '0'
      ? Acc
      : `${Carry}${Acc}`;
