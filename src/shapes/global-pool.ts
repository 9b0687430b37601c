/** Runtime twin of types/global-pool.ts: the output shape of globalAvgPool2d / globalMaxPool2d. */
import { ShapeError } from '../errors.js';
import type { GlobalPool2dOptions, GlobalPoolLayer } from '../../types/global-pool.js';
import { formatShape } from './format.js';
import { rankMessage } from './messages.js';
import { checkKnown } from './options.js';

const KEYS = ['keepDims', 'name'];

/** Twin of `GlobalPool2dResult`. @example globalPool2dShape('globalAvgPool2d', [-1, 7, 7, 2048], {}) //=> [-1, 2048] */
export function globalPool2dShape(layer: GlobalPoolLayer, input: readonly number[], options: GlobalPool2dOptions): number[] {
  if (input.length !== 4) throw new ShapeError(rankMessage(layer, formatShape(input), 'rank 4 [B, H, W, C]'), layer);
  checkKnown(layer, options, KEYS);
  const [batch, , , c] = input as [number, number, number, number];
  return options.keepDims === true ? [batch, 1, 1, c] : [batch, c];
}
