/**
 * The shape rule of every layer kind, by name: one table that the symbolic tensor's methods (and, later,
 * layer specs and the executor) share, so a layer is defined once.
 */
import { conv2dShape } from '../shapes/conv.js';
import { conv2dTransposeShape } from '../shapes/conv-transpose.js';
import { denseShape, flattenShape } from '../shapes/dense.js';
import { pool2dShape } from '../shapes/pool.js';
import type { Conv2dOptions } from '../../types/conv.js';
import type { Conv2dTransposeOptions } from '../../types/conv-transpose.js';
import type { DenseOptions } from '../../types/dense.js';
import type { AvgPool2dOptions, MaxPool2dOptions } from '../../types/pool.js';

/** How a layer kind turns its input shapes and options into its output shape (throws `ShapeError`). */
export type ShapeRule = (inputs: readonly (readonly number[])[], options: any) => number[];

const same: ShapeRule = (inputs) => [...inputs[0]!];

/** Shape rules by layer kind. */
export const SHAPE_RULES: Readonly<Record<string, ShapeRule>> = {
  conv2d: (inputs, o: Conv2dOptions) => conv2dShape(inputs[0]!, o),
  conv2dTranspose: (inputs, o: Conv2dTransposeOptions) => conv2dTransposeShape(inputs[0]!, o),
  maxPool2d: (inputs, o: MaxPool2dOptions) => pool2dShape('maxPool2d', inputs[0]!, o),
  avgPool2d: (inputs, o: AvgPool2dOptions) => pool2dShape('avgPool2d', inputs[0]!, o),
  flatten: (inputs) => flattenShape(inputs[0]!),
  dense: (inputs, o: DenseOptions) => denseShape(inputs[0]!, o),
  relu: same,
  sigmoid: same,
  tanh: same,
  softmax: same,
};
