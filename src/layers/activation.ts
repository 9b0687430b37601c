/**
 * Elementwise activations and softmax (last axis); each can run in place. Those that are `Activation`s of
 * the kernels (relu, sigmoid, tanh, relu6, leakyRelu) say so through `activation()`, and the planner fuses
 * them into a preceding conv/dense; elu, gelu, hardSigmoid and hardSwish run their own kernel
 * (src/kernels/activation-extra.ts).
 */
import type { EluOptions, GeluOptions, HardSigmoidOptions, LeakyReluOptions, NameOption } from '../../types/methods/activation.js';
import type { Activation } from '../kernels/activation.js';
import { activationExtra, type ExtraActivation } from '../kernels/activation-extra.js';
import { activationShape } from '../shapes/activation.js';
import { sizeOf, type LayerDefinition } from './definition.js';

function elementwise(kind: string, act: Activation): LayerDefinition<object> {
  return {
    kind,
    shape: (inputs) => [...inputs[0]!],
    inPlace: true,
    activation: () => act,
    compile: ({ output, backend }) => {
      const n = sizeOf(output);
      return { scratchSize: 0, run: (memory, [x], y) => backend.activation(act, memory, x!, memory, y, n) };
    },
  };
}

export const reluLayer = elementwise('relu', { kind: 'relu' });
export const sigmoidLayer = elementwise('sigmoid', { kind: 'sigmoid' });
export const tanhLayer = elementwise('tanh', { kind: 'tanh' });

export const softmaxLayer: LayerDefinition<object> = {
  kind: 'softmax',
  shape: (inputs) => [...inputs[0]!],
  inPlace: true,
  compile: ({ output, backend }) => {
    const cols = output[output.length - 1]!;
    const rows = sizeOf(output) / cols;
    return { scratchSize: 0, run: (memory, [x], y) => backend.softmax(memory, x!, memory, y, rows, cols) };
  },
};

/** leakyRelu's slope when `alpha` is omitted: Keras' `LeakyReLU` and tfjs-layers (PyTorch and ONNX use 0.01). */
export const LEAKY_RELU_ALPHA = 0.3;

/** An activation with options that the kernels can fuse: the planner reads `activation(options)`. */
function fusable<O extends object>(kind: string, act: (options: O) => Activation): LayerDefinition<O> {
  return {
    kind,
    shape: (inputs, o) => activationShape(kind, inputs[0]!, o),
    inPlace: true,
    activation: act,
    compile: ({ options, output, backend }) => {
      const a = act(options);
      const n = sizeOf(output);
      return { scratchSize: 0, run: (memory, [x], y) => backend.activation(a, memory, x!, memory, y, n) };
    },
  };
}

/** An activation with its own kernel (not an `Activation` the conv/dense epilogues know). */
function ownKernel<O extends object>(kind: string, act: (options: O) => ExtraActivation): LayerDefinition<O> {
  return {
    kind,
    shape: (inputs, o) => activationShape(kind, inputs[0]!, o),
    inPlace: true,
    compile: ({ options, output }) => {
      const a = act(options);
      const n = sizeOf(output);
      return { scratchSize: 0, run: (memory, [x], y) => activationExtra(a, memory, x!, memory, y, n) };
    },
  };
}

export const relu6Layer = fusable<NameOption>('relu6', () => ({ kind: 'relu6' }));
export const leakyReluLayer = fusable<LeakyReluOptions>('leakyRelu', (o) => ({ kind: 'leakyRelu', alpha: o.alpha ?? LEAKY_RELU_ALPHA }));
export const eluLayer = ownKernel<EluOptions>('elu', (o) => ({ kind: 'elu', alpha: o.alpha ?? 1 }));
export const geluLayer = ownKernel<GeluOptions>('gelu', (o) => ({ kind: 'gelu', approximate: o.approximate ?? 'none' }));
/** hardSigmoid's slope and offset when omitted: PyTorch's Hardsigmoid, relu6(x + 3)/6 (ONNX's default α is 0.2). */
export const HARD_SIGMOID_ALPHA = 1 / 6;
export const HARD_SIGMOID_BETA = 0.5;

export const hardSigmoidLayer = ownKernel<HardSigmoidOptions>('hardSigmoid', (o) => ({
  kind: 'hardSigmoid',
  alpha: o.alpha ?? HARD_SIGMOID_ALPHA,
  beta: o.beta ?? HARD_SIGMOID_BETA,
}));
export const hardSwishLayer = ownKernel<NameOption>('hardSwish', () => ({ kind: 'hardSwish' }));

/** The activations added after relu/sigmoid/tanh/softmax, for the layer table. */
export const activationLayers: LayerDefinition[] = [relu6Layer, leakyReluLayer, eluLayer, geluLayer, hardSigmoidLayer, hardSwishLayer];
