/** Runtime twin of types/conv.ts: the output shape of conv2d, or the same error the type checker reports. */
import { ShapeError } from '../errors.js';
import type { Conv2dOptions } from '../../types/conv.js';
import { convLength, sameLength, type AxisResult } from './axis.js';
import { formatShape } from './format.js';
import { groupsMessage, kernelFitMessage, rankMessage } from './messages.js';
import { checkDeclared, checkKnown, checkRanges, padsOf, pairOf, type Range } from './options.js';

const KEYS = ['filters', 'kernel', 'stride', 'padding', 'dilation', 'groups', 'useBias', 'inChannels', 'kernelInitializer', 'biasInitializer', 'name'];
const RANGES: [string, Range][] = [
  ['filters', 'positive'],
  ['kernel', 'positive'],
  ['stride', 'positive'],
  ['dilation', 'positive'],
  ['groups', 'positive'],
  ['inChannels', 'positive'],
  ['padding', 'nonNegative'],
];

/** Twin of `Conv2dResult`. @example conv2dShape([-1, 227, 227, 3], { filters: 96, kernel: 11, stride: 4 }) //=> [-1, 55, 55, 96] */
export function conv2dShape(input: readonly number[], options: Conv2dOptions): number[] {
  const layer = 'conv2d';
  if (input.length !== 4) throw new ShapeError(rankMessage(layer, formatShape(input), 'rank 4 [B, H, W, C]'), layer);
  const [batch, h, w, c] = input as [number, number, number, number];
  checkKnown(layer, options, KEYS);
  checkRanges(layer, options, RANGES);
  checkDeclared(layer, 'inChannels', options.inChannels, c, 'channels', formatShape(input));
  const groups = options.groups ?? 1;
  if (c >= 0 && c % groups !== 0) throw new ShapeError(groupsMessage(layer, groups, 'input channels', c), layer, 'groups');
  if (options.filters % groups !== 0) {
    throw new ShapeError(groupsMessage(layer, groups, 'filters', options.filters), layer, 'groups');
  }
  const [kh, kw] = pairOf(options.kernel, 1);
  const [sh, sw] = pairOf(options.stride, 1);
  const [dh, dw] = pairOf(options.dilation, 1);
  const pads = padsOf(options.padding);
  const axis = (len: number, k: number, s: number, d: number, i: 0 | 1): AxisResult =>
    pads === 'same' ? sameLength(len, s) : convLength(len, k, s, d, pads[i][0], pads[i][1]);
  const outH = convOut(axis(h, kh, sh, dh, 0), kh, 'height', input);
  const outW = convOut(axis(w, kw, sw, dw, 1), kw, 'width', input);
  return [batch, outH, outW, options.filters];
}

function convOut(r: AxisResult, k: number, axisName: string, input: readonly number[]): number {
  if ('out' in r) return r.out;
  if ('fit' in r) throw new ShapeError(kernelFitMessage('conv2d', k, r.fit[0], axisName, r.fit[1], formatShape(input)), 'conv2d', 'kernel');
  throw new Error(`conv2d: unexpected axis result ${JSON.stringify(r)}`);
}
