/** Flatten and dense as tensor methods, with their options and rules in the registry. */
import type { DenseOptions, DenseResult } from '../dense.js';
import type { FlattenResult } from '../flatten.js';
import type { LayerRules, Param, Typed } from '../registry.js';
import type { OutputOf } from '../result.js';
import type { Shape } from '../shape.js';
import type { SymbolicTensor } from '../tensor.js';
import type { NameOption } from './activation.js';

export interface DenseOptionsMap {
  flatten: NameOption;
  dense: DenseOptions;
}

export interface DenseRules<S extends Shape, O> {
  flatten: FlattenResult<S>;
  dense: DenseResult<S, O>;
}

export interface DenseMethods {
  /** `[B, d1, …, dn]` → `[B, d1·…·dn]` (NHWC order). */
  flatten<This extends Typed, const O extends NameOption = {}>(this: This, options?: Param<'flatten', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['flatten']>>;
  /** Fully connected layer over `[B, F]` → `[B, units]`. */
  dense<This extends Typed, const O extends DenseOptions>(this: This, options: Param<'dense', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['dense']>>;
}
