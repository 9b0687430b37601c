/** Runtime twin of types/upsampling.ts: the output shape of upSampling2d. */
import { ShapeError } from '../errors.js';
import type { InterpolationMessage, UpSampling2dOptions } from '../../types/upsampling.js';
import { formatShape } from './format.js';
import { rankMessage } from './messages.js';
import { checkKnown, checkRanges, pairOf, type Range } from './options.js';

const KEYS = ['size', 'interpolation', 'name'];
const RANGES: [string, Range][] = [['size', 'positive']];

/** Twin of `InterpolationMessage` (a run-time-only error: the option type rejects other modes at compile time). */
export const interpolationMessage = <V extends string>(value: V): InterpolationMessage<V> =>
  `upSampling2d: interpolation is not a known mode (got ${value}, expected 'nearest' or 'bilinear')`;

/** Twin of `UpSampling2dResult`. @example upSampling2dShape([-1, 14, 14, 512], {}) //=> [-1, 28, 28, 512] */
export function upSampling2dShape(input: readonly number[], options: UpSampling2dOptions): number[] {
  const layer = 'upSampling2d';
  if (input.length !== 4) throw new ShapeError(rankMessage(layer, formatShape(input), 'rank 4 [B, H, W, C]'), layer);
  checkKnown(layer, options, KEYS);
  checkRanges(layer, options, RANGES);
  const mode: unknown = options.interpolation;
  if (mode !== undefined && mode !== 'nearest' && mode !== 'bilinear') {
    throw new ShapeError(interpolationMessage(String(mode)), layer, 'interpolation');
  }
  const [batch, h, w, c] = input as [number, number, number, number];
  const [sh, sw] = pairOf(options.size, 2);
  return [batch, h < 0 ? -1 : h * sh, w < 0 ? -1 : w * sw, c];
}
