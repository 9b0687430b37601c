/** Runtime twins of types/dense.ts and types/flatten.ts. */
import { ShapeError } from '../errors.js';
import type { DenseOptions } from '../../types/dense.js';
import { formatShape } from './format.js';
import { rankMessage } from './messages.js';
import { checkDeclared, checkKnown, checkRanges } from './options.js';

/** Twin of `DenseResult`. @example denseShape([-1, 9216], { units: 4096 }) //=> [-1, 4096] */
export function denseShape(input: readonly number[], options: DenseOptions): number[] {
  const layer = 'dense';
  if (input.length !== 2) throw new ShapeError(rankMessage(layer, formatShape(input), 'rank 2 [B, features]; flatten first'), layer);
  checkKnown(layer, options, ['units', 'inFeatures', 'useBias', 'kernelInitializer', 'biasInitializer', 'name']);
  checkRanges(layer, options, [
    ['units', 'positive'],
    ['inFeatures', 'positive'],
  ]);
  checkDeclared(layer, 'inFeatures', options.inFeatures, input[1]!, 'features', formatShape(input));
  return [input[0]!, options.units];
}

/** Twin of `FlattenResult`. @example flattenShape([-1, 7, 7, 512]) //=> [-1, 25088] */
export function flattenShape(input: readonly number[]): number[] {
  const dims = input.slice(1);
  return [input[0]!, dims.some((d) => d < 0) ? -1 : dims.reduce((a, b) => a * b, 1)];
}
