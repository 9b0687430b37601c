/** cropping2d: shape rule (src/shapes/cropping.ts), no parameters, a row-copy kernel. */
import type { Cropping2dOptions } from '../../types/cropping.js';
import { cropping2d } from '../kernels/crop.js';
import { cropping2dShape, croppingOf } from '../shapes/cropping.js';
import type { LayerDefinition } from './definition.js';

export const cropping2dLayer: LayerDefinition<Cropping2dOptions> = {
  kind: 'cropping2d',
  shape: (inputs, o) => cropping2dShape(inputs[0]!, o),
  compile({ options, inputs, output }) {
    const [b, inH, inW, c] = inputs[0]! as [number, number, number, number];
    const [[top], [left]] = croppingOf(options);
    return { scratchSize: 0, run: (memory, [x], y) => cropping2d(memory, x!, y, b, inH, inW, c, top, left, output[1]!, output[2]!) };
  },
};
