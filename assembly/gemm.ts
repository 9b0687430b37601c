// The packed GEMM at the heart of every dense-like kernel, in its indirect form:
//   y[m, j] = act(bias[j] + Σ_t Σ_c A_t[m][c] · W[t·cin + c, j])   for rows m in [mBegin, mEnd), j < n
// where row m's A_t is the `cin` floats at xBase + tab[m·taps + t] (a byte offset), or the zero row when
// that entry is −1 (padding). A plain GEMM is the one-tap case (tab[m] = m·lda·4); a k×k convolution lists
// its taps' input pixels (implicit GEMM, no im2col copy).
//
// Contract: W is packed in panels of 8 columns, panel p holding rows k < K = taps·cin as 8 consecutive
// floats (columns past n are zero); bias has ⌈n/8⌉·8 floats; y row m starts at y + m·ldy·4. Every output
// element is computed by the same operations whatever [mBegin, mEnd) is (threads split rows).
//
// Why 4×8: four splatted A values times two B vectors into eight accumulators is the largest tile V8
// keeps in registers (larger tiles and unrolling k spill). Rows are blocked by `mBlock` so the A rows of a
// block stay in L2 while each 8-column B panel streams past them; row tails repeat the last row (computed,
// not stored), column tails store lane by lane.
import { activate1, activate4 } from './epilogue';
import { madd } from './simd';

// @ts-ignore: decorator
@inline
function rowPtr(tab: usize, taps: i32, r: i32, t: i32, xBase: usize, zero: usize): usize {
  const o = load<i32>(tab + ((<usize>(r * taps + t)) << 2));
  return o < 0 ? zero : xBase + <usize>o;
}

// @ts-ignore: decorator
@inline
function store8(p: usize, lo: v128, hi: v128, cols: i32, act: i32, alpha: f32): void {
  if (cols >= 8) {
    v128.store(p, activate4(lo, act, alpha));
    v128.store(p, activate4(hi, act, alpha), 16);
    return;
  }
  let v = lo;
  for (let c = 0; c < cols; c++) {
    if (c == 4) v = hi;
    const lane = c & 3;
    const x = lane == 0 ? f32x4.extract_lane(v, 0) : lane == 1 ? f32x4.extract_lane(v, 1) : lane == 2 ? f32x4.extract_lane(v, 2) : f32x4.extract_lane(v, 3);
    store<f32>(p + (<usize>c << 2), activate1(x, act, alpha));
  }
}

/** The indirect GEMM above. */
export function gemmIndirect(
  tab: usize,
  taps: i32,
  cin: i32,
  xBase: usize,
  zero: usize,
  w: usize,
  bias: usize,
  n: i32,
  y: usize,
  ldy: i32,
  mBegin: i32,
  mEnd: i32,
  mBlock: i32,
  act: i32,
  alpha: f32,
): void {
  const tapBytes = <usize>cin << 5;
  const panelBytes = <usize>taps * tapBytes;
  const ldyBytes = <usize>ldy << 2;
  for (let m0 = mBegin; m0 < mEnd; m0 += mBlock) {
    const m1 = min(m0 + mBlock, mEnd);
    const last = m1 - 1;
    for (let j = 0; j < n; j += 8) {
      const wp = w + (<usize>(j >> 3)) * panelBytes;
      const bias0 = v128.load(bias + (<usize>j << 2));
      const bias1 = v128.load(bias + (<usize>j << 2), 16);
      const cols = n - j;
      for (let m = m0; m < m1; m += 4) {
        const r1 = min(m + 1, last);
        const r2 = min(m + 2, last);
        const r3 = min(m + 3, last);
        let c00 = bias0, c01 = bias1, c10 = bias0, c11 = bias1;
        let c20 = bias0, c21 = bias1, c30 = bias0, c31 = bias1;
        let wk = wp;
        for (let t = 0; t < taps; t++) {
          let a0 = rowPtr(tab, taps, m, t, xBase, zero);
          let a1 = rowPtr(tab, taps, r1, t, xBase, zero);
          let a2 = rowPtr(tab, taps, r2, t, xBase, zero);
          let a3 = rowPtr(tab, taps, r3, t, xBase, zero);
          const end = wk + tapBytes;
          while (wk < end) {
            const b0 = v128.load(wk);
            const b1 = v128.load(wk, 16);
            const s0 = v128.load32_splat(a0);
            c00 = madd(s0, b0, c00);
            c01 = madd(s0, b1, c01);
            const s1 = v128.load32_splat(a1);
            c10 = madd(s1, b0, c10);
            c11 = madd(s1, b1, c11);
            const s2 = v128.load32_splat(a2);
            c20 = madd(s2, b0, c20);
            c21 = madd(s2, b1, c21);
            const s3 = v128.load32_splat(a3);
            c30 = madd(s3, b0, c30);
            c31 = madd(s3, b1, c31);
            a0 += 4;
            a1 += 4;
            a2 += 4;
            a3 += 4;
            wk += 32;
          }
        }
        const yp = y + <usize>m * ldyBytes + (<usize>j << 2);
        store8(yp, c00, c01, cols, act, alpha);
        if (m + 1 < m1) store8(yp + ldyBytes, c10, c11, cols, act, alpha);
        if (m + 2 < m1) store8(yp + 2 * ldyBytes, c20, c21, cols, act, alpha);
        if (m + 3 < m1) store8(yp + 3 * ldyBytes, c30, c31, cols, act, alpha);
      }
    }
  }
}

