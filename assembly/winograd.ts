// Winograd convolution for 3×3 stride-1 dilation-1 ungrouped convs, NHWC, any padding and channel counts:
// F(2×2,3×3) (4×4 input tiles, 16 transform points, 2.25× fewer multiplies than direct) and F(4×4,3×3)
// (6×6 tiles, 36 points, 4× fewer). src/kernels/wasm/winograd.ts packs the weights and picks the variant.
//
// Contract (byte pointers into one memory, src/kernels/wasm/abi.ts): x is (batch, inH, inW, cin), y is
// (batch, outH, outW, cout); `params` is the i32 block written by packWinogradWasm (geometry, U, bias and
// the scratch layout, slots P_* below); U holds the transformed weights G·g·Gᵀ per point ξ as panels of 8
// output channels × cin (channels past cout are zero); bias has ⌈cout/8⌉·8 floats. Only output rows
// r = n·outH + oy in [rowBegin, rowEnd) are written.
//
// Per chunk of T tiles: (1) input transform V_ξ[t] = (Bᵀ·d·B)_ξ over 4 channels at a time (out-of-bounds
// taps point at a zero row); (2) per point ξ, a GEMM M_ξ = V_ξ·U_ξ on the 4×8 register tile of
// assembly/gemm.ts (one tap, rows listed in a table of byte offsets); (3) output transform
// Aᵀ·m·A plus bias and activation, stored straight into y. Each output element is computed from its own
// tile by a fixed sequence of operations (k ascending), so results never depend on the row split; a tile
// cut by rowBegin/rowEnd is computed whole and stored partly.
//
// Non-finite inputs: the transforms subtract inputs, so an ∞ anywhere in a tile becomes ∞ − ∞ = NaN in the
// tile's outputs (the direct convolution would give ±∞ for some of them); NaN stays NaN either way.
import { load4, store4 } from './lanes';
import { gemmIndirect } from './gemm';

// Slots of the parameter block (i32), written by src/kernels/wasm/winograd.ts (same names there).
const P_BATCH = 0;
const P_IN_H = 1;
const P_IN_W = 2;
const P_CIN = 3;
const P_OUT_H = 4;
const P_OUT_W = 5;
const P_COUT = 6;
const P_PAD_TOP = 7;
const P_PAD_LEFT = 8;
const P_TILES = 9;
const P_U = 10;
const P_BIAS = 11;
const P_ZERO = 12;
const P_TAB = 13;
const P_TEMP = 14;
const P_V = 15;
const P_M = 16;
const P_ROWS = 17;

// @ts-ignore: decorator
@inline
function param(params: usize, slot: i32): i32 {
  return load<i32>(params + (<usize>slot << 2));
}

// ---- F(2×2,3×3): Bᵀ = [[1,0,−1,0],[0,1,1,0],[0,−1,1,0],[0,1,0,−1]], Aᵀ = [[1,1,1,0],[0,1,−1,−1]] ----

/** Bᵀ applied to (d0, d1, d2, d3), results stored `stride` bytes apart from dst. */
// @ts-ignore: decorator
@inline
function bt4(d0: v128, d1: v128, d2: v128, d3: v128, dst: usize, stride: usize): void {
  v128.store(dst, f32x4.sub(d0, d2));
  v128.store(dst + stride, f32x4.add(d1, d2));
  v128.store(dst + 2 * stride, f32x4.sub(d2, d1));
  v128.store(dst + 3 * stride, f32x4.sub(d1, d3));
}

