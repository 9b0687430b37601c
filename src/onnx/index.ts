/**
 * `convtype/onnx`: export a convtype model to ONNX for ONNX Runtime (node, web, mobile), NHWC in and out.
 * @example const bytes = toOnnx(model(x, y)); const session = await ort.InferenceSession.create(bytes);
 */
export { toOnnx, OnnxExportError, ONNX_EXPORTABLE_KINDS, type OnnxExportOptions, type ExportableModel } from './export.js';
export { encodeModel, type OnnxModel, type OnnxNode, type NamedTensor, type ValueInfo, type AttributeValue, type DeclaredDim } from './encode.js';
export { readOnnxInitializers, loadOnnxWeights, type OnnxInitializer } from './decode.js';
