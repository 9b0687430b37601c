/** Runtime twin of types/batch-norm.ts: batchNorm keeps its input's shape (rank ≥ 2) and needs ε > 0. */
import type { BatchNormOptions, BatchNormRank, EpsilonMessage } from '../../types/batch-norm.js';
import { ShapeError } from '../errors.js';
import { formatShape } from './format.js';
import { rankMessage } from './messages.js';
import { checkKnown } from './options.js';

const RANK: BatchNormRank = 'rank ≥ 2 [B, …, C]';

/** The message of a bad ε (its type is the compile-time message). */
export const epsilonMessage = <V extends string | number>(value: V): EpsilonMessage<V> =>
  `batchNorm: epsilon is not a positive number (got ${value}, expected a finite number > 0)`;

/** Twin of `BatchNormResult`. @example batchNormShape([-1, 112, 112, 64], { epsilon: 1e-5 }) //=> [-1, 112, 112, 64] */
export function batchNormShape(input: readonly number[], options: BatchNormOptions): number[] {
  const layer = 'batchNorm';
  if (input.length < 2) throw new ShapeError(rankMessage(layer, formatShape(input), RANK), layer);
  checkKnown(layer, options, ['epsilon', 'name']);
  const e: unknown = options.epsilon;
  if (e !== undefined && !(typeof e === 'number' && Number.isFinite(e) && e > 0)) {
    throw new ShapeError(epsilonMessage(typeof e === 'number' ? e : String(e)), layer, 'epsilon');
  }
  return [...input];
}
