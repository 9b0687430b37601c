/**
 * 3×3 stride-1 convolution (any dilation, groups = 1) by Winograd F(2×2, 3×3): 16 multiplies per
 * 2×2 output tile and channel pair instead of 36, so 2.25× fewer multiply-adds than im2col + GEMM.
 *
 * Contract: x (batch, inH, inW, inC) at xOff, y (batch, outH, outW, outC) at yOff, weights packed by
 * `packConv2dWinogradWeights` (16 packed B matrices U_ξ (inC, outC), ξ = 4·row + col of the 4×4
 * transformed tile, then the padded bias), scratch ≥ `conv2dWinogradScratchSize(g)` float32s from
 * `scratchOff`.
 *
 * A tile holds outputs (oy0 + {0, dH}, ox0 + {0, dW}) and reads inputs oy0 − padTop + dH·{0..3}
 * (same for columns): with dilation d the tile's taps are d apart, so the algorithm is unchanged.
 * Tiles are processed in chunks: V_ξ = Bᵀ·d·B for every tile (packed-A format), 16 GEMMs
 * M_ξ = V_ξ·U_ξ, then Y = Aᵀ·M·A plus bias and activation, stored straight into y.
 * Precision: the transforms only add, subtract and halve, so float32 storage loses ≈ 1e-7 relative.
 */
import { activate1, type Activation } from './activation.js';
import { gemmPacked, MR, NR, packB, packedASize, packedBSize } from './gemm.js';
import type { Conv2dGeometry } from './geometry.js';

/** Target float32 elements of the per-chunk transformed input and products (≈ 512 KB). */
const CHUNK_ELEMENTS = 1 << 17;

/** True when `g` is a 3×3 stride-1 ungrouped conv, the shape this kernel computes. */
export function isWinogradShape(g: Conv2dGeometry): boolean {
  return g.kernelH === 3 && g.kernelW === 3 && g.strideH === 1 && g.strideW === 1 && g.groups === 1;
}

/** Tiles along one axis: outputs are paired (o, o + d) inside blocks of 2d. */
function tilesAlong(out: number, d: number): number {
  const full = Math.floor(out / (2 * d));
  return full * d + Math.min(out - full * 2 * d, d);
}

/** Output coordinate of the first output of tile `t` along an axis with dilation `d`. */
function tileOrigin(t: number, d: number): number {
  const block = Math.floor(t / d);
  return block * 2 * d + (t - block * d);
}

function tilesPerChunk(g: Conv2dGeometry): number {
  const total = g.batch * tilesAlong(g.outH, g.dilationH) * tilesAlong(g.outW, g.dilationW);
  const perTile = 16 * (g.inC + g.outC);
  const tiles = Math.max(MR, Math.floor(CHUNK_ELEMENTS / perTile / MR) * MR);
  return Math.min(tiles, Math.ceil(total / MR) * MR);
}

/** Float32 scratch elements `conv2dWinograd` needs for `g`. */
export function conv2dWinogradScratchSize(g: Conv2dGeometry): number {
  const tc = tilesPerChunk(g);
  return 16 * packedASize(tc, g.inC) + 16 * tc * g.outC;
}

/** Packs HWIO 3×3 weights once: U = G·g·Gᵀ per (ci, co), as 16 packed B matrices, then the bias. */
export function packConv2dWinogradWeights(g: Conv2dGeometry, hwio: Float32Array, bias: Float32Array | null): Float32Array {
  const cin = g.inC, cout = g.outC;
  const u = new Float32Array(16 * cin * cout); // u[ξ][ci][co]
  const plane = cin * cout;
  const t = new Float64Array(12);
  for (let ci = 0; ci < cin; ci++) {
    for (let co = 0; co < cout; co++) {
      const w = (ky: number, kx: number): number => hwio[((ky * 3 + kx) * cin + ci) * cout + co];
      // t = G·w (4×3), G = [[1,0,0],[½,½,½],[½,−½,½],[0,0,1]]
      for (let kx = 0; kx < 3; kx++) {
        const w0 = w(0, kx), w1 = w(1, kx), w2 = w(2, kx);
        t[kx] = w0;
        t[3 + kx] = (w0 + w1 + w2) / 2;
        t[6 + kx] = (w0 - w1 + w2) / 2;
        t[9 + kx] = w2;
      }
      for (let r = 0; r < 4; r++) {
        const t0 = t[r * 3], t1 = t[r * 3 + 1], t2 = t[r * 3 + 2];
        const o = ci * cout + co;
        u[(r * 4) * plane + o] = t0;
        u[(r * 4 + 1) * plane + o] = (t0 + t1 + t2) / 2;
        u[(r * 4 + 2) * plane + o] = (t0 - t1 + t2) / 2;
        u[(r * 4 + 3) * plane + o] = t2;
      }
    }
  }
  const bSize = packedBSize(cin, cout);
  const out = new Float32Array(16 * bSize + 2 * Math.ceil(cout / NR) * NR);
  for (let xi = 0; xi < 16; xi++) packB(cin, cout, u, xi * plane, cout, 1, out, xi * bSize);
  // After the 16 matrices: the layer bias, then a zero bias for the GEMMs (bias is added after Aᵀ·M·A).
  if (bias !== null) out.set(bias, 16 * bSize);
  return out;
}

