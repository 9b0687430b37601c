/** maxPool2d / avgPool2d: shape rule (src/shapes/pool.ts), no parameters. */
import type { AvgPool2dOptions, MaxPool2dOptions } from '../../types/pool.js';
import { pool2dGeometry } from '../ops/geometry.js';
import { pool2dShape } from '../shapes/pool.js';
import type { LayerDefinition } from './definition.js';

export const maxPool2dLayer: LayerDefinition<MaxPool2dOptions> = {
  kind: 'maxPool2d',
  shape: (inputs, o) => pool2dShape('maxPool2d', inputs[0]!, o),
  compile({ options, inputs, output, backend }) {
    const g = pool2dGeometry(inputs[0]!, output, options, output[0]!);
    return { scratchSize: 0, run: (memory, [x], y) => backend.maxPool2d(g, memory, x!, memory, y) };
  },
};

export const avgPool2dLayer: LayerDefinition<AvgPool2dOptions> = {
  kind: 'avgPool2d',
  shape: (inputs, o) => pool2dShape('avgPool2d', inputs[0]!, o),
  compile({ options, inputs, output, backend }) {
    const g = pool2dGeometry(inputs[0]!, output, options, output[0]!);
    return { scratchSize: 0, run: (memory, [x], y) => backend.avgPool2d(g, memory, x!, memory, y) };
  },
};
