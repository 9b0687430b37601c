/**
 * conv2d: `[B, H, W, C]` → `[B, OH, OW, filters]`, `OH = ⌊(H + pt + pb − d(k−1) − 1)/s⌋ + 1` per axis, or
 * `⌈H/s⌉` for 'same' (SEMANTICS.md §1–2): the N-d rule (types/internal/conv-nd.ts) at rank 2, axis names
 * `height`, `width`. Runtime twin: `conv2dShape` in src/shapes/conv-nd.ts.
 */
import type { ConvNdOptions, ConvNdResult } from './internal/conv-nd.js';
import type { Padding, Pair } from './options.js';
import type { Shape } from './shape.js';

/** Options of `conv2d`: kernel/stride/dilation `k | [kh, kw]`, padding `p | [ph, pw] | [[top, bottom], [left, right]] | 'valid' | 'same'`. */
export interface Conv2dOptions extends ConvNdOptions<Pair, Padding> {}

/**
 * The outcome of `conv2d` with options `O` on a tensor of shape `S`.
 * @example OutputOf<Conv2dResult<readonly [256, 227, 227, 3], { filters: 96; kernel: 11; stride: 4 }>> //=> readonly [256, 55, 55, 96]
 */
export type Conv2dResult<S extends Shape, O> = ConvNdResult<'conv2d', S, O, 2>;
