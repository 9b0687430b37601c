/**
 * Axis permutation of a dense row-major tensor (numpy `transpose(perm)`): output axis i is input axis
 * perm[i]. Contract: `data.length` equals the product of `dims` (the caller checked); returns new data.
 */

/** @example permute([2, 3], Float32Array.of(1, 2, 3, 4, 5, 6), [1, 0]) //=> Float32Array [1, 4, 2, 5, 3, 6] */
export function permute(dims: readonly number[], data: Float32Array, perm: readonly number[]): Float32Array {
  const rank = dims.length;
  const inStrides = new Array<number>(rank);
  for (let i = rank - 1, s = 1; i >= 0; i--) {
    inStrides[i] = s;
    s *= dims[i]!;
  }
  const outDims = perm.map((p) => dims[p]!);
  const step = perm.map((p) => inStrides[p]!);
  const out = new Float32Array(data.length);
  const index = new Array<number>(rank).fill(0);
  let src = 0;
  for (let o = 0; o < out.length; o++) {
    out[o] = data[src]!;
    for (let a = rank - 1; a >= 0; a--) {
      index[a]!++;
      src += step[a]!;
      if (index[a]! < outDims[a]!) break;
      src -= step[a]! * outDims[a]!;
      index[a] = 0;
    }
  }
  return out;
}
