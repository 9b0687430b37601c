/**
 * Runtime twins of the activation rules in types/methods/activation.ts: the shape passes through; option
 * names are checked, and the numeric and string options that only the runtime can see wrong (NaN, a string
 * from untyped code) are checked too.
 */
import type { ApproximateMessage, FiniteMessage } from '../../types/methods/activation.js';
import { ShapeError } from '../errors.js';
import { checkKnown } from './options.js';

/** The message of a numeric option that is not a finite number. */
export const finiteMessage = <L extends string, K extends string, V extends string | number>(layer: L, option: K, value: V): FiniteMessage<L, K, V> =>
  `${layer}: ${option} is not a finite number (got ${value}, expected a finite number)`;

/** The message of an unknown `gelu` form. */
export const approximateMessage = <V extends string>(value: V): ApproximateMessage<V> =>
  `gelu: approximate is not a known form (got ${value}, expected 'none' or 'tanh')`;

const KEYS: Readonly<Record<string, readonly string[]>> = {
  relu6: ['name'],
  leakyRelu: ['alpha', 'name'],
  elu: ['alpha', 'name'],
  gelu: ['approximate', 'name'],
  hardSigmoid: ['alpha', 'beta', 'name'],
  hardSwish: ['name'],
};

/** Twin of the `relu6` … `hardSwish` rules. @example activationShape('gelu', [-1, 197, 768], {}) //=> [-1, 197, 768] */
export function activationShape(layer: string, input: readonly number[], options: object): number[] {
  checkKnown(layer, options, KEYS[layer] ?? ['name']);
  const o = options as { alpha?: unknown; beta?: unknown; approximate?: unknown };
  for (const key of ['alpha', 'beta'] as const) {
    const v = o[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v))) {
      throw new ShapeError(finiteMessage(layer, key, typeof v === 'number' ? v : String(v)), layer, key);
    }
  }
  if (layer === 'gelu' && o.approximate !== undefined && o.approximate !== 'none' && o.approximate !== 'tanh') {
    throw new ShapeError(approximateMessage(String(o.approximate)), layer, 'approximate');
  }
  return [...input];
}
