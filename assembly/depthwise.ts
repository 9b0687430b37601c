// Depthwise convolution (groups = inC, depth multiplier M), direct and vectorised over channels: NHWC keeps
// a pixel's channels adjacent, so four output channels are one v128 and every tap is a multiply-add of a
// loaded input vector by a loaded weight vector. A GEMM per group would have depth kH·kW and width M.
//
// Contract (byte pointers, src/kernels/wasm/abi.ts): x is (batch, inH, inW, C), y is (batch, outH, outW,
// C·M), output channel c·M + q reads input channel c; `params` is the i32 block written by
// packDepthwiseWasm (slots P_* below); weights are (kH·kW, OCP) with OCP = ⌈C·M/4⌉·4 (zero padded), then
// the bias (OCP). Only output rows r = n·outH + oy in [rowBegin, rowEnd) are written; each element is
// bias + Σ taps x·w in kernel-row-major order whichever thread computes it.
//
// Per output row: the kernel rows inside the input are found once; columns whose whole window is inside
// the input (the interior) run without bounds checks, and with M = 1, a 3-wide stride-1 window, four
// outputs at a time share their input loads (six loads and three weights feed twelve multiply-adds per
// kernel row); other 3×3 windows inside the input (strided, dilated) run nine unrolled taps. Border
// pixels clip the window's row and column ranges once per pixel.
import { load4, store4 } from './lanes';
import { madd } from './simd';

// Slots of the parameter block (i32), written by src/kernels/wasm/depthwise.ts (same names there).
const P_IN_H = 1;
const P_IN_W = 2;
const P_C = 3;
const P_OUT_H = 4;
const P_OUT_W = 5;
const P_MULT = 6;
const P_KH = 7;
const P_KW = 8;
const P_SH = 9;
const P_SW = 10;
const P_DH = 11;
const P_DW = 12;
const P_PAD_TOP = 13;
const P_PAD_LEFT = 14;
const P_W = 15;
const P_BIAS = 16;

// @ts-ignore: decorator
@inline
function param(params: usize, slot: i32): i32 {
  return load<i32>(params + (<usize>slot << 2));
}

/** First tap index k ≥ 0 with o + k·d ≥ 0. */
// @ts-ignore: decorator
@inline
function firstTap(o: i32, d: i32, k: i32): i32 {
  return o >= 0 ? 0 : min(k, (-o + d - 1) / d);
}

/** One past the last tap index k < kSize with o + k·d < size (at least `lo`). */
// @ts-ignore: decorator
@inline
function endTap(o: i32, d: i32, kSize: i32, size: i32, lo: i32): i32 {
  const room = size - 1 - o;
  return room < 0 ? lo : max(lo, min(kSize, room / d + 1));
}

/** Four channels of an input pixel for output channels co … co + 3 with multiplier m (m > 1: a gather). */
// @ts-ignore: decorator
@inline
function gather(px: usize, co: i32, m: i32, lanes: i32): v128 {
  let v = f32x4.splat(load<f32>(px + (<usize>(co / m) << 2)));
  if (lanes > 1) v = f32x4.replace_lane(v, 1, load<f32>(px + (<usize>((co + 1) / m) << 2)));
  if (lanes > 2) v = f32x4.replace_lane(v, 2, load<f32>(px + (<usize>((co + 2) / m) << 2)));
  if (lanes > 3) v = f32x4.replace_lane(v, 3, load<f32>(px + (<usize>((co + 3) / m) << 2)));
  return v;
}

/**
 * One output pixel, channels [co, co + lanes): taps ky in [kyLo, kyHi), kx in [kxLo, kxHi); `xp` is the
 * input pixel of tap (0, 0) (possibly outside the input: only in-range taps are read).
 */
// @ts-ignore: decorator
@inline
function pixel(
  xp: usize, rowBytes: usize, colBytes: usize, w: usize, tapBytes: usize, kw: i32,
  kyLo: i32, kyHi: i32, kxLo: i32, kxHi: i32, co: i32, lanes: i32, m: i32, acc0: v128,
): v128 {
  let acc = acc0;
  const wOff = <usize>co << 2;
  for (let ky = kyLo; ky < kyHi; ky++) {
    const xr = xp + <usize>ky * rowBytes;
    const wr = w + <usize>(ky * kw) * tapBytes + wOff;
    for (let kx = kxLo; kx < kxHi; kx++) {
      const px = xr + <usize>kx * colBytes;
      const xv = m == 1 ? load4(px + wOff, lanes) : gather(px, co, m, lanes);
      acc = madd(xv, v128.load(wr + <usize>kx * tapBytes), acc);
    }
  }
  return acc;
}

