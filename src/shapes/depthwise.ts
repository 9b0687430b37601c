/** Runtime twin of types/depthwise.ts: the output shapes of depthwiseConv2d and separableConv2d. */
import { ShapeError } from '../errors.js';
import type { DepthwiseConv2dOptions, SeparableConv2dOptions } from '../../types/depthwise.js';
import { convAxes, windowOf } from './conv-nd.js';
import { formatShape } from './format.js';
import { rankMessage } from './messages.js';
import { checkKnown, checkRanges, type Range } from './options.js';

const DEPTHWISE_KEYS = ['kernel', 'depthMultiplier', 'stride', 'padding', 'dilation', 'useBias', 'kernelInitializer', 'biasInitializer', 'name'];
const SEPARABLE_KEYS = ['filters', 'kernel', 'depthMultiplier', 'stride', 'padding', 'dilation', 'useBias', 'name'];
const DEPTHWISE_RANGES: [string, Range][] = [
  ['kernel', 'positive'],
  ['depthMultiplier', 'positive'],
  ['stride', 'positive'],
  ['dilation', 'positive'],
  ['padding', 'nonNegative'],
];
const SEPARABLE_RANGES: [string, Range][] = [['filters', 'positive'], ...DEPTHWISE_RANGES];

/** `[OH, OW]` of the depthwise step, after the rank, option-name and range checks. */
function depthwiseSpatial(
  layer: 'depthwiseConv2d' | 'separableConv2d',
  input: readonly number[],
  options: DepthwiseConv2dOptions | SeparableConv2dOptions,
  keys: readonly string[],
  ranges: readonly [string, Range][],
): number[] {
  if (input.length !== 4) throw new ShapeError(rankMessage(layer, formatShape(input), 'rank 4 [B, H, W, C]'), layer);
  checkKnown(layer, options, keys);
  checkRanges(layer, options, ranges);
  return convAxes(layer, input, input.slice(1, 3), windowOf(layer, options, 2), ['height', 'width']);
}

/**
 * Twin of `DepthwiseConv2dResult`: channels C·M (−1 when C is unknown).
 * @example depthwiseConv2dShape([-1, 112, 112, 32], { kernel: 3, depthMultiplier: 2, stride: 2, padding: 'same' }) //=> [-1, 56, 56, 64]
 */
export function depthwiseConv2dShape(input: readonly number[], options: DepthwiseConv2dOptions): number[] {
  const [oh, ow] = depthwiseSpatial('depthwiseConv2d', input, options, DEPTHWISE_KEYS, DEPTHWISE_RANGES);
  const c = input[3]!;
  return [input[0]!, oh!, ow!, c < 0 ? -1 : c * (options.depthMultiplier ?? 1)];
}

/**
 * Twin of `SeparableConv2dResult`.
 * @example separableConv2dShape([-1, 147, 147, 64], { filters: 128, kernel: 3, padding: 'same' }) //=> [-1, 147, 147, 128]
 */
export function separableConv2dShape(input: readonly number[], options: SeparableConv2dOptions): number[] {
  const [oh, ow] = depthwiseSpatial('separableConv2d', input, options, SEPARABLE_KEYS, SEPARABLE_RANGES);
  return [input[0]!, oh!, ow!, options.filters];
}
