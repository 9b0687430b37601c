/**
 * What the weight loaders need of a model: its layer rows (name, kind, output shape), its weights' expected
 * shapes, and `setWeights`. Structural, so any `Model` or `MultiModel` fits.
 */
import { WeightError } from '../../errors.js';

/** A tensor as `setWeights` takes it. */
export interface WeightTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** The part of a convtype model the loaders use. */
export interface WeightTarget {
  readonly layers: readonly { readonly name: string; readonly kind: string; readonly shape: readonly number[] }[];
  readonly weights: Readonly<Record<string, WeightTensor>>;
  setWeights(record: Readonly<Record<string, WeightTensor>>): void;
}

/** One weight the model expects. */
export interface ExpectedWeight {
  readonly key: string;
  readonly layer: string;
  readonly param: string;
  readonly kind: string;
  readonly shape: readonly number[];
  /** Index of the layer in `model.layers`. */
  readonly row: number;
}

/** Every weight of `model` by key (`<layer>/<param>`), with its layer's kind. */
export function expectedWeights(model: WeightTarget): Map<string, ExpectedWeight> {
  const rows = new Map(model.layers.map((l, i) => [l.name, i]));
  const out = new Map<string, ExpectedWeight>();
  const weights = model.weights;
  for (const key of Object.keys(weights)) {
    const slash = key.lastIndexOf('/');
    const layer = key.slice(0, slash);
    const row = rows.get(layer) ?? -1;
    out.set(key, { key, layer, param: key.slice(slash + 1), kind: model.layers[row]?.kind ?? 'unknown', shape: [...weights[key]!.shape], row });
  }
  return out;
}

/** `[6, 1, 5, 5]`. */
export const dims = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

export const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** The problem of a name mapped to a key the model lacks (one wording for every loader). */
export function unknownKeyProblem(name: string, key: string, expected: ReadonlyMap<string, ExpectedWeight>): string {
  return `${name}: mapped to ${key}, which the model does not have (expected one of ${[...expected.keys()].slice(0, 6).join(', ')}${expected.size > 6 ? ', …' : ''})`;
}

/**
 * The end of every loader's mapping: unless `partial`, each expected weight no source tensor was mapped to is a
 * problem; all problems are thrown together as one `WeightError`, else the converted record is returned.
 */
export function finishMapping(
  expected: ReadonlyMap<string, ExpectedWeight>,
  from: ReadonlyMap<string, string>,
  problems: string[],
  out: Record<string, WeightTensor>,
  partial: boolean | undefined,
  source: string,
): Record<string, WeightTensor> {
  if (!partial) {
    for (const [key, w] of expected) {
      if (!from.has(key)) problems.push(`${w.layer}: ${key} is not given (got no ${source} mapped to it, expected every weight; pass { partial: true } to keep it)`);
    }
  }
  if (problems.length > 0) throw new WeightError(problems);
  return out;
}
