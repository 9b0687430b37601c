/**
 * Layout conversions between convtype's TF-style layouts and ONNX/PyTorch layouts (SEMANTICS.md §5).
 *
 * Contract: every helper takes a dense row-major tensor `{ dims, data }` and returns a NEW one with
 * permuted `dims` and `data`; inputs are never mutated. Helpers work for any spatial rank (1d, 2d, 3d):
 * "HW" in a name stands for "all spatial axes".
 *
 * | ours (convtype)                          | ONNX                        | helper                 |
 * |------------------------------------------|-----------------------------|------------------------|
 * | activations `[N, ...spatial, C]`          | `[N, C, ...spatial]`        | `nhwcToNchw`           |
 * | conv kernel `[...k, in/groups, out]`      | `[out, in/groups, ...k]`    | `hwioToOihw`           |
 * | transposed-conv kernel `[...k, out, in]`  | `[in, out, ...k]` (groups 1)| `convTransposeKernelToOnnx` |
 */

/** A dense row-major float tensor. */
export interface DenseTensor {
  readonly dims: readonly number[];
  readonly data: Float32Array;
}

/** Number of elements of a tensor with these dims (1 for a scalar). */
export function sizeOf(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

/**
 * Transposes `x` so that output axis `i` is input axis `perm[i]` (numpy `transpose(perm)`).
 * @example permute({ dims: [2, 3], data }, [1, 0]).dims //=> [3, 2]
 */
export function permute(x: DenseTensor, perm: readonly number[]): DenseTensor {
  const rank = x.dims.length;
  if (perm.length !== rank || [...perm].sort((a, b) => a - b).some((p, i) => p !== i)) {
    throw new Error(`permute: perm must be a permutation of 0..${rank - 1} (got [${perm.join(', ')}])`);
  }
  if (x.data.length !== sizeOf(x.dims)) {
    throw new Error(`permute: data has ${x.data.length} elements (expected ${sizeOf(x.dims)} for [${x.dims.join(', ')}])`);
  }
  const inStrides = new Array<number>(rank);
  for (let i = rank - 1, s = 1; i >= 0; i--) {
    inStrides[i] = s;
    s *= x.dims[i];
  }
  const outDims = perm.map((p) => x.dims[p]);
  // Stride in the INPUT of a unit step along each OUTPUT axis.
  const stepIn = perm.map((p) => inStrides[p]);
  const out = new Float32Array(x.data.length);
  const idx = new Array<number>(rank).fill(0);
  let src = 0;
  for (let o = 0; o < out.length; o++) {
    out[o] = x.data[src];
    // Odometer increment over output axes, last axis fastest.
    for (let a = rank - 1; a >= 0; a--) {
      idx[a]++;
      src += stepIn[a];
      if (idx[a] < outDims[a]) break;
      src -= stepIn[a] * outDims[a];
      idx[a] = 0;
    }
  }
  return { dims: outDims, data: out };
}

function requireRank(name: string, x: DenseTensor, min: number): number {
  const r = x.dims.length;
  if (r < min) throw new Error(`${name}: tensor must have rank ≥ ${min} (got [${x.dims.join(', ')}])`);
  return r;
}

/** Channels-last activations `[N, ...spatial, C]` → channels-first `[N, C, ...spatial]`. */
export function nhwcToNchw(x: DenseTensor): DenseTensor {
  const r = requireRank('nhwcToNchw', x, 2);
  return permute(x, [0, r - 1, ...range(1, r - 1)]);
}

/** Channels-first activations `[N, C, ...spatial]` → channels-last `[N, ...spatial, C]`. */
export function nchwToNhwc(x: DenseTensor): DenseTensor {
  const r = requireRank('nchwToNhwc', x, 2);
  return permute(x, [0, ...range(2, r), 1]);
}

/** Conv kernel `[...k, in/groups, out]` (HWIO, ours) → `[out, in/groups, ...k]` (OIHW, ONNX `W` of Conv). */
export function hwioToOihw(w: DenseTensor): DenseTensor {
  const r = requireRank('hwioToOihw', w, 3);
  return permute(w, [r - 1, r - 2, ...range(0, r - 2)]);
}

/** Conv kernel `[out, in/groups, ...k]` (OIHW, ONNX/PyTorch) → `[...k, in/groups, out]` (HWIO, ours). */
export function oihwToHwio(w: DenseTensor): DenseTensor {
  const r = requireRank('oihwToHwio', w, 3);
  return permute(w, [...range(2, r), 1, 0]);
}

/**
 * Transposed-conv kernel `[...k, out, in]` (ours, TF) → `[in, out, ...k]` (ONNX `W` of ConvTranspose,
 * `[in, out/groups, ...k]` with groups = 1); no spatial flip (SEMANTICS.md §5).
 */
export function convTransposeKernelToOnnx(w: DenseTensor): DenseTensor {
  const r = requireRank('convTransposeKernelToOnnx', w, 3);
  return permute(w, [r - 1, r - 2, ...range(0, r - 2)]);
}

/** Transposed-conv kernel `[in, out, ...k]` (ONNX/PyTorch, groups = 1) → `[...k, out, in]` (ours, TF). */
export function convTransposeKernelFromOnnx(w: DenseTensor): DenseTensor {
  const r = requireRank('convTransposeKernelFromOnnx', w, 3);
  return permute(w, [...range(2, r), 1, 0]);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}
