/** add and concat: layers with several inputs (ResNet shortcuts, Inception and U-Net joins). */
import { add, concatChannels } from '../kernels/merge.js';
import { concatShape, elementwiseShape } from '../shapes/merge.js';
import { sizeOf, type LayerDefinition } from './definition.js';

export const addLayer: LayerDefinition<object> = {
  kind: 'add',
  shape: (inputs) => elementwiseShape('add', inputs[0]!, inputs[1]!),
  fusesActivation: true,
  compile: ({ output, activation, backend }) => {
    const n = sizeOf(output);
    const kernel = backend.add ?? add;
    return { scratchSize: 0, run: (memory, [a, b], y) => kernel(memory, a!, b!, y, n, activation) };
  },
};

export const concatLayer: LayerDefinition<object> = {
  kind: 'concat',
  shape: (inputs) => concatShape(inputs),
  compile: ({ inputs, output }) => {
    const channels = inputs.map((s) => s[s.length - 1]!);
    const pixels = sizeOf(output) / output[output.length - 1]!;
    return { scratchSize: 0, run: (memory, xs, y) => concatChannels(memory, xs, channels, y, pixels) };
  },
};

export const mergeLayers = [addLayer, concatLayer];
