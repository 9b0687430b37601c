/**
 * conv3d: `[B, D, H, W, C]` → `[B, OD, OH, OW, filters]`, the conv formula of SEMANTICS.md §1 on each of the
 * three axes (`⌈in/s⌉` for 'same'): the N-d rule (types/internal/conv-nd.ts) at rank 3, axis names `depth`,
 * `height`, `width`. Runtime twin: `conv3dShape` in src/shapes/conv-nd.ts.
 */
import type { ConvNdOptions, ConvNdResult } from './internal/conv-nd.js';
import type { Shape } from './shape.js';

/** `n` for the three spatial axes, or `[d, h, w]`. */
export type Triple = number | readonly [number, number, number];

/** Explicit `[[front, back], [top, bottom], [left, right]]`. */
export type ExplicitPadding3d = readonly [readonly [number, number], readonly [number, number], readonly [number, number]];

/** Padding: `p`, `[pd, ph, pw]`, explicit pairs, 'valid' or TF's 'same' (extra pad at the end). */
export type Padding3d = number | readonly [number, number, number] | ExplicitPadding3d | 'valid' | 'same';

/** Options of `conv3d`: kernel/stride/dilation `k | [kd, kh, kw]`, padding `p | [pd, ph, pw] | explicit pairs | 'valid' | 'same'`. */
export interface Conv3dOptions extends ConvNdOptions<Triple, Padding3d> {}

/**
 * The outcome of `conv3d` with options `O` on a tensor of shape `S`.
 * @example OutputOf<Conv3dResult<readonly [number, 16, 112, 112, 3], { filters: 64; kernel: 3; padding: 1 }>> //=> readonly [number, 16, 112, 112, 64]
 */
export type Conv3dResult<S extends Shape, O> = ConvNdResult<'conv3d', S, O, 3>;
