export { input, type InputOptions } from './graph/input.js';
export { add, concat } from './graph/merge.js';
export { sequential, residual, branches } from './graph/spec.js';
export * from './graph/specs.js';
export { model, type ModelOptions } from './model/model.js';
export { tensor } from './tensor.js';
export { ConvtypeError, ShapeError, InputError, WeightError, GraphError } from './errors.js';
export { formatShape } from './shapes/format.js';
export type * from '../types/index.js';