/** One tile's 4×4 inputs at channels [c, c + lanes) → V (point ξ = 4i + j at dst + ξ·vPoint). */
// @ts-ignore: decorator
@inline
function inputTile2(tab: usize, temp: usize, off: usize, lanes: i32, dst: usize, vPoint: usize): void {
  // Columns: temp[i][j] = (Bᵀ·d)[i][j].
  for (let j = 0; j < 4; j++) {
    const pj = tab + (<usize>j << 2);
    bt4(
      load4(load<usize>(pj) + off, lanes),
      load4(load<usize>(pj, 16) + off, lanes),
      load4(load<usize>(pj, 32) + off, lanes),
      load4(load<usize>(pj, 48) + off, lanes),
      temp + (<usize>j << 4),
      64,
    );
  }
  // Rows: V[i][j] = (temp·B)[i][j].
  for (let i = 0; i < 4; i++) {
    const ti = temp + (<usize>i << 6);
    bt4(v128.load(ti), v128.load(ti, 16), v128.load(ti, 32), v128.load(ti, 48), dst + (<usize>(4 * i)) * vPoint + off, vPoint);
  }
}

/** Aᵀ applied to (m0, m1, m2, m3): the first result m0 + m1 + m2 … */
// @ts-ignore: decorator
@inline
function at2First(m0: v128, m1: v128, m2: v128): v128 {
  return f32x4.add(f32x4.add(m0, m1), m2);
}
/** … and the second, m1 − m2 − m3. */
// @ts-ignore: decorator
@inline
function at2Second(m1: v128, m2: v128, m3: v128): v128 {
  return f32x4.sub(f32x4.sub(m1, m2), m3);
}

/**
 * One tile's outputs at channels [c, c + lanes): Y = Aᵀ·M·A + bias, activated, stored for output rows
 * [rLo, rHi) and columns [0, cols) of the tile; `yp` is output (tile row 0, tile column 0, channel c).
 */
// @ts-ignore: decorator
@inline
function outputTile2(
  src: usize, mPoint: usize, b: v128, lanes: i32, yp: usize, rowBytes: usize, pixBytes: usize,
  rLo: i32, rHi: i32, cols: i32, act: i32, alpha: f32,
): void {
  // Column pass: s_rj = (Aᵀ·M)[r][j]; point ξ = 4i + j is at src + ξ·mPoint.
  const m00 = v128.load(src), m01 = v128.load(src + mPoint), m02 = v128.load(src + 2 * mPoint), m03 = v128.load(src + 3 * mPoint);
  const m10 = v128.load(src + 4 * mPoint), m11 = v128.load(src + 5 * mPoint), m12 = v128.load(src + 6 * mPoint), m13 = v128.load(src + 7 * mPoint);
  const m20 = v128.load(src + 8 * mPoint), m21 = v128.load(src + 9 * mPoint), m22 = v128.load(src + 10 * mPoint), m23 = v128.load(src + 11 * mPoint);
  const m30 = v128.load(src + 12 * mPoint), m31 = v128.load(src + 13 * mPoint), m32 = v128.load(src + 14 * mPoint), m33 = v128.load(src + 15 * mPoint);
  const s00 = at2First(m00, m10, m20), s01 = at2First(m01, m11, m21), s02 = at2First(m02, m12, m22), s03 = at2First(m03, m13, m23);
  const s10 = at2Second(m10, m20, m30), s11 = at2Second(m11, m21, m31), s12 = at2Second(m12, m22, m32), s13 = at2Second(m13, m23, m33);
  if (rLo <= 0 && rHi > 0) {
    store4(yp, f32x4.add(b, at2First(s00, s01, s02)), lanes, act, alpha);
    if (cols > 1) store4(yp + pixBytes, f32x4.add(b, at2Second(s01, s02, s03)), lanes, act, alpha);
  }
  if (rLo <= 1 && rHi > 1) {
    store4(yp + rowBytes, f32x4.add(b, at2First(s10, s11, s12)), lanes, act, alpha);
    if (cols > 1) store4(yp + rowBytes + pixBytes, f32x4.add(b, at2Second(s11, s12, s13)), lanes, act, alpha);
  }
}

// ---- F(4×4,3×3): Bᵀ, Aᵀ of Lavin & Gray (2015) with points 0, ±1, ±2 ----

