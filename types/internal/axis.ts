/**
 * Per-axis length rules on digit strings, shared by conv, transposed conv and pooling (SEMANTICS.md §1–4).
 * Each takes number literals already checked to be integers in range; any `number` gives `number`.
 */
import type { AddDigits } from '../arithmetic/internal/add.js';
import type { CompareDigits } from '../arithmetic/internal/compare.js';
import type { DivModDigits } from '../arithmetic/internal/divide.js';
import type { MultiplyDigits } from '../arithmetic/internal/multiply.js';
import type { SubtractDigits } from '../arithmetic/internal/subtract.js';
import type { NumberOf } from '../arithmetic/operand.js';

/** A per-axis result: the output length, or the figures a message needs. */
export type AxisOk<Out extends number> = { readonly out: Out };

/** Effective (dilated) kernel `d·(k − 1) + 1` as digits. */
export type DilatedDigits<K extends string, D extends string> = D extends '1'
  ? K
  : SubtractDigits<K, '1'> extends infer K1 extends string
    ? AddDigits<MultiplyDigits<D, K1>, '1'>
    : never;

/** Conv output `⌊(P − ke)/s⌋ + 1`, or `{ fit: [ke, P] }` when the dilated kernel is longer than the padded input. */
export type ConvLength<In extends number, K extends number, S extends number, D extends number, PB extends number, PE extends number> =
  number extends In | K | S | D | PB | PE
    ? AxisOk<number>
    : DilatedDigits<`${K}`, `${D}`> extends infer KE extends string
      ? AddDigits<AddDigits<`${In}`, `${PB}`>, `${PE}`> extends infer P extends string
        ? SubtractDigits<P, KE> extends infer N extends string
          ? AxisOk<NumberOf<AddDigits<DivModDigits<N, `${S}`>[0], '1'>>>
          : { readonly fit: [NumberOf<KE>, NumberOf<P>] }
        : never
      : never;

/** TF 'same' output `⌈in/s⌉` (conv and pooling). */
export type SameLength<In extends number, S extends number> = number extends In | S
  ? AxisOk<number>
  : DivModDigits<`${In}`, `${S}`> extends [infer Q extends string, infer R extends string]
    ? AxisOk<NumberOf<R extends '0' ? Q : AddDigits<Q, '1'>>>
    : never;

/**
 * Pooling output `⌊(P − ke + (ceil ? s − 1 : 0))/s⌋ + 1`, minus one in ceil mode when the last window would
 * start past the input and left padding. Fails with `{ pad: ⌊ke/2⌋ }` when a pad exceeds half the window, or
 * `{ fit: [ke, P] }` when no window fits.
 */
export type PoolLength<
  In extends number,
  K extends number,
  S extends number,
  D extends number,
  PB extends number,
  PE extends number,
  Ceil extends boolean,
> = number extends K | D | PB | PE ? AxisOk<number> : PoolPadding<In, `${S}`, DilatedDigits<`${K}`, `${D}`>, PB, PE, Ceil>;

/** The padding check of `PoolLength` (pads ≤ ⌊ke/2⌋), staged on its own so each alias stays small. */
type PoolPadding<In extends number, S extends string, KE extends string, PB extends number, PE extends number, Ceil extends boolean> =
  DivModDigits<KE, '2'>[0] extends infer Half extends string
    ? CompareDigits<`${PB}`, Half> extends 'gt'
      ? { readonly pad: [PB, NumberOf<Half>] }
      : CompareDigits<`${PE}`, Half> extends 'gt'
        ? { readonly pad: [PE, NumberOf<Half>] }
        : number extends In | S
          ? AxisOk<number>
          : PoolWindows<AddDigits<`${In}`, `${PB}`>, `${PE}`, S, KE, Ceil>
    : never;

/** The window count of `PoolLength` once the pads are valid; `InPB` = in + pb. */
type PoolWindows<InPB extends string, PE extends string, S extends string, KE extends string, Ceil extends boolean> =
  AddDigits<InPB, PE> extends infer P extends string
    ? SubtractDigits<Ceil extends true ? AddDigits<P, SubtractDigits<S, '1'> & string> : P, KE> extends infer N extends string
      ? DivModDigits<N, S>[0] extends infer Q extends string
        ? Ceil extends true
          ? CompareDigits<MultiplyDigits<Q, S>, InPB> extends 'lt'
            ? AxisOk<NumberOf<AddDigits<Q, '1'>>>
            : AxisOk<NumberOf<Q>>
          : AxisOk<NumberOf<AddDigits<Q, '1'>>>
        : never
      : { readonly fit: [NumberOf<KE>, NumberOf<P>] }
    : never;

/**
 * Transposed conv output `(in − 1)·s − pb − pe + d·(k − 1) + op + 1`. Fails with `{ op: max(s, d) }` when
 * op ≥ max(s, d), or `{ fit: [pb + pe, full] }` when the pads remove the whole output.
 */
export type TransposeLength<
  In extends number,
  K extends number,
  S extends number,
  D extends number,
  PB extends number,
  PE extends number,
  Op extends number,
> = number extends S | D | Op
  ? AxisOk<number>
  : (CompareDigits<`${S}`, `${D}`> extends 'lt' ? `${D}` : `${S}`) extends infer Limit extends string
    ? CompareDigits<`${Op}`, Limit> extends 'lt'
      ? number extends In | K | PB | PE
        ? AxisOk<number>
        : MultiplyDigits<SubtractDigits<`${In}`, '1'> & string, `${S}`> extends infer Span extends string
        ? AddDigits<AddDigits<Span, DilatedDigits<`${K}`, `${D}`>>, `${Op}`> extends infer Full extends string
          ? AddDigits<`${PB}`, `${PE}`> extends infer Pads extends string
            ? SubtractDigits<Full, Pads> extends infer Out extends string
              ? Out extends '0'
                ? { readonly fit: [NumberOf<Pads>, NumberOf<Full>] }
                : AxisOk<NumberOf<Out>>
              : { readonly fit: [NumberOf<Pads>, NumberOf<Full>] }
            : never
          : never
        : never
      : { readonly op: NumberOf<Limit> }
    : never;

/** Keras 'same' transposed output `in·s`. */
export type TransposeSameLength<In extends number, S extends number> = number extends In | S
  ? AxisOk<number>
  : AxisOk<NumberOf<MultiplyDigits<`${In}`, `${S}`>>>;
