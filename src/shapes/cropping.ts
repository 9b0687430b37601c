/** Runtime twin of types/cropping.ts. */
import type { CropMessage, Cropping2dOptions } from '../../types/cropping.js';
import { ShapeError } from '../errors.js';
import { formatShape } from './format.js';
import { rankMessage } from './messages.js';
import { checkKnown, checkRanges, padsOf } from './options.js';

const cropMessage = <A extends string, C extends number, S extends number, I extends string>(axis: A, crop: C, size: S, input: I): CropMessage<A, C, S, I> =>
  `cropping2d: cropping ${crop} leaves nothing of the ${axis} ${size} (input ${input})`;

/** `[[top, bottom], [left, right]]` of a cropping option. */
export function croppingOf(o: Cropping2dOptions): [[number, number], [number, number]] {
  return padsOf(o.cropping) as [[number, number], [number, number]];
}

/** Twin of `Cropping2dResult`. @example cropping2dShape([-1, 568, 568, 64], { cropping: 88 }) //=> [-1, 392, 392, 64] */
export function cropping2dShape(input: readonly number[], o: Cropping2dOptions): number[] {
  const layer = 'cropping2d';
  if (input.length !== 4) throw new ShapeError(rankMessage(layer, formatShape(input), 'rank 4 [B, H, W, C]'), layer);
  checkKnown(layer, o, ['cropping', 'name']);
  checkRanges(layer, o, [['cropping', 'nonNegative']]);
  const [[t, b], [l, r]] = croppingOf(o);
  const axis = (size: number, total: number, name: string): number => {
    if (size < 0) return -1;
    if (size - total < 1) throw new ShapeError(cropMessage(name, total, size, formatShape(input)), layer, 'cropping');
    return size - total;
  };
  return [input[0]!, axis(input[1]!, t + b, 'height'), axis(input[2]!, l + r, 'width'), input[3]!];
}
