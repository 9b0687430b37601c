/** Runtime twin of types/pool.ts: the output shape of max/avg pooling of any rank (1, 2, 3 spatial axes). */
import { ShapeError } from '../errors.js';
import type { AvgPoolKeys, AvgPoolNdOptions, MaxPoolKeys, MaxPoolNdOptions, PoolLayer, PoolRanges } from '../../types/pool.js';
import { poolLength, sameLength } from './axis.js';
import { axesOf, padsNdOf, RANK_RULE, SPATIAL_NAMES, type PadsNd, type Rank } from './conv-nd.js';
import { formatShape } from './format.js';
import { poolFitMessage, poolPaddingMessage, rankMessage } from './messages.js';
import { checkKnown, checkRanges } from './options.js';

/** Option names per pooling kind: the type-level tables `MaxPoolKeys` / `AvgPoolKeys`. */
const MAX_KEYS = ['size', 'stride', 'padding', 'dilation', 'ceilMode', 'name'] satisfies MaxPoolKeys;
const AVG_KEYS = ['size', 'stride', 'padding', 'ceilMode', 'countIncludePad', 'name'] satisfies AvgPoolKeys;
const POOL_RANGES = [
  ['size', 'positive'],
  ['stride', 'positive'],
  ['dilation', 'positive'],
  ['padding', 'nonNegative'],
] satisfies PoolRanges;

/** The spatial rank of each pooling layer. */
export const POOL_RANK = { maxPool1d: 1, avgPool1d: 1, maxPool2d: 2, avgPool2d: 2, maxPool3d: 3, avgPool3d: 3 } as const satisfies Record<PoolLayer, Rank>;

/** Options of any pooling layer, as the runtime reads them. */
export type PoolOptions = MaxPoolNdOptions<unknown, unknown> | AvgPoolNdOptions<unknown, unknown>;

/** A pooling window normalised per axis (stride defaulting to the size, dilation 1 for average pooling). */
export interface PoolWindow {
  readonly size: number[];
  readonly stride: number[];
  readonly dilation: number[];
  readonly pads: PadsNd;
  readonly ceil: boolean;
}

/** The window of a pooling layer's options. @example poolWindowOf('maxPool1d', { size: 3 }) //=> { size: [3], stride: [3], … } */
export function poolWindowOf(layer: PoolLayer, options: PoolOptions): PoolWindow {
  const rank = POOL_RANK[layer];
  return {
    size: axesOf(layer, 'size', options.size, rank, 1),
    stride: axesOf(layer, 'stride', options.stride ?? options.size, rank, 1),
    dilation: axesOf(layer, 'dilation', 'dilation' in options ? options.dilation : undefined, rank, 1),
    pads: padsNdOf(layer, options.padding, rank),
    ceil: options.ceilMode === true,
  };
}

/** Twin of `PoolNdResult`. @example poolNdShape('maxPool2d', [-1, 112, 112, 64], { size: 3, stride: 2, ceilMode: true }) //=> [-1, 56, 56, 64] */
export function poolNdShape(layer: PoolLayer, input: readonly number[], options: PoolOptions): number[] {
  const rank = POOL_RANK[layer];
  if (input.length !== rank + 2) throw new ShapeError(rankMessage(layer, formatShape(input), RANK_RULE[rank]), layer);
  checkKnown(layer, options, layer.startsWith('max') ? MAX_KEYS : AVG_KEYS);
  checkRanges(layer, options, POOL_RANGES);
  const w = poolWindowOf(layer, options);
  const names = SPATIAL_NAMES[rank];
  const out = input.slice(1, rank + 1).map((len, i) => {
    const k = w.size[i]!;
    const r = w.pads === 'same' ? sameLength(len, w.stride[i]!) : poolLength(len, k, w.stride[i]!, w.dilation[i]!, w.pads[i]![0], w.pads[i]![1], w.ceil);
    if ('out' in r) return r.out;
    if ('pad' in r) throw new ShapeError(poolPaddingMessage(layer, names[i]!, r.pad[0], r.pad[1]), layer, 'padding');
    if ('fit' in r) throw new ShapeError(poolFitMessage(layer, k, r.fit[0], names[i]!, r.fit[1], formatShape(input)), layer, 'size');
    throw new Error(`${layer}: unexpected axis result ${JSON.stringify(r)}`);
  });
  return [input[0]!, ...out, input[rank + 1]!];
}

/** Twin of `Pool2dResult` (the N-d rule at rank 2). */
export const pool2dShape = (layer: PoolLayer, input: readonly number[], options: PoolOptions): number[] => poolNdShape(layer, input, options);
