/**
 * Kernels that join tensors.
 * Contract: `add` — a, b, y are `n` floats at their offsets (y may alias a or b); `concatChannels` — inputs
 * `(pixels, c_i)` NHWC at their offsets, output `(pixels, Σ c_i)`, input i written at channel offset Σ_{j<i} c_j.
 */
import { activate1, type Activation } from './activation.js';

/** `y = act(a + b)`, elementwise. */
export function add(m: Float32Array, a: number, b: number, y: number, n: number, act: Activation): void {
  if (act.kind === 'none') {
    for (let i = 0; i < n; i++) m[y + i] = m[a + i]! + m[b + i]!;
  } else if (act.kind === 'relu') {
    for (let i = 0; i < n; i++) {
      const v = m[a + i]! + m[b + i]!;
      m[y + i] = v > 0 ? v : 0;
    }
  } else {
    for (let i = 0; i < n; i++) m[y + i] = activate1(act, m[a + i]! + m[b + i]!);
  }
}

/** Concatenates along the last axis. */
export function concatChannels(m: Float32Array, inputs: readonly number[], channels: readonly number[], y: number, pixels: number): void {
  let total = 0;
  for (const c of channels) total += c;
  let offset = 0;
  for (let k = 0; k < inputs.length; k++) {
    const c = channels[k]!;
    const x = inputs[k]!;
    for (let p = 0; p < pixels; p++) m.copyWithin(y + p * total + offset, x + p * c, x + p * c + c);
    offset += c;
  }
}
