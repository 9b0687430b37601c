/**
 * The PyTorch layout of each convtype weight (SEMANTICS.md §5) as one description used both ways: PyTorch
 * data viewed as `view` and permuted by `perm` is the convtype tensor; the inverse permutation goes back.
 */
import { formatShape } from '../../shapes/format.js';
import { permute } from './permute.js';
import { product, type ExpectedWeight, type WeightTarget } from './target.js';

/** How dense kernels fed by a flatten are reordered. */
export interface LayoutOptions {
  /** Reorder the kernel of a dense fed by a flatten from NCHW to NHWC flatten order; default true. */
  readonly reorderFlatten?: boolean;
  /**
   * Per dense layer, the shape (no batch, channels last: `[H, W, C]`) its input was flattened from, for graphs
   * where the layer list does not show it; overrides what is inferred.
   */
  readonly flattenFrom?: Readonly<Record<string, readonly number[]>>;
}

/** A weight's PyTorch shape `source`, and PyTorch data seen as `view` then permuted by `perm` = convtype data. */
export interface PyTorchLayout {
  readonly source: readonly number[];
  readonly view: readonly number[];
  readonly perm: readonly number[];
}

/** PyTorch data → convtype data. */
export const toConvtype = (l: PyTorchLayout, data: Float32Array): Float32Array => permute(l.view, data, l.perm);

/** Convtype data → PyTorch data (the inverse permutation). */
export function toPyTorch(l: PyTorchLayout, data: Float32Array): Float32Array {
  const inverse = new Array<number>(l.perm.length);
  l.perm.forEach((p, i) => (inverse[p] = i));
  return permute(l.perm.map((p) => l.view[p]!), data, inverse);
}

/**
 * The shape `[...S, C]` a dense's input was flattened from, when the row before it is a flatten (or a reshape
 * to rank 2) of a channels-last tensor of rank ≥ 3; `undefined` when there is no flatten, a message when
 * there is one whose input cannot be told.
 */
function flattenSource(model: WeightTarget, w: ExpectedWeight, options: LayoutOptions): readonly number[] | undefined | string {
  const given = options.flattenFrom?.[w.layer];
  if (given !== undefined) {
    const fits = Array.isArray(given) && given.every((d) => Number.isSafeInteger(d) && d >= 1) && product(given) === w.shape[0];
    return fits ? given : `options.flattenFrom['${w.layer}'] does not fit the kernel (got ${JSON.stringify(given)}, expected [H, W, C] of ${w.shape[0]} elements)`;
  }
  let j = w.row - 1;
  while (j >= 0 && model.layers[j]!.kind === 'dropout') j--;
  const flatten = model.layers[j];
  if (!flatten || !(flatten.kind === 'flatten' || (flatten.kind === 'reshape' && flatten.shape.length === 2))) return undefined;
  const before = model.layers[j - 1];
  const inFeatures = w.shape[0]!;
  if (before && before.shape.length >= 3 && product(before.shape.slice(1)) === inFeatures) return before.shape.slice(1);
  return `cannot tell what '${flatten.name}' flattened (got the row before it ${before ? `'${before.name}' ${formatShape(before.shape)}` : 'none'}, expected a channels-last shape of ${inFeatures} elements; pass options.flattenFrom['${w.layer}'] = [H, W, C])`;
}

/** The PyTorch layout of a convtype weight, or a message when a flatten's input cannot be told. */
export function pytorchLayout(model: WeightTarget, w: ExpectedWeight, options: LayoutOptions): PyTorchLayout | string {
  const reorder = w.kind === 'dense' && w.param === 'kernel' && w.shape.length === 2 && options.reorderFlatten !== false;
  const from = reorder ? flattenSource(model, w, options) : undefined;
  return typeof from === 'string' ? from : weightLayout(w.kind, w.param, w.shape, from);
}

/**
 * The PyTorch layout of weight `param` (convtype shape `t`) of a layer of kind `kind`; for a dense, `from` is the
 * channels-last `[...S, C]` its input was flattened from (its kernel rows are then reordered from NCHW order).
 * @example weightLayout('conv2d', 'kernel', [3, 3, 8, 16]).source //=> [16, 8, 3, 3]
 */
export function weightLayout(kind: string, param: string, t: readonly number[], from?: readonly number[]): PyTorchLayout {
  const r = t.length;
  const same: PyTorchLayout = { source: t, view: t, perm: t.map((_, i) => i) };
  const isKernel = param === 'kernel' || param === 'pointwiseKernel' || param === 'depthwiseKernel';
  if (!isKernel || r < 2) return same;
  if (kind === 'dense') {
    const [inFeatures, out] = t as [number, number];
    if (from !== undefined && from.length >= 2 && product(from) === inFeatures) {
      // [F, C, ...S] (PyTorch flatten of NCHW) → [...S, C, F] = NHWC flatten order, transposed.
      const c = from[from.length - 1]!;
      const spatial = from.slice(0, -1);
      return { source: [out, inFeatures], view: [out, c, ...spatial], perm: [...spatial.map((_, i) => i + 2), 1, 0] };
    }
    return { source: [out, inFeatures], view: [out, inFeatures], perm: [1, 0] };
  }
  const depthwise = (kind === 'depthwiseConv2d' && param === 'kernel') || param === 'depthwiseKernel';
  if (depthwise && r === 4) {
    const [kh, kw, c, m] = t as [number, number, number, number];
    return { source: [c * m, 1, kh, kw], view: [c, m, kh, kw], perm: [2, 3, 0, 1] };
  }
  if (r >= 3) {
    // conv: HWIO [...k, I/g, O] ← OIHW [O, I/g, ...k]; transposed: [...k, O, I] ← [I, O, ...k]; same permutation.
    const source = [t[r - 1]!, t[r - 2]!, ...t.slice(0, r - 2)];
    return { source, view: source, perm: [...t.slice(0, r - 2).map((_, i) => i + 2), 1, 0] };
  }
  return same;
}

