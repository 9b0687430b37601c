/** Normalisation and regularisation layers (batchNorm, dropout) as tensor methods. */
import type { BatchNormOptions, BatchNormResult } from '../batch-norm.js';
import type { DropoutOptions, DropoutResult } from '../dropout.js';
import type { LayerRules, Param, Typed } from '../registry.js';
import type { OutputOf } from '../result.js';
import type { Shape } from '../shape.js';
import type { SymbolicTensor } from '../tensor.js';

export interface NormOptionsMap {
  batchNorm: BatchNormOptions;
  dropout: DropoutOptions;
}

export interface NormRules<S extends Shape, O> {
  batchNorm: BatchNormResult<S, O>;
  dropout: DropoutResult<S, O>;
}

export interface NormMethods {
  /**
   * Batch normalisation (inference) over the last axis of `[B, …, C]`, ε default 1e-3 (Keras; PyTorch: 1e-5).
   * @example input([112, 112, 64]).batchNorm().shape //=> readonly [number, 112, 112, 64]
   */
  batchNorm<This extends Typed, const O extends BatchNormOptions = {}>(this: This, options?: Param<'batchNorm', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['batchNorm']>>;
  /**
   * Dropout: the identity at inference; `rate` must be in [0, 1).
   * @example input([4096]).dropout({ rate: 0.5 }).shape //=> readonly [number, 4096]
   */
  dropout<This extends Typed, const O extends DropoutOptions>(this: This, options: Param<'dropout', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['dropout']>>;
}