/**
 * Four adjacent outputs of a 3-wide stride-1 window (M = 1), channels [c, c + lanes); `xp` is the input
 * pixel of tap (0, 0) of the first output, `yp` the first output.
 */
// @ts-ignore: decorator
@inline
function fourOutputs(
  xp: usize, rowBytes: usize, pix: usize, w: usize, tapBytes: usize, kyLo: i32, kyHi: i32,
  yp: usize, b: v128, c: i32, lanes: i32, act: i32, alpha: f32,
): void {
  const off = <usize>c << 2;
  let s0 = b, s1 = b, s2 = b, s3 = b;
  for (let ky = kyLo; ky < kyHi; ky++) {
    const xr = xp + <usize>ky * rowBytes + off;
    const wr = w + <usize>(ky * 3) * tapBytes + off;
    const w0 = v128.load(wr), w1 = v128.load(wr + tapBytes), w2 = v128.load(wr + 2 * tapBytes);
    const x0 = load4(xr, lanes), x1 = load4(xr + pix, lanes), x2 = load4(xr + 2 * pix, lanes);
    s0 = madd(x2, w2, madd(x1, w1, madd(x0, w0, s0)));
    const x3 = load4(xr + 3 * pix, lanes);
    s1 = madd(x3, w2, madd(x2, w1, madd(x1, w0, s1)));
    const x4 = load4(xr + 4 * pix, lanes);
    s2 = madd(x4, w2, madd(x3, w1, madd(x2, w0, s2)));
    const x5 = load4(xr + 5 * pix, lanes);
    s3 = madd(x5, w2, madd(x4, w1, madd(x3, w0, s3)));
  }
  const yo = yp + off;
  store4(yo, s0, lanes, act, alpha);
  store4(yo + pix, s1, lanes, act, alpha);
  store4(yo + 2 * pix, s2, lanes, act, alpha);
  store4(yo + 3 * pix, s3, lanes, act, alpha);
}

/**
 * One output pixel of a 3×3 window wholly inside the input (M = 1), channels [c, c + lanes): nine taps
 * unrolled; `xp` is the input pixel of tap (0, 0), `rowStep`/`colStep` the byte steps between taps.
 */
// @ts-ignore: decorator
@inline
function nineTaps(
  xp: usize, rowStep: usize, colStep: usize, w: usize, tapBytes: usize, yp: usize, b: v128, c: i32, lanes: i32, act: i32, alpha: f32,
): void {
  const off = <usize>c << 2;
  const x0 = xp + off, x1 = x0 + rowStep, x2 = x1 + rowStep, w0 = w + off;
  let s = madd(load4(x0, lanes), v128.load(w0), b);
  s = madd(load4(x0 + colStep, lanes), v128.load(w0 + tapBytes), s);
  s = madd(load4(x0 + 2 * colStep, lanes), v128.load(w0 + 2 * tapBytes), s);
  s = madd(load4(x1, lanes), v128.load(w0 + 3 * tapBytes), s);
  s = madd(load4(x1 + colStep, lanes), v128.load(w0 + 4 * tapBytes), s);
  s = madd(load4(x1 + 2 * colStep, lanes), v128.load(w0 + 5 * tapBytes), s);
  s = madd(load4(x2, lanes), v128.load(w0 + 6 * tapBytes), s);
  s = madd(load4(x2 + colStep, lanes), v128.load(w0 + 7 * tapBytes), s);
  s = madd(load4(x2 + 2 * colStep, lanes), v128.load(w0 + 8 * tapBytes), s);
  store4(yp + off, s, lanes, act, alpha);
}

