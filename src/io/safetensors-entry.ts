/** `convtype/safetensors`: read and write safetensors files (browser-safe: Uint8Array, DataView, TextDecoder only). */
export { readSafetensors, readSafetensorsHeader, writeSafetensors, MAX_HEADER_BYTES } from './safetensors.js';
export type { SafetensorsFile, SafetensorsHeader, SafetensorsEntry, SafetensorsTensor, WritableTensor } from './safetensors.js';
export { FormatError, type WeightFormat } from './errors.js';
