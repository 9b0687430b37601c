/**
 * Max and average pooling of every rank: shape rule (src/shapes/pool.ts), no parameters. 1-D and 2-D run the
 * backend's 2-D kernels (1-D at height 1); 3-D runs two 2-D passes through scratch (src/kernels/pool3d.ts).
 */
import type { AdaptiveAvgPool1dOptions } from '../../types/adaptive-pool.js';
import type { GlobalPool1dOptions } from '../../types/global-pool.js';
import type { PoolLayer } from '../../types/pool.js';
import { adaptiveAvgPool2d, adaptivePool2dGeometry } from '../kernels/adaptive-pool.js';
import { globalAvgPool2d, globalMaxPool2d } from '../kernels/global-pool.js';
import type { Pool2dGeometry } from '../kernels/geometry.js';
import { avgPool3d, maxPool3d } from '../kernels/pool3d.js';
import { poolGeometry, type Pool3dGeometry } from '../ops/pool-geometry.js';
import { adaptivePoolShape } from '../shapes/adaptive-pool.js';
import { globalPoolShape } from '../shapes/global-pool.js';
import { POOL_RANK, poolNdShape, type PoolOptions } from '../shapes/pool.js';
import type { LayerDefinition } from './definition.js';

function poolLayer(kind: PoolLayer): LayerDefinition<PoolOptions> {
  const max = kind.startsWith('max');
  return {
    kind,
    shape: (inputs, o) => poolNdShape(kind, inputs[0]!, o),
    compile({ options, inputs, output, backend, scratch }) {
      const g = poolGeometry(kind, inputs[0]!, output, options);
      if (POOL_RANK[kind] === 3) {
        const g3 = g as Pool3dGeometry;
        const kernel = max ? maxPool3d : avgPool3d;
        return { scratchSize: g3.scratchSize, run: (memory, [x], y) => kernel(g3, memory, x!, memory, y, scratch()) };
      }
      const g2 = g as Pool2dGeometry;
      const kernel = max ? backend.maxPool2d : backend.avgPool2d;
      return { scratchSize: 0, run: (memory, [x], y) => kernel.call(backend, g2, memory, x!, memory, y) };
    },
  };
}

export const maxPool1dLayer = poolLayer('maxPool1d');
export const avgPool1dLayer = poolLayer('avgPool1d');
export const maxPool2dLayer = poolLayer('maxPool2d');
export const avgPool2dLayer = poolLayer('avgPool2d');
export const maxPool3dLayer = poolLayer('maxPool3d');
export const avgPool3dLayer = poolLayer('avgPool3d');

/** globalAvgPool1d / globalMaxPool1d: the 2-D global kernels with `L` pixels. */
function globalPool1d(kind: 'globalAvgPool1d' | 'globalMaxPool1d'): LayerDefinition<GlobalPool1dOptions> {
  const kernel = kind === 'globalAvgPool1d' ? globalAvgPool2d : globalMaxPool2d;
  return {
    kind,
    shape: (inputs, o) => globalPoolShape(kind, inputs[0]!, o),
    compile({ inputs }) {
      const [batch, length, channels] = inputs[0]! as [number, number, number];
      const g = { batch, pixels: length, channels };
      return { scratchSize: 0, run: (memory, [x], y) => kernel(g, memory, x!, memory, y) };
    },
  };
}

export const globalAvgPool1dLayer = globalPool1d('globalAvgPool1d');
export const globalMaxPool1dLayer = globalPool1d('globalMaxPool1d');

/** adaptiveAvgPool1d: the 2-D adaptive kernel at height 1. */
export const adaptiveAvgPool1dLayer: LayerDefinition<AdaptiveAvgPool1dOptions> = {
  kind: 'adaptiveAvgPool1d',
  shape: (inputs, o) => adaptivePoolShape('adaptiveAvgPool1d', inputs[0]!, o),
  compile({ inputs, output }) {
    const [batch, length, channels] = inputs[0]! as [number, number, number];
    const g = adaptivePool2dGeometry([batch, 1, length, channels], [batch, 1, output[1]!, channels]);
    return { scratchSize: 0, run: (memory, [x], y) => adaptiveAvgPool2d(g, memory, x!, memory, y) };
  },
};

/** Every pooling layer of this file. */
export const poolLayers: LayerDefinition[] = [
  maxPool2dLayer,
  avgPool2dLayer,
  maxPool1dLayer,
  avgPool1dLayer,
  maxPool3dLayer,
  avgPool3dLayer,
  globalAvgPool1dLayer,
  globalMaxPool1dLayer,
  adaptiveAvgPool1dLayer,
];