/** Per-tile input offsets (−1 = padding) and a border tile; module-level so calls allocate nothing. */
const offsets = new Int32Array(16);
const tile = new Float32Array(16);

/**
 * `y = act(conv2d(x, w) + bias)` for a 3×3 stride-1 conv, weights from `packConv2dWinogradWeights`.
 * @example conv2dWinograd(g, packed, x, 0, y, 0, { kind: 'relu' }, scratch)
 */
export function conv2dWinograd(
  g: Conv2dGeometry,
  w: Float32Array,
  x: Float32Array,
  xOff: number,
  y: Float32Array,
  yOff: number,
  act: Activation,
  scratch: Float32Array,
  scratchOff = 0,
): void {
  const cin = g.inC, cout = g.outC, mr = MR;
  const dH = g.dilationH, dW = g.dilationW;
  const tH = tilesAlong(g.outH, dH), tW = tilesAlong(g.outW, dW);
  const total = g.batch * tH * tW;
  const tc = tilesPerChunk(g);
  const vStride = packedASize(tc, cin);
  const mBase = scratchOff + 16 * vStride;
  const mStride = tc * cout;
  const bSize = packedBSize(cin, cout);
  const biasOff = 16 * bSize;
  const zeroBiasOff = biasOff + Math.ceil(cout / NR) * NR;
  for (let t0 = 0; t0 < total; t0 += tc) {
    const tiles = Math.min(tc, total - t0);
    // 1. Input transform V_ξ = Bᵀ·d·B, written in packed-A format (rows = tiles, depth = cin).
    const padded = Math.ceil(tiles / mr) * mr;
    for (let r = 0; r < padded; r++) {
      const vo = scratchOff + Math.floor(r / mr) * cin * mr + (r % mr);
      if (r >= tiles) {
        for (let xi = 0; xi < 16; xi++) for (let ci = 0; ci < cin; ci++) scratch[xi * vStride + vo + ci * mr] = 0;
        continue;
      }
      const t = t0 + r;
      const n = Math.floor(t / (tH * tW));
      const ty = Math.floor((t - n * tH * tW) / tW);
      const iy0 = tileOrigin(ty, dH) - g.padTop;
      const ix0 = tileOrigin(t - n * tH * tW - ty * tW, dW) - g.padLeft;
      let interior = true;
      for (let i = 0; i < 4; i++) {
        const iy = iy0 + i * dH;
        for (let j = 0; j < 4; j++) {
          const ix = ix0 + j * dW;
          const inside = iy >= 0 && iy < g.inH && ix >= 0 && ix < g.inW;
          offsets[i * 4 + j] = inside ? xOff + ((n * g.inH + iy) * g.inW + ix) * cin : -1;
          if (!inside) interior = false;
        }
      }
      if (interior) transformInterior(x, cin, scratch, vo, vStride);
      else transformBorder(x, cin, scratch, vo, vStride);
    }
    // 2. Sixteen GEMMs M_ξ (tiles, cout) = V_ξ · U_ξ.
    for (let xi = 0; xi < 16; xi++) {
      gemmPacked(tiles, cout, cin, scratch, scratchOff + xi * vStride, w, xi * bSize, w, zeroBiasOff, scratch, mBase + xi * mStride, cout);
    }
    // 3. Output transform Y = Aᵀ·M·A, Aᵀ = [[1,1,1,0],[0,1,−1,−1]], plus bias and activation.
    for (let r = 0; r < tiles; r++) {
      const t = t0 + r;
      const n = Math.floor(t / (tH * tW));
      const ty = Math.floor((t - n * tH * tW) / tW);
      const oy = tileOrigin(ty, dH);
      const ox = tileOrigin(t - n * tH * tW - ty * tW, dW);
      const y00 = yOff + ((n * g.outH + oy) * g.outW + ox) * cout;
      const hasRow1 = oy + dH < g.outH, hasCol1 = ox + dW < g.outW;
      const y01 = y00 + dW * cout, y10 = y00 + dH * g.outW * cout, y11 = y10 + dW * cout;
      const mo = mBase + r * cout;
      for (let co = 0; co < cout; co++) {
        const p = mo + co;
        const m00 = scratch[p], m01 = scratch[p + mStride], m02 = scratch[p + 2 * mStride], m03 = scratch[p + 3 * mStride];
        const m10 = scratch[p + 4 * mStride], m11 = scratch[p + 5 * mStride], m12 = scratch[p + 6 * mStride], m13 = scratch[p + 7 * mStride];
        const m20 = scratch[p + 8 * mStride], m21 = scratch[p + 9 * mStride], m22 = scratch[p + 10 * mStride], m23 = scratch[p + 11 * mStride];
        const m30 = scratch[p + 12 * mStride], m31 = scratch[p + 13 * mStride], m32 = scratch[p + 14 * mStride], m33 = scratch[p + 15 * mStride];
        const u00 = m00 + m10 + m20, u01 = m01 + m11 + m21, u02 = m02 + m12 + m22, u03 = m03 + m13 + m23;
        const u10 = m10 - m20 - m30, u11 = m11 - m21 - m31, u12 = m12 - m22 - m32, u13 = m13 - m23 - m33;
        const b = w[biasOff + co];
        y[y00 + co] = activate1(act, b + u00 + u01 + u02);
        if (hasCol1) y[y01 + co] = activate1(act, b + u01 - u02 - u03);
        if (hasRow1) {
          y[y10 + co] = activate1(act, b + u10 + u11 + u12);
          if (hasCol1) y[y11 + co] = activate1(act, b + u11 - u12 - u13);
        }
      }
    }
  }
}

