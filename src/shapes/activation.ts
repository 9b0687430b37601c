/**
 * Runtime twins of the activation rules in types/methods/activation.ts: the shape passes through; option
 * names are checked, and the numeric and string options that only the runtime can see wrong (NaN, a string
 * from untyped code) are checked too.
 */
import type { AlphaMessage, ApproximateMessage } from '../../types/methods/activation.js';
import { ShapeError } from '../errors.js';
import { checkKnown } from './options.js';

/** The message of an `alpha` that is not a finite number. */
export const alphaMessage = <L extends string, V extends string | number>(layer: L, value: V): AlphaMessage<L, V> =>
  `${layer}: alpha is not a finite number (got ${value}, expected a finite number)`;

/** The message of an unknown `gelu` form. */
export const approximateMessage = <V extends string>(value: V): ApproximateMessage<V> =>
  `gelu: approximate is not a known form (got ${value}, expected 'none' or 'tanh')`;

const KEYS: Readonly<Record<string, readonly string[]>> = {
  relu6: ['name'],
  leakyRelu: ['alpha', 'name'],
  elu: ['alpha', 'name'],
  gelu: ['approximate', 'name'],
  hardSigmoid: ['name'],
  hardSwish: ['name'],
};

/** Twin of the `relu6` … `hardSwish` rules. @example activationShape('gelu', [-1, 197, 768], {}) //=> [-1, 197, 768] */
export function activationShape(layer: string, input: readonly number[], options: object): number[] {
  checkKnown(layer, options, KEYS[layer] ?? ['name']);
  const o = options as { alpha?: unknown; approximate?: unknown };
  if ('alpha' in o && o.alpha !== undefined && !(typeof o.alpha === 'number' && Number.isFinite(o.alpha))) {
    throw new ShapeError(alphaMessage(layer, typeof o.alpha === 'number' ? o.alpha : String(o.alpha)), layer, 'alpha');
  }
  if (layer === 'gelu' && o.approximate !== undefined && o.approximate !== 'none' && o.approximate !== 'tanh') {
    throw new ShapeError(approximateMessage(String(o.approximate)), layer, 'approximate');
  }
  return [...input];
}
