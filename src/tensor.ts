/**
 * Concrete tensors: a shape (batch first, NHWC for images) and a Float32Array of exactly its size.
 */
import type { Tensor } from '../types/model.js';
import { InputError } from './errors.js';
import { formatShape } from './shapes/format.js';

export type { Tensor };

/**
 * A tensor of `shape`, zero-filled or from `data` (copied from a number array, kept as is if a Float32Array).
 * @example tensor([1, 227, 227, 3]).data.length //=> 154587
 */
export function tensor<const S extends readonly number[]>(shape: S, data?: Float32Array | readonly number[]): Tensor<S> {
  if (!Array.isArray(shape)) throw new InputError(`tensor: shape is not an array (got ${typeof shape}, expected [B, ...dims])`);
  shape.forEach((d, i) => {
    if (!(Number.isSafeInteger(d) && d >= 0)) {
      throw new InputError(`tensor: dimension ${i} is not a non-negative integer (got ${d}, expected an integer ≥ 0)`);
    }
  });
  const size = shape.reduce((a: number, b: number) => a * b, 1);
  let values: Float32Array;
  if (data === undefined) values = new Float32Array(size);
  else if (data instanceof Float32Array) values = data;
  else if (Array.isArray(data)) values = Float32Array.from(data);
  else throw new InputError(`tensor: data is not a Float32Array or number array (got ${describe(data)}, expected Float32Array)`);
  if (values.length !== size) {
    throw new InputError(`tensor: data length does not match the shape (got ${values.length}, expected ${size} for ${formatShape(shape)})`);
  }
  return Object.freeze({ shape: Object.freeze([...shape]) as unknown as S, data: values });
}

/** A short description of a value's type for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return (value as object).constructor?.name ?? 'object';
}
