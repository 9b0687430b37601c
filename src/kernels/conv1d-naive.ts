/**
 * Reference 1-D convolution, straight from the definition (SEMANTICS.md §1–2). Slow on purpose.
 *
 * Contract: x is (batch, inL, inC), w is (kernel, inC/groups, outC), bias (outC) or null; returns a new
 * y (batch, outL, outC):
 *   y[n, ol, co] = act(bias[co] + Σ_{kl, ci} x[n, ol·s − pB + kl·d, g·Cin/G + ci] · w[kl, ci, co]),  g = ⌊co/(Cout/G)⌋,
 * out-of-bounds input reading zero. Sums in double precision.
 */
import { NO_ACTIVATION, type Activation } from './activation.js';
import { activationNaive } from './activation-naive.js';
import type { Conv1dGeometry } from './conv1d.js';

/** @example conv1dNaive(g, x, w, bias) // (batch, outL, outC) */
export function conv1dNaive(
  g: Conv1dGeometry,
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  act: Activation = NO_ACTIVATION,
): Float32Array {
  const cinG = g.inC / g.groups;
  const coutG = g.outC / g.groups;
  const y = new Float32Array(g.batch * g.outL * g.outC);
  for (let n = 0; n < g.batch; n++) {
    for (let ol = 0; ol < g.outL; ol++) {
      for (let co = 0; co < g.outC; co++) {
        const group = Math.floor(co / coutG);
        let sum = bias === null ? 0 : bias[co]!;
        for (let kl = 0; kl < g.kernel; kl++) {
          const il = ol * g.stride - g.padBegin + kl * g.dilation;
          if (il < 0 || il >= g.inL) continue;
          for (let ci = 0; ci < cinG; ci++) {
            sum += x[(n * g.inL + il) * g.inC + group * cinG + ci]! * w[(kl * cinG + ci) * g.outC + co]!;
          }
        }
        y[(n * g.outL + ol) * g.outC + co] = activationNaive(act, sum);
      }
    }
  }
  return y;
}
