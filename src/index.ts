export { input, type InputOptions } from './graph/input.js';
export { ConvtypeError, ShapeError } from './errors.js';
export { formatShape } from './shapes/format.js';
export type * from '../types/index.js';
