/**
 * Depthwise-like grouped convolution (groups = inC, so each group reads ONE input channel) as a
 * direct loop: a GEMM per group would have depth kernelH·kernelW and width M, all overhead.
 *
 * Contract: x (batch, inH, inW, inC) at xOff, y (batch, outH, outW, outC) at yOff, outC = inC·M
 * (depth multiplier M, output channel c·M + q reads input channel c, SEMANTICS.md §2); weights packed
 * by `packConv2dDepthwiseWeights`: the HWIO kernel (kernelH, kernelW, 1, outC) as (taps, outC), then
 * the bias (outC). Every output pixel starts from the bias row, adds one contiguous channel row per
 * in-bounds tap (taps in padding are skipped by clipping the tap range), then applies `act`.
 */
import { activateRows, type Activation } from './activation.js';
import type { Conv2dGeometry } from './geometry.js';

/** True when every group reads exactly one input channel (G = Cin > 1). */
export function isDepthwiseShape(g: Conv2dGeometry): boolean {
  return g.groups > 1 && g.groups === g.inC;
}

/** Packs weights and bias once: (taps, outC) then (outC). */
export function packConv2dDepthwiseWeights(g: Conv2dGeometry, hwio: Float32Array, bias: Float32Array | null): Float32Array {
  const taps = g.kernelH * g.kernelW * g.outC;
  const out = new Float32Array(taps + g.outC);
  out.set(hwio.subarray(0, taps));
  if (bias !== null) out.set(bias, taps);
  return out;
}

/**
 * `y = act(depthwiseConv(x, w) + bias)`, weights from `packConv2dDepthwiseWeights`.
 * @example conv2dDepthwise(g, packed, x, 0, y, 0, { kind: 'relu6' })
 */
export function conv2dDepthwise(
  g: Conv2dGeometry,
  w: Float32Array,
  x: Float32Array,
  xOff: number,
  y: Float32Array,
  yOff: number,
  act: Activation,
): void {
  const C = g.inC, OC = g.outC, mult = OC / C;
  const biasOff = g.kernelH * g.kernelW * OC;
  for (let n = 0; n < g.batch; n++) {
    for (let oy = 0; oy < g.outH; oy++) {
      const iy0 = oy * g.strideH - g.padTop;
      const kyLo = iy0 >= 0 ? 0 : Math.min(g.kernelH, Math.ceil(-iy0 / g.dilationH));
      const kyHi = Math.max(kyLo, Math.min(g.kernelH, Math.floor((g.inH - 1 - iy0) / g.dilationH) + 1));
      const yRow = yOff + (n * g.outH + oy) * g.outW * OC;
      for (let ox = 0; ox < g.outW; ox++) {
        const ix0 = ox * g.strideW - g.padLeft;
        const kxLo = ix0 >= 0 ? 0 : Math.min(g.kernelW, Math.ceil(-ix0 / g.dilationW));
        const kxHi = Math.max(kxLo, Math.min(g.kernelW, Math.floor((g.inW - 1 - ix0) / g.dilationW) + 1));
        const yo = yRow + ox * OC;
        for (let c = 0; c < OC; c++) y[yo + c] = w[biasOff + c];
        for (let ky = kyLo; ky < kyHi; ky++) {
          const xRow = xOff + ((n * g.inH + iy0 + ky * g.dilationH) * g.inW + ix0) * C;
          for (let kx = kxLo; kx < kxHi; kx++) {
            const xo = xRow + kx * g.dilationW * C;
            const wo = (ky * g.kernelW + kx) * OC;
            if (mult === 1) {
              for (let c = 0; c < C; c++) y[yo + c] += x[xo + c] * w[wo + c];
            } else {
              for (let c = 0; c < C; c++) {
                const xv = x[xo + c];
                for (let q = 0; q < mult; q++) y[yo + c * mult + q] += xv * w[wo + c * mult + q];
              }
            }
          }
        }
      }
      activateRows(act, y, yRow, 1, g.outW * OC, g.outW * OC);
    }
  }
}
