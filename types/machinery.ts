/**
 * `convtype/types`: the type-level machinery behind the shapes — digit-string arithmetic on numeric literal
 * types, the `Ok`/`Fail` outcome of every rule, the rules themselves and the message templates the compile
 * errors are made of. Not needed to write or test a model (the root `convtype` has those types); here for
 * people building their own type-level helpers on convtype's rules.
 */
export type * from './arithmetic/index.js';
export type { FormatShape } from './shape.js';
export type { Ok, Fail, Outcome, ArgumentFor, OutputOf } from './result.js';
export type { LayerRules, Rule } from './registry.js';
export type { InputCheck } from './input.js';
export type * from './messages.js';
export type { RunArgument, RunArguments, RunOutput, RunShapeMessage } from './model.js';
export type { ApplySpec, ChainArguments } from './spec.js';
export type { ElementwiseResult, ConcatResult, Unify } from './merge.js';
export type { SpecFactory, OptionalSpecFactory, SpecInput } from './factory.js';
export type { Conv2dResult } from './conv.js';
export type { Conv1dResult } from './conv1d.js';
export type { Conv3dResult } from './conv3d.js';
export type { Conv2dTransposeResult } from './conv-transpose.js';
export type { DepthwiseConv2dResult, SeparableConv2dResult } from './depthwise.js';
export type { Pool2dResult, Pool1dResult, Pool3dResult } from './pool.js';
export type { GlobalPool2dResult, GlobalPool1dResult } from './global-pool.js';
export type { AdaptiveAvgPool2dResult, AdaptiveAvgPool1dResult } from './adaptive-pool.js';
export type { DenseResult } from './dense.js';
export type { FlattenResult } from './flatten.js';
export type { Cropping2dResult } from './cropping.js';
export type { UpSampling2dResult, InterpolationMessage } from './upsampling.js';
export type { ZeroPadding2dResult } from './zero-padding.js';
export type { ReshapeResult, ReshapeDimMessage, ReshapeInferTwiceMessage, ReshapeCountMessage, ReshapeInferMessage } from './reshape.js';
export type { BatchNormResult, EpsilonMessage } from './batch-norm.js';
export type { DropoutResult, DropoutRateMessage } from './dropout.js';
export type { MultiplyResult, MultiplyMessage } from './multiply.js';
export type { AlphaMessage, FiniteMessage, ApproximateMessage } from './methods/activation.js';
export type { WeightEntriesOf, WeightsFit, CheckpointMessage } from './weights.js';
export type { SizeOperand, Times, Plus, Minus, Over, OverCeil } from './sizes.js';