/** Bᵀ (6×6) applied to (d0 … d5), results stored `stride` bytes apart from dst. */
// @ts-ignore: decorator
@inline
function bt6(d0: v128, d1: v128, d2: v128, d3: v128, d4: v128, d5: v128, dst: usize, stride: usize): void {
  const four = f32x4.splat(4), five = f32x4.splat(5), two = f32x4.splat(2);
  // t0 = 4d0 − 5d2 + d4;  t5 = 4d1 − 5d3 + d5
  v128.store(dst, f32x4.add(f32x4.sub(f32x4.mul(four, d0), f32x4.mul(five, d2)), d4));
  v128.store(dst + 5 * stride, f32x4.add(f32x4.sub(f32x4.mul(four, d1), f32x4.mul(five, d3)), d5));
  // t1 = (d3 + d4) − 4(d1 + d2);  t2 = (d4 − d3) + 4(d1 − d2)
  v128.store(dst + stride, f32x4.sub(f32x4.add(d3, d4), f32x4.mul(four, f32x4.add(d1, d2))));
  v128.store(dst + 2 * stride, f32x4.add(f32x4.sub(d4, d3), f32x4.mul(four, f32x4.sub(d1, d2))));
  // t3 = (d4 − d2) + 2(d3 − d1);  t4 = (d4 − d2) − 2(d3 − d1)
  const e = f32x4.sub(d4, d2), f = f32x4.mul(two, f32x4.sub(d3, d1));
  v128.store(dst + 3 * stride, f32x4.add(e, f));
  v128.store(dst + 4 * stride, f32x4.sub(e, f));
}

/** One tile's 6×6 inputs at channels [c, c + lanes) → V (point ξ = 6i + j at dst + ξ·vPoint). */
// @ts-ignore: decorator
@inline
function inputTile4(tab: usize, temp: usize, off: usize, lanes: i32, dst: usize, vPoint: usize): void {
  for (let j = 0; j < 6; j++) {
    const pj = tab + (<usize>j << 2);
    bt6(
      load4(load<usize>(pj) + off, lanes),
      load4(load<usize>(pj, 24) + off, lanes),
      load4(load<usize>(pj, 48) + off, lanes),
      load4(load<usize>(pj, 72) + off, lanes),
      load4(load<usize>(pj, 96) + off, lanes),
      load4(load<usize>(pj, 120) + off, lanes),
      temp + (<usize>j << 4),
      96,
    );
  }
  for (let i = 0; i < 6; i++) {
    const ti = temp + <usize>i * 96;
    bt6(
      v128.load(ti), v128.load(ti, 16), v128.load(ti, 32), v128.load(ti, 48), v128.load(ti, 64), v128.load(ti, 80),
      dst + (<usize>(6 * i)) * vPoint + off,
      vPoint,
    );
  }
}

/** Aᵀ (4×6) applied to (m0 … m5), results stored `stride` bytes apart from dst. */
// @ts-ignore: decorator
@inline
function at6(m0: v128, m1: v128, m2: v128, m3: v128, m4: v128, m5: v128, dst: usize, stride: usize): void {
  const a = f32x4.add(m1, m2), b = f32x4.sub(m1, m2), c = f32x4.add(m3, m4), d = f32x4.sub(m3, m4);
  v128.store(dst, f32x4.add(f32x4.add(m0, a), c));
  v128.store(dst + stride, f32x4.add(b, f32x4.mul(f32x4.splat(2), d)));
  v128.store(dst + 2 * stride, f32x4.add(a, f32x4.mul(f32x4.splat(4), c)));
  v128.store(dst + 3 * stride, f32x4.add(f32x4.add(b, f32x4.mul(f32x4.splat(8), d)), m5));
}

