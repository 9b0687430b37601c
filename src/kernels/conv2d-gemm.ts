/**
 * Convolution as GEMM: each group is `Y_g (M, Cout/G) = A_g (M, K) · W_g (K, Cout/G)`, M = batch·outH·outW,
 * K = kernelH·kernelW·Cin/G. For 1×1 stride-1 unpadded convs (`pointwise`) A is the NHWC input itself,
 * packed chunk by chunk; otherwise an im2col matrix is built directly in packed-panel format. Either
 * way `rowsPerChunk` rows at a time, so the scratch stays bounded (≈ 256 KB) whatever the image size.
 * (Reading A in place through a strided micro-kernel was tried: it saves the packing but the strided
 * kernel is ≈ 5% slower than the one with literal offsets, a wash.)
 *
 * Contract: x (batch, inH, inW, inC) at xOff, y (batch, outH, outW, outC) at yOff, weights packed by
 * `packConv2dGemmWeights` (per group: a packed B of (K, Cout/G), then its padded bias), scratch ≥
 * `conv2dGemmScratchSize(g)` float32 elements. Bias and activation are applied as each chunk is stored.
 */
import { activateRows, type Activation } from './activation.js';
import { gemmPacked, MR, NR, packA, packB, packedASize, packedBSize } from './gemm.js';
import type { Conv2dGeometry } from './geometry.js';

/** Target size of one packed im2col chunk, in float32 elements (256 KB: stays in L2). */
const CHUNK_ELEMENTS = 1 << 16;

/** True when A can be read straight from the NHWC input (1×1 kernel, stride 1, no padding). */
export function isPointwise(g: Conv2dGeometry): boolean {
  return g.kernelH === 1 && g.kernelW === 1 && g.strideH === 1 && g.strideW === 1 && g.padTop === 0 && g.padLeft === 0;
}

function depth(g: Conv2dGeometry): number {
  return g.kernelH * g.kernelW * (g.inC / g.groups);
}

/** Rows of A per chunk: a multiple of MR, at least MR, at most all of M (rounded up). */
function rowsPerChunk(g: Conv2dGeometry): number {
  const m = g.batch * g.outH * g.outW;
  const rows = Math.max(MR, Math.floor(CHUNK_ELEMENTS / depth(g) / MR) * MR);
  return Math.min(rows, Math.ceil(m / MR) * MR);
}

/** Float32 scratch elements `conv2dGemm` needs for `g`. */
export function conv2dGemmScratchSize(g: Conv2dGeometry): number {
  return packedASize(rowsPerChunk(g), depth(g));
}

/** Packed layout: group i's B panels start at i·groupStride(g), its padded bias `groupBias(g)` later. */
function groupBias(g: Conv2dGeometry): number {
  return packedBSize(depth(g), g.outC / g.groups);
}

function groupStride(g: Conv2dGeometry): number {
  return groupBias(g) + Math.ceil(g.outC / g.groups / NR) * NR;
}

/** Packs HWIO weights and bias once: per group, B panels of (K, Cout/G) followed by the padded bias. */
export function packConv2dGemmWeights(g: Conv2dGeometry, hwio: Float32Array, bias: Float32Array | null): Float32Array {
  const coutG = g.outC / g.groups;
  const k = depth(g);
  const stride = groupStride(g);
  const biasAt = groupBias(g);
  const out = new Float32Array(stride * g.groups);
  for (let grp = 0; grp < g.groups; grp++) {
    // HWIO viewed as (K, outC): row k = (ky·kW + kx)·Cin/G + ci, this group's columns start at grp·Cout/G.
    packB(k, coutG, hwio, grp * coutG, g.outC, 1, out, grp * stride);
    if (bias !== null) for (let j = 0; j < coutG; j++) out[grp * stride + biasAt + j] = bias[grp * coutG + j];
  }
  return out;
}

/**
 * `y = act(conv2d(x, w) + bias)` through GEMM, weights from `packConv2dGemmWeights`.
 * @example conv2dGemm(g, packed, x, 0, y, 0, { kind: 'relu' }, scratch)
 */
