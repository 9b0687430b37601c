/**
 * Every error sentence of the shape rules, as template literal types. The runtime twins in
 * src/shapes/messages.ts return exactly these types, so the compiler checks that a thrown error and a
 * compile error say the same thing. Grammar: `<layer>: <what is wrong> (got <actual>, expected <rule>)`.
 */
import type { KernelFitFix } from './suggestions/fit.js';
import type { TransposeFitFix } from './suggestions/transpose.js';

type Value = string | number;

/** An option that must be an integer ≥ 1. */
export type NotPositiveMessage<Layer extends string, Option extends string, V extends Value> =
  `${Layer}: ${Option} is not a positive integer (got ${V}, expected an integer ≥ 1)`;

/** An option that must be an integer ≥ 0. */
export type NotNonNegativeMessage<Layer extends string, Option extends string, V extends Value> =
  `${Layer}: ${Option} is not a non-negative integer (got ${V}, expected an integer ≥ 0)`;

/** A layer applied to a tensor of the wrong rank. */
export type RankMessage<Layer extends string, Got extends string, Expected extends string> =
  `${Layer}: input has the wrong rank (got ${Got}, expected ${Expected})`;

/** `inChannels` (or `inFeatures`) disagrees with the input; ends with the number to write. */
export type InputSizeMessage<
  Layer extends string,
  Option extends string,
  Given extends Value,
  Actual extends Value,
  What extends string,
  Input extends string,
> = `${Layer}: ${Option} ${Given} does not match the input's ${Actual} ${What} (input ${Input}); write ${Option}: ${Actual}`;

/**
 * A kernel longer than the padded input along one axis; ends with the fix (types/suggestions/fit.ts), computed
 * from the same figures, so the rules that report it pass nothing more.
 */
export type KernelFitMessage<
  Layer extends string,
  Kernel extends Value,
  Dilated extends Value,
  Axis extends string,
  Padded extends Value,
  Input extends string,
  Fix extends string = KernelFitFix<'kernel', Axis, Kernel, Dilated, Padded>,
> = `${Layer}: kernel ${Kernel} (dilated ${Dilated}) does not fit the padded input ${Axis} ${Padded} (input ${Input})${Fix}`;

/** Groups that do not divide the input channels or the filters. */
export type GroupsMessage<Layer extends string, Groups extends Value, What extends string, Count extends Value> =
  `${Layer}: groups ${Groups} does not divide the ${What} ${Count} (got ${Count} % ${Groups} ≠ 0, expected a divisor)`;

/** Pooling padding above half the (dilated) window. */
export type PoolPaddingMessage<Layer extends string, Axis extends string, Pad extends Value, Half extends Value> =
  `${Layer}: padding ${Pad} is more than half the window ${Axis} (got ${Pad}, expected ≤ ${Half})`;

/** A pooling window that leaves no output along an axis; ends with the fix, as `KernelFitMessage`. */
export type PoolFitMessage<
  Layer extends string,
  Size extends Value,
  Dilated extends Value,
  Axis extends string,
  Padded extends Value,
  Input extends string,
  Fix extends string = KernelFitFix<'size', Axis, Size, Dilated, Padded>,
> = `${Layer}: window ${Size} (dilated ${Dilated}) leaves no output on the padded input ${Axis} ${Padded} (input ${Input})${Fix}`;

/** Transposed-conv output padding not below max(stride, dilation). */
export type OutputPaddingMessage<Layer extends string, Axis extends string, Op extends Value, Limit extends Value> =
  `${Layer}: outputPadding ${Op} is too large for the ${Axis} (got ${Op}, expected < max(stride, dilation) = ${Limit})`;

/** Transposed-conv padding that removes the whole output along an axis; ends with the largest padding that does not. */
export type TransposeFitMessage<
  Layer extends string,
  Axis extends string,
  Pads extends Value,
  Full extends Value,
  Input extends string,
  Fix extends string = TransposeFitFix<Axis, Full>,
> = `${Layer}: padding ${Pads} removes the whole output ${Axis} ${Full} (input ${Input})${Fix}`;

/** An input dimension that is not a positive integer. */
export type InputDimMessage<Index extends Value, V extends Value> =
  `input: dimension ${Index} is not a positive integer (got ${V}, expected an integer ≥ 1)`;

/** An option the layer does not have (usually a typo). */
export type UnknownOptionMessage<Layer extends string, Option extends string, Known extends string> =
  `${Layer}: unknown option '${Option}' (expected one of ${Known})`;

/** Tensors that must have equal shapes (add, multiply); `Fix` is the suggestion of types/suggestions/join.ts, or ''. */
export type ShapesDifferMessage<Layer extends string, A extends string, B extends string, Fix extends string = ''> =
  `${Layer}: shapes differ (got ${A} and ${B}, expected equal shapes)${Fix}`;

/** Tensors to concatenate whose sizes differ off the channel axis; `Fix` as for `ShapesDifferMessage`. */
export type ConcatMismatchMessage<A extends string, B extends string, Fix extends string = ''> =
  `concat: sizes differ outside the channel axis (got ${A} and ${B}, expected equal batch and spatial sizes)${Fix}`;

/** A chain of specs whose declared input size disagrees with the layer before it. */
export type ChainMessage<Index extends number, Inner extends string> = `sequential: layer ${Index} does not fit the layer before it: ${Inner}`;