/**
 * Bᵀ·d·B for one tile, every channel, all 16 taps in bounds; Bᵀ = [[1,0,−1,0],[0,1,1,0],[0,−1,1,0],[0,1,0,−1]].
 * `v` is the tile's slot in V_0; V_ξ sits `vStride` further per ξ, channel ci at `ci·MR`.
 */
function transformInterior(x: Float32Array, cin: number, v: Float32Array, vo: number, vStride: number): void {
  const o0 = offsets[0], o1 = offsets[1], o2 = offsets[2], o3 = offsets[3];
  const o4 = offsets[4], o5 = offsets[5], o6 = offsets[6], o7 = offsets[7];
  const o8 = offsets[8], o9 = offsets[9], o10 = offsets[10], o11 = offsets[11];
  const o12 = offsets[12], o13 = offsets[13], o14 = offsets[14], o15 = offsets[15];
  const mr = MR;
  for (let ci = 0; ci < cin; ci++) {
    store(
      v, vo + ci * mr, vStride,
      x[o0 + ci], x[o1 + ci], x[o2 + ci], x[o3 + ci],
      x[o4 + ci], x[o5 + ci], x[o6 + ci], x[o7 + ci],
      x[o8 + ci], x[o9 + ci], x[o10 + ci], x[o11 + ci],
      x[o12 + ci], x[o13 + ci], x[o14 + ci], x[o15 + ci],
    );
  }
}

/** As `transformInterior`, for tiles that overlap the padding (out-of-bounds taps read 0). */
function transformBorder(x: Float32Array, cin: number, v: Float32Array, vo: number, vStride: number): void {
  const mr = MR;
  for (let ci = 0; ci < cin; ci++) {
    for (let i = 0; i < 16; i++) tile[i] = offsets[i] < 0 ? 0 : x[offsets[i] + ci];
    store(
      v, vo + ci * mr, vStride,
      tile[0], tile[1], tile[2], tile[3], tile[4], tile[5], tile[6], tile[7],
      tile[8], tile[9], tile[10], tile[11], tile[12], tile[13], tile[14], tile[15],
    );
  }
}

/** Writes Bᵀ·d·B of the 4×4 tile d (row-major arguments) to `v[o + ξ·vStride]`. */
function store(
  v: Float32Array, o: number, vs: number,
  d00: number, d01: number, d02: number, d03: number,
  d10: number, d11: number, d12: number, d13: number,
  d20: number, d21: number, d22: number, d23: number,
  d30: number, d31: number, d32: number, d33: number,
): void {
  // Rows: t = Bᵀ·d
  const t00 = d00 - d20, t01 = d01 - d21, t02 = d02 - d22, t03 = d03 - d23;
  const t10 = d10 + d20, t11 = d11 + d21, t12 = d12 + d22, t13 = d13 + d23;
  const t20 = d20 - d10, t21 = d21 - d11, t22 = d22 - d12, t23 = d23 - d13;
  const t30 = d10 - d30, t31 = d11 - d31, t32 = d12 - d32, t33 = d13 - d33;
  // Columns: v = t·B
  v[o] = t00 - t02;
  v[o + vs] = t01 + t02;
  v[o + 2 * vs] = t02 - t01;
  v[o + 3 * vs] = t01 - t03;
  v[o + 4 * vs] = t10 - t12;
  v[o + 5 * vs] = t11 + t12;
  v[o + 6 * vs] = t12 - t11;
  v[o + 7 * vs] = t11 - t13;
  v[o + 8 * vs] = t20 - t22;
  v[o + 9 * vs] = t21 + t22;
  v[o + 10 * vs] = t22 - t21;
  v[o + 11 * vs] = t21 - t23;
  v[o + 12 * vs] = t30 - t32;
  v[o + 13 * vs] = t31 + t32;
  v[o + 14 * vs] = t32 - t31;
  v[o + 15 * vs] = t31 - t33;
}
