/**
 * Packed GEMM with a 3×4 register-blocked micro-kernel: `C = A·B + bias`.
 *
 * Contract: A is `(M, K)`, B is `(K, N)`, C is `(M, N)` with row stride `ldc`, all float32.
 * - A is packed (`packA`, or a caller's im2col writing the same format) into panels of `MR` rows:
 *   element (i, k) lives at `⌊i/MR⌋·K·MR + k·MR + i%MR`; rows past M in the last panel are zero.
 * - B is packed once (`packB`) into panels of `NR` columns: (k, j) at `⌊j/NR⌋·K·NR + k·NR + j%NR`;
 *   columns past N are zero. `bias` has `⌈N/NR⌉·NR` entries (zeros when the layer has none).
 * Loop order: B panel outer (it stays in L1 while every A panel of the block streams past it), A panel
 * inner; callers bound the A block (a few hundred KB) so it stays in L2. No K blocking: at the ≈ 6
 * GFLOP/s a scalar JS tile reaches, a K × 4 B panel (37 KB at K = 2304) streamed from L2 costs
 * ≈ 7 GB/s, far below L2 bandwidth, so splitting K would only add C reloads.
 *
 * Hot loops use literals or local copies of MR/NR: V8 does not constant-fold module-level constants
 * (with `MR` in the micro-kernel it ran at half speed).
 *
 * Why 3×4: in V8 every typed-array load carries an overflow check, a sign extension and a bounds
 * check (plus a detached-buffer check once any ArrayBuffer in the process was detached), so a tile is
 * limited by loads, and the register allocator spills accumulators beyond ~12. Measured on this
 * machine (Node 20, K = 256…1152): 3×4 ≈ 5.9 GFLOP/s, 4×4 ≈ 5.3, 4×8 ≈ 5.2, 2×4 ≈ 4.6; unrolling k
 * made every tile slower; Float64Array panels were no faster than Float32Array ones.
 */

/** Rows of A per packed panel (and per micro-tile). */
export const MR = 3;
/** Columns of B per packed panel (and per micro-tile). */
export const NR = 4;

/**
 * Float32 elements of a packed A with `m` rows and depth `k`.
 * @example packedASize(4, 10) //=> 60
 */
export function packedASize(m: number, k: number): number {
  return Math.ceil(m / MR) * MR * k;
}

/**
 * Float32 elements of a packed B with depth `k` and `n` columns.
 * @example packedBSize(10, 5) //=> 80
 */
export function packedBSize(k: number, n: number): number {
  return Math.ceil(n / NR) * NR * k;
}

/**
 * Packs rows `[0, m)` of the row-major A at `src[srcOff + i·lda + k]` into panel format at `dst[dstOff…]`.
 * @example packA(3, 2, Float32Array.of(1, 2, 3, 4, 5, 6), 0, 2, dst, 0) // dst = [1, 3, 5, 2, 4, 6]
 */
export function packA(m: number, k: number, src: Float32Array, srcOff: number, lda: number, dst: Float32Array, dstOff: number): void {
  const mr = MR; // a local: V8 reloads module constants inside loops
  const panels = Math.ceil(m / mr);
  for (let p = 0; p < panels; p++) {
    const base = dstOff + p * k * mr;
    for (let ii = 0; ii < mr; ii++) {
      const i = p * mr + ii;
      if (i < m) {
        const row = srcOff + i * lda;
        for (let kk = 0, d = base + ii; kk < k; kk++, d += mr) dst[d] = src[row + kk];
      } else {
        for (let kk = 0, d = base + ii; kk < k; kk++, d += mr) dst[d] = 0;
      }
    }
  }
}

/**
 * Packs B, whose (k, j) element is `src[srcOff + k·rowStride + j·colStride]`, into panel format.
 * @example packB(2, 1, Float32Array.of(1, 2), 0, 1, 1, dst, 0) // dst = [1, 0, 0, 0, 2, 0, 0, 0]
 */
export function packB(
  k: number,
  n: number,
  src: Float32Array,
  srcOff: number,
  rowStride: number,
  colStride: number,
  dst: Float32Array,
  dstOff: number,
): void {
  const nr = NR;
  const panels = Math.ceil(n / nr);
  for (let p = 0; p < panels; p++) {
    for (let kk = 0; kk < k; kk++) {
      const o = dstOff + (p * k + kk) * nr;
      for (let jj = 0; jj < nr; jj++) {
        const j = p * nr + jj;
        dst[o + jj] = j < n ? src[srcOff + kk * rowStride + j * colStride] : 0;
      }
    }
  }
}

