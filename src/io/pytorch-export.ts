/**
 * convtype weights → a PyTorch state dict (the inverse of `convertPyTorchWeights`, same layout table): HWIO →
 * OIHW, `[kh, kw, C, M]` → `[C·M, 1, kh, kw]`, `[kh, kw, O, I]` → `[I, O, kh, kw]`, `[in, out]` → `[out, in]`
 * with the NHWC → NCHW flatten order for a dense fed by a flatten, batch norm → `weight/bias/running_mean/
 * running_var`. Write it with `writeSafetensors` and load it with `model.load_state_dict`.
 */
import { WeightError } from '../errors.js';
import { pytorchLayout, toPyTorch, type LayoutOptions } from './internal/pytorch-layout.js';
import { expectedWeights, type WeightTarget, type WeightTensor } from './internal/target.js';

/** convtype key → PyTorch name (`'conv1/kernel': 'features.0.weight'`) or layer → module (`conv1: 'features.0'`), or a function (`null` leaves a weight out). */
export type PyTorchExportMap = Readonly<Record<string, string>> | ((key: string) => string | null | undefined);

const PARAM_NAMES: Readonly<Record<string, string>> = {
  kernel: 'weight',
  bias: 'bias',
  gamma: 'weight',
  beta: 'bias',
  movingMean: 'running_mean',
  movingVariance: 'running_var',
};

/**
 * The model's weights as PyTorch tensors by PyTorch name; a layer with no entry in the map keeps its name as
 * the module (`conv2d_1.weight`). Throws one `WeightError` if a dense's flatten input cannot be told.
 * @example exportPyTorchWeights(m, { conv2d_1: 'features.0' })['features.0.weight'].shape //=> [6, 1, 5, 5]
 */
export function exportPyTorchWeights(model: WeightTarget, nameMap?: PyTorchExportMap, options: LayoutOptions = {}): Record<string, WeightTensor> {
  const lookup = (k: string): string | null | undefined => (typeof nameMap === 'function' ? nameMap(k) : nameMap && Object.hasOwn(nameMap, k) ? nameMap[k] : undefined);
  const problems: string[] = [];
  const out: Record<string, WeightTensor> = Object.create(null);
  const weights = model.weights;
  for (const w of expectedWeights(model).values()) {
    const direct = lookup(w.key);
    const module = direct === undefined ? lookup(w.layer) : undefined;
    if (direct === null || module === null) continue;
    const name = direct ?? `${module ?? w.layer}.${PARAM_NAMES[w.param] ?? w.param}`;
    if (Object.hasOwn(out, name)) {
      problems.push(`${w.layer}: ${w.key} would be exported as '${name}', which another weight already is (expected distinct names)`);
      continue;
    }
    const layout = pytorchLayout(model, w, options);
    if (typeof layout === 'string') {
      problems.push(`${w.layer}: ${layout}`);
      continue;
    }
    out[name] = { shape: [...layout.source], data: toPyTorch(layout, weights[w.key]!.data) };
  }
  if (problems.length > 0) throw new WeightError(problems);
  return out;
}
