/** The shape check of `input(...)`: every dimension a positive integer literal (or `number`). */
import type { IsSafeNatural } from './arithmetic/operand.js';
import type { PositiveOrNumber } from './options.js';
import type { InputDimMessage } from './messages.js';

/** `Dims` when every dim is valid, else the message for the first bad one. @example InputCheck<[0, 3]> //=> 'input: dimension 0 is not a positive integer (got 0, expected an integer ≥ 1)' */
export type InputCheck<Dims extends readonly number[], All extends readonly number[] = Dims, Index extends unknown[] = []> =
  Dims extends readonly [infer D extends number, ...infer Rest extends readonly number[]]
    ? number extends D
      ? InputCheck<Rest, All, [...Index, 0]>
      : IsSafeNatural<D> extends true
        ? D extends 0
          ? InputDimMessage<Index['length'], D>
          : InputCheck<Rest, All, [...Index, 0]>
        : InputDimMessage<Index['length'], D>
    : All;

/** The dims a tensor gets from `input(dims)`: as given when valid, all `number` after an error (so it does not cascade). */
export type InputDims<Dims extends readonly number[]> = InputCheck<Dims> extends Dims ? Dims : { readonly [K in keyof Dims]: number };

/** The `batch` option: B when it is a positive integer literal (or `number`), else the message. */
export type BatchArgument<B extends number> = number extends B ? B : PositiveOrNumber<B> extends B ? B : InputDimMessage<'batch', B>;

/** The batch dim a tensor gets: B when valid, else `number`. */
export type InputBatch<B extends number> = PositiveOrNumber<B>;
