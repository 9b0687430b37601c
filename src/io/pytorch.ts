/**
 * PyTorch state dicts → convtype weights (SEMANTICS.md §5): conv OIHW → HWIO, depthwise `[C·M, 1, kh, kw]`
 * → `[kh, kw, C, M]`, transposed `[I, O, kh, kw]` → `[kh, kw, O, I]`, Linear `[out, in]` → `[in, out]`
 * with the NCHW → NHWC flatten reorder for a dense fed by a flatten, batch norm `weight/bias/running_mean/
 * running_var` → `gamma/beta/movingMean/movingVariance`.
 *
 * Decision: the conversion is driven by the convtype model (its layer kinds and its weights' shapes), not by
 * the PyTorch names, so the only thing a user supplies is the name map; every problem (an unmapped tensor, a
 * missing weight, a shape that does not fit) is collected and thrown as one `WeightError`. Rejected: guessing
 * layouts from PyTorch shapes alone (a 1×1 conv and a Linear look alike; a flatten reorder cannot be seen).
 */
import { pytorchLayout, toConvtype, type LayoutOptions } from './internal/pytorch-layout.js';
import { dims, product, WeightMapping, type WeightTarget, type WeightTensor } from './internal/target.js';

export type { WeightTarget, WeightTensor } from './internal/target.js';
export type { LayoutOptions } from './internal/pytorch-layout.js';

/**
 * PyTorch name → convtype key (`'features.0.weight': 'conv1/kernel'`) or module → layer (`'features.0': 'conv1'`,
 * the parameter named from the layer kind), or a function returning either (`null` skips the tensor).
 */
export type PyTorchNameMap = Readonly<Record<string, string>> | ((name: string) => string | null | undefined);

/** Options of `convertPyTorchWeights` and `loadPyTorchWeights`. */
export interface PyTorchOptions extends LayoutOptions {
  /** Skip PyTorch tensors the map does not name instead of reporting them; default false. */
  readonly ignoreUnmapped?: boolean;
  /** Allow model weights that no PyTorch tensor fills (they keep their values); default false. */
  readonly partial?: boolean;
}

/** PyTorch parameter suffix → convtype parameter, by layer kind family. */
const BATCH_NORM_PARAMS: Readonly<Record<string, string>> = {
  weight: 'gamma',
  bias: 'beta',
  running_mean: 'movingMean',
  running_var: 'movingVariance',
};
const KERNEL_PARAMS: Readonly<Record<string, string>> = { weight: 'kernel', bias: 'bias' };
/** State-dict entries with no convtype counterpart. */
const ALWAYS_SKIPPED = /(^|\.)num_batches_tracked$/;

/**
 * The convtype key a PyTorch tensor goes to, `null` to skip it, or `undefined` if the map says nothing: the
 * full name is looked up first, then its module (`features.0` of `features.0.weight`). A target without a
 * `/` is a layer, whose parameter is named from its kind. A module the map does not name but that is named like a
 * layer maps to it (so with no map at all, `conv1.weight` → `conv1/kernel`).
 */
function resolve(name: string, map: PyTorchNameMap | undefined, layers: ReadonlyMap<string, string>): string | null | undefined {
  const dot = name.lastIndexOf('.');
  const module = dot < 0 ? undefined : name.slice(0, dot);
  const suffix = name.slice(dot + 1);
  const lookup = (key: string): string | null | undefined =>
    typeof map === 'function' ? map(key) : map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
  const toKey = (target: string): string => {
    if (target.includes('/') || !layers.has(target)) return target;
    const param = (layers.get(target) === 'batchNorm' ? BATCH_NORM_PARAMS : KERNEL_PARAMS)[suffix];
    return `${target}/${param ?? suffix}`;
  };
  const direct = lookup(name);
  if (direct !== undefined) return direct === null ? null : toKey(direct);
  const viaModule = module === undefined ? undefined : lookup(module);
  if (viaModule === null) return null;
  if (viaModule !== undefined) return toKey(viaModule);
  // Nothing in the map: a module named like a layer still maps to it.
  return module !== undefined && layers.has(module) ? toKey(module) : undefined;
}

