/**
 * Normalisation and regularisation layers (batchNorm, dropout), and multiply (the squeeze-and-excitation
 * gate). batchNorm compiles its four weight vectors to one scale and shift per channel, once per plan;
 * `foldBatchNormInto` lets the planner fold it into the conv before it instead.
 */
import type { BatchNormOptions } from '../../types/batch-norm.js';
import type { DropoutOptions } from '../../types/dropout.js';
import { NO_ACTIVATION } from '../kernels/activation.js';
import { batchNorm, batchNormScaleShift, foldBatchNorm } from '../kernels/batch-norm.js';
import { multiply, multiplyChannels } from '../kernels/multiply.js';
import { batchNormShape } from '../shapes/batch-norm.js';
import { dropoutShape } from '../shapes/dropout.js';
import { multiplyShape } from '../shapes/multiply.js';
import { activationLayers } from './activation.js';
import { sizeOf, type LayerDefinition, type ParameterSpec } from './definition.js';

/** batchNorm's ε when `epsilon` is omitted: Keras' and tfjs-layers' 1e-3 (PyTorch and ONNX use 1e-5). */
export const BATCH_NORM_EPSILON = 1e-3;

/** γ, β, μ, σ² of a batch norm as the model stores them (`<layer>/gamma`, …). */
type BatchNormWeights = Readonly<Record<string, Float32Array>>;

function scaleShift(weights: BatchNormWeights, options: BatchNormOptions, channels: number): { scale: Float64Array; shift: Float64Array } {
  const scale = new Float64Array(channels);
  const shift = new Float64Array(channels);
  const { gamma, beta, movingMean, movingVariance } = weights;
  batchNormScaleShift(gamma!, beta!, movingMean!, movingVariance!, options.epsilon ?? BATCH_NORM_EPSILON, scale, shift);
  return { scale, shift };
}

export const batchNormLayer: LayerDefinition<BatchNormOptions> = {
  kind: 'batchNorm',
  shape: (inputs, o) => batchNormShape(inputs[0]!, o),
  /** γ = 1, β = 0, μ = 0, σ² = 1 (Keras, PyTorch): the identity up to ε. Only γ and β are trainable (SEMANTICS.md §6). */
  parameters(inputs) {
    const input = inputs[0]!;
    const c = input[input.length - 1]!;
    const fans = { fanIn: c, fanOut: c };
    const spec = (name: string, init: 'ones' | 'zeros', trainable: boolean): ParameterSpec => ({ name, shape: [c], init, fans, trainable });
    return [spec('gamma', 'ones', true), spec('beta', 'zeros', true), spec('movingMean', 'zeros', false), spec('movingVariance', 'ones', false)];
  },
  fusesActivation: true,
  inPlace: true,
  compile({ options, output, weights, activation }) {
    const channels = output[output.length - 1]!;
    const rows = sizeOf(output) / channels;
    const { scale, shift } = scaleShift(weights, options, channels);
    return { scratchSize: 0, run: (memory, [x], y) => batchNorm(memory, x!, memory, y, rows, channels, scale, shift, activation) };
  },
};

/**
 * The kernel and bias of a conv2d (HWIO, or any kernel whose last axis is the output channels) followed by
 * this batch norm, for the planner to compile the conv with instead of running the batch norm.
 * @example foldBatchNormInto(convWeights, bnWeights, bnNode.options) //=> { kernel, bias }
 */
export function foldBatchNormInto(
  producer: Readonly<Record<string, Float32Array>>,
  weights: BatchNormWeights,
  options: BatchNormOptions,
): { kernel: Float32Array; bias: Float32Array } {
  const channels = weights.gamma!.length;
  const { scale, shift } = scaleShift(weights, options, channels);
  return foldBatchNorm(producer.kernel!, producer.bias ?? null, scale, shift, channels);
}

/** Dropout is the identity at inference: an activation of kind 'none' the planner folds away like relu. */
export const dropoutLayer: LayerDefinition<DropoutOptions> = {
  kind: 'dropout',
  shape: (inputs, o) => dropoutShape(inputs[0]!, o),
  inPlace: true,
  activation: () => NO_ACTIVATION,
  compile: ({ inputs }) => {
    const n = sizeOf(inputs[0]!);
    return { scratchSize: 0, run: (memory, [x], y) => (x === y ? undefined : memory.copyWithin(y, x!, x! + n)) };
  },
};

/** multiply(a, b): equal shapes, or an SE gate `b` of `[B, 1, 1, C]` / `[B, C]` over `a` of `[B, H, W, C]`. */
export const multiplyLayer: LayerDefinition<object> = {
  kind: 'multiply',
  shape: (inputs) => multiplyShape(inputs[0]!, inputs[1]!),
  fusesActivation: true,
  inPlace: true,
  compile: ({ inputs, output, activation }) => {
    const n = sizeOf(output);
    if (sizeOf(inputs[1]!) === n) {
      return { scratchSize: 0, run: (memory, [a, b], y) => multiply(memory, a!, b!, y, n, activation) };
    }
    const [batch, h, w, channels] = output as [number, number, number, number];
    return { scratchSize: 0, run: (memory, [a, b], y) => multiplyChannels(memory, a!, b!, y, batch, h * w, channels, activation) };
  },
};

/**
 * This family's layers. The activations of src/layers/activation.ts ride here too, because this array is
 * already spread into the table in src/layers/index.ts (move `...activationLayers` there if preferred).
 */
export const normLayers: LayerDefinition[] = [batchNormLayer, dropoutLayer, multiplyLayer, ...activationLayers];
