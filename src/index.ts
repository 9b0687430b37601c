// The DSL: inputs, joins, specs and the layer spec factories.
export { input, type InputOptions } from './graph/input.js';
export { add, concat } from './graph/merge.js';
export { multiply } from './graph/multiply.js';
export { sequential, residual, branches } from './graph/spec.js';
export * from './graph/specs.js';
export * from './graph/specs-conv.js';
export * from './graph/specs-norm.js';
export * from './graph/specs-resize.js';
export * from './graph/specs-pool.js';
// Models, backends and tensors.
export { model, type ModelOptions } from './model/model.js';
export type { Backend } from './kernels/backend.js';
export { createWasmBackend, type WasmBackend, type WasmBackendOptions } from './kernels/wasm/backend.js';
export type { BackendName } from './kernels/select.js';
export { tensor } from './tensor.js';
export { times, plus, minus, over, overCeil } from './sizes.js';
// Errors.
export { ConvtypeError, ShapeError, InputError, WeightError, GraphError } from './errors.js';
export { formatShape } from './shapes/format.js';
// Types: shapes, options, tensors, specs, models (the type-level machinery is `convtype/types`).
export type * from '../types/index.js';