const LAYOUT_NAMES: Readonly<Record<string, string>> = {
  conv1d: 'OIW',
  conv2d: 'OIHW',
  conv3d: 'OIDHW',
  conv2dTranspose: '[I, O, kh, kw]',
  depthwiseConv2d: '[C·M, 1, kh, kw]',
  dense: '[out, in]',
};

/**
 * PyTorch tensors as a convtype weight record for `model` (keys `<layer>/<param>`, convtype layouts).
 * Throws one `WeightError` listing every problem: unmapped tensors, missing weights, shapes that do not fit.
 * @example convertPyTorchWeights(m, readSafetensors(bytes).tensors, { 'conv1': 'conv2d_1', 'fc': 'dense_1' })['conv2d_1/kernel'].shape //=> [5, 5, 1, 6]
 */
export function convertPyTorchWeights(
  model: WeightTarget,
  record: Readonly<Record<string, WeightTensor>>,
  nameMap?: PyTorchNameMap,
  options: PyTorchOptions = {},
): Record<string, WeightTensor> {
  const m = new WeightMapping(model, 'PyTorch tensor');
  const { problems, out } = m;
  for (const name of Object.keys(record)) {
    const key = resolve(name, nameMap, m.layers);
    if (key === null || (key === undefined && ALWAYS_SKIPPED.test(name))) continue;
    if (key === undefined) {
      if (!options.ignoreUnmapped) problems.push(`${name}: no convtype weight is mapped to this PyTorch tensor (got no entry in the name map, expected '<layer>/<param>' or a layer name)`);
      continue;
    }
    if (!m.expected.has(key) && ALWAYS_SKIPPED.test(name)) continue;
    const w = m.claim(name, key);
    if (!w) continue;
    const t = record[name]!;
    if (!t || !(t.data instanceof Float32Array) || !Array.isArray(t.shape)) {
      problems.push(`${w.layer}: ${key} ← '${name}' is not a tensor (expected { shape, data: Float32Array })`);
      continue;
    }
    const c = pytorchLayout(model, w, options);
    if (typeof c === 'string') {
      problems.push(`${w.layer}: ${c}`);
      continue;
    }
    const fits = t.shape.length === c.source.length && t.shape.every((d, i) => d === c.source[i]);
    if (!fits) {
      const layout = c.source === w.shape ? '' : ` = PyTorch ${LAYOUT_NAMES[w.kind] ?? 'layout'} of convtype ${dims(w.shape)}`;
      problems.push(`${w.layer}: ${key} ← '${name}' has the wrong shape (got ${dims(t.shape)}, expected ${dims(c.source)}${layout})`);
      continue;
    }
    if (t.data.length !== product(t.shape)) {
      problems.push(`${w.layer}: ${key} ← '${name}' data length does not match its shape (got ${t.data.length}, expected ${product(t.shape)})`);
      continue;
    }
    out[key] = { shape: w.shape, data: toConvtype(c, t.data) };
  }
  return m.finish(options.partial);
}

/**
 * Converts PyTorch tensors (e.g. `readSafetensors(bytes).tensors`) and sets them on `model`; nothing changes
 * if anything is wrong, and the one `WeightError` lists every problem.
 * @example loadPyTorchWeights(m, readSafetensors(bytes).tensors, { 'features.0': 'conv2d_1', 'classifier.1': 'dense_1' })
 */
export function loadPyTorchWeights(
  model: WeightTarget,
  record: Readonly<Record<string, WeightTensor>>,
  nameMap?: PyTorchNameMap,
  options?: PyTorchOptions,
): void {
  model.setWeights(convertPyTorchWeights(model, record, nameMap, options));
}
