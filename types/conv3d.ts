/**
 * conv3d: `[B, D, H, W, C]` → `[B, OD, OH, OW, filters]`, the conv formula of SEMANTICS.md §1 on each of the
 * three axes (`⌈in/s⌉` for 'same'), with conv2d's checks and sentences (axis names `depth`, `height`,
 * `width`). Runtime twin: `conv3dShape` in src/shapes/conv-nd.ts.
 */
import type { Initializer } from './initializer.js';
import type { ConvNdChecked, FiltersOf } from './internal/conv-nd.js';
import type { RankMessage } from './messages.js';
import type { Fail } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** `n` for the three spatial axes, or `[d, h, w]`. */
export type Triple = number | readonly [number, number, number];

/** Explicit `[[front, back], [top, bottom], [left, right]]`. */
export type ExplicitPadding3d = readonly [readonly [number, number], readonly [number, number], readonly [number, number]];

/** Padding: `p`, `[pd, ph, pw]`, explicit pairs, 'valid' or TF's 'same' (extra pad at the end). */
export type Padding3d = number | readonly [number, number, number] | ExplicitPadding3d | 'valid' | 'same';

/** Options of `conv3d`. */
export interface Conv3dOptions {
  /** Output channels. */
  readonly filters: number;
  /** Kernel size `k` or `[kd, kh, kw]`. */
  readonly kernel: Triple;
  /** Stride, default 1. */
  readonly stride?: Triple;
  /** Padding, default 0 ('valid'); 'same' is TensorFlow's (extra pad at the end). */
  readonly padding?: Padding3d;
  /** Dilation, default 1. */
  readonly dilation?: Triple;
  /** Groups, default 1; must divide the input channels and `filters`. */
  readonly groups?: number;
  /** Add a bias, default true. */
  readonly useBias?: boolean;
  /** Kernel initialiser, default 'glorotUniform'. */
  readonly kernelInitializer?: Initializer;
  /** Bias initialiser, default 'zeros'. */
  readonly biasInitializer?: Initializer;
  /** Declared input channels (PyTorch style), checked against the input. */
  readonly inChannels?: number;
  /** Layer name, default `conv3d_<n>`. */
  readonly name?: string;
}

/**
 * The outcome of `conv3d` with options `O` on a tensor of shape `S`.
 * @example OutputOf<Conv3dResult<readonly [number, 16, 112, 112, 3], { filters: 64; kernel: 3; padding: 1 }>> //=> readonly [number, 16, 112, 112, 64]
 */
export type Conv3dResult<S extends Shape, O> = S extends readonly [
  infer B extends number,
  infer D extends number,
  infer H extends number,
  infer W extends number,
  infer C extends number,
]
  ? ConvNdChecked<'conv3d', S, B, [D, H, W], C, O, 3, ['depth', 'height', 'width'], readonly [B, number, number, number, FiltersOf<O>]>
  : Fail<'', RankMessage<'conv3d', FormatShape<S>, 'rank 5 [B, D, H, W, C]'>, readonly [number, number, number, number, FiltersOf<O>]>;
