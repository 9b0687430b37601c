/** Runtime twin of types/adaptive-pool.ts: the output shape of adaptiveAvgPool2d, and its bins. */
import { ShapeError } from '../errors.js';
import type { AdaptiveAvgPool2dOptions } from '../../types/adaptive-pool.js';
import { formatShape } from './format.js';
import { rankMessage } from './messages.js';
import { checkKnown, checkRanges, pairOf, type Range } from './options.js';

const KEYS = ['outputSize', 'name'];
const RANGES: [string, Range][] = [['outputSize', 'positive']];

/** Twin of `AdaptiveAvgPool2dResult`. @example adaptivePool2dShape([-1, 13, 13, 256], { outputSize: 6 }) //=> [-1, 6, 6, 256] */
export function adaptivePool2dShape(input: readonly number[], options: AdaptiveAvgPool2dOptions): number[] {
  const layer = 'adaptiveAvgPool2d';
  if (input.length !== 4) throw new ShapeError(rankMessage(layer, formatShape(input), 'rank 4 [B, H, W, C]'), layer);
  checkKnown(layer, options, KEYS);
  checkRanges(layer, options, RANGES);
  const [batch, , , c] = input as [number, number, number, number];
  const [oh, ow] = pairOf(options.outputSize, 1);
  return [batch, oh, ow, c];
}
