/**
 * Digit tables for decimal digit-string arithmetic.
 *
 * Decision: numbers are carried as canonical decimal strings ("0", "227", "25088") and combined digit by
 * digit through lookup tables, instead of tuple lengths (which stop at 9,999 elements and grow linearly
 * with the value) or binary strings. The tables below are computed once per program from tiny tuples.
 */

export type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
export type Bit = '0' | '1';

/** A tuple with as many elements as the digit's value (0..9). */
type DigitTuple = {
  '0': [];
  '1': [0];
  '2': [0, 0];
  '3': [0, 0, 0];
  '4': [0, 0, 0, 0];
  '5': [0, 0, 0, 0, 0];
  '6': [0, 0, 0, 0, 0, 0];
  '7': [0, 0, 0, 0, 0, 0, 0];
  '8': [0, 0, 0, 0, 0, 0, 0, 0];
  '9': [0, 0, 0, 0, 0, 0, 0, 0, 0];
};

/** A number 0..99 as exactly two characters, tens first ("07", "18"). */
type TwoChars<N> = N extends number ? (`${N}` extends `${infer D extends Digit}` ? `0${D}` : `${N}`) : never;

/** Tuple of length Σ (A repeated Times). */
type Repeat<A extends 0[], Times extends 0[], Acc extends 0[] = []> = Times extends [0, ...infer Rest extends 0[]]
  ? Repeat<A, Rest, [...Acc, ...A]>
  : Acc;

/** `AddTable[carry][a][b]` = two chars: carry out, then the digit of a + b + carry. */
export type AddTable = {
  [C in Bit]: {
    [A in Digit]: { [B in Digit]: TwoChars<[...DigitTuple[C], ...DigitTuple[A], ...DigitTuple[B]]['length']> };
  };
};

/** Digit of `10 + a − b − borrow` and whether a borrow goes out: `SubTable[borrow][a][b]` = borrow out, then digit. */
export type SubTable = {
  [C in Bit]: {
    [A in Digit]: {
      [B in Digit]: [...DigitTuple[A]] extends [...DigitTuple[B], ...DigitTuple[C], ...infer R]
        ? `0${R['length'] & number}`
        : [...DigitTuple['9'], 0, ...DigitTuple[A]] extends [...DigitTuple[B], ...DigitTuple[C], ...infer R]
          ? `1${R['length'] & number}`
          : never;
    };
  };
};

/** `MulTable[a][b]` = the two chars of a·b (0..81). */
export type MulTable = {
  [A in Digit]: { [B in Digit]: TwoChars<Repeat<DigitTuple[A], DigitTuple[B]>['length']> };
};

/** `DigitOrder[a][b]`: 'lt' | 'eq' | 'gt'. */
export type DigitOrder = {
  [A in Digit]: {
    [B in Digit]: A extends B ? 'eq' : DigitTuple[A] extends [...DigitTuple[B], ...infer _] ? 'gt' : 'lt';
  };
};

/**
 * `DivTable[d][n]` for a divisor digit d (1..9) and a two-digit string n ("00".."99") with n < 10·d:
 * two chars, quotient digit then remainder digit.
 */
export type DivTable = {
  [D in Exclude<Digit, '0'>]: { [N in `${Digit}${Digit}`]: SmallDivision<N, DigitTuple[D]> };
};

type SmallDivision<N extends string, D extends 0[]> = N extends `${infer T extends Digit}${infer U extends Digit}`
  ? CountSubtractions<[...Repeat<DigitTuple[T], DigitTuple['9']>, ...DigitTuple[T], ...DigitTuple[U]], D>
  : never;

type CountSubtractions<N extends 0[], D extends 0[], Q extends 0[] = []> = N extends [...D, ...infer R extends 0[]]
  ? CountSubtractions<R, D, [...Q, 0]>
  : Q['length'] extends 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9
    ? `${Q['length']}${N['length'] & number}`
    : never;
