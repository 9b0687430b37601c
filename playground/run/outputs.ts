/**
 * What the run panel shows of a model's output, computed without the DOM (the Node tests call it too):
 * the top classes of a `[1, N]` output, summary statistics of any other, and the probabilities of logits.
 */

/** One class of a `[1, N]` output. */
export interface Ranked {
  readonly index: number;
  readonly value: number;
}

/**
 * The `k` largest entries of `row`, largest first (ties: lower index first).
 * @example topK(Float32Array.of(0.1, 0.7, 0.2), 2) //=> [{ index: 1, value: 0.7 }, { index: 2, value: 0.2 }] (values as float32)
 */
export function topK(row: ArrayLike<number>, k: number): Ranked[] {
  const order = Array.from({ length: row.length }, (_, i) => i);
  order.sort((a, b) => row[b]! - row[a]! || a - b);
  return order.slice(0, k).map((index) => ({ index, value: row[index]! }));
}

/**
 * Probabilities of `logits` (softmax, shifted by the maximum so large logits do not overflow); a row that
 * already sums to 1 with no negative entry is returned as it is (the model ends in a softmax).
 * @example probabilities(Float32Array.of(0, Math.log(3))) //=> [0.25, 0.75]
 */
export function probabilities(logits: ArrayLike<number>): number[] {
  const values = Array.from(logits);
  const sum = values.reduce((s, v) => s + v, 0);
  if (values.every((v) => v >= 0) && Math.abs(sum - 1) < 1e-3) return values;
  const max = Math.max(...values);
  const exp = values.map((v) => Math.exp(v - max));
  const total = exp.reduce((s, v) => s + v, 0);
  return exp.map((v) => v / total);
}

/** Minimum, maximum and mean of `data` (NaN counted apart, so one NaN does not hide the rest). */
export function stats(data: ArrayLike<number>): { min: number; max: number; mean: number; nan: number } {
  let min = Infinity, max = -Infinity, sum = 0, n = 0, nan = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (Number.isNaN(v)) {
      nan++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    n++;
  }
  return { min, max, mean: n ? sum / n : NaN, nan };
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
