/** Runtime twin of types/global-pool.ts: the output shape of the global pooling layers (1-D and 2-D). */
import { ShapeError } from '../errors.js';
import type { GlobalPoolKeys, GlobalPoolLayer, GlobalPoolOptions } from '../../types/global-pool.js';
import { RANK_RULE, type Rank } from './conv-nd.js';
import { formatShape } from './format.js';
import { rankMessage } from './messages.js';
import { checkKnown } from './options.js';

const KEYS = ['keepDims', 'name'] satisfies GlobalPoolKeys;

/** The spatial rank of each global pooling layer. */
export const GLOBAL_POOL_RANK = { globalAvgPool1d: 1, globalMaxPool1d: 1, globalAvgPool2d: 2, globalMaxPool2d: 2 } as const satisfies Record<GlobalPoolLayer, Rank>;

/** Twin of `GlobalPoolNdResult`. @example globalPoolShape('globalAvgPool2d', [-1, 7, 7, 2048], {}) //=> [-1, 2048] */
export function globalPoolShape(layer: GlobalPoolLayer, input: readonly number[], options: GlobalPoolOptions): number[] {
  const rank = GLOBAL_POOL_RANK[layer];
  if (input.length !== rank + 2) throw new ShapeError(rankMessage(layer, formatShape(input), RANK_RULE[rank]), layer);
  checkKnown(layer, options, KEYS);
  const batch = input[0]!;
  const c = input[rank + 1]!;
  return options.keepDims === true ? [batch, ...new Array<number>(rank).fill(1), c] : [batch, c];
}

/** Twin of `GlobalPool2dResult`. @example globalPool2dShape('globalAvgPool2d', [-1, 7, 7, 2048], {}) //=> [-1, 2048] */
export const globalPool2dShape = globalPoolShape;
