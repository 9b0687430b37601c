/** conv2d: shape rule (src/shapes/conv.ts), HWIO kernel `[kh, kw, in/groups, filters]` + bias, fused activation. */
import type { Conv2dOptions } from '../../types/conv.js';
import { conv2dGeometry } from '../ops/geometry.js';
import { pairOf } from '../shapes/options.js';
import { conv2dShape } from '../shapes/conv-nd.js';
import { kernelAndBias, type LayerDefinition } from './definition.js';

export const conv2dLayer: LayerDefinition<Conv2dOptions> = {
  kind: 'conv2d',
  shape: (inputs, o) => conv2dShape(inputs[0]!, o),
  parameters(inputs, o) {
    const [kh, kw] = pairOf(o.kernel, 1);
    const inPerGroup = inputs[0]![3]! / (o.groups ?? 1);
    const area = kh * kw;
    return kernelAndBias([kh, kw, inPerGroup, o.filters], { fanIn: area * inPerGroup, fanOut: area * o.filters }, o.filters, o);
  },
  macs(inputs, output, o) {
    const [kh, kw] = pairOf(o.kernel, 1);
    return output[1]! * output[2]! * output[3]! * (inputs[0]![3]! / (o.groups ?? 1)) * kh * kw;
  },
  fusesActivation: true,
  compile({ options, inputs, output, weights, activation, scratch, backend }) {
    const g = conv2dGeometry(inputs[0]!, output, options, output[0]!);
    const packed = backend.packConv2d(g, weights.kernel!, weights.bias ?? null);
    return {
      scratchSize: backend.conv2dScratchSize(g),
      run: (memory, [x], y) => backend.conv2d(packed, memory, x!, memory, y, activation, scratch()),
    };
  },
};
