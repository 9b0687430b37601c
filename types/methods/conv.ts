/** Convolution layers as tensor methods, with their options and rules in the registry. */
import type { Conv2dOptions, Conv2dResult } from '../conv.js';
import type { Conv1dOptions, Conv1dResult } from '../conv1d.js';
import type { Conv3dOptions, Conv3dResult } from '../conv3d.js';
import type { Conv2dTransposeOptions, Conv2dTransposeResult } from '../conv-transpose.js';
import type { DepthwiseConv2dOptions, DepthwiseConv2dResult, SeparableConv2dOptions, SeparableConv2dResult } from '../depthwise.js';
import type { LayerRules, Param, Typed } from '../registry.js';
import type { OutputOf } from '../result.js';
import type { Shape } from '../shape.js';
import type { SymbolicTensor } from '../tensor.js';

export interface ConvOptionsMap {
  conv2d: Conv2dOptions;
  conv2dTranspose: Conv2dTransposeOptions;
  conv1d: Conv1dOptions;
  conv3d: Conv3dOptions;
  depthwiseConv2d: DepthwiseConv2dOptions;
  separableConv2d: SeparableConv2dOptions;
}

export interface ConvRules<S extends Shape, O> {
  conv2d: Conv2dResult<S, O>;
  conv2dTranspose: Conv2dTransposeResult<S, O>;
  conv1d: Conv1dResult<S, O>;
  conv3d: Conv3dResult<S, O>;
  depthwiseConv2d: DepthwiseConv2dResult<S, O>;
  separableConv2d: SeparableConv2dResult<S, O>;
}

export interface ConvMethods {
  /** 2-D convolution over `[B, H, W, C]` → `[B, OH, OW, filters]`. */
  conv2d<This extends Typed, const O extends Conv2dOptions>(this: This, options: Param<'conv2d', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['conv2d']>>;
  /** 2-D transposed convolution over `[B, H, W, C]`. */
  conv2dTranspose<This extends Typed, const O extends Conv2dTransposeOptions>(
    this: This,
    options: Param<'conv2dTranspose', This, O>,
  ): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['conv2dTranspose']>>;
  /** 1-D convolution over `[B, L, C]` → `[B, OL, filters]`. */
  conv1d<This extends Typed, const O extends Conv1dOptions>(this: This, options: Param<'conv1d', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['conv1d']>>;
  /** 3-D convolution over `[B, D, H, W, C]` → `[B, OD, OH, OW, filters]`. */
  conv3d<This extends Typed, const O extends Conv3dOptions>(this: This, options: Param<'conv3d', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['conv3d']>>;
  /** Depthwise 2-D convolution over `[B, H, W, C]` → `[B, OH, OW, C·depthMultiplier]`. */
  depthwiseConv2d<This extends Typed, const O extends DepthwiseConv2dOptions>(
    this: This,
    options: Param<'depthwiseConv2d', This, O>,
  ): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['depthwiseConv2d']>>;
  /** Depthwise then 1×1 pointwise convolution over `[B, H, W, C]` → `[B, OH, OW, filters]`. */
  separableConv2d<This extends Typed, const O extends SeparableConv2dOptions>(
    this: This,
    options: Param<'separableConv2d', This, O>,
  ): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['separableConv2d']>>;
}
