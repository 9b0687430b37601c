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

/**
 * One loader's mapping of source tensors onto a model's weights (the PyTorch and tfjs converters): `claim` each
 * source tensor's key, put the converted tensor into `out`, then `finish`. Every problem is collected in
 * `problems` and thrown together as one `WeightError` by `finish`.
 */
export class WeightMapping {
  readonly expected: Map<string, ExpectedWeight>;
  /** Layer kinds by name. */
  readonly layers: Map<string, string>;
  readonly problems: string[] = [];
  readonly out: Record<string, WeightTensor> = Object.create(null);
  private readonly from = new Map<string, string>();

  /** `source` names one source tensor in sentences ('PyTorch tensor', 'tfjs weight'). */
  constructor(
    model: WeightTarget,
    private readonly source: string,
  ) {
    this.expected = expectedWeights(model);
    this.layers = new Map(model.layers.map((l) => [l.name, l.kind]));
  }

  /**
   * The expected weight `key` names, now taken by source tensor `name`; `undefined` (with a problem) when the
   * model has no such weight or another source tensor already took it.
   */
  claim(name: string, key: string): ExpectedWeight | undefined {
    const w = this.expected.get(key);
    if (!w) {
      const keys = [...this.expected.keys()];
      this.problems.push(`${name}: mapped to ${key}, which the model does not have (expected one of ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''})`);
      return undefined;
    }
    const previous = this.from.get(key);
    if (previous !== undefined) {
      this.problems.push(`${w.layer}: ${key} is given twice (got '${previous}' and '${name}', expected one ${this.source})`);
      return undefined;
    }
    this.from.set(key, name);
    return w;
  }

  /**
   * Unless `partial`, each expected weight no source tensor was mapped to is a problem; all problems are thrown
   * together as one `WeightError`, else the converted record is returned.
   */
  finish(partial: boolean | undefined): Record<string, WeightTensor> {
    if (!partial) {
      for (const [key, w] of this.expected) {
        if (!this.from.has(key)) this.problems.push(`${w.layer}: ${key} is not given (got no ${this.source} mapped to it, expected every weight; pass { partial: true } to keep it)`);
      }
    }
    if (this.problems.length > 0) throw new WeightError(this.problems);
    return this.out;
  }
}
