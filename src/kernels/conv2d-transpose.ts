/**
 * Fast 2-D transposed convolution (groups = 1) as GEMM + col2im: for a chunk of input pixels,
 * `cols (pixels, kH·kW·outC) = X (pixels, inC) · Wᵀ (inC, kH·kW·outC)`, then every column block is
 * scatter-added to the output pixel its tap lands on. The output starts as the bias; the activation
 * runs once at the end (a pixel receives taps from several chunks, so it cannot run earlier).
 *
 * Contract: x (batch, inH, inW, inC) at xOff, kernel (kernelH, kernelW, outC, inC) (TF layout),
 * bias (outC) or null, y (batch, outH, outW, outC) at yOff (must not overlap x), scratch ≥
 * `conv2dTransposeScratchSize(g)` float32 elements. Output sizes come from the caller (geometry.ts).
 */
import { activateRows, type Activation } from './activation.js';
import { gemmPacked, MR, NR, packA, packB, packedASize, packedBSize } from './gemm.js';
import type { Conv2dTransposeGeometry } from './geometry.js';

/** A transposed conv's packed weights: B panels of (inC, kH·kW·outC), then zero bias for the GEMM, then the bias. */
export interface PackedConv2dTranspose {
  readonly geometry: Conv2dTransposeGeometry;
  readonly weights: Float32Array;
}

/** Target float32 elements of one chunk's packed input plus columns (≈ 512 KB). */
const CHUNK_ELEMENTS = 1 << 17;

function columns(g: Conv2dTransposeGeometry): number {
  return g.kernelH * g.kernelW * g.outC;
}

function pixelsPerChunk(g: Conv2dTransposeGeometry): number {
  const m = g.batch * g.inH * g.inW;
  const rows = Math.max(MR, Math.floor(CHUNK_ELEMENTS / (g.inC + columns(g)) / MR) * MR);
  return Math.min(rows, Math.ceil(m / MR) * MR);
}

/** Float32 scratch elements `conv2dTranspose` needs for `g`. */
export function conv2dTransposeScratchSize(g: Conv2dTransposeGeometry): number {
  const rows = pixelsPerChunk(g);
  return packedASize(rows, g.inC) + rows * columns(g);
}

/**
 * Packs the (kH, kW, outC, inC) kernel and bias once.
 * @example const p = packConv2dTransposeWeights(g, w, bias)
 */
export function packConv2dTransposeWeights(
  g: Conv2dTransposeGeometry,
  kernel: Float32Array,
  bias: Float32Array | null,
): PackedConv2dTranspose {
  const n = columns(g);
  if (kernel.length !== n * g.inC) throw new Error(`conv2dTranspose: kernel has ${kernel.length} elements (expected ${n * g.inC})`);
  if (bias !== null && bias.length !== g.outC) throw new Error(`conv2dTranspose: bias has ${bias.length} elements (expected ${g.outC})`);
  const bSize = packedBSize(g.inC, n);
  const weights = new Float32Array(bSize + Math.ceil(n / NR) * NR + g.outC);
  // B (ci, j) = kernel[j·inC + ci] with j = (ky·kW + kx)·outC + co: the kernel viewed as (n, inC), transposed.
  packB(g.inC, n, kernel, 0, 1, g.inC, weights, 0);
  if (bias !== null) weights.set(bias, bSize + Math.ceil(n / NR) * NR);
  return { geometry: g, weights };
}

/**
 * `y = act(conv2dTranspose(x, w) + bias)`.
 * @example conv2dTranspose(p, x, 0, y, 0, { kind: 'none' }, scratch)
 */
export function conv2dTranspose(
  p: PackedConv2dTranspose,
  x: Float32Array,
  xOff: number,
  y: Float32Array,
  yOff: number,
  act: Activation,
  scratch: Float32Array,
): void {
  const g = p.geometry;
  const OC = g.outC;
  const n = columns(g);
  const m = g.batch * g.inH * g.inW;
  const chunk = pixelsPerChunk(g);
  const colsOff = packedASize(chunk, g.inC);
  const bSize = packedBSize(g.inC, n);
  const zeroBias = bSize;
  const biasOff = bSize + Math.ceil(n / NR) * NR;
  const outPixels = g.batch * g.outH * g.outW;
  for (let q = 0; q < outPixels; q++) for (let co = 0; co < OC; co++) y[yOff + q * OC + co] = p.weights[biasOff + co];
  const hw = g.inH * g.inW;
  for (let m0 = 0; m0 < m; m0 += chunk) {
    const rows = Math.min(chunk, m - m0);
    packA(rows, g.inC, x, xOff + m0 * g.inC, g.inC, scratch, 0);
    gemmPacked(rows, n, g.inC, scratch, 0, p.weights, 0, p.weights, zeroBias, scratch, colsOff, n);
    // col2im: row r is input pixel (b, iy, ix); its tap (ky, kx) lands on output (iy·sH − pT + ky·dH, …).
    for (let r = 0; r < rows; r++) {
      const pix = m0 + r;
      const b = Math.floor(pix / hw);
      const iy = Math.floor((pix - b * hw) / g.inW);
      const ix = pix - b * hw - iy * g.inW;
      const oy0 = iy * g.strideH - g.padTop;
      const ox0 = ix * g.strideW - g.padLeft;
      for (let ky = 0; ky < g.kernelH; ky++) {
        const oy = oy0 + ky * g.dilationH;
        if (oy < 0 || oy >= g.outH) continue;
        for (let kx = 0; kx < g.kernelW; kx++) {
          const ox = ox0 + kx * g.dilationW;
          if (ox < 0 || ox >= g.outW) continue;
          const src = colsOff + r * n + (ky * g.kernelW + kx) * OC;
          const dst = yOff + ((b * g.outH + oy) * g.outW + ox) * OC;
          for (let co = 0; co < OC; co++) y[dst + co] += scratch[src + co];
        }
      }
    }
  }
  activateRows(act, y, yOff, 1, outPixels * OC, outPixels * OC);
}
