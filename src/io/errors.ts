/**
 * The error the format readers throw. A file that is not what it claims (truncated, lying header, offsets
 * out of range, unknown dtype, absurd sizes) is a `FormatError`; weights that parse but do not fit the model
 * are a `WeightError` from `setWeights`, listing every problem at once.
 */
import { ConvtypeError } from '../errors.js';

/** The formats a `FormatError` can come from. */
export type WeightFormat = 'safetensors' | 'tfjs' | 'onnx';

/** A weights file (or model.json) that is malformed; `tensor` names the entry to blame, when one is. */
export class FormatError extends ConvtypeError {
  override name = 'FormatError';
  readonly format: WeightFormat;
  readonly tensor: string | undefined;
  constructor(format: WeightFormat, message: string, tensor?: string) {
    super(`${format}: ${tensor === undefined ? '' : `tensor '${tensor}': `}${message}`);
    this.format = format;
    this.tensor = tensor;
  }
}
