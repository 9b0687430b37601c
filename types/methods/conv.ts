/** Convolution layers as tensor methods, with their options and rules in the registry. */
import type { Conv2dOptions, Conv2dResult } from '../conv.js';
import type { Conv2dTransposeOptions, Conv2dTransposeResult } from '../conv-transpose.js';
import type { Param, Returns, Typed } from '../registry.js';
import type { Shape } from '../shape.js';

export interface ConvOptionsMap {
  conv2d: Conv2dOptions;
  conv2dTranspose: Conv2dTransposeOptions;
}

export interface ConvRules<S extends Shape, O> {
  conv2d: Conv2dResult<S, O>;
  conv2dTranspose: Conv2dTransposeResult<S, O>;
}

export interface ConvMethods {
  /** 2-D convolution over `[B, H, W, C]` → `[B, OH, OW, filters]`. */
  conv2d<This extends Typed, const O extends Conv2dOptions>(this: This, options: Param<'conv2d', This, O>): Returns<'conv2d', This, O>;
  /** 2-D transposed convolution over `[B, H, W, C]`. */
  conv2dTranspose<This extends Typed, const O extends Conv2dTransposeOptions>(
    this: This,
    options: Param<'conv2dTranspose', This, O>,
  ): Returns<'conv2dTranspose', This, O>;
}
