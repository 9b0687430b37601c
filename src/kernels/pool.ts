/**
 * Fast max and average pooling in NHWC: per output pixel, clip the window to the input once, then
 * run contiguous channel loops over the valid taps (no per-element bounds checks).
 *
 * Contract: x (batch, inH, inW, channels) at xOff, y (batch, outH, outW, channels) at yOff (must not
 * overlap x). Max is computed branch-free, `(a + b + |a − b|)/2`, which is exact after the float32
 * store (±∞ inputs give NaN where a branch would not; activations are finite). Semantics as `pool-naive.ts`: max skips padding (−∞); average divides by the in-bounds
 * taps, or with `countIncludePad` by the taps inside the explicitly padded input (not the ceil
 * overhang). A window with no in-bounds tap yields −∞ (max) or 0 (avg); valid geometries have none.
 */
import { maxOf } from './activation.js';
import type { Pool2dGeometry } from './geometry.js';

/** First tap index whose position `o + t·d` is ≥ lo, for t in [0, k). */
function firstTap(o: number, d: number, k: number, lo: number): number {
  return o >= lo ? 0 : Math.min(k, Math.ceil((lo - o) / d));
}

/** One past the last tap index whose position `o + t·d` is < hi, at least `from`. */
function endTap(o: number, d: number, k: number, hi: number, from: number): number {
  return Math.max(from, Math.min(k, Math.floor((hi - 1 - o) / d) + 1));
}

/**
 * Max pooling.
 * @example maxPool2d(g, x, 0, y, 0) // y [1, 27, 27, 96] from x [1, 55, 55, 96], size 3, stride 2
 */
export function maxPool2d(g: Pool2dGeometry, x: Float32Array, xOff: number, y: Float32Array, yOff: number): void {
  const C = g.channels;
  for (let n = 0; n < g.batch; n++) {
    for (let oy = 0; oy < g.outH; oy++) {
      const iy0 = oy * g.strideH - g.padTop;
      const kyLo = firstTap(iy0, g.dilationH, g.kernelH, 0);
      const kyHi = endTap(iy0, g.dilationH, g.kernelH, g.inH, kyLo);
      for (let ox = 0; ox < g.outW; ox++) {
        const ix0 = ox * g.strideW - g.padLeft;
        const kxLo = firstTap(ix0, g.dilationW, g.kernelW, 0);
        const kxHi = endTap(ix0, g.dilationW, g.kernelW, g.inW, kxLo);
        const yo = yOff + ((n * g.outH + oy) * g.outW + ox) * C;
        if (kyLo === kyHi || kxLo === kxHi) {
          for (let c = 0; c < C; c++) y[yo + c] = -Infinity;
          continue;
        }
        // Start from the first valid tap (the branch-free max below cannot start from −∞).
        const first = xOff + ((n * g.inH + iy0 + kyLo * g.dilationH) * g.inW + ix0 + kxLo * g.dilationW) * C;
        for (let c = 0; c < C; c++) y[yo + c] = x[first + c];
        for (let ky = kyLo; ky < kyHi; ky++) {
          const row = xOff + ((n * g.inH + iy0 + ky * g.dilationH) * g.inW + ix0) * C;
          for (let kx = kxLo; kx < kxHi; kx++) {
            const xo = row + kx * g.dilationW * C;
            for (let c = 0; c < C; c++) {
              // max(a, b) = (a + b + |a − b|)/2: a branch would mispredict on real data (see activation.ts).
              const a = x[xo + c], b = y[yo + c];
              const m = (a + b + Math.abs(a - b)) * 0.5;
              y[yo + c] = m === m ? m : maxOf(a, b);
            }
          }
        }
      }
    }
  }
}

/**
 * Average pooling.
 * @example avgPool2d(g, x, 0, y, 0) // y [1, 3, 3, 2] from x [1, 5, 5, 2], size 2, stride 2, pad 1, ceil
 */
export function avgPool2d(g: Pool2dGeometry, x: Float32Array, xOff: number, y: Float32Array, yOff: number): void {
  const C = g.channels;
  for (let n = 0; n < g.batch; n++) {
    for (let oy = 0; oy < g.outH; oy++) {
      const iy0 = oy * g.strideH - g.padTop;
      const kyLo = firstTap(iy0, g.dilationH, g.kernelH, 0);
      const kyHi = endTap(iy0, g.dilationH, g.kernelH, g.inH, kyLo);
      // Taps inside the explicitly padded input, for countIncludePad.
      const pyLo = firstTap(iy0, g.dilationH, g.kernelH, -g.padTop);
      const pyHi = endTap(iy0, g.dilationH, g.kernelH, g.inH + g.padBottom, pyLo);
      for (let ox = 0; ox < g.outW; ox++) {
        const ix0 = ox * g.strideW - g.padLeft;
        const kxLo = firstTap(ix0, g.dilationW, g.kernelW, 0);
        const kxHi = endTap(ix0, g.dilationW, g.kernelW, g.inW, kxLo);
        const yo = yOff + ((n * g.outH + oy) * g.outW + ox) * C;
        for (let c = 0; c < C; c++) y[yo + c] = 0;
        for (let ky = kyLo; ky < kyHi; ky++) {
          const row = xOff + ((n * g.inH + iy0 + ky * g.dilationH) * g.inW + ix0) * C;
          for (let kx = kxLo; kx < kxHi; kx++) {
            const xo = row + kx * g.dilationW * C;
            for (let c = 0; c < C; c++) y[yo + c] += x[xo + c];
          }
        }
        let count: number;
        if (g.countIncludePad) {
          const pxLo = firstTap(ix0, g.dilationW, g.kernelW, -g.padLeft);
          count = (pyHi - pyLo) * (endTap(ix0, g.dilationW, g.kernelW, g.inW + g.padRight, pxLo) - pxLo);
        } else {
          count = (kyHi - kyLo) * (kxHi - kxLo);
        }
        const scale = count > 0 ? 1 / count : 0;
        for (let c = 0; c < C; c++) y[yo + c] *= scale;
      }
    }
  }
}