/** As outputTile2 for a 4×4 output tile; `temp` holds 24 vectors of scratch. */
// @ts-ignore: decorator
@inline
function outputTile4(
  src: usize, mPoint: usize, temp: usize, b: v128, lanes: i32, yp: usize, rowBytes: usize, pixBytes: usize,
  rLo: i32, rHi: i32, cols: i32, act: i32, alpha: f32,
): void {
  // Column pass: temp[r][j] = (Aᵀ·M)[r][j], r < 4, j < 6.
  for (let j = 0; j < 6; j++) {
    const p = src + <usize>j * mPoint;
    at6(
      v128.load(p), v128.load(p + 6 * mPoint), v128.load(p + 12 * mPoint),
      v128.load(p + 18 * mPoint), v128.load(p + 24 * mPoint), v128.load(p + 30 * mPoint),
      temp + (<usize>j << 4),
      96,
    );
  }
  // Row pass: Y[r][·] = temp[r]·A (at6's formulas, in registers), plus bias, activated, stored if inside.
  for (let r = rLo; r < rHi; r++) {
    const tr = temp + <usize>r * 96;
    const t1 = v128.load(tr, 16), t2 = v128.load(tr, 32), t3 = v128.load(tr, 48), t4 = v128.load(tr, 64);
    const a = f32x4.add(t1, t2), d = f32x4.sub(t1, t2), e = f32x4.add(t3, t4), f = f32x4.sub(t3, t4);
    const yr = yp + <usize>r * rowBytes;
    store4(yr, f32x4.add(b, f32x4.add(f32x4.add(v128.load(tr), a), e)), lanes, act, alpha);
    if (cols > 1) store4(yr + pixBytes, f32x4.add(b, f32x4.add(d, f32x4.mul(f32x4.splat(2), f))), lanes, act, alpha);
    if (cols > 2) store4(yr + 2 * pixBytes, f32x4.add(b, f32x4.add(a, f32x4.mul(f32x4.splat(4), e))), lanes, act, alpha);
    if (cols > 3) {
      const y3 = f32x4.add(f32x4.add(d, f32x4.mul(f32x4.splat(8), f)), v128.load(tr, 80));
      store4(yr + 3 * pixBytes, f32x4.add(b, y3), lanes, act, alpha);
    }
  }
}

// ---- the shared driver ----

