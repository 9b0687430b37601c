/** Pooling layers as tensor methods, with their options and rules in the registry. */
import type { AvgPool2dOptions, MaxPool2dOptions, Pool2dResult } from '../pool.js';
import type { LayerRules, Param, Typed } from '../registry.js';
import type { OutputOf } from '../result.js';
import type { Shape } from '../shape.js';
import type { SymbolicTensor } from '../tensor.js';

export interface PoolOptionsMap {
  maxPool2d: MaxPool2dOptions;
  avgPool2d: AvgPool2dOptions;
}

export interface PoolRules<S extends Shape, O> {
  maxPool2d: Pool2dResult<'maxPool2d', S, O>;
  avgPool2d: Pool2dResult<'avgPool2d', S, O>;
}

export interface PoolMethods {
  /** Max pooling over `[B, H, W, C]`; stride defaults to the window size. */
  maxPool2d<This extends Typed, const O extends MaxPool2dOptions>(this: This, options: Param<'maxPool2d', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['maxPool2d']>>;
  /** Average pooling over `[B, H, W, C]`; stride defaults to the window size. */
  avgPool2d<This extends Typed, const O extends AvgPool2dOptions>(this: This, options: Param<'avgPool2d', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['avgPool2d']>>;
}
