/** The type-level half of convtype: shape rules on numeric literal types. */
export type * from './arithmetic/index.js';
export type { Shape, ImageShape, FormatShape } from './shape.js';
export type { Ok, Fail, Outcome, ArgumentFor, OutputOf } from './result.js';
export type { Pair, Padding, ExplicitPadding } from './options.js';
export type { Initializer } from './initializer.js';
export type { Conv2dOptions, Conv2dResult } from './conv.js';
export type { Conv2dTransposeOptions, Conv2dTransposeResult } from './conv-transpose.js';
export type { MaxPool2dOptions, AvgPool2dOptions, Pool2dResult } from './pool.js';
export type { DenseOptions, DenseResult } from './dense.js';
export type { FlattenResult } from './flatten.js';
export type { SymbolicTensor, NameOption } from './tensor.js';
export type { LayerKind, LayerOptions, LayerRules, Rule } from './registry.js';
export type { InputCheck } from './input.js';
export type * from './messages.js';
export type { Tensor, Model, MultiModel, LayerSummary, RunArgument, RunArguments, RunOutput, RunShapeMessage } from './model.js';
export type { LayerSpec, SequentialSpec, ResidualSpec, BranchesSpec, AnySpec, ApplySpec, ChainArguments } from './spec.js';
export type { ElementwiseResult, ConcatResult, Unify } from './merge.js';
export type { SpecFactory, OptionalSpecFactory, SpecInput } from './factory.js';
