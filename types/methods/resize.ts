/**
 * Layers that resize or reshape without weights (global/adaptive pooling, upsampling, zero padding, reshape)
 * as tensor methods, with their options and rules in the registry.
 *
 * Decision: the layers whose options may be omitted (`x.globalAvgPool2d()`, `x.upSampling2d()`) report a
 * wrong input rank on `this` (TS2684, "the 'this' context … is not assignable to … '<sentence>'"), because
 * an omitted argument cannot carry the sentence; their other errors stay at the offending option. The error
 * is reported at the start of the receiver expression: the same line for a one-line chain, the chain's first
 * line otherwise. Rejected: a required argument when the rank is wrong (TS2554 "Expected 1 arguments", no
 * sentence). Layers with required options (`adaptiveAvgPool2d`, `zeroPadding2d`, `reshape`) report the rank
 * at the argument (TS2345), like conv2d.
 */
import type { AdaptiveAvgPool2dOptions, AdaptiveAvgPool2dResult } from '../adaptive-pool.js';
import type { GlobalPool2dOptions, GlobalPool2dResult } from '../global-pool.js';
import type { RankMessage } from '../messages.js';
import type { LayerKind, LayerRules, Param, Rule, Typed } from '../registry.js';
import type { ReshapeOptions, ReshapeResult } from '../reshape.js';
import type { Fail, OutputOf } from '../result.js';
import type { FormatShape, ImageShape, Shape } from '../shape.js';
import type { SymbolicTensor } from '../tensor.js';
import type { UpSampling2dOptions, UpSampling2dResult } from '../upsampling.js';
import type { ZeroPadding2dOptions, ZeroPadding2dResult } from '../zero-padding.js';

export interface ResizeOptionsMap {
  globalAvgPool2d: GlobalPool2dOptions;
  globalMaxPool2d: GlobalPool2dOptions;
  adaptiveAvgPool2d: AdaptiveAvgPool2dOptions;
  upSampling2d: UpSampling2dOptions;
  zeroPadding2d: ZeroPadding2dOptions;
  reshape: ReshapeOptions;
}

export interface ResizeRules<S extends Shape, O> {
  globalAvgPool2d: GlobalPool2dResult<'globalAvgPool2d', S, O>;
  globalMaxPool2d: GlobalPool2dResult<'globalMaxPool2d', S, O>;
  adaptiveAvgPool2d: AdaptiveAvgPool2dResult<S, O>;
  upSampling2d: UpSampling2dResult<S, O>;
  zeroPadding2d: ZeroPadding2dResult<S, O>;
  reshape: ReshapeResult<S, O>;
}

/** The receiver of a rank-4 layer whose options may be omitted: itself, or the rank sentence (same text as the rule's). */
type ImageReceiver<K extends LayerKind, This extends Typed> = This['shape'] extends ImageShape
  ? This
  : RankMessage<K, FormatShape<This['shape']>, 'rank 4 [B, H, W, C]'>;

/**
 * The options constraint of such a layer: its options plus an index signature, so that an object holding only a
 * misspelt option (`{ keepdims: true }`) is not rejected by TypeScript's weak-type check before the rule can
 * name the typo.
 */
export type Loose<Options> = Options & { readonly [option: string]: unknown };

/** The options parameter of such a layer: the rank failure is left to `this`, the others go to the option. */
export type OptionalParam<K extends LayerKind, This extends Typed, O> = Rule<K, This['shape'], O> extends Fail<'', string, Shape> ? O : Param<K, This, O>;

export interface ResizeMethods {
  /** Mean over H and W: `[B, H, W, C]` → `[B, C]`, or `[B, 1, 1, C]` with `keepDims`. */
  globalAvgPool2d<This extends Typed, const O extends Loose<GlobalPool2dOptions> = {}>(
    this: ImageReceiver<'globalAvgPool2d', This>,
    options?: OptionalParam<'globalAvgPool2d', This, O>,
  ): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['globalAvgPool2d']>>;
  /** Maximum over H and W: `[B, H, W, C]` → `[B, C]`, or `[B, 1, 1, C]` with `keepDims`. */
  globalMaxPool2d<This extends Typed, const O extends Loose<GlobalPool2dOptions> = {}>(
    this: ImageReceiver<'globalMaxPool2d', This>,
    options?: OptionalParam<'globalMaxPool2d', This, O>,
  ): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['globalMaxPool2d']>>;
  /** PyTorch adaptive average pooling to `outputSize`: `[B, H, W, C]` → `[B, oh, ow, C]`. */
  adaptiveAvgPool2d<This extends Typed, const O extends AdaptiveAvgPool2dOptions>(
    this: This,
    options: Param<'adaptiveAvgPool2d', This, O>,
  ): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['adaptiveAvgPool2d']>>;
  /** Integer upsampling (default ×2, 'nearest'): `[B, H, W, C]` → `[B, H·sh, W·sw, C]`. */
  upSampling2d<This extends Typed, const O extends Loose<UpSampling2dOptions> = {}>(
    this: ImageReceiver<'upSampling2d', This>,
    options?: OptionalParam<'upSampling2d', This, O>,
  ): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['upSampling2d']>>;
  /** Zeros around H and W: `[B, H, W, C]` → `[B, top + H + bottom, left + W + right, C]`. */
  zeroPadding2d<This extends Typed, const O extends ZeroPadding2dOptions>(
    this: This,
    options: Param<'zeroPadding2d', This, O>,
  ): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['zeroPadding2d']>>;
  /** `[B, ...dims]` → `[B, ...shape]` with the same element count, NHWC memory order; one `-1` is inferred. */
  reshape<This extends Typed, const O extends ReshapeOptions>(this: This, options: Param<'reshape', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['reshape']>>;
}
