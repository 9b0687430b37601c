/**
 * Batch normalisation at inference, compiled to one scale and shift per channel, with a naive reference.
 *
 * Contract:
 * - `batchNormScaleShift(γ, β, μ, σ², ε, scale, shift)`: every array has C elements; writes
 *   `scale[c] = γ[c]/√(σ²[c] + ε)` and `shift[c] = β[c] − μ[c]·scale[c]` (in double when the outputs are
 *   Float64Arrays, which is what layers pass). Done once per compile, not per run.
 * - `batchNorm(x, xOff, y, yOff, rows, C, scale, shift, act)`: `x` is `(rows, C)` row-major (NHWC with
 *   rows = N·H·W, or `[N, F]`), `y` the same shape (may alias `x`): `y[r, c] = act(x[r, c]·scale[c] + shift[c])`.
 * - `foldBatchNorm(kernel, bias, scale, shift, C)`: a conv/dense kernel whose LAST axis is the C output
 *   channels (HWIO `[kh, kw, in/groups, C]`, dense `[in, C]`) and its bias (or null): returns the kernel and
 *   bias of the same layer followed by this batch norm, `W'[…, c] = W[…, c]·scale[c]`,
 *   `b'[c] = b[c]·scale[c] + shift[c]` (any `groups`, since the output channel is always the last axis).
 *
 * Why scale/shift: ORT and tfjs evaluate `(x − μ)/√(σ² + ε)·γ + β` per element (a subtract, a divide by a
 * square root, a multiply and an add); the compiled form is one multiply-add per element.
 */
import { activate1, exact, type Activation } from './activation.js';

type Floats = Float32Array | Float64Array;

/**
 * The per-channel scale and shift of a batch norm.
 * @example batchNormScaleShift(γ=[2], β=[1], μ=[3], σ²=[4 − ε], ε, scale, shift) // scale = [1], shift = [−2]
 */
export function batchNormScaleShift(
  gamma: Floats,
  beta: Floats,
  mean: Floats,
  variance: Floats,
  epsilon: number,
  scale: Floats,
  shift: Floats,
): void {
  for (let c = 0; c < scale.length; c++) {
    const s = gamma[c]! / Math.sqrt(variance[c]! + epsilon);
    scale[c] = s;
    shift[c] = beta[c]! - mean[c]! * s;
  }
}

/**
 * `y[r, c] = act(x[r, c]·scale[c] + shift[c])` over a `(rows, channels)` block; may run in place.
 * @example batchNorm(x, 0, x, 0, N * H * W, C, scale, shift, { kind: 'relu' })
 */
export function batchNorm(
  x: Float32Array,
  xOff: number,
  y: Float32Array,
  yOff: number,
  rows: number,
  channels: number,
  scale: Floats,
  shift: Floats,
  act: Activation,
): void {
  const kind = act.kind;
  for (let r = 0; r < rows; r++) {
    const xi = xOff + r * channels;
    const yi = yOff + r * channels;
    if (kind === 'none') {
      for (let c = 0; c < channels; c++) y[yi + c] = x[xi + c]! * scale[c]! + shift[c]!;
    } else if (kind === 'relu') {
      for (let c = 0; c < channels; c++) {
        const v = x[xi + c]! * scale[c]! + shift[c]!;
        const r = (v + Math.abs(v)) * 0.5; // branch-free, as in activation.ts
        y[yi + c] = r === r ? r : exact(act, v);
      }
    } else if (kind === 'relu6') {
      for (let c = 0; c < channels; c++) {
        const v = x[xi + c]! * scale[c]! + shift[c]!;
        const r = (v + Math.abs(v)) * 0.5;
        const r6 = (r + 6 - Math.abs(r - 6)) * 0.5;
        y[yi + c] = r6 === r6 ? r6 : exact(act, v);
      }
    } else {
      for (let c = 0; c < channels; c++) y[yi + c] = activate1(act, x[xi + c]! * scale[c]! + shift[c]!);
    }
  }
}

/**
 * The kernel and bias of a conv/dense followed by a batch norm with this scale and shift (new arrays).
 * @example foldBatchNorm(hwio, bias, scale, shift, filters) //=> { kernel: hwio·scale, bias: bias·scale + shift }
 */
export function foldBatchNorm(
  kernel: Float32Array,
  bias: Float32Array | null,
  scale: Floats,
  shift: Floats,
  channels: number,
): { kernel: Float32Array; bias: Float32Array } {
  const folded = new Float32Array(kernel.length);
  for (let i = 0; i < kernel.length; i += channels) {
    for (let c = 0; c < channels; c++) folded[i + c] = kernel[i + c]! * scale[c]!;
  }
  const b = new Float32Array(channels);
  for (let c = 0; c < channels; c++) b[c] = (bias === null ? 0 : bias[c]!) * scale[c]! + shift[c]!;
  return { kernel: folded, bias: b };
}

/**
 * Reference: the textbook formula per element, in double, allocating its result.
 * @example batchNormNaive(x, [N, H, W, C], γ, β, μ, σ², 1e-3) //=> Float32Array of N·H·W·C
 */
export function batchNormNaive(
  x: Float32Array,
  channels: number,
  gamma: Float32Array,
  beta: Float32Array,
  mean: Float32Array,
  variance: Float32Array,
  epsilon: number,
): Float32Array {
  const y = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const c = i % channels;
    y[i] = ((x[i]! - mean[c]!) / Math.sqrt(variance[c]! + epsilon)) * gamma[c]! + beta[c]!;
  }
  return y;
}
