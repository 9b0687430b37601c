/**
 * Depthwise-like grouped convolution (groups = inC, so each group reads ONE input channel) as a
 * direct loop: a GEMM per group would have depth kernelH·kernelW and width M, all overhead.
 *
 * Contract: x (batch, inH, inW, inC) at xOff, y (batch, outH, outW, outC) at yOff, outC = inC·M
 * (depth multiplier M, output channel c·M + q reads input channel c, SEMANTICS.md §2); weights packed
 * by `packConv2dDepthwiseWeights`: the HWIO kernel (kernelH, kernelW, 1, outC) as (taps, outC), then
 * the bias (outC). Stride-1 3-wide windows (multiplier 1) run four interior outputs at a time,
 * sharing input loads (`rowOf4`). Other pixels list their in-bounds taps (padding is skipped by
 * clipping the tap range), then sum bias + Σ_taps x·w in registers per channel and store once.
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

/** Valid taps of the current output pixel: input and weight offsets; grown (rarely), never per call. */
let tapX = new Int32Array(64);
let tapW = new Int32Array(64);

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
  if (tapX.length < g.kernelH * g.kernelW) {
    tapX = new Int32Array(g.kernelH * g.kernelW);
    tapW = new Int32Array(g.kernelH * g.kernelW);
  }
  const tx = tapX, tw = tapW;
  const c4 = C - (C % 4);
  for (let n = 0; n < g.batch; n++) {
    for (let oy = 0; oy < g.outH; oy++) {
      const iy0 = oy * g.strideH - g.padTop;
      const kyLo = iy0 >= 0 ? 0 : Math.min(g.kernelH, Math.ceil(-iy0 / g.dilationH));
      const kyHi = Math.max(kyLo, Math.min(g.kernelH, Math.floor((g.inH - 1 - iy0) / g.dilationH) + 1));
      const yRow = yOff + (n * g.outH + oy) * g.outW * OC;
      // Stride-1, 3-wide rows: four outputs at a time share their input loads (see rowOf4).
      let blockLo = 0, blockHi = 0;
      if (mult === 1 && g.kernelW === 3 && g.strideW === 1 && g.dilationW === 1) {
        // Interior columns: 0 ≤ ox − padLeft and ox − padLeft + 2 < inW.
        blockLo = Math.min(g.outW, g.padLeft);
        blockHi = Math.max(blockLo, Math.min(g.outW, g.inW - 2 + g.padLeft));
        blockHi = blockLo + ((blockHi - blockLo) & ~3);
        let rows = 0;
        for (let ky = kyLo; ky < kyHi; ky++, rows++) {
          tx[rows] = xOff + (n * g.inH + iy0 + ky * g.dilationH) * g.inW * C;
          tw[rows] = ky * 3 * OC;
        }
        for (let ox = blockLo; ox < blockHi; ox += 4) {
          rowOf4(x, w, biasOff, (ox - g.padLeft) * C, y, yRow + ox * OC, rows, C);
        }
      }
      for (let ox = 0; ox < g.outW; ox++) {
        if (ox === blockLo && blockHi > blockLo) ox = blockHi;
        if (ox >= g.outW) break;
        const ix0 = ox * g.strideW - g.padLeft;
        const kxLo = ix0 >= 0 ? 0 : Math.min(g.kernelW, Math.ceil(-ix0 / g.dilationW));
        const kxHi = Math.max(kxLo, Math.min(g.kernelW, Math.floor((g.inW - 1 - ix0) / g.dilationW) + 1));
        let taps = 0;
        for (let ky = kyLo; ky < kyHi; ky++) {
          const xRow = xOff + ((n * g.inH + iy0 + ky * g.dilationH) * g.inW + ix0) * C;
          for (let kx = kxLo; kx < kxHi; kx++, taps++) {
            tx[taps] = xRow + kx * g.dilationW * C;
            tw[taps] = (ky * g.kernelW + kx) * OC;
          }
        }
        const yo = yRow + ox * OC;
        if (mult === 1 && taps === 9) {
          nineTaps(x, w, biasOff, y, yo, C);
        } else if (mult === 1) {
          // Four channels at a time, accumulated in registers across all taps.
          for (let c = 0; c < c4; c += 4) {
            let s0 = w[biasOff + c], s1 = w[biasOff + c + 1], s2 = w[biasOff + c + 2], s3 = w[biasOff + c + 3];
            for (let t = 0; t < taps; t++) {
              const xo = tx[t] + c, wo = tw[t] + c;
              s0 += x[xo] * w[wo];
              s1 += x[xo + 1] * w[wo + 1];
              s2 += x[xo + 2] * w[wo + 2];
              s3 += x[xo + 3] * w[wo + 3];
            }
            y[yo + c] = s0;
            y[yo + c + 1] = s1;
            y[yo + c + 2] = s2;
            y[yo + c + 3] = s3;
          }
          for (let c = c4; c < C; c++) {
            let s0 = w[biasOff + c];
            for (let t = 0; t < taps; t++) s0 += x[tx[t] + c] * w[tw[t] + c];
            y[yo + c] = s0;
          }
        } else {
          for (let co = 0; co < OC; co++) y[yo + co] = w[biasOff + co];
          for (let t = 0; t < taps; t++) {
            const xo = tx[t], wo = tw[t];
            for (let c = 0; c < C; c++) {
              const xv = x[xo + c];
              for (let q = 0; q < mult; q++) y[yo + c * mult + q] += xv * w[wo + c * mult + q];
            }
          }
        }
      }
      activateRows(act, y, yRow, 1, g.outW * OC, g.outW * OC);
    }
  }
}

