/** Runtime twin of types/zero-padding.ts: the output shape of zeroPadding2d. */
import { ShapeError } from '../errors.js';
import type { ZeroPadding2dOptions } from '../../types/zero-padding.js';
import { formatShape } from './format.js';
import { rankMessage } from './messages.js';
import { checkKnown, checkRanges, padsOf, type Range } from './options.js';

const KEYS = ['padding', 'name'];
const RANGES: [string, Range][] = [['padding', 'nonNegative']];

/** `[[top, bottom], [left, right]]` of a zeroPadding2d `padding` (no 'same'/'valid' forms here). */
export function zeroPadsOf(padding: ZeroPadding2dOptions['padding']): [[number, number], [number, number]] {
  const pads = typeof padding === 'string' ? undefined : padsOf(padding);
  if (pads === undefined || pads === 'same') throw new TypeError(`zeroPadding2d: padding has an unknown form (got ${JSON.stringify(padding)})`);
  return pads;
}

/** Twin of `ZeroPadding2dResult`. @example zeroPadding2dShape([-1, 224, 224, 3], { padding: 3 }) //=> [-1, 230, 230, 3] */
export function zeroPadding2dShape(input: readonly number[], options: ZeroPadding2dOptions): number[] {
  const layer = 'zeroPadding2d';
  if (input.length !== 4) throw new ShapeError(rankMessage(layer, formatShape(input), 'rank 4 [B, H, W, C]'), layer);
  checkKnown(layer, options, KEYS);
  checkRanges(layer, options, RANGES);
  const [batch, h, w, c] = input as [number, number, number, number];
  const [[top, bottom], [left, right]] = zeroPadsOf(options.padding);
  return [batch, h < 0 ? -1 : top + h + bottom, w < 0 ? -1 : left + w + right, c];
}
