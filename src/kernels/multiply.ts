/**
 * Elementwise product, with `b` broadcast per (example, channel) for squeeze-and-excitation; a naive
 * broadcasting reference beside it.
 *
 * Contract (offsets into one arena `m`, as the executor passes them; `y` may alias `a`, never `b`
 * unless b = a element for element):
 * - `multiply(m, a, b, y, n, act)`: `y[i] = act(a[i]·b[i])` for i < n (equal shapes).
 * - `multiplyChannels(m, a, b, y, batch, pixels, channels, act)`: `a`, `y` are `(batch, pixels, channels)`
 *   (NHWC with pixels = H·W), `b` is `(batch, channels)` (`[B, 1, 1, C]` or `[B, C]`):
 *   `y[n, p, c] = act(a[n, p, c]·b[n, c])`.
 */
import { activate1, type Activation } from './activation.js';

/** `y = act(a·b)` elementwise over `n` values. */
export function multiply(m: Float32Array, a: number, b: number, y: number, n: number, act: Activation): void {
  if (act.kind === 'none') {
    for (let i = 0; i < n; i++) m[y + i] = m[a + i]! * m[b + i]!;
  } else {
    for (let i = 0; i < n; i++) m[y + i] = activate1(act, m[a + i]! * m[b + i]!);
  }
}

/** `y[n, p, c] = act(a[n, p, c]·b[n, c])`: one scale per example and channel (an SE gate). */
export function multiplyChannels(
  m: Float32Array,
  a: number,
  b: number,
  y: number,
  batch: number,
  pixels: number,
  channels: number,
  act: Activation,
): void {
  const none = act.kind === 'none';
  for (let n = 0; n < batch; n++) {
    const gate = b + n * channels;
    for (let p = 0; p < pixels; p++) {
      const at = (n * pixels + p) * channels;
      const ai = a + at;
      const yi = y + at;
      if (none) {
        for (let c = 0; c < channels; c++) m[yi + c] = m[ai + c]! * m[gate + c]!;
      } else {
        for (let c = 0; c < channels; c++) m[yi + c] = activate1(act, m[ai + c]! * m[gate + c]!);
      }
    }
  }
}

/**
 * Reference: NumPy-style broadcasting of `b` over `a` index by index (`bShape` has `a`'s rank, each dim
 * equal to `a`'s or 1: pass `[B, 1, 1, C]` for a `[B, C]` gate), allocating its result.
 * @example multiplyNaive(a, [2, 3, 3, 4], b, [2, 1, 1, 4]) //=> Float32Array of 72
 */
export function multiplyNaive(a: Float32Array, aShape: readonly number[], b: Float32Array, bShape: readonly number[]): Float32Array {
  const rank = aShape.length;
  if (bShape.length !== rank) throw new Error(`multiplyNaive: b has rank ${bShape.length} (expected ${rank})`);
  const bs = bShape;
  const y = new Float32Array(a.length);
  const index = new Array<number>(rank).fill(0);
  for (let i = 0; i < a.length; i++) {
    let rem = i;
    for (let k = rank - 1; k >= 0; k--) {
      index[k] = rem % aShape[k]!;
      rem = Math.floor(rem / aShape[k]!);
    }
    let j = 0;
    for (let k = 0; k < rank; k++) j = j * bs[k]! + (bs[k] === 1 ? 0 : index[k]!);
    y[i] = a[i]! * b[j]!;
  }
  return y;
}