/** The common case, a 3×3 window fully inside the input, one channel at a time: nine taps unrolled. */
function nineTaps(x: Float32Array, w: Float32Array, biasOff: number, y: Float32Array, yo: number, C: number): void {
  const x0 = tapX[0], x1 = tapX[1], x2 = tapX[2], x3 = tapX[3], x4 = tapX[4];
  const x5 = tapX[5], x6 = tapX[6], x7 = tapX[7], x8 = tapX[8];
  const w0 = tapW[0], w1 = tapW[1], w2 = tapW[2], w3 = tapW[3], w4 = tapW[4];
  const w5 = tapW[5], w6 = tapW[6], w7 = tapW[7], w8 = tapW[8];
  for (let c = 0; c < C; c++) {
    y[yo + c] =
      w[biasOff + c] +
      x[x0 + c] * w[w0 + c] +
      x[x1 + c] * w[w1 + c] +
      x[x2 + c] * w[w2 + c] +
      x[x3 + c] * w[w3 + c] +
      x[x4 + c] * w[w4 + c] +
      x[x5 + c] * w[w5 + c] +
      x[x6 + c] * w[w6 + c] +
      x[x7 + c] * w[w7 + c] +
      x[x8 + c] * w[w8 + c];
  }
}

/**
 * Four adjacent outputs of a stride-1 3-wide window, one channel at a time: per kernel row, six input
 * loads and three weight loads feed twelve multiply-adds (the per-pixel path needs 24 loads for them).
 * `tapX[r]` is the input offset of valid kernel row r (column 0), `tapW[r]` its weight offset.
 */
function rowOf4(x: Float32Array, w: Float32Array, biasOff: number, xCol: number, y: Float32Array, yo: number, rows: number, C: number): void {
  const C2 = 2 * C, C3 = 3 * C, C4 = 4 * C, C5 = 5 * C, OC = C, OC2 = 2 * C, OC3 = 3 * C;
  for (let c = 0; c < C; c++) {
    const b = w[biasOff + c];
    let s0 = b, s1 = b, s2 = b, s3 = b;
    for (let r = 0; r < rows; r++) {
      const xo = tapX[r] + xCol + c;
      const wo = tapW[r] + c;
      const w0 = w[wo], w1 = w[wo + OC], w2 = w[wo + OC2];
      const x0 = x[xo], x1 = x[xo + C], x2 = x[xo + C2];
      s0 += x0 * w0 + x1 * w1 + x2 * w2;
      const x3 = x[xo + C3];
      s1 += x1 * w0 + x2 * w1 + x3 * w2;
      const x4 = x[xo + C4];
      s2 += x2 * w0 + x3 * w1 + x4 * w2;
      const x5 = x[xo + C5];
      s3 += x3 * w0 + x4 * w1 + x5 * w2;
    }
    y[yo + c] = s0;
    y[yo + OC + c] = s1;
    y[yo + OC2 + c] = s2;
    y[yo + OC3 + c] = s3;
  }
}
