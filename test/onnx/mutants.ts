/**
 * Seeded mutants of a valid file for the fuzz tests of the ONNX readers: a third truncated at a random
 * length, a third with 1–2 bytes flipped or replaced, a third with 1–6.
 */
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
