/**
 * Softmax over the last axis.
 *
 * Contract: `x` is `(rows, cols)` row-major at `xOff`, `y` the same shape at `yOff` (may alias `x`).
 * Numerically stable: each row subtracts its maximum before `exp`, so large logits do not overflow.
 */

/**
 * `y[r, :] = exp(x[r, :] − max) / Σ exp(x[r, :] − max)` for every row.
 * @example softmax(Float32Array.of(1000, 1000), 0, y, 0, 1, 2) // y = [0.5, 0.5]
 */
export function softmax(x: Float32Array, xOff: number, y: Float32Array, yOff: number, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const xi = xOff + r * cols;
    const yi = yOff + r * cols;
    let max = -Infinity;
    for (let c = 0; c < cols; c++) if (x[xi + c] > max) max = x[xi + c];
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const e = Math.exp(x[xi + c] - max);
      y[yi + c] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let c = 0; c < cols; c++) y[yi + c] *= inv;
  }
}
