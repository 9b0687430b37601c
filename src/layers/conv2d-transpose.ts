/** conv2dTranspose: shape rule (src/shapes/conv-transpose.ts), kernel `[kh, kw, filters, in]` (TF) + bias. */
import type { Conv2dTransposeOptions } from '../../types/conv-transpose.js';
import { conv2dTransposeGeometry } from '../ops/geometry.js';
import { pairOf } from '../shapes/options.js';
import { conv2dTransposeShape } from '../shapes/conv-transpose.js';
import { kernelAndBias, type LayerDefinition } from './definition.js';

export const conv2dTransposeLayer: LayerDefinition<Conv2dTransposeOptions> = {
  kind: 'conv2dTranspose',
  shape: (inputs, o) => conv2dTransposeShape(inputs[0]!, o),
  parameters(inputs, o) {
    const [kh, kw] = pairOf(o.kernel, 1);
    const inC = inputs[0]![3]!;
    return kernelAndBias([kh, kw, o.filters, inC], { fanIn: kh * kw * o.filters, fanOut: kh * kw * inC }, o.filters, o);
  },
  /** Transposed conv MACs use the INPUT spatial size (SEMANTICS.md §6). */
  macs(inputs, output, o) {
    const [kh, kw] = pairOf(o.kernel, 1);
    return inputs[0]![1]! * inputs[0]![2]! * inputs[0]![3]! * output[3]! * kh * kw;
  },
  fusesActivation: true,
  compile({ options, inputs, output, weights, activation, scratch, backend }) {
    const g = conv2dTransposeGeometry(inputs[0]!, output, options, output[0]!);
    const packed = backend.packConv2dTranspose(g, weights.kernel!, weights.bias ?? null);
    return {
      scratchSize: backend.conv2dTransposeScratchSize(g),
      run: (memory, [x], y) => backend.conv2dTranspose(packed, memory, x!, memory, y, activation, scratch()),
    };
  },
};
