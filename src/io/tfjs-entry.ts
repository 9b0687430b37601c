/** `convtype/tfjs`: TensorFlow.js layers-format weights (model.json + shards given as bytes), dequantised. */
export { loadTfjsWeights, convertTfjsWeights, loadTfjsIntoModel } from './tfjs.js';
export type { TfjsTensor, TfjsNameMap, TfjsOptions, WeightTarget, WeightTensor } from './tfjs.js';
export { FormatError, type WeightFormat } from './errors.js';
