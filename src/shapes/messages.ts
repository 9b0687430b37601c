/**
 * Runtime twins of types/messages.ts. Each function's return type is the message type, so the compiler
 * checks that the text thrown at run time is the text shown at compile time.
 */
import type {
  GroupsMessage,
  InputDimMessage,
  InputSizeMessage,
  KernelFitMessage,
  NotNonNegativeMessage,
  NotPositiveMessage,
  OutputPaddingMessage,
  PoolFitMessage,
  PoolPaddingMessage,
  RankMessage,
  TransposeFitMessage,
  UnknownOptionMessage,
  ShapesDifferMessage,
  ConcatMismatchMessage,
  ChainMessage,
} from '../../types/messages.js';
import { fitFix } from './suggestions/fit.js';
import { transposeFitFix } from './suggestions/transpose.js';

type Value = string | number;

export const notPositiveMessage = <L extends string, O extends string, V extends Value>(
  layer: L,
  option: O,
  value: V,
): NotPositiveMessage<L, O, V> => `${layer}: ${option} is not a positive integer (got ${value}, expected an integer ≥ 1)`;

export const notNonNegativeMessage = <L extends string, O extends string, V extends Value>(
  layer: L,
  option: O,
  value: V,
): NotNonNegativeMessage<L, O, V> =>
  `${layer}: ${option} is not a non-negative integer (got ${value}, expected an integer ≥ 0)`;

export const rankMessage = <L extends string, G extends string, E extends string>(
  layer: L,
  got: G,
  expected: E,
): RankMessage<L, G, E> => `${layer}: input has the wrong rank (got ${got}, expected ${expected})`;

export const inputSizeMessage = <L extends string, O extends string, G extends Value, A extends Value, W extends string, I extends string>(
  layer: L,
  option: O,
  given: G,
  actual: A,
  what: W,
  input: I,
): InputSizeMessage<L, O, G, A, W, I> =>
  `${layer}: ${option} ${given} does not match the input's ${actual} ${what} (input ${input}); write ${option}: ${actual}`;

export const kernelFitMessage = <L extends string, K extends Value, D extends Value, A extends string, P extends Value, I extends string>(
  layer: L,
  kernel: K,
  dilated: D,
  axis: A,
  padded: P,
  input: I,
): KernelFitMessage<L, K, D, A, P, I, string> =>
  `${layer}: kernel ${kernel} (dilated ${dilated}) does not fit the padded input ${axis} ${padded} (input ${input})${fitFix('kernel', axis, Number(kernel), Number(dilated), Number(padded))}`;

export const groupsMessage = <L extends string, G extends Value, W extends string, C extends Value>(
  layer: L,
  groups: G,
  what: W,
  count: C,
): GroupsMessage<L, G, W, C> =>
  `${layer}: groups ${groups} does not divide the ${what} ${count} (got ${count} % ${groups} ≠ 0, expected a divisor)`;

export const poolPaddingMessage = <L extends string, A extends string, P extends Value, H extends Value>(
  layer: L,
  axis: A,
  pad: P,
  half: H,
): PoolPaddingMessage<L, A, P, H> => `${layer}: padding ${pad} is more than half the window ${axis} (got ${pad}, expected ≤ ${half})`;

export const poolFitMessage = <L extends string, K extends Value, D extends Value, A extends string, P extends Value, I extends string>(
  layer: L,
  size: K,
  dilated: D,
  axis: A,
  padded: P,
  input: I,
): PoolFitMessage<L, K, D, A, P, I, string> =>
  `${layer}: window ${size} (dilated ${dilated}) leaves no output on the padded input ${axis} ${padded} (input ${input})${fitFix('size', axis, Number(size), Number(dilated), Number(padded))}`;

export const outputPaddingMessage = <L extends string, A extends string, O extends Value, M extends Value>(
  layer: L,
  axis: A,
  op: O,
  limit: M,
): OutputPaddingMessage<L, A, O, M> =>
  `${layer}: outputPadding ${op} is too large for the ${axis} (got ${op}, expected < max(stride, dilation) = ${limit})`;

export const transposeFitMessage = <L extends string, A extends string, P extends Value, F extends Value, I extends string>(
  layer: L,
  axis: A,
  pads: P,
  full: F,
  input: I,
): TransposeFitMessage<L, A, P, F, I, string> =>
  `${layer}: padding ${pads} removes the whole output ${axis} ${full} (input ${input})${transposeFitFix(axis, Number(full))}`;

export const inputDimMessage = <I extends Value, V extends Value>(index: I, value: V): InputDimMessage<I, V> =>
  `input: dimension ${index} is not a positive integer (got ${value}, expected an integer ≥ 1)`;

export const unknownOptionMessage = <L extends string, O extends string, K extends string>(
  layer: L,
  option: O,
  known: K,
): UnknownOptionMessage<L, O, K> => `${layer}: unknown option '${option}' (expected one of ${known})`;

export const shapesDifferMessage = <L extends string, A extends string, B extends string, F extends string>(
  layer: L,
  a: A,
  b: B,
  fix: F,
): ShapesDifferMessage<L, A, B, F> => `${layer}: shapes differ (got ${a} and ${b}, expected equal shapes)${fix}`;

export const concatMismatchMessage = <A extends string, B extends string, F extends string>(a: A, b: B, fix: F): ConcatMismatchMessage<A, B, F> =>
  `concat: sizes differ outside the channel axis (got ${a} and ${b}, expected equal batch and spatial sizes)${fix}`;

export const chainMessage = <I extends number, M extends string>(index: I, inner: M): ChainMessage<I, M> =>
  `sequential: layer ${index} does not fit the layer before it: ${inner}`;
