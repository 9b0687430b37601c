/** Runtime twin of types/pool.ts: the output shape of maxPool2d / avgPool2d. */
import { ShapeError } from '../errors.js';
import type { AvgPool2dOptions, MaxPool2dOptions, PoolLayer } from '../../types/pool.js';
import { poolLength, sameLength, type AxisResult } from './axis.js';
import { formatShape } from './format.js';
import { poolFitMessage, poolPaddingMessage, rankMessage } from './messages.js';
import { checkKnown, checkRanges, padsOf, pairOf, type Range } from './options.js';

const KEYS: Record<PoolLayer, string[]> = {
  maxPool2d: ['size', 'stride', 'padding', 'dilation', 'ceilMode', 'name'],
  avgPool2d: ['size', 'stride', 'padding', 'ceilMode', 'countIncludePad', 'name'],
};
const RANGES: [string, Range][] = [
  ['size', 'positive'],
  ['stride', 'positive'],
  ['dilation', 'positive'],
  ['padding', 'nonNegative'],
];

/** Twin of `Pool2dResult`. @example pool2dShape('maxPool2d', [-1, 112, 112, 64], { size: 3, stride: 2, ceilMode: true }) //=> [-1, 56, 56, 64] */
export function pool2dShape(layer: PoolLayer, input: readonly number[], options: MaxPool2dOptions | AvgPool2dOptions): number[] {
  if (input.length !== 4) throw new ShapeError(rankMessage(layer, formatShape(input), 'rank 4 [B, H, W, C]'), layer);
  const [batch, h, w, c] = input as [number, number, number, number];
  checkKnown(layer, options, KEYS[layer]);
  checkRanges(layer, options, RANGES);
  const [kh, kw] = pairOf(options.size, 1);
  const [sh, sw] = pairOf(options.stride ?? options.size, 1);
  const [dh, dw] = pairOf('dilation' in options ? options.dilation : undefined, 1);
  const pads = padsOf(options.padding);
  const ceil = options.ceilMode === true;
  const axis = (len: number, k: number, s: number, d: number, i: 0 | 1): AxisResult =>
    pads === 'same' ? sameLength(len, s) : poolLength(len, k, s, d, pads[i][0], pads[i][1], ceil);
  const outH = poolOut(layer, axis(h, kh, sh, dh, 0), kh, 'height', input);
  const outW = poolOut(layer, axis(w, kw, sw, dw, 1), kw, 'width', input);
  return [batch, outH, outW, c];
}

function poolOut(layer: PoolLayer, r: AxisResult, k: number, axisName: string, input: readonly number[]): number {
  if ('out' in r) return r.out;
  if ('pad' in r) throw new ShapeError(poolPaddingMessage(layer, axisName, r.pad[0], r.pad[1]), layer, 'padding');
  if ('fit' in r) throw new ShapeError(poolFitMessage(layer, k, r.fit[0], axisName, r.fit[1], formatShape(input)), layer, 'size');
  throw new Error(`${layer}: unexpected axis result ${JSON.stringify(r)}`);
}
