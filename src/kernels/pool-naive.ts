/**
 * Reference max and average pooling, straight from the definition (SEMANTICS.md §4). Slow on purpose.
 *
 * Contract: x is (batch, inH, inW, channels) NHWC, returns a new y (batch, outH, outW, channels).
 * Window of output (oy, ox): rows `oy·sH − pT + ky·dH`, columns `ox·sW − pL + kx·dW`.
 * - max: maximum over in-bounds taps (padding is −∞).
 * - avg: sum over in-bounds taps divided by the number of in-bounds taps, or, with `countIncludePad`,
 *   by the number of taps inside `[−pT, inH + pB) × [−pL, inW + pR)` (ceil overhang not counted).
 */
import type { Pool2dGeometry } from './geometry.js';

function pool(g: Pool2dGeometry, x: Float32Array, kind: 'max' | 'avg'): Float32Array {
  const C = g.channels;
  const y = new Float32Array(g.batch * g.outH * g.outW * C);
  for (let n = 0; n < g.batch; n++) {
    for (let oy = 0; oy < g.outH; oy++) {
      for (let ox = 0; ox < g.outW; ox++) {
        for (let c = 0; c < C; c++) {
          let max = -Infinity;
          let sum = 0;
          let inBounds = 0;
          let withPad = 0;
          for (let ky = 0; ky < g.kernelH; ky++) {
            const iy = oy * g.strideH - g.padTop + ky * g.dilationH;
            for (let kx = 0; kx < g.kernelW; kx++) {
              const ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
              if (iy >= -g.padTop && iy < g.inH + g.padBottom && ix >= -g.padLeft && ix < g.inW + g.padRight) withPad++;
              if (iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW) continue;
              const v = x[((n * g.inH + iy) * g.inW + ix) * C + c];
              if (v > max) max = v;
              sum += v;
              inBounds++;
            }
          }
          const out = kind === 'max' ? max : sum / (g.countIncludePad ? withPad : inBounds);
          y[((n * g.outH + oy) * g.outW + ox) * C + c] = out;
        }
      }
    }
  }
  return y;
}

/**
 * Max pooling as a new Float32Array.
 * @example maxPool2dNaive(g, x) // [1, 27, 27, 96] for x [1, 55, 55, 96], size 3, stride 2
 */
export function maxPool2dNaive(g: Pool2dGeometry, x: Float32Array): Float32Array {
  return pool(g, x, 'max');
}

/**
 * Average pooling as a new Float32Array.
 * @example avgPool2dNaive(g, x) // [1, 3, 3, 2] for x [1, 5, 5, 2], size 2, stride 2, pad 1, ceil
 */
export function avgPool2dNaive(g: Pool2dGeometry, x: Float32Array): Float32Array {
  return pool(g, x, 'avg');
}
