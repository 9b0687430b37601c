/** `input(shape, { batch?, name? })`: the start of every model. */
import type { BatchArgument, InputBatch, InputCheck, InputDims } from '../../types/input.js';
import type { SymbolicTensor } from '../../types/tensor.js';
import { ShapeError } from '../errors.js';
import { checkInputDims } from '../shapes/input.js';
import { inputDimMessage } from '../shapes/messages.js';
import { createNode } from './node.js';
import { GraphTensor } from './tensor.js';

/** Options of `input`. */
export interface InputOptions<B extends number> {
  /** A fixed batch size; unknown (`number`, −1 at run time) when omitted. */
  readonly batch?: BatchArgument<B>;
  /** The input's name, default `input_<n>`. */
  readonly name?: string;
}

/**
 * A model input of shape `[B, ...dims]` (dims without the batch; NHWC for images).
 * @example input([227, 227, 3], { batch: 256 }).shape //=> readonly [256, 227, 227, 3]
 */
export function input<const Dims extends readonly number[], const B extends number = number>(
  dims: InputCheck<Dims> extends Dims ? Dims : InputCheck<Dims>,
  options: InputOptions<B> = {},
): SymbolicTensor<readonly [InputBatch<B>, ...InputDims<Dims>]> {
  const shape = dims as unknown as readonly number[];
  if (!Array.isArray(shape) || shape.length === 0) throw new ShapeError('input: shape is empty (got [], expected at least one dimension)', 'input');
  checkInputDims(shape);
  const batch = (options.batch as number | undefined) ?? -1;
  if (options.batch !== undefined && !(Number.isSafeInteger(batch) && batch >= 1)) {
    throw new ShapeError(inputDimMessage('batch', batch), 'input', 'batch');
  }
  const node = createNode('input', { name: options.name }, [], [batch, ...shape]);
  return new GraphTensor(node) as never;
}
