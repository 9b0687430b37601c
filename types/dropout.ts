/**
 * dropout: the identity at inference (convtype only runs inference), so the shape passes through; `rate`
 * (the fraction dropped in training, Keras' `rate`, PyTorch's `p`) must still be in [0, 1), as Keras and
 * PyTorch require, so a model ported with `rate: 50` fails here rather than in training elsewhere.
 * Runtime twin: `dropoutShape` in src/shapes/dropout.ts.
 */
import type { CheckKnown } from './internal/checks.js';
import type { OptionOf } from './options.js';
import type { Fail, Ok } from './result.js';
import type { Shape } from './shape.js';

/** Options of `dropout`. */
export interface DropoutOptions {
  /** Fraction of the inputs dropped in training, in [0, 1); unused at inference. */
  readonly rate: number;
  /** Layer name, default `dropout_<n>`. */
  readonly name?: string;
}

/** A `rate` outside [0, 1). */
export type DropoutRateMessage<V extends string | number> = `dropout: rate is out of range (got ${V}, expected 0 ≤ rate < 1)`;

/**
 * Whether a literal rate lies outside [0, 1), read from its decimal text: inside are exactly `0`, `0.…` and
 * the small numbers printed in exponent form (`1e-7`); a leading `-` is negative. `number` passes.
 * @example IsBadRate<1> //=> true
 */
export type IsBadRate<R> = [R] extends [number]
  ? number extends R
    ? false
    : `${R}` extends `-${string}`
      ? true
      : `${R}` extends '0' | `0.${string}` | `${string}e-${string}`
        ? false
        : true
  : false;

/**
 * The outcome of `dropout` with options `O` on shape `S`: the shape itself.
 * @example OutputOf<DropoutResult<readonly [number, 4096], { rate: 0.5 }>> //=> readonly [number, 4096]
 */
export type DropoutResult<S extends Shape, O> =
  CheckKnown<'dropout', O, ['rate', 'name'], S> extends infer R1
    ? R1 extends Fail<string, string, Shape>
      ? R1
      : IsBadRate<OptionOf<O, 'rate'>> extends true
        ? Fail<'rate', DropoutRateMessage<OptionOf<O, 'rate'> & number>, S>
        : Ok<S>
    : never;
