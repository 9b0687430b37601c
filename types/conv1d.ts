/**
 * conv1d: `[B, L, C]` → `[B, OL, filters]`, `OL = ⌊(L + pb + pe − d(k−1) − 1)/s⌋ + 1`, or `⌈L/s⌉` for 'same'
 * (SEMANTICS.md §1–2): the N-d rule (types/internal/conv-nd.ts) at rank 1, axis name `length`. Runtime twin:
 * `conv1dShape` in src/shapes/conv-nd.ts.
 */
import type { ConvNdOptions, ConvNdResult } from './internal/conv-nd.js';
import type { Shape } from './shape.js';

/** `n`, or `[n]` for the one spatial axis. */
export type Single = number | readonly [number];

/** Padding of one axis: `p` (both ends), `[p]`, `[[begin, end]]`, 'valid' or TF's 'same' (extra pad at the end). */
export type Padding1d = number | readonly [number] | readonly [readonly [number, number]] | 'valid' | 'same';

/** Options of `conv1d`: kernel/stride/dilation `k | [k]`, padding `p | [p] | [[begin, end]] | 'valid' | 'same'`. */
export interface Conv1dOptions extends ConvNdOptions<Single, Padding1d> {}

/**
 * The outcome of `conv1d` with options `O` on a tensor of shape `S`.
 * @example OutputOf<Conv1dResult<readonly [number, 100, 16], { filters: 32; kernel: 5; stride: 2 }>> //=> readonly [number, 48, 32]
 */
export type Conv1dResult<S extends Shape, O> = ConvNdResult<'conv1d', S, O, 1>;
