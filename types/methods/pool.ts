/** Pooling layers as tensor methods, with their options and rules in the registry. */
import type { AdaptiveAvgPool1dOptions, AdaptiveAvgPool1dResult } from '../adaptive-pool.js';
import type { GlobalPool1dOptions, GlobalPool1dResult } from '../global-pool.js';
import type { RankMessage } from '../messages.js';
import type {
  AvgPool1dOptions,
  AvgPool2dOptions,
  AvgPool3dOptions,
  MaxPool1dOptions,
  MaxPool2dOptions,
  MaxPool3dOptions,
  Pool1dResult,
  Pool2dResult,
  Pool3dResult,
} from '../pool.js';
import type { LayerKind, LayerRules, Param, Typed } from '../registry.js';
import type { OutputOf } from '../result.js';
import type { SymbolicTensor } from '../tensor.js';
import type { FormatShape, Shape } from '../shape.js';
import type { Loose, OptionalParam } from './resize.js';

export interface PoolOptionsMap {
  maxPool2d: MaxPool2dOptions;
  avgPool2d: AvgPool2dOptions;
  maxPool1d: MaxPool1dOptions;
  avgPool1d: AvgPool1dOptions;
  maxPool3d: MaxPool3dOptions;
  avgPool3d: AvgPool3dOptions;
  globalAvgPool1d: GlobalPool1dOptions;
  globalMaxPool1d: GlobalPool1dOptions;
  adaptiveAvgPool1d: AdaptiveAvgPool1dOptions;
}

export interface PoolRules<S extends Shape, O> {
  maxPool2d: Pool2dResult<'maxPool2d', S, O>;
  avgPool2d: Pool2dResult<'avgPool2d', S, O>;
  maxPool1d: Pool1dResult<'maxPool1d', S, O>;
  avgPool1d: Pool1dResult<'avgPool1d', S, O>;
  maxPool3d: Pool3dResult<'maxPool3d', S, O>;
  avgPool3d: Pool3dResult<'avgPool3d', S, O>;
  globalAvgPool1d: GlobalPool1dResult<'globalAvgPool1d', S, O>;
  globalMaxPool1d: GlobalPool1dResult<'globalMaxPool1d', S, O>;
  adaptiveAvgPool1d: AdaptiveAvgPool1dResult<S, O>;
}

/** The receiver of a rank-3 layer whose options may be omitted: itself, or the rank sentence (as types/methods/resize.ts). */
type SequenceReceiver<K extends LayerKind, This extends Typed> = This['shape'] extends readonly [number, number, number]
  ? This
  : RankMessage<K, FormatShape<This['shape']>, 'rank 3 [B, L, C]'>;

export interface PoolMethods {
  /** Max pooling over `[B, H, W, C]`; stride defaults to the window size. */
  maxPool2d<This extends Typed, const O extends MaxPool2dOptions>(this: This, options: Param<'maxPool2d', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['maxPool2d']>>;
  /** Average pooling over `[B, H, W, C]`; stride defaults to the window size. */
  avgPool2d<This extends Typed, const O extends AvgPool2dOptions>(this: This, options: Param<'avgPool2d', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['avgPool2d']>>;
  /** Max pooling over `[B, L, C]`; stride defaults to the window size. */
  maxPool1d<This extends Typed, const O extends MaxPool1dOptions>(this: This, options: Param<'maxPool1d', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['maxPool1d']>>;
  /** Average pooling over `[B, L, C]`; stride defaults to the window size. */
  avgPool1d<This extends Typed, const O extends AvgPool1dOptions>(this: This, options: Param<'avgPool1d', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['avgPool1d']>>;
  /** Max pooling over `[B, D, H, W, C]`; stride defaults to the window size. */
  maxPool3d<This extends Typed, const O extends MaxPool3dOptions>(this: This, options: Param<'maxPool3d', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['maxPool3d']>>;
  /** Average pooling over `[B, D, H, W, C]`; stride defaults to the window size. */
  avgPool3d<This extends Typed, const O extends AvgPool3dOptions>(this: This, options: Param<'avgPool3d', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['avgPool3d']>>;
  /** Mean over L: `[B, L, C]` → `[B, C]`, or `[B, 1, C]` with `keepDims`. */
  globalAvgPool1d<This extends Typed, const O extends Loose<GlobalPool1dOptions> = {}>(
    this: SequenceReceiver<'globalAvgPool1d', This>,
    options?: OptionalParam<'globalAvgPool1d', This, O>,
  ): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['globalAvgPool1d']>>;
  /** Maximum over L: `[B, L, C]` → `[B, C]`, or `[B, 1, C]` with `keepDims`. */
  globalMaxPool1d<This extends Typed, const O extends Loose<GlobalPool1dOptions> = {}>(
    this: SequenceReceiver<'globalMaxPool1d', This>,
    options?: OptionalParam<'globalMaxPool1d', This, O>,
  ): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['globalMaxPool1d']>>;
  /** PyTorch adaptive average pooling to `outputSize`: `[B, L, C]` → `[B, n, C]`. */
  adaptiveAvgPool1d<This extends Typed, const O extends AdaptiveAvgPool1dOptions>(
    this: This,
    options: Param<'adaptiveAvgPool1d', This, O>,
  ): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['adaptiveAvgPool1d']>>;
}
