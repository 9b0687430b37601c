/**
 * The input the run panel feeds a classifier: uniform values in [0, 1) from a seeded generator (mulberry32),
 * so the Node test can make the same batch and compare the page's output with a Node run.
 */

/** Uniform [0, 1) numbers from `seed` (mulberry32: 32-bit state, period 2^32, plenty for test inputs). */
export function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` uniform values in [0, 1) from `seed`.
 * @example randomData(2, 1) //=> Float32Array [0.627…, 0.002…]
 */
export function randomData(count: number, seed: number): Float32Array {
  const next = uniform(seed);
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) data[i] = next();
  return data;
}
