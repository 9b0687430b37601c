/**
 * Reference zero padding, straight from the definition. Slow on purpose.
 *
 * Contract: x is (batch, inH, inW, channels) NHWC; returns a new y (batch, top + inH + bottom,
 * left + inW + right, channels) with `y[n, i, j, c] = x[n, i − top, j − left, c]` inside the input, else 0.
 */
import type { ZeroPadding2dGeometry } from './zero-padding.js';

/** @example zeroPadding2dNaive({ batch: 1, inH: 1, inW: 1, channels: 1, top: 0, bottom: 0, left: 1, right: 1 }, Float32Array.of(5)) //=> Float32Array [0, 5, 0] */
export function zeroPadding2dNaive(g: ZeroPadding2dGeometry, x: Float32Array): Float32Array {
  const C = g.channels;
  const outH = g.top + g.inH + g.bottom;
  const outW = g.left + g.inW + g.right;
  const y = new Float32Array(g.batch * outH * outW * C);
  for (let n = 0; n < g.batch; n++) {
    for (let i = 0; i < outH; i++) {
      for (let j = 0; j < outW; j++) {
        const si = i - g.top;
        const sj = j - g.left;
        const inside = si >= 0 && si < g.inH && sj >= 0 && sj < g.inW;
        for (let c = 0; c < C; c++) {
          y[((n * outH + i) * outW + j) * C + c] = inside ? x[((n * g.inH + si) * g.inW + sj) * C + c]! : 0;
        }
      }
    }
  }
  return y;
}
