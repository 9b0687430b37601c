/**
 * conv1d: `[B, L, C]` → `[B, OL, filters]`, `OL = ⌊(L + pb + pe − d(k−1) − 1)/s⌋ + 1`, or `⌈L/s⌉` for 'same'
 * (SEMANTICS.md §1–2), with conv2d's checks and sentences (axis name `length`). Runtime twin: `conv1dShape`
 * in src/shapes/conv-nd.ts.
 */
import type { Initializer } from './initializer.js';
import type { ConvNdChecked, FiltersOf } from './internal/conv-nd.js';
import type { RankMessage } from './messages.js';
import type { Fail } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** `n`, or `[n]` for the one spatial axis. */
export type Single = number | readonly [number];

/** Padding of one axis: `p` (both ends), `[p]`, `[[begin, end]]`, 'valid' or TF's 'same' (extra pad at the end). */
export type Padding1d = number | readonly [number] | readonly [readonly [number, number]] | 'valid' | 'same';

/** Options of `conv1d`. */
export interface Conv1dOptions {
  /** Output channels. */
  readonly filters: number;
  /** Kernel length `k` or `[k]`. */
  readonly kernel: Single;
  /** Stride, default 1. */
  readonly stride?: Single;
  /** Padding, default 0 ('valid'); 'same' is TensorFlow's (extra pad at the end). */
  readonly padding?: Padding1d;
  /** Dilation, default 1. */
  readonly dilation?: Single;
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
  /** Layer name, default `conv1d_<n>`. */
  readonly name?: string;
}

/**
 * The outcome of `conv1d` with options `O` on a tensor of shape `S`.
 * @example OutputOf<Conv1dResult<readonly [number, 100, 16], { filters: 32; kernel: 5; stride: 2 }>> //=> readonly [number, 48, 32]
 */
export type Conv1dResult<S extends Shape, O> = S extends readonly [infer B extends number, infer L extends number, infer C extends number]
  ? ConvNdChecked<'conv1d', S, B, [L], C, O, 1, ['length'], readonly [B, number, FiltersOf<O>]>
  : Fail<'', RankMessage<'conv1d', FormatShape<S>, 'rank 3 [B, L, C]'>, readonly [number, number, FiltersOf<O>]>;
