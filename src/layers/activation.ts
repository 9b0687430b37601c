/** Elementwise activations and softmax (last axis); each can run in place, and the planner fuses them into a preceding conv/dense. */
import type { Activation } from '../kernels/activation.js';
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
