/**
 * The symbolic tensor users chain layers on. Its methods come from one interface per layer family
 * (types/methods/*.ts); each method's parameter carries the rule's error at the offending option (see
 * result.ts) and its return type carries the exactly computed shape.
 */
import type { ActivationMethods } from './methods/activation.js';
import type { ConvMethods } from './methods/conv.js';
import type { CropMethods } from './methods/crop.js';
import type { DenseMethods } from './methods/dense.js';
import type { GraphMethods } from './methods/graph.js';
import type { NormMethods } from './methods/norm.js';
import type { PoolMethods } from './methods/pool.js';
import type { ResizeMethods } from './methods/resize.js';
import type { Shape } from './shape.js';

export type { NameOption } from './methods/activation.js';

/**
 * A tensor in a model being built: its `shape` type is the exact shape, batch first.
 * @example input([227, 227, 3]).conv2d({ filters: 96, kernel: 11, stride: 4 }).shape //=> readonly [number, 55, 55, 96]
 */
export interface SymbolicTensor<out S extends Shape>
  extends ConvMethods,
    PoolMethods,
    DenseMethods,
    ActivationMethods,
    NormMethods,
    ResizeMethods,
    GraphMethods,
    CropMethods {
  /** The shape, batch first; at run time an unknown batch is -1. */
  readonly shape: S;
}
