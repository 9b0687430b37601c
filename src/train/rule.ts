/**
 * The contract between the training engine (src/train/) and one layer kind's backward pass.
 *
 * Why this shape: the engine owns every buffer (one arena per batch size, nothing allocated per step), so a
 * rule only reads views and ADDS into the gradient views it is handed; the engine zeroes them once per step.
 * Adding (not overwriting) makes fan-out free: a tensor read by two layers receives both contributions.
 * A rule is pure loops over Float32Arrays with shapes batch first (NHWC / NWC / NDHWC, kernels HWIO-style as
 * the forward layer stores them), so it can be checked against tfjs-core's `tf.grad` on the same computation.
 */
import type { Dims } from '../layers/definition.js';

/** What a layer's training-mode forward pass sees. */
export interface ForwardContext<O> {
  readonly options: O;
  /** Input shapes, batch resolved. */
  readonly inputs: readonly Dims[];
  readonly output: Dims;
  /** Input values, one per input. */
  readonly x: readonly Float32Array[];
  /** Where to write the output (length = product of `output`). */
  readonly y: Float32Array;
  /** The layer's weights by short name (`kernel`, `bias`, `gamma`, `movingMean`, …); running statistics may be updated in place. */
  readonly weights: Readonly<Record<string, Float32Array>>;
  /** Per-layer state kept from forward to backward (dropout masks, batch statistics), sized by `savedSizes`. */
  readonly saved: Readonly<Record<string, Float32Array>>;
  /** A seeded uniform [0, 1) source (dropout); deterministic for a given training seed. */
  readonly random: () => number;
}

/** What a layer's backward pass sees: the forward context plus the output gradient and the gradient sinks. */
export interface BackwardContext<O> extends Omit<ForwardContext<O>, 'y' | 'random'> {
  /** The forward output values. */
  readonly y: Float32Array;
  /** ∂loss/∂y. */
  readonly dy: Float32Array;
  /** ∂loss/∂x_i, ADDED into (undefined when input i needs no gradient, e.g. a model input). */
  readonly dx: readonly (Float32Array | undefined)[];
  /** ∂loss/∂w by the same short names as `weights` (trainable weights only), ADDED into. */
  readonly dw: Readonly<Record<string, Float32Array>>;
}

/** One layer kind's training behaviour. */
export interface TrainingRule<O = any> {
  /** Sizes (float32 elements) of the state `forwardTraining` keeps for `backward`. */
  savedSizes?(inputs: readonly Dims[], output: Dims, options: O): Readonly<Record<string, number>>;
  /** The forward pass in training mode, when it differs from inference (batch norm's batch statistics, dropout's mask). */
  forwardTraining?(ctx: ForwardContext<O>): void;
  backward(ctx: BackwardContext<O>): void;
}
