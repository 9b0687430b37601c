/**
 * `loadCheckpoint(net, spec, manifest, tensors)`: loads a checkpoint whose manifest (the `[name, shape]` list
 * `convtype weights-types` writes) the type checker has compared with the weights `spec` creates on `net`'s
 * input (`WeightsOf`). A manifest that does not fit is a compile error at the manifest argument, ONE sentence
 * listing every wrong, missing and unexpected entry; at run time the same sentence is a `WeightError`.
 *
 * Decision: the spec is passed because the model's type records only its shapes; its weights (names,
 * shapes) are read from the spec's type. At run time the model itself is the reference (`net.weights`), so
 * a spec that is not the whole model still gets an exact run-time check.
 */
import type { Shape } from '../../types/shape.js';
import type { CheckpointManifest, WeightEntriesOf, WeightsFit } from '../../types/weights.js';
import { WeightError } from '../errors.js';

/** What `loadCheckpoint` needs of a model. */
export interface CheckpointTarget<In extends Shape> {
  readonly inputShape: In;
  readonly weights: Readonly<Record<string, { readonly shape: readonly number[] }>>;
  setWeights(record: Readonly<Record<string, { readonly shape: readonly number[]; readonly data: Float32Array }>>): void;
}

/** The manifest parameter: the manifest when it fits the spec's weights, else the sentence (shown at the argument). */
export type ManifestArgument<Sp, In extends Shape, M extends CheckpointManifest> =
  WeightsFit<WeightEntriesOf<Sp, In>, M> extends true ? M : WeightsFit<WeightEntriesOf<Sp, In>, M>;

const dims = (shape: readonly number[]): string => `[${shape.map((d) => (d < 0 ? '?' : String(d))).join(', ')}]`;
const sameDims = (a: readonly number[], b: readonly number[]): boolean =>
  Array.isArray(a) && a.length === b.length && a.every((d, i) => d === b[i] || d < 0 || b[i]! < 0);

/** The run-time twin of `WeightsFit`: every problem of `manifest` against `expected` (name → shape, in model order). */
export function checkpointProblems(expected: ReadonlyMap<string, readonly number[]>, manifest: CheckpointManifest): string[] {
  const given = new Map<string, readonly number[]>();
  for (const entry of manifest) if (!given.has(entry[0])) given.set(entry[0], entry[1]);
  const problems: string[] = [];
  for (const [name, shape] of expected) {
    const got = given.get(name);
    if (got === undefined) problems.push(`${name} is missing (expected ${dims(shape)})`);
    else if (!sameDims(got, shape)) problems.push(`${name} has the wrong shape (got ${dims(got)}, expected ${dims(shape)})`);
  }
  for (const [name, shape] of manifest) if (!expected.has(name)) problems.push(`${name} is not a weight of the model (got ${dims(shape)})`);
  return problems;
}

/** The sentence for a list of problems (the twin of `CheckpointMessage`). */
export const checkpointMessage = (problems: readonly string[]): string =>
  `checkpoint: ${problems.length === 1 ? '1 entry does not' : `${problems.length} entries do not`} fit the model: ${problems.join('; ')}`;

/**
 * Checks `manifest` against `net`'s weights (at compile time against `spec`'s) and sets the manifest's
 * tensors from `tensors` (convtype names and layouts, e.g. `convertPyTorchWeights(net, state)`); nothing
 * changes if anything is wrong.
 * @example loadCheckpoint(net, lenetSpec, manifest, readSafetensors(bytes).tensors) // manifest from `convtype weights-types`
 */
export function loadCheckpoint<const Sp, In extends Shape, const M extends CheckpointManifest>(
  net: CheckpointTarget<In>,
  spec: Sp,
  manifest: ManifestArgument<Sp, In, M>,
  tensors: Readonly<Record<string, { readonly shape: readonly number[]; readonly data: Float32Array }>>,
): void {
  void spec; // read by the type checker; at run time the model is the reference
  const list = manifest as unknown as CheckpointManifest;
  const expected = new Map(Object.entries(net.weights).map(([name, t]) => [name, t.shape] as const));
  const problems = checkpointProblems(expected, list);
  for (const [name, shape] of list) {
    const t = tensors[name];
    if (expected.has(name) && t === undefined) problems.push(`${name} is in the manifest but not in the tensors (expected ${dims(shape)})`);
    else if (t !== undefined && !sameDims(t.shape, shape)) problems.push(`${name} has another shape in the tensors than in the manifest (got ${dims(t.shape)}, expected ${dims(shape)})`);
  }
  if (problems.length > 0) throw new WeightError(problems, checkpointMessage(problems));
  net.setWeights(Object.fromEntries(list.map(([name]) => [name, tensors[name]!])));
}