/** Edge tile, used when fewer than NR columns remain; allocated once per module, not per call. */
const edge = new Float32Array(MR * NR);

/**
 * `C[i, j] = bias[j] + Σ_k A[i, k]·B[k, j]` for the packed operands (see the file contract).
 * @example gemmPacked(m, n, k, pa, 0, pb, 0, bias, 0, y, 0, n)
 */
export function gemmPacked(
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  aOff: number,
  b: Float32Array,
  bOff: number,
  bias: Float32Array,
  biasOff: number,
  c: Float32Array,
  cOff: number,
  ldc: number,
): void {
  const fullRows = m - (m % MR);
  const panelsN = Math.ceil(n / NR);
  for (let jp = 0; jp < panelsN; jp++) {
    const j = jp * NR;
    const bp = bOff + jp * k * NR;
    const bo = biasOff + j;
    const cols = n - j < NR ? n - j : NR;
    if (cols === NR) {
      for (let i = 0; i < fullRows; i += MR) micro3x4(k, a, aOff + i * k, b, bp, bias, bo, c, cOff + i * ldc + j, ldc);
    } else {
      for (let i = 0; i < fullRows; i += MR) {
        micro3x4(k, a, aOff + i * k, b, bp, bias, bo, edge, 0, NR);
        for (let r = 0; r < MR; r++) for (let q = 0; q < cols; q++) c[cOff + (i + r) * ldc + j + q] = edge[r * NR + q];
      }
    }
    // Leftover rows (< MR) of the last, zero-padded A panel: one row at a time.
    for (let i = fullRows; i < m; i++) {
      micro1x4(k, a, aOff + fullRows * k + (i - fullRows), b, bp, bias, bo, edge, 0);
      for (let q = 0; q < cols; q++) c[cOff + i * ldc + j + q] = edge[q];
    }
  }
}

/** The 3×4 tile: 12 accumulators in locals, one A panel column and one B panel row per step. */
function micro3x4(
  k: number,
  a: Float32Array,
  ap: number,
  b: Float32Array,
  bp: number,
  bias: Float32Array,
  bo: number,
  c: Float32Array,
  co: number,
  ldc: number,
): void {
  const z0 = bias[bo], z1 = bias[bo + 1], z2 = bias[bo + 2], z3 = bias[bo + 3];
  let c00 = z0, c01 = z1, c02 = z2, c03 = z3;
  let c10 = z0, c11 = z1, c12 = z2, c13 = z3;
  let c20 = z0, c21 = z1, c22 = z2, c23 = z3;
  for (const end = ap + k * 3; ap < end; ap += 3) {
    const a0 = a[ap], a1 = a[ap + 1], a2 = a[ap + 2];
    const b0 = b[bp];
    c00 += a0 * b0;
    c10 += a1 * b0;
    c20 += a2 * b0;
    const b1 = b[bp + 1];
    c01 += a0 * b1;
    c11 += a1 * b1;
    c21 += a2 * b1;
    const b2 = b[bp + 2];
    c02 += a0 * b2;
    c12 += a1 * b2;
    c22 += a2 * b2;
    const b3 = b[bp + 3];
    c03 += a0 * b3;
    c13 += a1 * b3;
    c23 += a2 * b3;
    bp += 4;
  }
  c[co] = c00;
  c[co + 1] = c01;
  c[co + 2] = c02;
  c[co + 3] = c03;
  co += ldc;
  c[co] = c10;
  c[co + 1] = c11;
  c[co + 2] = c12;
  c[co + 3] = c13;
  co += ldc;
  c[co] = c20;
  c[co + 1] = c21;
  c[co + 2] = c22;
  c[co + 3] = c23;
}

/** One row of a panel (`ap` points at that row's first element, stride MR) times one B panel. */
function micro1x4(
  k: number,
  a: Float32Array,
  ap: number,
  b: Float32Array,
  bp: number,
  bias: Float32Array,
  bo: number,
  c: Float32Array,
  co: number,
): void {
  let c0 = bias[bo], c1 = bias[bo + 1], c2 = bias[bo + 2], c3 = bias[bo + 3];
  for (const end = ap + k * 3; ap < end; ap += 3) {
    const a0 = a[ap];
    c0 += a0 * b[bp];
    c1 += a0 * b[bp + 1];
    c2 += a0 * b[bp + 2];
    c3 += a0 * b[bp + 3];
    bp += 4;
  }
  c[co] = c0;
  c[co + 1] = c1;
  c[co + 2] = c2;
  c[co + 3] = c3;
}
