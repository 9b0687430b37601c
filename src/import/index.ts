/**
 * `convtype/import`: a model file (TensorFlow.js layers model.json, ONNX) → an imported graph → a running
 * model (`buildModel`) or a typed source file plus weights (`generateModelSource`, needs ts-morph).
 */
export { importTfjsLayers } from './tfjs.js';
export { importOnnx, ONNX_OPS } from './onnx.js';
export { buildModel, type BuiltModel, type BuildOptions } from './build.js';
export { generateModelSource, type CodegenOptions, type GeneratedModel, type GeneratedTensor } from './codegen.js';
export { ImportError } from './ir.js';
export type { ImportedGraph, ImportedLayer, ImportedInput, ImportedWeight, ImportOptions, OptionValue, UnsupportedOp } from './ir.js';
