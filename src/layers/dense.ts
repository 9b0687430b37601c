/** dense and flatten: kernel `[in, units]` + bias; flatten is a view (NHWC memory order is the flatten order). */
import type { DenseOptions } from '../../types/dense.js';
import { denseShape, flattenShape } from '../shapes/dense.js';
import { kernelAndBias, sizeOf, type LayerDefinition } from './definition.js';

export const denseLayer: LayerDefinition<DenseOptions> = {
  kind: 'dense',
  shape: (inputs, o) => denseShape(inputs[0]!, o),
  parameters: (inputs, o) => kernelAndBias([inputs[0]![1]!, o.units], { fanIn: inputs[0]![1]!, fanOut: o.units }, o.units, o),
  macs: (inputs, _output, o) => inputs[0]![1]! * o.units,
  fusesActivation: true,
  compile({ options, inputs, weights, activation, scratch, backend }) {
    const g = { batch: inputs[0]![0]!, inFeatures: inputs[0]![1]!, units: options.units };
    const packed = backend.packDense(g, weights.kernel!, weights.bias ?? null);
    return {
      scratchSize: backend.denseScratchSize(g),
      run: (memory, [x], y) => backend.dense(packed, memory, x!, memory, y, activation, scratch()),
    };
  },
};

export const flattenLayer: LayerDefinition<object> = {
  kind: 'flatten',
  shape: (inputs) => flattenShape(inputs[0]!),
  inPlace: true,
  compile: ({ inputs }) => {
    const n = sizeOf(inputs[0]!);
    return { scratchSize: 0, run: (memory, [x], y) => (x === y ? undefined : memory.copyWithin(y, x!, x! + n)) };
  },
};
