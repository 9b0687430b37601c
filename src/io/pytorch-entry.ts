/** `convtype/pytorch`: PyTorch state dicts (e.g. from `convtype/safetensors`) converted to convtype layouts and names. */
export { convertPyTorchWeights, loadPyTorchWeights } from './pytorch.js';
export type { PyTorchNameMap, PyTorchOptions, WeightTarget, WeightTensor } from './pytorch.js';
export { exportPyTorchWeights, type PyTorchExportMap } from './pytorch-export.js';
export type { LayoutOptions } from './pytorch.js';
