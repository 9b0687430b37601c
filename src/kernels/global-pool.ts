/**
 * Global average and max pooling in NHWC: one pass over the pixels of each example, adding (or taking the
 * maximum of) contiguous channel rows into the output row.
 *
 * Contract: x (batch, pixels, channels) at xOff — pixels = H·W of an NHWC tensor —, y (batch, channels) at
 * yOff (the same memory as `[B, 1, 1, C]`); y must not overlap x. Average sums in float32 in pixel order,
 * then multiplies by 1/pixels; max is branch-free `(a + b + |a − b|)/2` like pool.ts. Reference:
 * global-pool-naive.ts.
 */
import { maxOf } from './activation.js';

/** What a global pooling kernel needs. */
export interface GlobalPool2dGeometry {
  readonly batch: number;
  /** H·W. */
  readonly pixels: number;
  readonly channels: number;
}

/**
 * Mean over the pixels of each example and channel.
 * @example globalAvgPool2d({ batch: 1, pixels: 49, channels: 2048 }, x, 0, y, 0) // y [1, 2048] from x [1, 7, 7, 2048]
 */
export function globalAvgPool2d(g: GlobalPool2dGeometry, x: Float32Array, xOff: number, y: Float32Array, yOff: number): void {
  const C = g.channels;
  const scale = 1 / g.pixels;
  for (let n = 0; n < g.batch; n++) {
    const yo = yOff + n * C;
    const xn = xOff + n * g.pixels * C;
    for (let c = 0; c < C; c++) y[yo + c] = x[xn + c]!;
    for (let p = 1; p < g.pixels; p++) {
      const xo = xn + p * C;
      for (let c = 0; c < C; c++) y[yo + c] += x[xo + c]!;
    }
    for (let c = 0; c < C; c++) y[yo + c] *= scale;
  }
}

/**
 * Maximum over the pixels of each example and channel.
 * @example globalMaxPool2d({ batch: 1, pixels: 49, channels: 512 }, x, 0, y, 0) // y [1, 512] from x [1, 7, 7, 512]
 */
export function globalMaxPool2d(g: GlobalPool2dGeometry, x: Float32Array, xOff: number, y: Float32Array, yOff: number): void {
  const C = g.channels;
  for (let n = 0; n < g.batch; n++) {
    const yo = yOff + n * C;
    const xn = xOff + n * g.pixels * C;
    for (let c = 0; c < C; c++) y[yo + c] = x[xn + c]!;
    for (let p = 1; p < g.pixels; p++) {
      const xo = xn + p * C;
      for (let c = 0; c < C; c++) {
        // max(a, b) = (a + b + |a − b|)/2: a branch mispredicts on mixed-sign data (see pool.ts).
        const a = x[xo + c]!, b = y[yo + c]!;
        const m = (a + b + Math.abs(a - b)) * 0.5;
        y[yo + c] = m === m ? m : maxOf(a, b);
      }
    }
  }
}
