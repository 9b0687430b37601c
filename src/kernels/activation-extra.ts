/**
 * Elementwise activations that are not fusable epilogues (elu, gelu, hardSigmoid, hardSwish), with a naive
 * reference beside them; relu6 and leakyRelu are `Activation`s of activation.ts and fuse into conv/dense.
 *
 * Contract: `activationExtra(act, x, xOff, y, yOff, n)` writes `y[yOff + i] = act(x[xOff + i])` for i < n
 * (in place when the ranges are the same); no allocation. Values are computed in double and stored as float32.
 *
 * Formulas (ONNX opset 14/20 definitions, PyTorch's defaults):
 *   elu(x)         = x > 0 ? x : α·(eˣ − 1)                       (expm1: exact near 0)
 *   gelu(x)        = x·Φ(x) = x·erfc(−x/√2)/2                       ('none', the exact form)
 *   gelu_tanh(x)   = x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))/2      ('tanh')
 *   hardSigmoid(x) = clamp(α·x + β, 0, 1)                          (ONNX HardSigmoid; α=1/6 β=0.5 = relu6(x + 3)/6, PyTorch)
 *   hardSwish(x)   = x·relu6(x + 3)/6                               (MobileNetV3, ONNX HardSwish)
 * GELU's exact form goes through erfc rather than 1 + erf so the left tail keeps its relative accuracy
 * (1 + erf(−4) loses every digit of 1.5e−8 in float32; erfc(4) keeps them).
 */

/** An activation with its own kernel (not fusable into conv/dense epilogues). */
export type ExtraActivation =
  | { readonly kind: 'elu'; readonly alpha: number }
  | { readonly kind: 'gelu'; readonly approximate: 'none' | 'tanh' }
  | { readonly kind: 'hardSigmoid'; readonly alpha: number; readonly beta: number }
  | { readonly kind: 'hardSwish' };

const SQRT1_2 = Math.SQRT1_2;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * erfc(z) for z ≥ 0.5 by the Chebyshev fit of Numerical Recipes (2nd ed., §6.2, `erfcc`): relative error
 * below 1.2e−7 on the whole half line, i.e. float32 accuracy; underflows to 0 past z ≈ 26.
 */
function erfcTail(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  return (
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    )
  );
}

/** erf(z) for |z| < 0.5 by its Maclaurin series to z¹⁹ (truncation below 1e−13 there). */
function erfSmall(z: number): number {
  // 2/√π · z · Σ cₙ·z²ⁿ with cₙ = (−1)ⁿ/(n!·(2n + 1)), by Horner in z².
  const q = z * z;
  let p = -1 / 6894720;
  p = p * q + 1 / 685440;
  p = p * q - 1 / 75600;
  p = p * q + 1 / 9360;
  p = p * q - 1 / 1320;
  p = p * q + 1 / 216;
  p = p * q - 1 / 42;
  p = p * q + 1 / 10;
  p = p * q - 1 / 3;
  p = p * q + 1;
  return TWO_OVER_SQRT_PI * z * p;
}

/**
 * The error function to float32 accuracy: relative error ≤ 5.8e−8 (half a float32 ulp) against `erfNaive`
 * on a 1e−5 grid over [−6, 6].
 * @example erf(0.5) //=> 0.5204998778…
 */
export function erf(z: number): number {
  const a = Math.abs(z);
  if (a < 0.5) return erfSmall(z);
  const r = 1 - erfcTail(a);
  return z < 0 ? -r : r;
}

/**
 * The complementary error function 1 − erf(z), without cancellation for z > 0: relative error ≤ 1.1e−7
 * against the naive continued fraction on a 1e−5 grid over [−6, 6].
 * @example erfc(4) //=> 1.5417257900…e-8
 */
export function erfc(z: number): number {
  if (Math.abs(z) < 0.5) return 1 - erfSmall(z);
  return z > 0 ? erfcTail(z) : 2 - erfcTail(-z);
}

/**
 * `y[yOff + i] = act(x[xOff + i])` for i < n; may run in place.
 * @example activationExtra({ kind: 'hardSwish' }, Float32Array.of(-4, 1, 4), 0, y, 0, 3) // y = [0, 0.6666667, 4]
 */
