/**
 * Reference global average and max pooling, straight from the definition. Slow on purpose.
 *
 * Contract: x is (batch, H·W, channels) NHWC; returns a new y (batch, channels):
 * `y[n, c] = mean (or max) over p of x[n, p, c]`, the mean summed in double precision.
 */
import type { GlobalPool2dGeometry } from './global-pool.js';

function pool(g: GlobalPool2dGeometry, x: Float32Array, kind: 'avg' | 'max'): Float32Array {
  const y = new Float32Array(g.batch * g.channels);
  for (let n = 0; n < g.batch; n++) {
    for (let c = 0; c < g.channels; c++) {
      let sum = 0;
      let max = -Infinity;
      for (let p = 0; p < g.pixels; p++) {
        const v = x[(n * g.pixels + p) * g.channels + c]!;
        sum += v;
        if (v > max) max = v;
      }
      y[n * g.channels + c] = kind === 'avg' ? sum / g.pixels : max;
    }
  }
  return y;
}

/** @example globalAvgPool2dNaive({ batch: 1, pixels: 4, channels: 1 }, Float32Array.of(1, 2, 3, 4)) //=> Float32Array [2.5] */
export const globalAvgPool2dNaive = (g: GlobalPool2dGeometry, x: Float32Array): Float32Array => pool(g, x, 'avg');

/** @example globalMaxPool2dNaive({ batch: 1, pixels: 4, channels: 1 }, Float32Array.of(1, 2, 3, 4)) //=> Float32Array [4] */
export const globalMaxPool2dNaive = (g: GlobalPool2dGeometry, x: Float32Array): Float32Array => pool(g, x, 'max');
