/**
 * The symbolic tensor users chain layers on. Each method's parameter carries the rule's error at the
 * offending option (see result.ts) and its return type carries the exactly computed shape.
 */
import type { Conv2dOptions, Conv2dResult } from './conv.js';
import type { Conv2dTransposeOptions, Conv2dTransposeResult } from './conv-transpose.js';
import type { DenseOptions, DenseResult } from './dense.js';
import type { FlattenResult } from './flatten.js';
import type { AvgPool2dOptions, MaxPool2dOptions, Pool2dResult } from './pool.js';
import type { ArgumentFor, OutputOf } from './result.js';
import type { Shape } from './shape.js';

/** Options of `softmax`. */
export interface SoftmaxOptions {
  /** Layer name. */
  readonly name?: string;
}

/** Options of parameterless layers (activations, flatten). */
export interface NameOption {
  /** Layer name. */
  readonly name?: string;
}

/**
 * A tensor in a model being built: its `shape` type is the exact shape, batch first.
 * @example input([227, 227, 3]).conv2d({ filters: 96, kernel: 11, stride: 4 }).shape //=> readonly [number, 55, 55, 96]
 */
export interface SymbolicTensor<S extends Shape> {
  /** The shape, batch first; at run time an unknown batch is -1. */
  readonly shape: S;
  /** 2-D convolution over `[B, H, W, C]`. */
  conv2d<const O extends Conv2dOptions>(options: ArgumentFor<O, Conv2dResult<S, O>>): SymbolicTensor<OutputOf<Conv2dResult<S, O>>>;
  /** 2-D transposed convolution over `[B, H, W, C]`. */
  conv2dTranspose<const O extends Conv2dTransposeOptions>(
    options: ArgumentFor<O, Conv2dTransposeResult<S, O>>,
  ): SymbolicTensor<OutputOf<Conv2dTransposeResult<S, O>>>;
  /** Max pooling over `[B, H, W, C]`; stride defaults to the window size. */
  maxPool2d<const O extends MaxPool2dOptions>(
    options: ArgumentFor<O, Pool2dResult<'maxPool2d', S, O>>,
  ): SymbolicTensor<OutputOf<Pool2dResult<'maxPool2d', S, O>>>;
  /** Average pooling over `[B, H, W, C]`; stride defaults to the window size. */
  avgPool2d<const O extends AvgPool2dOptions>(
    options: ArgumentFor<O, Pool2dResult<'avgPool2d', S, O>>,
  ): SymbolicTensor<OutputOf<Pool2dResult<'avgPool2d', S, O>>>;
  /** `[B, d1, …, dn]` → `[B, d1·…·dn]` (NHWC order). */
  flatten(options?: NameOption): SymbolicTensor<OutputOf<FlattenResult<S>>>;
  /** Fully connected layer over `[B, F]`. */
  dense<const O extends DenseOptions>(options: ArgumentFor<O, DenseResult<S, O>>): SymbolicTensor<OutputOf<DenseResult<S, O>>>;
  /** max(x, 0). */
  relu(options?: NameOption): SymbolicTensor<S>;
  /** 1 / (1 + e^−x). */
  sigmoid(options?: NameOption): SymbolicTensor<S>;
  /** tanh(x). */
  tanh(options?: NameOption): SymbolicTensor<S>;
  /** Softmax over the last axis. */
  softmax(options?: SoftmaxOptions): SymbolicTensor<S>;
}
