// Convolution drivers over the indirect GEMM (gemm.ts).
//
// im2col in chunks, for small per-tap channel counts (RGB stems, AlexNet conv1 k11 s4): a k×k tap with
// 3 channels would run the GEMM's inner loop 3 times per table entry, so the taps of `rows` output pixels
// are first copied into rows of K = kH·kW·cin floats (zeros for padding) and the GEMM runs on the chunk
// with one tap of K. The chunk is bounded by the caller (≈ 256 KB) so it stays in L2.
//
// Contract: x is NHWC (batch, inH, inW, inC) at byte pointer x; the group reads channels
// [cOff, cOff + cin); output pixel m (of batch·outH·outW) reads rows oy·sH − pT + ky·dH; `tab` lists the
// chunk's row offsets r·K·4 (r < chunkRows); y points at the group's first output channel.
import { gemmIndirect } from './gemm';

/** Copies the taps of output pixels [m0, m0 + rows) into `dst` (row r = K floats). */
export function im2col(
  x: usize,
  inH: i32,
  inW: i32,
  inC: i32,
  outH: i32,
  outW: i32,
  kH: i32,
  kW: i32,
  sH: i32,
  sW: i32,
  dH: i32,
  dW: i32,
  pT: i32,
  pL: i32,
  cOff: i32,
  cin: i32,
  m0: i32,
  rows: i32,
  dst: usize,
): void {
  const hw = outH * outW;
  const rowBytes = <usize>cin << 2;
  let d = dst;
  for (let r = 0; r < rows; r++) {
    const m = m0 + r;
    const b = m / hw;
    const rem = m - b * hw;
    const oy = rem / outW;
    const ox = rem - oy * outW;
    const iy0 = oy * sH - pT;
    const ix0 = ox * sW - pL;
    for (let ky = 0; ky < kH; ky++) {
      const iy = iy0 + ky * dH;
      if (<u32>iy >= <u32>inH) {
        memory.fill(d, 0, rowBytes * <usize>kW);
        d += rowBytes * <usize>kW;
        continue;
      }
      const rowBase = x + ((<usize>(b * inH + iy) * <usize>inW) * <usize>inC + <usize>cOff) * 4;
      if (dW == 1 && cin == inC && ix0 >= 0 && ix0 + kW <= inW) {
        // The whole window row is contiguous in NHWC: one copy instead of kW.
        memory.copy(d, rowBase + (<usize>ix0 * <usize>inC << 2), rowBytes * <usize>kW);
        d += rowBytes * <usize>kW;
        continue;
      }
      for (let kx = 0; kx < kW; kx++) {
        const ix = ix0 + kx * dW;
        if (<u32>ix >= <u32>inW) memory.fill(d, 0, rowBytes);
        else memory.copy(d, rowBase + (<usize>ix * <usize>inC << 2), rowBytes);
        d += rowBytes;
      }
    }
  }
}

/** One group of a convolution through im2col chunks of `chunkRows` pixels, rows [mBegin, mEnd). */
export function convIm2col(
  x: usize,
  inH: i32,
  inW: i32,
  inC: i32,
  outH: i32,
  outW: i32,
  kH: i32,
  kW: i32,
  sH: i32,
  sW: i32,
  dH: i32,
  dW: i32,
  pT: i32,
  pL: i32,
  cOff: i32,
  cin: i32,
  w: usize,
  bias: usize,
  n: i32,
  y: usize,
  ldy: i32,
  mBegin: i32,
  mEnd: i32,
  tab: usize,
  chunkRows: i32,
  cols: usize,
  act: i32,
  alpha: f32,
): void {
  const K = kH * kW * cin;
  const ldyBytes = <usize>ldy << 2;
  for (let m = mBegin; m < mEnd; m += chunkRows) {
    const rows = min(chunkRows, mEnd - m);
    im2col(x, inH, inW, inC, outH, outW, kH, kW, sH, sW, dH, dW, pT, pL, cOff, cin, m, rows, cols);
    gemmIndirect(tab, 1, K, cols, 0, w, bias, n, y + <usize>m * ldyBytes, ldy, 0, rows, rows, act, alpha);
  }
}
