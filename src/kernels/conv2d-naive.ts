/**
 * Reference 2-D convolution, straight from the definition (SEMANTICS.md §1–2). Slow on purpose.
 *
 * Contract: x is (batch, inH, inW, inC) NHWC, w is (kernelH, kernelW, inC/groups, outC) HWIO,
 * bias is (outC) or null, returns a new y (batch, outH, outW, outC):
 *   y[n, oy, ox, co] = act(bias[co] + Σ_{ky, kx, ci} x[n, oy·sH − pT + ky·dH, ox·sW − pL + kx·dW, g·Cin/G + ci]
 *                                                     · w[ky, kx, ci, co]),   g = ⌊co / (Cout/G)⌋,
 * with out-of-bounds input reading zero. Sums in double precision.
 */
import { NO_ACTIVATION, type Activation } from './activation.js';
import { activationNaive } from './activation-naive.js';
import type { Conv2dGeometry } from './geometry.js';

/**
 * Returns the convolution of `x` with `w` (plus `bias`, then `act`) as a new Float32Array.
 * @example conv2dNaive(g, x, w, null) // [1, 55, 55, 96] for AlexNet conv1
 */
export function conv2dNaive(
  g: Conv2dGeometry,
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  act: Activation = NO_ACTIVATION,
): Float32Array {
  const cinG = g.inC / g.groups;
  const coutG = g.outC / g.groups;
  const y = new Float32Array(g.batch * g.outH * g.outW * g.outC);
  for (let n = 0; n < g.batch; n++) {
    for (let oy = 0; oy < g.outH; oy++) {
      for (let ox = 0; ox < g.outW; ox++) {
        for (let co = 0; co < g.outC; co++) {
          const group = Math.floor(co / coutG);
          let sum = bias === null ? 0 : bias[co];
          for (let ky = 0; ky < g.kernelH; ky++) {
            const iy = oy * g.strideH - g.padTop + ky * g.dilationH;
            if (iy < 0 || iy >= g.inH) continue;
            for (let kx = 0; kx < g.kernelW; kx++) {
              const ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
              if (ix < 0 || ix >= g.inW) continue;
              for (let ci = 0; ci < cinG; ci++) {
                const xv = x[((n * g.inH + iy) * g.inW + ix) * g.inC + group * cinG + ci];
                const wv = w[((ky * g.kernelW + kx) * cinG + ci) * g.outC + co];
                sum += xv * wv;
              }
            }
          }
          y[((n * g.outH + oy) * g.outW + ox) * g.outC + co] = activationNaive(act, sum);
        }
      }
    }
  }
  return y;
}
