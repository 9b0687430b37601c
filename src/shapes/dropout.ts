/** Runtime twin of types/dropout.ts: dropout keeps its input's shape and needs 0 ≤ rate < 1. */
import type { DropoutOptions, DropoutRateMessage } from '../../types/dropout.js';
import { ShapeError } from '../errors.js';
import { checkKnown } from './options.js';

/** The message of a rate outside [0, 1) (its type is the compile-time message). */
export const dropoutRateMessage = <V extends string | number>(value: V): DropoutRateMessage<V> =>
  `dropout: rate is out of range (got ${value}, expected 0 ≤ rate < 1)`;

/** Twin of `DropoutResult`. @example dropoutShape([-1, 4096], { rate: 0.5 }) //=> [-1, 4096] */
export function dropoutShape(input: readonly number[], options: DropoutOptions): number[] {
  const layer = 'dropout';
  checkKnown(layer, options, ['rate', 'name']);
  const r: unknown = options.rate;
  if (!(typeof r === 'number' && r >= 0 && r < 1)) {
    throw new ShapeError(dropoutRateMessage(typeof r === 'number' ? r : String(r)), layer, 'rate');
  }
  return [...input];
}