/** y rows [rowBegin, rowEnd) = act(depthwiseConv(x) + bias); see the file header. */
export function depthwise_conv(params: usize, x: usize, y: usize, act: i32, alpha: f32, rowBegin: i32, rowEnd: i32): void {
  const inH = param(params, P_IN_H), inW = param(params, P_IN_W), C = param(params, P_C);
  const outH = param(params, P_OUT_H), outW = param(params, P_OUT_W), m = param(params, P_MULT);
  const kh = param(params, P_KH), kw = param(params, P_KW), sh = param(params, P_SH), sw = param(params, P_SW);
  const dh = param(params, P_DH), dw = param(params, P_DW);
  const padTop = param(params, P_PAD_TOP), padLeft = param(params, P_PAD_LEFT);
  const w = <usize>param(params, P_W), bias = <usize>param(params, P_BIAS);
  const OC = C * m, oc4 = OC & ~3;
  const pixIn = <usize>C << 2, pixOut = <usize>OC << 2;
  const tapBytes = <usize>((OC + 3) & ~3) << 2;
  const rowIn = <usize>inW * pixIn;
  const rowStep = <usize>dh * rowIn, colStep = <usize>dw * pixIn;
  // Interior columns: the whole window inside [0, inW).
  let oxLo = min(outW, (padLeft + sw - 1) / sw);
  const lastStart = inW - 1 - (kw - 1) * dw + padLeft; // largest ox·sw with the window inside
  let oxHi = lastStart < 0 ? oxLo : max(oxLo, min(outW, lastStart / sw + 1));
  // Four-at-a-time blocks inside the interior (M = 1, 3-wide, stride 1, dilation 1).
  const blocks = m == 1 && kw == 3 && sw == 1 && dw == 1;
  const bHi = blocks ? oxLo + ((oxHi - oxLo) & ~3) : oxLo;
  // Other 3×3 windows (strided, dilated, block tails) wholly inside the input: nine taps unrolled.
  const nine = m == 1 && kh == 3 && kw == 3;

  for (let row = rowBegin; row < rowEnd; row++) {
    const n = row / outH, oy = row % outH;
    const iy0 = oy * sh - padTop;
    const kyLo = firstTap(iy0, dh, kh), kyHi = endTap(iy0, dh, kh, inH, kyLo);
    // Input pixel (iy0, 0) of image n, possibly outside the input; only rows [kyLo, kyHi) are read.
    const xRow = x + <usize>(n * inH + iy0) * rowIn;
    const yRow = y + <usize>row * <usize>outW * pixOut;
    for (let ox = 0; ox < outW; ox++) {
      if (ox == oxLo && bHi > oxLo) {
        for (; ox < bHi; ox += 4) {
          const xp = xRow + <usize>(ox - padLeft) * pixIn, yp = yRow + <usize>ox * pixOut;
          for (let c = 0; c < oc4; c += 4) {
            fourOutputs(xp, rowStep, pixIn, w, tapBytes, kyLo, kyHi, yp, v128.load(bias + (<usize>c << 2)), c, 4, act, alpha);
          }
          if (oc4 < OC) {
            fourOutputs(xp, rowStep, pixIn, w, tapBytes, kyLo, kyHi, yp, v128.load(bias + (<usize>oc4 << 2)), oc4, OC - oc4, act, alpha);
          }
        }
        if (ox >= outW) break;
      }
      const ix0 = ox * sw - padLeft;
      const inside = ox >= oxLo && ox < oxHi;
      const kxLo = inside ? 0 : firstTap(ix0, dw, kw);
      const kxHi = inside ? kw : endTap(ix0, dw, kw, inW, kxLo);
      const xp = xRow + <usize>ix0 * pixIn, yp = yRow + <usize>ox * pixOut;
      if (nine && inside && kyHi - kyLo == 3) {
        for (let c = 0; c < oc4; c += 4) nineTaps(xp, rowStep, colStep, w, tapBytes, yp, v128.load(bias + (<usize>c << 2)), c, 4, act, alpha);
        if (oc4 < OC) nineTaps(xp, rowStep, colStep, w, tapBytes, yp, v128.load(bias + (<usize>oc4 << 2)), oc4, OC - oc4, act, alpha);
        continue;
      }
      for (let co = 0; co < oc4; co += 4) {
        const b = v128.load(bias + (<usize>co << 2));
        const acc = pixel(xp, rowStep, colStep, w, tapBytes, kw, kyLo, kyHi, kxLo, kxHi, co, 4, m, b);
        store4(yp + (<usize>co << 2), acc, 4, act, alpha);
      }
      if (oc4 < OC) {
        const b = v128.load(bias + (<usize>oc4 << 2));
        const acc = pixel(xp, rowStep, colStep, w, tapBytes, kw, kyLo, kyHi, kxLo, kxHi, oc4, OC - oc4, m, b);
        store4(yp + (<usize>oc4 << 2), acc, OC - oc4, act, alpha);
      }
    }
  }
}