export function activationExtra(act: ExtraActivation, x: Float32Array, xOff: number, y: Float32Array, yOff: number, n: number): void {
  switch (act.kind) {
    case 'elu': {
      const alpha = act.alpha;
      // Branch-free (mixed signs mispredict a branch): max(v, 0) + α·expm1(min(v, 0)).
      for (let i = 0; i < n; i++) {
        const v = x[xOff + i]!;
        const r = (v + Math.abs(v)) * 0.5;
        const e = r + alpha * Math.expm1(v - r);
        y[yOff + i] = e === e || v !== v ? e : v > 0 ? v : -alpha; // ±∞: the branch-free form gives ∞ − ∞
      }
      return;
    }
    case 'gelu':
      if (act.approximate === 'tanh') {
        for (let i = 0; i < n; i++) {
          const v = x[xOff + i]!;
          y[yOff + i] = 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)));
        }
      } else {
        for (let i = 0; i < n; i++) {
          const v = x[xOff + i]!;
          y[yOff + i] = 0.5 * v * erfc(-v * SQRT1_2);
        }
      }
      return;
    case 'hardSigmoid': {
      // clamp(α·v + β, 0, 1), branch-free like activation.ts: min(max(u, 0), 1) = (r + 1 − |r − 1|)/2, r = (u + |u|)/2.
      const { alpha, beta } = act;
      for (let i = 0; i < n; i++) {
        const v = x[xOff + i]!;
        const u = alpha * v + beta;
        const r = (u + Math.abs(u)) * 0.5;
        const h = (r + 1 - Math.abs(r - 1)) * 0.5;
        y[yOff + i] = h === h || v !== v ? h : alpha * v > 0 ? 1 : alpha * v < 0 ? 0 : Math.min(Math.max(beta, 0), 1); // ±∞: ∞ − ∞
      }
      return;
    }
    case 'hardSwish':
      for (let i = 0; i < n; i++) {
        const v = x[xOff + i]!;
        const u = v / 6 + 0.5;
        const r = (u + Math.abs(u)) * 0.5;
        const h = v * ((r + 1 - Math.abs(r - 1)) * 0.5);
        y[yOff + i] = h === h || v !== v ? h : v > 0 ? v : 0; // ±∞: hardSwish(+∞) = +∞, hardSwish(−∞) = 0
      }
      return;
  }
}

// ─── naive reference ─────────────────────────────────────────────────────────────────────────────

/**
 * erf by definition-near formulas in double, sharing nothing with `erf` above: the Maclaurin series for
 * |z| < 3 (terms until they vanish) and the Laplace continued fraction of erfc beyond (Abramowitz & Stegun
 * 7.1.5 and 7.1.14); relative error ~1e−13.
 */
export function erfNaive(z: number): number {
  const a = Math.abs(z);
  if (a < 3) {
    let term = a;
    let sum = a;
    for (let n = 1; n < 200; n++) {
      term *= (-a * a) / n;
      const next = term / (2 * n + 1);
      sum += next;
      if (Math.abs(next) < 1e-17 * Math.abs(sum)) break;
    }
    const r = (2 / Math.sqrt(Math.PI)) * sum;
    return z < 0 ? -r : r;
  }
  const r = 1 - erfcNaive(a);
  return z < 0 ? -r : r;
}

/** erfc(z) for z ≥ 3 by the continued fraction erfc(z) = e^(−z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))). */
function erfcNaive(z: number): number {
  let f = z;
  for (let k = 60; k >= 1; k--) f = z + k / 2 / f;
  return Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
}

/** erfc for any z, naive: the continued fraction on the right tail, 1 − erf elsewhere. */
export function erfcNaiveAll(z: number): number {
  if (z >= 3) return erfcNaive(z);
  if (z <= -3) return 2 - erfcNaive(-z);
  return 1 - erfNaive(z);
}

/**
 * One activation value by its textbook definition, in double precision.
 * @example activationExtraNaive({ kind: 'hardSigmoid', alpha: 1 / 6, beta: 0.5 }, 0) //=> 0.5
 */
export function activationExtraNaive(act: ExtraActivation, v: number): number {
  switch (act.kind) {
    case 'elu':
      return v > 0 ? v : act.alpha * (Math.exp(v) - 1);
    case 'gelu':
      return act.approximate === 'tanh'
        ? 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * Math.pow(v, 3))))
        : 0.5 * v * erfcNaiveAll(-v / Math.SQRT2);
    case 'hardSigmoid':
      return Math.min(Math.max(act.alpha * v + act.beta, 0), 1);
    case 'hardSwish':
      return (v * Math.min(Math.max(v + 3, 0), 6)) / 6;
  }
}
