/**
 * Weight layout conversion (SEMANTICS.md §5): a dense row-major transpose, numpy's `transpose(perm)`.
 * Contract: `x` has `sizeOf(dims)` elements; the result is a new array, output axis i = input axis perm[i].
 */
import { permute as permuteData } from '../../io/internal/permute.js';

/**
 * The transpose of `data` (dims `dims`) by `perm`, with its new dims (the loop is the weight loaders' one).
 * @example permute([2, 3], Float32Array.of(1, 2, 3, 4, 5, 6), [1, 0]).data //=> Float32Array [1, 4, 2, 5, 3, 6]
 */
export function permute(dims: readonly number[], data: Float32Array, perm: readonly number[]): { dims: number[]; data: Float32Array } {
  return { dims: perm.map((p) => dims[p]!), data: permuteData(dims, data, perm) };
}

/** Conv kernel `[...k, in/groups, out]` (HWIO) → `[out, in/groups, ...k]` (OIHW, ONNX `Conv`'s W). */
export function hwioToOihw(dims: readonly number[], data: Float32Array): { dims: number[]; data: Float32Array } {
  const r = dims.length;
  return permute(dims, data, [r - 1, r - 2, ...Array.from({ length: r - 2 }, (_, i) => i)]);
}