export function conv2dGemm(
  g: Conv2dGeometry,
  w: Float32Array,
  x: Float32Array,
  xOff: number,
  y: Float32Array,
  yOff: number,
  act: Activation,
  scratch: Float32Array,
): void {
  const m = g.batch * g.outH * g.outW;
  const cinG = g.inC / g.groups;
  const coutG = g.outC / g.groups;
  const k = depth(g);
  const chunk = rowsPerChunk(g);
  const stride = groupStride(g);
  const biasAt = groupBias(g);
  const pointwise = isPointwise(g);
  for (let grp = 0; grp < g.groups; grp++) {
    for (let m0 = 0; m0 < m; m0 += chunk) {
      const rows = Math.min(chunk, m - m0);
      const c = yOff + m0 * g.outC + grp * coutG;
      if (pointwise) packA(rows, k, x, xOff + m0 * g.inC + grp * cinG, g.inC, scratch, 0);
      else im2colPacked(g, grp, x, xOff, m0, rows, scratch);
      gemmPacked(rows, coutG, k, scratch, 0, w, grp * stride, w, grp * stride + biasAt, y, c, g.outC);
      activateRows(act, y, c, rows, coutG, g.outC);
    }
  }
}

/**
 * Writes rows `[m0, m0 + rows)` of group `grp`'s im2col matrix into `dst` in packed-A format:
 * row m = (n, oy, ox), column (ky·kW + kx)·Cin/G + ci, zero where the tap falls in padding.
 */
function im2colPacked(g: Conv2dGeometry, grp: number, x: Float32Array, xOff: number, m0: number, rows: number, dst: Float32Array): void {
  const cinG = g.inC / g.groups;
  const k = depth(g);
  const rowLen = g.kernelW * cinG; // columns per kernel row
  const contiguous = g.dilationW === 1 && cinG === g.inC; // one kernel row = one run of the input row
  const mr = MR; // a local: V8 reloads module constants inside loops
  const padded = Math.ceil(rows / mr) * mr;
  const hw = g.outH * g.outW;
  for (let r = 0; r < padded; r++) {
    let d = Math.floor(r / mr) * k * mr + (r % mr);
    if (r >= rows) {
      for (let kk = 0; kk < k; kk++, d += mr) dst[d] = 0;
      continue;
    }
    const m = m0 + r;
    const n = Math.floor(m / hw);
    const oy = Math.floor((m - n * hw) / g.outW);
    const ox = m - n * hw - oy * g.outW;
    const ix0 = ox * g.strideW - g.padLeft;
    // Valid kx range: 0 ≤ ix0 + kx·dW < inW.
    const kxLo = ix0 >= 0 ? 0 : Math.min(g.kernelW, Math.ceil(-ix0 / g.dilationW));
    const kxHi = Math.max(kxLo, Math.min(g.kernelW, Math.floor((g.inW - 1 - ix0) / g.dilationW) + 1));
    for (let ky = 0; ky < g.kernelH; ky++) {
      const iy = oy * g.strideH - g.padTop + ky * g.dilationH;
      if (iy < 0 || iy >= g.inH) {
        for (let kk = 0; kk < rowLen; kk++, d += mr) dst[d] = 0;
        continue;
      }
      const rowBase = xOff + ((n * g.inH + iy) * g.inW) * g.inC + grp * cinG;
      for (let kk = 0; kk < kxLo * cinG; kk++, d += mr) dst[d] = 0;
      if (contiguous) {
        const src = rowBase + (ix0 + kxLo) * g.inC;
        const len = (kxHi - kxLo) * cinG;
        for (let kk = 0; kk < len; kk++, d += mr) dst[d] = x[src + kk];
      } else {
        for (let kx = kxLo; kx < kxHi; kx++) {
          const src = rowBase + (ix0 + kx * g.dilationW) * g.inC;
          for (let ci = 0; ci < cinG; ci++, d += mr) dst[d] = x[src + ci];
        }
      }
      for (let kk = kxHi * cinG; kk < rowLen; kk++, d += mr) dst[d] = 0;
    }
  }
}