/** The whole convolution for output tiles of m×m (m = 2 or 4); see the file header. */
function winograd(params: usize, x: usize, y: usize, scratch: usize, act: i32, alpha: f32, rowBegin: i32, rowEnd: i32, m: i32): void {
  if (rowBegin >= rowEnd) return;
  const inH = param(params, P_IN_H), inW = param(params, P_IN_W), cin = param(params, P_CIN);
  const outH = param(params, P_OUT_H), outW = param(params, P_OUT_W), cout = param(params, P_COUT);
  const padTop = param(params, P_PAD_TOP), padLeft = param(params, P_PAD_LEFT), chunk = param(params, P_TILES);
  const u = <usize>param(params, P_U), bias = <usize>param(params, P_BIAS);
  const zero = scratch + <usize>param(params, P_ZERO), tab = scratch + <usize>param(params, P_TAB);
  const temp = scratch + <usize>param(params, P_TEMP);
  const v = scratch + <usize>param(params, P_V), mBuf = scratch + <usize>param(params, P_M);
  const rows = scratch + <usize>param(params, P_ROWS);
  const a = m + 2, points = a * a;
  const cinP = (cin + 3) & ~3, coutP8 = (cout + 7) & ~7;
  const ldv = <usize>cinP << 2, ldm = <usize>coutP8 << 2;
  const vPoint = <usize>chunk * ldv, mPoint = <usize>chunk * ldm;
  const pixIn = <usize>cin << 2, pixOut = <usize>cout << 2, rowOut = <usize>outW * pixOut;
  const cin4 = cin & ~3, cout4 = cout & ~3;
  const tH = (outH + m - 1) / m, tW = (outW + m - 1) / m;
  // Tile rows (over batch·tH) that hold output rows rowBegin … rowEnd − 1.
  const trBegin = (rowBegin / outH) * tH + (rowBegin % outH) / m;
  const trEnd = ((rowEnd - 1) / outH) * tH + ((rowEnd - 1) % outH) / m + 1;
  const total = (trEnd - trBegin) * tW;
  // The zero row (padding taps) doubles as the GEMMs' zero bias; row m of every V_ξ is m·ldv bytes in.
  memory.fill(zero, 0, <usize>max(cinP, coutP8) << 2);
  for (let r = 0; r < chunk; r++) store<i32>(rows + (<usize>r << 2), r * <i32>ldv);

  for (let t0 = 0; t0 < total; t0 += chunk) {
    const tiles = min(chunk, total - t0);
    // 1. Input transform.
    for (let r = 0; r < tiles; r++) {
      const i = t0 + r, tr = trBegin + i / tW, tx = i % tW;
      const n = tr / tH, ty = tr % tH;
      const iy0 = ty * m - padTop, ix0 = tx * m - padLeft;
      for (let ii = 0; ii < a; ii++) {
        const iy = iy0 + ii;
        const rowOk = iy >= 0 && iy < inH;
        const rowBase = x + (<usize>(n * inH + iy) * <usize>inW) * pixIn;
        for (let jj = 0; jj < a; jj++) {
          const ix = ix0 + jj;
          const p = rowOk && ix >= 0 && ix < inW ? rowBase + <usize>ix * pixIn : zero;
          store<usize>(tab + (<usize>(ii * a + jj) << 2), p);
        }
      }
      const dst = v + <usize>r * ldv;
      if (m == 2) {
        for (let c = 0; c < cin4; c += 4) inputTile2(tab, temp, <usize>c << 2, 4, dst, vPoint);
        if (cin4 < cin) inputTile2(tab, temp, <usize>cin4 << 2, cin - cin4, dst, vPoint);
      } else {
        for (let c = 0; c < cin4; c += 4) inputTile4(tab, temp, <usize>c << 2, 4, dst, vPoint);
        if (cin4 < cin) inputTile4(tab, temp, <usize>cin4 << 2, cin - cin4, dst, vPoint);
      }
    }
    // 2. One GEMM per transform point: M_ξ (tiles × coutP8) = V_ξ · U_ξ, U_ξ being cin·coutP8 floats.
    const uPoint = <usize>cin * ldm;
    for (let xi = 0; xi < points; xi++) {
      const at = <usize>xi;
      gemmIndirect(rows, 1, cin, v + at * vPoint, zero, u + at * uPoint, zero, coutP8, mBuf + at * mPoint, coutP8, 0, tiles, tiles, 0, 0);
    }
    // 3. Output transform, bias, activation, store.
    for (let r = 0; r < tiles; r++) {
      const i = t0 + r, tr = trBegin + i / tW, tx = i % tW;
      const n = tr / tH, ty = tr % tH;
      const oy0 = ty * m, ox0 = tx * m, row0 = n * outH + oy0;
      const rLo = max(0, rowBegin - row0), rHi = min(min(m, outH - oy0), rowEnd - row0);
      const cols = min(m, outW - ox0);
      const src = mBuf + <usize>r * ldm;
      const yp = y + <usize>row0 * rowOut + <usize>ox0 * pixOut;
      for (let c = 0; c < cout; c += 4) {
        const off = <usize>c << 2;
        const b = v128.load(bias + off);
        const lanes = c < cout4 ? 4 : cout - cout4;
        if (m == 2) outputTile2(src + off, mPoint, b, lanes, yp + off, rowOut, pixOut, rLo, rHi, cols, act, alpha);
        else outputTile4(src + off, mPoint, temp, b, lanes, yp + off, rowOut, pixOut, rLo, rHi, cols, act, alpha);
      }
    }
  }
}

/** F(2×2,3×3): y rows [rowBegin, rowEnd) = act(conv3×3(x) + bias); see the file header. */
export function winograd_f2x2(params: usize, x: usize, y: usize, scratch: usize, act: i32, alpha: f32, rowBegin: i32, rowEnd: i32): void {
  winograd(params, x, y, scratch, act, alpha, rowBegin, rowEnd, 2);
}

/** F(4×4,3×3): as winograd_f2x2 with 4×4 output tiles (36 transform points). */
export function winograd_f4x4(params: usize, x: usize, y: usize, scratch: usize, act: i32, alpha: f32, rowBegin: i32, rowEnd: i32): void {
  winograd(params, x, y, scratch, act, alpha, rowBegin, rowEnd, 4);
}
