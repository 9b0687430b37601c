/**
 * Layers that resize or reshape without weights: global and adaptive pooling, upsampling, zero padding
 * (each compiles to one kernel call on a geometry built here, once per batch size) and reshape, a view:
 * NHWC memory order is the reshape order, so it copies nothing when the planner lets it share its input's
 * buffer (`inPlace`) and copies the block otherwise, like flatten.
 */
import type { AdaptiveAvgPool2dOptions } from '../../types/adaptive-pool.js';
import type { GlobalPool2dOptions, GlobalPoolLayer } from '../../types/global-pool.js';
import type { ReshapeOptions } from '../../types/reshape.js';
import type { UpSampling2dOptions } from '../../types/upsampling.js';
import type { ZeroPadding2dOptions } from '../../types/zero-padding.js';
import { adaptiveAvgPool2d, adaptivePool2dGeometry } from '../kernels/adaptive-pool.js';
import { globalAvgPool2d, globalMaxPool2d } from '../kernels/global-pool.js';
import { upSampling2d, upSampling2dGeometry } from '../kernels/upsampling.js';
import { zeroPadding2d } from '../kernels/zero-padding.js';
import { adaptivePool2dShape } from '../shapes/adaptive-pool.js';
import { globalPool2dShape } from '../shapes/global-pool.js';
import { pairOf } from '../shapes/options.js';
import { reshapeShape } from '../shapes/reshape.js';
import { upSampling2dShape } from '../shapes/upsampling.js';
import { zeroPadding2dShape, zeroPadsOf } from '../shapes/zero-padding.js';
import { sizeOf, type LayerDefinition } from './definition.js';

function globalPool(kind: GlobalPoolLayer): LayerDefinition<GlobalPool2dOptions> {
  const kernel = kind === 'globalAvgPool2d' ? globalAvgPool2d : globalMaxPool2d;
  return {
    kind,
    shape: (inputs, o) => globalPool2dShape(kind, inputs[0]!, o),
    compile({ inputs }) {
      const [batch, h, w, channels] = inputs[0]! as [number, number, number, number];
      const g = { batch, pixels: h * w, channels };
      return { scratchSize: 0, run: (memory, [x], y) => kernel(g, memory, x!, memory, y) };
    },
  };
}

export const globalAvgPool2dLayer = globalPool('globalAvgPool2d');
export const globalMaxPool2dLayer = globalPool('globalMaxPool2d');

export const adaptiveAvgPool2dLayer: LayerDefinition<AdaptiveAvgPool2dOptions> = {
  kind: 'adaptiveAvgPool2d',
  shape: (inputs, o) => adaptivePool2dShape(inputs[0]!, o),
  compile({ inputs, output }) {
    const g = adaptivePool2dGeometry(inputs[0]!, output);
    return { scratchSize: 0, run: (memory, [x], y) => adaptiveAvgPool2d(g, memory, x!, memory, y) };
  },
};

export const upSampling2dLayer: LayerDefinition<UpSampling2dOptions> = {
  kind: 'upSampling2d',
  shape: (inputs, o) => upSampling2dShape(inputs[0]!, o),
  compile({ options, inputs }) {
    const [sh, sw] = pairOf(options.size, 2);
    const g = upSampling2dGeometry(inputs[0]!, sh, sw, options.interpolation ?? 'nearest');
    return { scratchSize: 0, run: (memory, [x], y) => upSampling2d(g, memory, x!, memory, y) };
  },
};

export const zeroPadding2dLayer: LayerDefinition<ZeroPadding2dOptions> = {
  kind: 'zeroPadding2d',
  shape: (inputs, o) => zeroPadding2dShape(inputs[0]!, o),
  compile({ options, inputs }) {
    const [batch, inH, inW, channels] = inputs[0]! as [number, number, number, number];
    const [[top, bottom], [left, right]] = zeroPadsOf(options.padding);
    const g = { batch, inH, inW, channels, top, bottom, left, right };
    return { scratchSize: 0, run: (memory, [x], y) => zeroPadding2d(g, memory, x!, memory, y) };
  },
};

export const reshapeLayer: LayerDefinition<ReshapeOptions> = {
  kind: 'reshape',
  shape: (inputs, o) => reshapeShape(inputs[0]!, o),
  inPlace: true,
  compile: ({ inputs }) => {
    const n = sizeOf(inputs[0]!);
    return { scratchSize: 0, run: (memory, [x], y) => (x === y ? undefined : memory.copyWithin(y, x!, x! + n)) };
  },
};

export const resizeLayers: LayerDefinition[] = [
  globalAvgPool2dLayer,
  globalMaxPool2dLayer,
  adaptiveAvgPool2dLayer,
  upSampling2dLayer,
  zeroPadding2dLayer,
  reshapeLayer,
];
