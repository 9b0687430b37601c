/**
 * Reference 3-D convolution, straight from the definition (SEMANTICS.md §1–2). Slow on purpose.
 *
 * Contract: x is (batch, inD, inH, inW, inC), w is (kernelD, kernelH, kernelW, inC/groups, outC), bias
 * (outC) or null; returns a new y (batch, outD, outH, outW, outC):
 *   y[n, od, oh, ow, co] = act(bias[co] + Σ_{kd, kh, kw, ci} x[n, od·sD − pF + kd·dD, oh·sH − pT + kh·dH,
 *                                   ow·sW − pL + kw·dW, g·Cin/G + ci] · w[kd, kh, kw, ci, co]),  g = ⌊co/(Cout/G)⌋,
 * out-of-bounds input reading zero. Sums in double precision.
 */
import { NO_ACTIVATION, type Activation } from './activation.js';
import { activationNaive } from './activation-naive.js';
import type { Conv3dGeometry } from './conv3d.js';

/** @example conv3dNaive(g, x, w, bias) // (batch, outD, outH, outW, outC) */
export function conv3dNaive(
  g: Conv3dGeometry,
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  act: Activation = NO_ACTIVATION,
): Float32Array {
  const cinG = g.inC / g.groups;
  const coutG = g.outC / g.groups;
  const y = new Float32Array(g.batch * g.outD * g.outH * g.outW * g.outC);
  let o = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let od = 0; od < g.outD; od++) {
      for (let oh = 0; oh < g.outH; oh++) {
        for (let ow = 0; ow < g.outW; ow++) {
          for (let co = 0; co < g.outC; co++, o++) {
            const group = Math.floor(co / coutG);
            let sum = bias === null ? 0 : bias[co]!;
            for (let kd = 0; kd < g.kernelD; kd++) {
              const id = od * g.strideD - g.padFront + kd * g.dilationD;
              if (id < 0 || id >= g.inD) continue;
              for (let kh = 0; kh < g.kernelH; kh++) {
                const ih = oh * g.strideH - g.padTop + kh * g.dilationH;
                if (ih < 0 || ih >= g.inH) continue;
                for (let kw = 0; kw < g.kernelW; kw++) {
                  const iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
                  if (iw < 0 || iw >= g.inW) continue;
                  const xBase = (((n * g.inD + id) * g.inH + ih) * g.inW + iw) * g.inC + group * cinG;
                  const wBase = ((kd * g.kernelH + kh) * g.kernelW + kw) * cinG * g.outC + co;
                  for (let ci = 0; ci < cinG; ci++) sum += x[xBase + ci]! * w[wBase + ci * g.outC]!;
                }
              }
            }
            y[o] = activationNaive(act, sum);
          }
        }
      }
    }
  }
  return y;
}
