/**
 * Reference adaptive average pooling, straight from PyTorch's definition (SEMANTICS.md §4). Slow on purpose;
 * shares nothing with adaptive-pool.ts (the bin bounds are recomputed here in floating point).
 *
 * Contract: x is (batch, inH, inW, channels) NHWC; returns a new y (batch, outH, outW, channels) where
 * `y[n, i, j, c]` is the mean of x over rows `[⌊i·inH/outH⌋, ⌈(i+1)·inH/outH⌉)` and columns
 * `[⌊j·inW/outW⌋, ⌈(j+1)·inW/outW⌉)`, summed in double precision.
 */
import type { AdaptivePool2dGeometry } from './adaptive-pool.js';

/** @example adaptiveAvgPool2dNaive(g, x) // [1, 6, 6, 256] for x [1, 7, 7, 256] */
export function adaptiveAvgPool2dNaive(g: Omit<AdaptivePool2dGeometry, 'rowStart' | 'rowEnd' | 'colStart' | 'colEnd'>, x: Float32Array): Float32Array {
  const C = g.channels;
  const y = new Float32Array(g.batch * g.outH * g.outW * C);
  for (let n = 0; n < g.batch; n++) {
    for (let i = 0; i < g.outH; i++) {
      const r0 = Math.floor((i * g.inH) / g.outH);
      const r1 = Math.ceil(((i + 1) * g.inH) / g.outH);
      for (let j = 0; j < g.outW; j++) {
        const c0 = Math.floor((j * g.inW) / g.outW);
        const c1 = Math.ceil(((j + 1) * g.inW) / g.outW);
        for (let c = 0; c < C; c++) {
          let sum = 0;
          for (let r = r0; r < r1; r++) for (let q = c0; q < c1; q++) sum += x[((n * g.inH + r) * g.inW + q) * C + c]!;
          y[((n * g.outH + i) * g.outW + j) * C + c] = sum / ((r1 - r0) * (c1 - c0));
        }
      }
    }
  }
  return y;
}
