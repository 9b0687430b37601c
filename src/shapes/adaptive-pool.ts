/** Runtime twin of types/adaptive-pool.ts: the output shape of adaptiveAvgPool1d / adaptiveAvgPool2d. */
import { ShapeError } from '../errors.js';
import type { AdaptivePoolKeys, AdaptivePoolLayer, AdaptivePoolRanges } from '../../types/adaptive-pool.js';
import { axesOf, RANK_RULE, type Rank } from './conv-nd.js';
import { formatShape } from './format.js';
import { rankMessage } from './messages.js';
import { checkKnown, checkRanges } from './options.js';

const KEYS = ['outputSize', 'name'] satisfies AdaptivePoolKeys;
const RANGES = [['outputSize', 'positive']] satisfies AdaptivePoolRanges;

/** The spatial rank of each adaptive pooling layer. */
export const ADAPTIVE_POOL_RANK = { adaptiveAvgPool1d: 1, adaptiveAvgPool2d: 2 } as const satisfies Record<AdaptivePoolLayer, Rank>;

/** Twin of `AdaptivePoolNdResult`. @example adaptivePoolShape('adaptiveAvgPool1d', [-1, 100, 16], { outputSize: 8 }) //=> [-1, 8, 16] */
export function adaptivePoolShape(layer: AdaptivePoolLayer, input: readonly number[], options: { readonly outputSize: unknown }): number[] {
  const rank = ADAPTIVE_POOL_RANK[layer];
  if (input.length !== rank + 2) throw new ShapeError(rankMessage(layer, formatShape(input), RANK_RULE[rank]), layer);
  checkKnown(layer, options, KEYS);
  checkRanges(layer, options, RANGES);
  return [input[0]!, ...axesOf(layer, 'outputSize', options.outputSize, rank, 1), input[rank + 1]!];
}

/** Twin of `AdaptiveAvgPool2dResult`. @example adaptivePool2dShape([-1, 13, 13, 256], { outputSize: 6 }) //=> [-1, 6, 6, 256] */
export const adaptivePool2dShape = (input: readonly number[], options: { readonly outputSize: unknown }): number[] =>
  adaptivePoolShape('adaptiveAvgPool2d', input, options);
