// Max and average pooling in NHWC, elementwise activations and residual adds, four channels per v128.
//
// Contract (pooling): x (batch, inH, inW, C) and y (batch, outH, outW, C) at byte pointers; output rows
// r = n·outH + oy in [rowBegin, rowEnd) are written. Taps outside the input are skipped (max pooling's −∞
// padding); the window is clipped once per pixel, so the tap loops carry no bounds checks. Average pooling
// divides by the in-bounds taps, or with `countPad` by the taps inside the explicitly padded input
// [−pT, inH + pB) × [−pL, inW + pR) (PyTorch's count_include_pad; the ceil-mode overhang never counts).
// Max starts at −∞ and uses f32x4.max: ±∞ order as IEEE says (max(−∞, 1) = 1, as ONNX Runtime's MaxPool) and
// a NaN anywhere in a window makes that output NaN (PyTorch; ORT's result depends on where the NaN sits).
import { activate1, activate4 } from './epilogue';

// @ts-ignore: decorator
@inline
function firstTap(o: i32, d: i32, k: i32, lo: i32): i32 {
  return o >= lo ? 0 : min(k, (lo - o + d - 1) / d);
}

// @ts-ignore: decorator
@inline
function endTap(o: i32, d: i32, k: i32, hi: i32, from: i32): i32 {
  // One past the last t with o + t·d < hi (hi − 1 − o may be negative: floor division).
  const span = hi - 1 - o;
  const last = span < 0 ? -1 : span / d;
  return max(from, min(k, last + 1));
}

/** Max (`avg` = 0) or average (`avg` = 1) pooling of output rows [rowBegin, rowEnd). */
export function pool2d(
  x: usize, inH: i32, inW: i32, C: i32, outH: i32, outW: i32,
  kH: i32, kW: i32, sH: i32, sW: i32, dH: i32, dW: i32, pT: i32, pL: i32, pB: i32, pR: i32,
  avg: i32, countPad: i32, y: usize, rowBegin: i32, rowEnd: i32,
): void {
  const pixelBytes = <usize>C << 2;
  const c4 = C & ~3;
  for (let r = rowBegin; r < rowEnd; r++) {
    const n = r / outH;
    const oy = r - n * outH;
    const iy0 = oy * sH - pT;
    const kyLo = firstTap(iy0, dH, kH, 0);
    const kyHi = endTap(iy0, dH, kH, inH, kyLo);
    const pyLo = firstTap(iy0, dH, kH, -pT);
    const pyHi = endTap(iy0, dH, kH, inH + pB, pyLo);
    const image = x + <usize>(n * inH) * <usize>inW * pixelBytes;
    for (let ox = 0; ox < outW; ox++) {
      const ix0 = ox * sW - pL;
      const kxLo = firstTap(ix0, dW, kW, 0);
      const kxHi = endTap(ix0, dW, kW, inW, kxLo);
      const yo = y + (<usize>r * <usize>outW + <usize>ox) * pixelBytes;
      let scale: f32 = 0;
      if (avg) {
        let count = (kyHi - kyLo) * (kxHi - kxLo);
        if (countPad) {
          const pxLo = firstTap(ix0, dW, kW, -pL);
          count = (pyHi - pyLo) * (endTap(ix0, dW, kW, inW + pR, pxLo) - pxLo);
        }
        scale = count > 0 ? <f32>1 / <f32>count : 0;
      }
      for (let c = 0; c < c4; c += 4) {
        let acc = f32x4.splat(avg ? 0 : -Infinity);
        for (let ky = kyLo; ky < kyHi; ky++) {
          const row = image + <usize>((iy0 + ky * dH) * inW + ix0) * pixelBytes + (<usize>c << 2);
          for (let kx = kxLo; kx < kxHi; kx++) {
            const v = v128.load(row + <usize>(kx * dW) * pixelBytes);
            acc = avg ? f32x4.add(acc, v) : f32x4.max(acc, v); // NaN-propagating
          }
        }
        v128.store(yo + (<usize>c << 2), avg ? f32x4.mul(acc, f32x4.splat(scale)) : acc);
      }
      for (let c = c4; c < C; c++) {
        let acc: f32 = avg ? 0 : -Infinity;
        for (let ky = kyLo; ky < kyHi; ky++) {
          const row = image + <usize>((iy0 + ky * dH) * inW + ix0) * pixelBytes + (<usize>c << 2);
          for (let kx = kxLo; kx < kxHi; kx++) {
            const v = load<f32>(row + <usize>(kx * dW) * pixelBytes);
            acc = avg ? acc + v : max(acc, v); // f32.max: NaN-propagating
          }
        }
        store<f32>(yo + (<usize>c << 2), avg ? acc * scale : acc);
      }
    }
  }
}

/** y[i] = act(x[i]) for i in [begin, end) (may run in place). */
export function activation(x: usize, y: usize, act: i32, alpha: f32, begin: i32, end: i32): void {
  let i = begin;
  for (; i + 4 <= end; i += 4) {
    const o = <usize>i << 2;
    v128.store(y + o, activate4(v128.load(x + o), act, alpha));
  }
  for (; i < end; i++) store<f32>(y + (<usize>i << 2), activate1(load<f32>(x + (<usize>i << 2)), act, alpha));
}

/** y[i] = act(a[i] + b[i]) for i in [begin, end) (y may alias a or b): residual joins with their relu. */
export function addActivation(a: usize, b: usize, y: usize, act: i32, alpha: f32, begin: i32, end: i32): void {
  let i = begin;
  for (; i + 4 <= end; i += 4) {
    const o = <usize>i << 2;
    v128.store(y + o, activate4(f32x4.add(v128.load(a + o), v128.load(b + o)), act, alpha));
  }
  for (; i < end; i++) {
    const o = <usize>i << 2;
    store<f32>(y + o, activate1(load<f32>(a + o) + load<f32>(b + o), act, alpha));
  }
}

/**
 * 1 when x[0 … n) holds no NaN or ±∞, else 0. (v − v) is 0 for a finite v and NaN otherwise, and a NaN
 * survives every later addition, so one branch-free pass decides.
 */
export function allFinite(x: usize, n: i32): i32 {
  let acc = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(x + (<usize>i << 2));
    acc = f32x4.add(acc, f32x4.sub(v, v));
  }
  let tail: f32 = 0;
  for (; i < n; i++) {
    const v = load<f32>(x + (<usize>i << 2));
    tail += v - v;
  }
  const s = f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3) + tail;
  return s == s ? 1 : 0;
}

/**
 * dst[p·dstStride + c] = src[p·srcStride + c] for c < count and pixels p in [begin, end): a group's channels
 * gathered into a dense block before a kernel that takes ungrouped input (Winograd), and its output scattered
 * back (floats; strides in floats).
 */
export function copyChannels(src: usize, srcStride: i32, dst: usize, dstStride: i32, count: i32, begin: i32, end: i32): void {
  const bytes = <usize>count << 2;
  for (let p = begin; p < end; p++) memory.copy(dst + (<usize>p * <usize>dstStride << 2), src + (<usize>p * <usize>srcStride << 2), bytes);
}
