/**
 * Weight layout conversion (SEMANTICS.md §5): a dense row-major transpose, numpy's `transpose(perm)`.
 * Contract: `x` has `sizeOf(dims)` elements; the result is a new array, output axis i = input axis perm[i].
 */

/**
 * The transpose of `data` (dims `dims`) by `perm`, with its new dims.
 * @example permute([2, 3], Float32Array.of(1, 2, 3, 4, 5, 6), [1, 0]).data //=> Float32Array [1, 4, 2, 5, 3, 6]
 */
export function permute(dims: readonly number[], data: Float32Array, perm: readonly number[]): { dims: number[]; data: Float32Array } {
  const rank = dims.length;
  const inStrides = new Array<number>(rank);
  for (let i = rank - 1, s = 1; i >= 0; i--) {
    inStrides[i] = s;
    s *= dims[i]!;
  }
  const outDims = perm.map((p) => dims[p]!);
  const step = perm.map((p) => inStrides[p]!);
  const out = new Float32Array(data.length);
  const idx = new Array<number>(rank).fill(0);
  let src = 0;
  for (let o = 0; o < out.length; o++) {
    out[o] = data[src]!;
    for (let a = rank - 1; a >= 0; a--) {
      idx[a]!++;
      src += step[a]!;
      if (idx[a]! < outDims[a]!) break;
      src -= step[a]! * outDims[a]!;
      idx[a] = 0;
    }
  }
  return { dims: outDims, data: out };
}

/** Conv kernel `[...k, in/groups, out]` (HWIO) → `[out, in/groups, ...k]` (OIHW, ONNX `Conv`'s W). */
export function hwioToOihw(dims: readonly number[], data: Float32Array): { dims: number[]; data: Float32Array } {
  const r = dims.length;
  return permute(dims, data, [r - 1, r - 2, ...Array.from({ length: r - 2 }, (_, i) => i)]);
}
