/**
 * Seeded mutants of a valid file for the fuzz tests of the ONNX readers: a third truncated at a random
 * length, a third with 1–2 bytes flipped or replaced, a third with 1–6.
 */
import { FormatError } from '../../src/io/errors.js';
import { rng } from '../io/build.js';

/**
 * Mutant number `seed` of `full` (a new array).
 * @example mutant(bytes, 3).length < bytes.length //=> true (seed % 3 === 0: a truncation)
 */
export function mutant(full: Uint8Array, seed: number): Uint8Array {
  const r = rng(seed);
  const mode = seed % 3;
  if (mode === 0) return full.slice(0, Math.floor(r() * full.length));
  const bytes = full.slice();
  const flips = 1 + Math.floor(r() * (mode === 1 ? 2 : 6));
  for (let i = 0; i < flips; i++) {
    const at = Math.floor(r() * bytes.length);
    bytes[at] = r() < 0.5 ? bytes[at]! ^ (1 << Math.floor(r() * 8)) : Math.floor(r() * 256);
  }
  return bytes;
}

/** What `fuzzFormat` saw: mutants read, refused with FormatError, and the slowest (ms). */
export interface FuzzCounts {
  parsed: number;
  refused: number;
  slowest: number;
}

/**
 * Reads `n` mutants of `full` with `read`; each must return or throw `FormatError` (anything else is rethrown
 * with its seed).
 * @example fuzzFormat(bytes, 3000, readOnnxGraph) //=> { parsed: 843, refused: 2157, slowest: 8.5 }
 */
export function fuzzFormat(full: Uint8Array, n: number, read: (bytes: Uint8Array) => void): FuzzCounts {
  const counts: FuzzCounts = { parsed: 0, refused: 0, slowest: 0 };
  for (let seed = 1; seed <= n; seed++) {
    const bytes = mutant(full, seed);
    const t0 = performance.now();
    try {
      read(bytes);
      counts.parsed++;
    } catch (e) {
      if (!(e instanceof FormatError)) throw new Error(`seed ${seed}: ${String(e)}`);
      counts.refused++;
    }
    counts.slowest = Math.max(counts.slowest, performance.now() - t0);
  }
  return counts;
}
