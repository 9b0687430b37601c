/** The shape check of `input(...)`: every dimension a positive integer literal (or `number`). */
import type { IsDigits } from './arithmetic/internal/strings.js';
import type { InputDimMessage } from './messages.js';

/** `Dims` when every dim is valid, else the message for the first bad one. @example InputCheck<[0, 3]> //=> 'input: dimension 0 is not a positive integer (got 0, expected an integer ≥ 1)' */
export type InputCheck<Dims extends readonly number[], All extends readonly number[] = Dims, Index extends unknown[] = []> =
  Dims extends readonly [infer D extends number, ...infer Rest extends readonly number[]]
    ? number extends D
      ? InputCheck<Rest, All, [...Index, 0]>
      : IsDigits<`${D}`> extends true
        ? D extends 0
          ? InputDimMessage<Index['length'], D>
          : InputCheck<Rest, All, [...Index, 0]>
        : InputDimMessage<Index['length'], D>
    : All;
