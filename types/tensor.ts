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
 * What every method reads its input shape from. Decision: methods take the shape from `this` rather than
 * from the interface's `S`, so `S` appears only in `shape` and comparing two tensor types never expands
 * the shape rules (doing so made TypeScript build unions too large to represent, TS2590). Errors still
 * land on the options argument.
 */
interface Typed {
  readonly shape: Shape;
}

/**
 * A tensor in a model being built: its `shape` type is the exact shape, batch first.
 * @example input([227, 227, 3]).conv2d({ filters: 96, kernel: 11, stride: 4 }).shape //=> readonly [number, 55, 55, 96]
 */
export interface SymbolicTensor<S extends Shape> {
  /** The shape, batch first; at run time an unknown batch is -1. */
  readonly shape: S;
  /** 2-D convolution over `[B, H, W, C]`. */
  conv2d<This extends Typed, const O extends Conv2dOptions>(
    this: This,
    options: ArgumentFor<O, Conv2dResult<This['shape'], O>>,
  ): SymbolicTensor<OutputOf<Conv2dResult<This['shape'], O>>>;
  /** 2-D transposed convolution over `[B, H, W, C]`. */
  conv2dTranspose<This extends Typed, const O extends Conv2dTransposeOptions>(
    this: This,
    options: ArgumentFor<O, Conv2dTransposeResult<This['shape'], O>>,
  ): SymbolicTensor<OutputOf<Conv2dTransposeResult<This['shape'], O>>>;
  /** Max pooling over `[B, H, W, C]`; stride defaults to the window size. */
  maxPool2d<This extends Typed, const O extends MaxPool2dOptions>(
    this: This,
    options: ArgumentFor<O, Pool2dResult<'maxPool2d', This['shape'], O>>,
  ): SymbolicTensor<OutputOf<Pool2dResult<'maxPool2d', This['shape'], O>>>;
  /** Average pooling over `[B, H, W, C]`; stride defaults to the window size. */
  avgPool2d<This extends Typed, const O extends AvgPool2dOptions>(
    this: This,
    options: ArgumentFor<O, Pool2dResult<'avgPool2d', This['shape'], O>>,
  ): SymbolicTensor<OutputOf<Pool2dResult<'avgPool2d', This['shape'], O>>>;
  /** `[B, d1, …, dn]` → `[B, d1·…·dn]` (NHWC order). */
  flatten<This extends Typed>(this: This, options?: NameOption): SymbolicTensor<OutputOf<FlattenResult<This['shape']>>>;
  /** Fully connected layer over `[B, F]`. */
  dense<This extends Typed, const O extends DenseOptions>(
    this: This,
    options: ArgumentFor<O, DenseResult<This['shape'], O>>,
  ): SymbolicTensor<OutputOf<DenseResult<This['shape'], O>>>;
  /** max(x, 0). */
  relu<This extends Typed>(this: This, options?: NameOption): SymbolicTensor<This['shape']>;
  /** 1 / (1 + e^−x). */
  sigmoid<This extends Typed>(this: This, options?: NameOption): SymbolicTensor<This['shape']>;
  /** tanh(x). */
  tanh<This extends Typed>(this: This, options?: NameOption): SymbolicTensor<This['shape']>;
  /** Softmax over the last axis. */
  softmax<This extends Typed>(this: This, options?: SoftmaxOptions): SymbolicTensor<This['shape']>;
}