/**
 * One row times the packed panels (a dense layer at batch 1–3): y[j] = act(bias[j] + Σ_k x[k]·W[k, j]) for the
 * 8-column panels in [pBegin, pEnd) (threads split panels: a row has too little work to split by rows). The
 * 4×8 GEMM would run its tile on one real row and three copies, reading each weight once for a quarter of the
 * work; here each weight is read once for all of it, which is what a weight-bandwidth-bound layer needs.
 * Every column is accumulated exactly as `gemmIndirect` does it — bias first, then k ascending, one madd each —
 * so a row gives the same bits at batch 1 as inside a batch of 4 (test/model: batch independence); two panels
 * at a time give four independent chains instead of two.
 */
export function gemvPanels(x: usize, k: i32, w: usize, bias: usize, n: i32, y: usize, pBegin: i32, pEnd: i32, act: i32, alpha: f32): void {
  const panelBytes = <usize>k << 5;
  let p = pBegin;
  for (; p + 2 <= pEnd; p += 2) {
    const j = p << 3;
    let wa = w + <usize>p * panelBytes;
    let wb = wa + panelBytes;
    let a0 = v128.load(bias + (<usize>j << 2));
    let a1 = v128.load(bias + (<usize>j << 2), 16);
    let b0 = v128.load(bias + (<usize>j << 2), 32);
    let b1 = v128.load(bias + (<usize>j << 2), 48);
    for (let i = 0; i < k; i++) {
      const s = v128.load32_splat(x + (<usize>i << 2));
      a0 = madd(s, v128.load(wa), a0);
      a1 = madd(s, v128.load(wa, 16), a1);
      b0 = madd(s, v128.load(wb), b0);
      b1 = madd(s, v128.load(wb, 16), b1);
      wa += 32;
      wb += 32;
    }
    store8(y + (<usize>j << 2), a0, a1, n - j, act, alpha);
    store8(y + (<usize>(j + 8) << 2), b0, b1, n - j - 8, act, alpha);
  }
  if (p < pEnd) {
    const j = p << 3;
    let wa = w + <usize>p * panelBytes;
    let a0 = v128.load(bias + (<usize>j << 2));
    let a1 = v128.load(bias + (<usize>j << 2), 16);
    for (let i = 0; i < k; i++) {
      const s = v128.load32_splat(x + (<usize>i << 2));
      a0 = madd(s, v128.load(wa), a0);
      a1 = madd(s, v128.load(wa, 16), a1);
      wa += 32;
    }
    store8(y + (<usize>j << 2), a0, a1, n - j, act, alpha);
  }
}
