/** cropping2d as a tensor method. */
import type { Cropping2dOptions, Cropping2dResult } from '../cropping.js';
import type { LayerRules, Param, Typed } from '../registry.js';
import type { OutputOf } from '../result.js';
import type { Shape } from '../shape.js';
import type { SymbolicTensor } from '../tensor.js';

export interface CropOptionsMap {
  cropping2d: Cropping2dOptions;
}

export interface CropRules<S extends Shape, O> {
  cropping2d: Cropping2dResult<S, O>;
}

export interface CropMethods {
  /** Removes rows/columns at the borders: `[B, H − t − b, W − l − r, C]`. */
  cropping2d<This extends Typed, const O extends Cropping2dOptions>(this: This, options: Param<'cropping2d', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['cropping2d']>>;
}
