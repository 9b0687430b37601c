/**
 * Reference 2-D transposed convolution (groups = 1), straight from the definition. Slow on purpose.
 *
 * Contract: x is (batch, inH, inW, inC) NHWC, w is (kernelH, kernelW, outC, inC) (TF layout),
 * bias is (outC) or null, returns a new y (batch, outH, outW, outC). Every input pixel scatters:
 *   y[n, iy·sH − pT + ky·dH, ix·sW − pL + kx·dW, co] += Σ_ci x[n, iy, ix, ci] · w[ky, kx, co, ci],
 * targets outside the output are dropped (that is the padding), then bias and `act` are applied.
 * Sums in double precision.
 */
import { NO_ACTIVATION, type Activation } from './activation.js';
import { activationNaive } from './activation-naive.js';
import type { Conv2dTransposeGeometry } from './geometry.js';

/**
 * Returns the transposed convolution of `x` with `w` as a new Float32Array.
 * @example conv2dTransposeNaive(g, x, w, bias) // [1, 8, 8, 3] for x [1, 4, 4, 8], k3 s2 p1 op1
 */
export function conv2dTransposeNaive(
  g: Conv2dTransposeGeometry,
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  act: Activation = NO_ACTIVATION,
): Float32Array {
  const outSize = g.batch * g.outH * g.outW * g.outC;
  const acc = new Float64Array(outSize);
  for (let n = 0; n < g.batch; n++) {
    for (let iy = 0; iy < g.inH; iy++) {
      for (let ix = 0; ix < g.inW; ix++) {
        for (let ky = 0; ky < g.kernelH; ky++) {
          const oy = iy * g.strideH - g.padTop + ky * g.dilationH;
          if (oy < 0 || oy >= g.outH) continue;
          for (let kx = 0; kx < g.kernelW; kx++) {
            const ox = ix * g.strideW - g.padLeft + kx * g.dilationW;
            if (ox < 0 || ox >= g.outW) continue;
            for (let co = 0; co < g.outC; co++) {
              let sum = 0;
              for (let ci = 0; ci < g.inC; ci++) {
                sum += x[((n * g.inH + iy) * g.inW + ix) * g.inC + ci] * w[((ky * g.kernelW + kx) * g.outC + co) * g.inC + ci];
              }
              acc[((n * g.outH + oy) * g.outW + ox) * g.outC + co] += sum;
            }
          }
        }
      }
    }
  }
  const y = new Float32Array(outSize);
  for (let i = 0; i < outSize; i++) y[i] = activationNaive(act, acc[i] + (bias === null ? 0 : bias[i % g.outC]));
  return y;
}
