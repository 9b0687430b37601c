/** Runtime twin of types/conv-transpose.ts: the output shape of conv2dTranspose. */
import { ShapeError } from '../errors.js';
import type { Conv2dTransposeOptions } from '../../types/conv-transpose.js';
import { transposeLength, transposeSameLength, type AxisResult } from './axis.js';
import { formatShape } from './format.js';
import { outputPaddingMessage, rankMessage, transposeFitMessage } from './messages.js';
import { checkKnown, checkRanges, padsOf, pairOf, type Range } from './options.js';

const KEYS = ['filters', 'kernel', 'stride', 'padding', 'outputPadding', 'dilation', 'useBias', 'kernelInitializer', 'biasInitializer', 'name'];
const RANGES: [string, Range][] = [
  ['filters', 'positive'],
  ['kernel', 'positive'],
  ['stride', 'positive'],
  ['dilation', 'positive'],
  ['padding', 'nonNegative'],
  ['outputPadding', 'nonNegative'],
];

/** Twin of `Conv2dTransposeResult`. @example conv2dTransposeShape([-1, 32, 32, 128], { filters: 64, kernel: 4, stride: 2, padding: 1 }) //=> [-1, 64, 64, 64] */
export function conv2dTransposeShape(input: readonly number[], options: Conv2dTransposeOptions): number[] {
  const layer = 'conv2dTranspose';
  if (input.length !== 4) throw new ShapeError(rankMessage(layer, formatShape(input), 'rank 4 [B, H, W, C]'), layer);
  const [batch, h, w] = input as [number, number, number, number];
  checkKnown(layer, options, KEYS);
  checkRanges(layer, options, RANGES);
  const [kh, kw] = pairOf(options.kernel, 1);
  const [sh, sw] = pairOf(options.stride, 1);
  const [dh, dw] = pairOf(options.dilation, 1);
  const [oph, opw] = pairOf(options.outputPadding, 0);
  const pads = padsOf(options.padding);
  const axis = (len: number, k: number, s: number, d: number, op: number, i: 0 | 1): AxisResult =>
    pads === 'same' ? transposeSameLength(len, s) : transposeLength(len, k, s, d, pads[i][0], pads[i][1], op);
  const outH = transposeOut(axis(h, kh, sh, dh, oph, 0), oph, 'height', input);
  const outW = transposeOut(axis(w, kw, sw, dw, opw, 1), opw, 'width', input);
  return [batch, outH, outW, options.filters];
}

function transposeOut(r: AxisResult, op: number, axisName: string, input: readonly number[]): number {
  const layer = 'conv2dTranspose';
  if ('out' in r) return r.out;
  if ('op' in r) throw new ShapeError(outputPaddingMessage(layer, axisName, op, r.op), layer, 'outputPadding');
  if ('fit' in r) throw new ShapeError(transposeFitMessage(layer, axisName, r.fit[0], r.fit[1], formatShape(input)), layer, 'padding');
  throw new Error(`${layer}: unexpected axis result ${JSON.stringify(r)}`);
}
