/** Runtime twin of types/reshape.ts: the output shape of reshape, or the compile-time sentence. */
import { ShapeError } from '../errors.js';
import type {
  ReshapeCountMessage,
  ReshapeDimMessage,
  ReshapeInferMessage,
  ReshapeInferTwiceMessage,
  ReshapeOptions,
} from '../../types/reshape.js';
import { formatShape } from './format.js';
import { checkKnown } from './options.js';

type Value = string | number;

export const reshapeDimMessage = <V extends Value>(value: V): ReshapeDimMessage<V> =>
  `reshape: shape has a dimension that is not a positive integer or -1 (got ${value}, expected an integer ≥ 1, or one -1)`;

export const reshapeInferTwiceMessage = <T extends string>(target: T): ReshapeInferTwiceMessage<T> =>
  `reshape: shape has more than one -1 (got ${target}, expected at most one dimension to infer)`;

export const reshapeCountMessage = <T extends string, TC extends Value, IC extends Value, I extends string>(
  target: T,
  targetCount: TC,
  inputCount: IC,
  input: I,
): ReshapeCountMessage<T, TC, IC, I> =>
  `reshape: element count differs from the input's (got ${target} with ${targetCount} elements, expected ${inputCount} as in ${input})`;

export const reshapeInferMessage = <T extends string, K extends Value, IC extends Value, I extends string>(
  target: T,
  known: K,
  inputCount: IC,
  input: I,
): ReshapeInferMessage<T, K, IC, I> =>
  `reshape: -1 cannot be inferred (got ${target} with ${known} known elements, expected a divisor of ${inputCount} as in ${input})`;

/** The target as the type checker prints it: the input's batch (`B` when unknown), then the entries as given (-1 included). */
const formatTarget = (batch: number, dims: readonly number[]): string => `[${batch < 0 ? 'B' : batch}${dims.map((d) => `, ${d}`).join('')}]`;

/** Twin of `ReshapeResult`. @example reshapeShape([-1, 7, 7, 512], { shape: [49, -1] }) //=> [-1, 49, 512] */
export function reshapeShape(input: readonly number[], options: ReshapeOptions): number[] {
  const layer = 'reshape';
  checkKnown(layer, options, ['shape', 'name']);
  const target: unknown = options.shape;
  if (!Array.isArray(target)) throw new TypeError(`reshape: shape is not an array (got ${JSON.stringify(target)}, expected the dims without the batch)`);
  let known = 1;
  let inferAt = -1;
  let inferCount = 0;
  for (const [i, d] of (target as unknown[]).entries()) {
    if (d === -1) {
      inferAt = i;
      inferCount++;
    } else if (typeof d === 'number' && Number.isSafeInteger(d) && d >= 1) known *= d;
    else throw new ShapeError(reshapeDimMessage(typeof d === 'number' ? d : String(d)), layer, 'shape');
  }
  const batch = input[0]!;
  const dims = target as number[];
  if (inferCount > 1) throw new ShapeError(reshapeInferTwiceMessage(formatTarget(batch, dims)), layer, 'shape');
  const rest = input.slice(1);
  if (rest.some((d) => d < 0)) return [batch, ...dims]; // an unknown input dim: -1 stays unknown
  const count = rest.reduce((a, b) => a * b, 1);
  if (inferCount === 0) {
    if (known !== count) throw new ShapeError(reshapeCountMessage(formatTarget(batch, dims), known, count, formatShape(input)), layer, 'shape');
    return [batch, ...dims];
  }
  if (count % known !== 0) throw new ShapeError(reshapeInferMessage(formatTarget(batch, dims), known, count, formatShape(input)), layer, 'shape');
  return [batch, ...dims.map((d, i) => (i === inferAt ? count / known : d))];
}
