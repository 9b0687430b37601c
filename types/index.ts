/**
 * The types a model's author uses, exported from the root `convtype`: shapes, options, tensors, models and
 * specs. The machinery that computes shapes (digit arithmetic, `Ok`/`Fail` outcomes, rules, message
 * templates) is `convtype/types` (types/machinery.ts), for people writing their own type-level helpers.
 */
// Shapes and the options layers take.
export type { Shape, ImageShape } from './shape.js';
export type { Pair, Padding, ExplicitPadding } from './options.js';
export type { Single, Padding1d, Conv1dOptions } from './conv1d.js';
export type { Triple, ExplicitPadding3d, Padding3d, Conv3dOptions } from './conv3d.js';
export type { Initializer } from './initializer.js';
export type { Conv2dOptions } from './conv.js';
export type { Conv2dTransposeOptions } from './conv-transpose.js';
export type { DepthwiseConv2dOptions, SeparableConv2dOptions } from './depthwise.js';
export type { MaxPool2dOptions, AvgPool2dOptions, MaxPool1dOptions, AvgPool1dOptions, MaxPool3dOptions, AvgPool3dOptions } from './pool.js';
export type { GlobalPool2dOptions, GlobalPool1dOptions } from './global-pool.js';
export type { AdaptiveAvgPool2dOptions, AdaptiveAvgPool1dOptions } from './adaptive-pool.js';
export type { DenseOptions } from './dense.js';
export type { Cropping2dOptions } from './cropping.js';
export type { Interpolation, UpSampling2dOptions } from './upsampling.js';
export type { ZeroPadding2dOptions } from './zero-padding.js';
export type { ReshapeOptions } from './reshape.js';
export type { BatchNormOptions } from './batch-norm.js';
export type { DropoutOptions } from './dropout.js';
export type { LeakyReluOptions, EluOptions, GeluOptions, HardSigmoidOptions } from './methods/activation.js';
export type { LayerKind, LayerOptions } from './registry.js';
// Tensors, specs and models.
export type { SymbolicTensor, NameOption } from './tensor.js';
export type { LayerSpec, SequentialSpec, ResidualSpec, BranchesSpec, AnySpec } from './spec.js';
export type { Tensor, Model, MultiModel, LayerSummary } from './model.js';
// Pinning a model's shapes and weights in a user's own type tests.
export type { ShapeOf, InputShapeOf, OutputShapeOf } from './shape-of.js';
