/**
 * The shape mistakes convtype rejects, each with the exact sentence it produces: the contract shared by the
 * compile-time error (checked against the type-level rules in test-d/errors.test-d.ts) and the run-time
 * `ShapeError` (checked in test/shapes.test.ts). The sentences are written out literally on purpose: they are
 * what users read, so a change to one must be a visible change here, not a side effect of a message helper.
 *
 * Each case is `input(input, { batch })` followed by one layer call (or none, for an `input` mistake).
 * Known values only: a case whose message prints an unknown dim (`?`) cannot be reproduced at run time, where
 * every dim but the batch is known, and lives in test/diagnostics/fixtures/errors.ts instead.
 */

/** The layer methods a case can call. */
export type ErrorCaseLayer = 'conv2d' | 'conv2dTranspose' | 'maxPool2d' | 'avgPool2d' | 'dense';

export interface ErrorCase {
  /** Test name, by configuration. */
  readonly name: string;
  /** The dims given to `input` (without the batch). */
  readonly input: readonly number[];
  /** A literal batch; unknown (`B`, −1 at run time) when absent. */
  readonly batch?: number;
  /** The layer called on the input; absent when `input` itself is the mistake. */
  readonly layer?: ErrorCaseLayer;
  /** The layer's options, exactly as a user writes them. */
  readonly options?: object;
  /** The option the sentence is attached to (`ShapeError.option`); absent when it replaces the whole argument. */
  readonly option?: string;
  /** The sentence, verbatim. */
  readonly message: string;
}

export const ERROR_CASES = [
  // ── declared sizes ──
  {
    name: 'conv2d x=[27,27,96] inChannels=64',
    input: [27, 27, 96],
    layer: 'conv2d',
    options: { inChannels: 64, filters: 256, kernel: 5 },
    option: 'inChannels',
    message: "conv2d: inChannels 64 does not match the input's 96 channels (input [B, 27, 27, 96]); write inChannels: 96",
  },
  {
    name: 'conv2d x=[27,27,96] batch=256 inChannels=64',
    input: [27, 27, 96],
    batch: 256,
    layer: 'conv2d',
    options: { inChannels: 64, filters: 256, kernel: 5 },
    option: 'inChannels',
    message: "conv2d: inChannels 64 does not match the input's 96 channels (input [256, 27, 27, 96]); write inChannels: 96",
  },
  {
    name: 'dense x=[9216] inFeatures=512',
    input: [9216],
    layer: 'dense',
    options: { units: 4096, inFeatures: 512 },
    option: 'inFeatures',
    message: "dense: inFeatures 512 does not match the input's 9216 features (input [B, 9216]); write inFeatures: 9216",
  },
  // ── kernel / window fit ──
  {
    name: 'conv2d x=[5,5,3] k=7',
    input: [5, 5, 3],
    layer: 'conv2d',
    options: { filters: 8, kernel: 7 },
    option: 'kernel',
    message: 'conv2d: kernel 7 (dilated 7) does not fit the padded input height 5 (input [B, 5, 5, 3]); to fit, add padding 1 on each side of the height or use kernel ≤ 5',
  },
  {
    name: 'conv2d x=[8,8,3] k=3 d=4',
    input: [8, 8, 3],
    layer: 'conv2d',
    options: { filters: 8, kernel: 3, dilation: 4 },
    option: 'kernel',
    message: 'conv2d: kernel 3 (dilated 9) does not fit the padded input height 8 (input [B, 8, 8, 3]); to fit, add padding 1 on each side of the height or use kernel ≤ 2 or dilation ≤ 3',
  },
  {
    name: 'conv2d x=[8,5,3] k=[3,7] p=[0,0]',
    input: [8, 5, 3],
    layer: 'conv2d',
    options: { filters: 8, kernel: [3, 7], padding: [0, 0] },
    option: 'kernel',
    message: 'conv2d: kernel 7 (dilated 7) does not fit the padded input width 5 (input [B, 8, 5, 3]); to fit, add padding 1 on each side of the width or use kernel ≤ 5',
  },
  {
    name: 'conv2d x=[4,4,3] k=7 p=1 (padded 6 < 7)',
    input: [4, 4, 3],
    layer: 'conv2d',
    options: { filters: 8, kernel: 7, padding: 1 },
    option: 'kernel',
    message: 'conv2d: kernel 7 (dilated 7) does not fit the padded input height 6 (input [B, 4, 4, 3]); to fit, add padding 1 on each side of the height or use kernel ≤ 6',
  },
  {
    name: 'maxPool2d x=[1,1,4] k=3 s=2 ceil',
    input: [1, 1, 4],
    layer: 'maxPool2d',
    options: { size: 3, stride: 2, ceilMode: true },
    option: 'size',
    message: 'maxPool2d: window 3 (dilated 3) leaves no output on the padded input height 1 (input [B, 1, 1, 4]); to fit, add padding 1 on each side of the height or use size ≤ 1',
  },
  {
    name: 'avgPool2d x=[2,2,4] k=3',
    input: [2, 2, 4],
    layer: 'avgPool2d',
    options: { size: 3 },
    option: 'size',
    message: 'avgPool2d: window 3 (dilated 3) leaves no output on the padded input height 2 (input [B, 2, 2, 4]); to fit, add padding 1 on each side of the height or use size ≤ 2',
  },
  {
    name: 'maxPool2d x=[9,3,4] k=[2,3] d=2',
    input: [9, 3, 4],
    layer: 'maxPool2d',
    options: { size: [2, 3], dilation: 2 },
    option: 'size',
    message: 'maxPool2d: window 3 (dilated 5) leaves no output on the padded input width 3 (input [B, 9, 3, 4]); to fit, add padding 1 on each side of the width or use size ≤ 2 or dilation ≤ 1',
  },
  // ── pooling padding ──
  {
    name: 'maxPool2d x=[8,8,4] k=3 p=2',
    input: [8, 8, 4],
    layer: 'maxPool2d',
    options: { size: 3, padding: 2 },
    option: 'padding',
    message: 'maxPool2d: padding 2 is more than half the window height (got 2, expected ≤ 1)',
  },
  {
    name: 'avgPool2d x=[8,8,4] k=[2,3] p=[[0,0],[0,2]]',
    input: [8, 8, 4],
    layer: 'avgPool2d',
    options: { size: [2, 3], padding: [[0, 0], [0, 2]] },
    option: 'padding',
    message: 'avgPool2d: padding 2 is more than half the window width (got 2, expected ≤ 1)',
  },
  // ── groups ──
  {
    name: 'conv2d x=[32,32,30] g=4',
    input: [32, 32, 30],
    layer: 'conv2d',
    options: { filters: 64, kernel: 3, groups: 4 },
    option: 'groups',
    message: 'conv2d: groups 4 does not divide the input channels 30 (got 30 % 4 ≠ 0, expected a divisor)',
  },
  {
    name: 'conv2d x=[32,32,32] filters=30 g=4',
    input: [32, 32, 32],
    layer: 'conv2d',
    options: { filters: 30, kernel: 3, groups: 4 },
    option: 'groups',
    message: 'conv2d: groups 4 does not divide the filters 30 (got 30 % 4 ≠ 0, expected a divisor)',
  },
  // ── transposed convolution ──
  {
    name: 'conv2dTranspose x=[7,7,8] k=3 s=2 op=2',
    input: [7, 7, 8],
    layer: 'conv2dTranspose',
    options: { filters: 4, kernel: 3, stride: 2, outputPadding: 2 },
    option: 'outputPadding',
    message: 'conv2dTranspose: outputPadding 2 is too large for the height (got 2, expected < max(stride, dilation) = 2)',
  },
  {
    name: 'conv2dTranspose x=[7,7,8] k=3 s=1 op=1',
    input: [7, 7, 8],
    layer: 'conv2dTranspose',
    options: { filters: 4, kernel: 3, outputPadding: 1 },
    option: 'outputPadding',
    message: 'conv2dTranspose: outputPadding 1 is too large for the height (got 1, expected < max(stride, dilation) = 1)',
  },
  {
    name: 'conv2dTranspose x=[7,7,8] k=3 s=[1,2] op=[0,3]',
    input: [7, 7, 8],
    layer: 'conv2dTranspose',
    options: { filters: 4, kernel: 3, stride: [1, 2], outputPadding: [0, 3] },
    option: 'outputPadding',
    message: 'conv2dTranspose: outputPadding 3 is too large for the width (got 3, expected < max(stride, dilation) = 2)',
  },
  {
    name: 'conv2dTranspose x=[1,1,8] k=2 p=1',
    input: [1, 1, 8],
    layer: 'conv2dTranspose',
    options: { filters: 4, kernel: 2, padding: 1 },
    option: 'padding',
    message: 'conv2dTranspose: padding 2 removes the whole output height 2 (input [B, 1, 1, 8]); to keep an output, use padding ≤ 0 on each side of the height',
  },
  // ── options out of range ──
  {
    name: 'conv2d s=0',
    input: [32, 32, 3],
    layer: 'conv2d',
    options: { filters: 8, kernel: 3, stride: 0 },
    option: 'stride',
    message: 'conv2d: stride is not a positive integer (got 0, expected an integer ≥ 1)',
  },
  {
    name: 'conv2d k=0',
    input: [32, 32, 3],
    layer: 'conv2d',
    options: { filters: 8, kernel: 0 },
    option: 'kernel',
    message: 'conv2d: kernel is not a positive integer (got 0, expected an integer ≥ 1)',
  },
  {
    name: 'conv2d d=[1,0]',
    input: [32, 32, 3],
    layer: 'conv2d',
    options: { filters: 8, kernel: 3, dilation: [1, 0] },
    option: 'dilation',
    message: 'conv2d: dilation is not a positive integer (got 0, expected an integer ≥ 1)',
  },
  {
    name: 'conv2d filters=0',
    input: [32, 32, 3],
    layer: 'conv2d',
    options: { filters: 0, kernel: 3 },
    option: 'filters',
    message: 'conv2d: filters is not a positive integer (got 0, expected an integer ≥ 1)',
  },
  {
    name: 'conv2d g=0',
    input: [32, 32, 3],
    layer: 'conv2d',
    options: { filters: 8, kernel: 3, groups: 0 },
    option: 'groups',
    message: 'conv2d: groups is not a positive integer (got 0, expected an integer ≥ 1)',
  },
  {
    name: 'maxPool2d s=0',
    input: [32, 32, 3],
    layer: 'maxPool2d',
    options: { size: 2, stride: 0 },
    option: 'stride',
    message: 'maxPool2d: stride is not a positive integer (got 0, expected an integer ≥ 1)',
  },
  {
    name: 'maxPool2d d=0',
    input: [32, 32, 3],
    layer: 'maxPool2d',
    options: { size: 2, dilation: 0 },
    option: 'dilation',
    message: 'maxPool2d: dilation is not a positive integer (got 0, expected an integer ≥ 1)',
  },
  {
    name: 'conv2dTranspose s=0',
    input: [8, 8, 3],
    layer: 'conv2dTranspose',
    options: { filters: 4, kernel: 2, stride: 0 },
    option: 'stride',
    message: 'conv2dTranspose: stride is not a positive integer (got 0, expected an integer ≥ 1)',
  },
  {
    name: 'conv2d p=-1',
    input: [32, 32, 3],
    layer: 'conv2d',
    options: { filters: 8, kernel: 3, padding: -1 },
    option: 'padding',
    message: 'conv2d: padding is not a non-negative integer (got -1, expected an integer ≥ 0)',
  },
  {
    name: 'conv2d p=[[0,1],[-2,0]]',
    input: [32, 32, 3],
    layer: 'conv2d',
    options: { filters: 8, kernel: 3, padding: [[0, 1], [-2, 0]] },
    option: 'padding',
    message: 'conv2d: padding is not a non-negative integer (got -2, expected an integer ≥ 0)',
  },
  {
    name: 'avgPool2d p=-1',
    input: [32, 32, 3],
    layer: 'avgPool2d',
    options: { size: 3, padding: -1 },
    option: 'padding',
    message: 'avgPool2d: padding is not a non-negative integer (got -1, expected an integer ≥ 0)',
  },
  {
    name: 'conv2dTranspose op=-1',
    input: [8, 8, 3],
    layer: 'conv2dTranspose',
    options: { filters: 4, kernel: 2, stride: 2, outputPadding: -1 },
    option: 'outputPadding',
    message: 'conv2dTranspose: outputPadding is not a non-negative integer (got -1, expected an integer ≥ 0)',
  },
  {
    name: 'conv2d k=2.5',
    input: [32, 32, 3],
    layer: 'conv2d',
    options: { filters: 8, kernel: 2.5 },
    option: 'kernel',
    message: 'conv2d: kernel is not a positive integer (got 2.5, expected an integer ≥ 1)',
  },
  {
    name: 'maxPool2d k=2.5',
    input: [32, 32, 3],
    layer: 'maxPool2d',
    options: { size: 2.5 },
    option: 'size',
    message: 'maxPool2d: size is not a positive integer (got 2.5, expected an integer ≥ 1)',
  },
  {
    name: 'conv2d filters=1e21',
    input: [32, 32, 3],
    layer: 'conv2d',
    options: { filters: 1e21, kernel: 3 },
    option: 'filters',
    message: 'conv2d: filters is not a positive integer (got 1e+21, expected an integer ≥ 1)',
  },
  {
    name: 'conv2d p=1.5',
    input: [32, 32, 3],
    layer: 'conv2d',
    options: { filters: 8, kernel: 3, padding: 1.5 },
    option: 'padding',
    message: 'conv2d: padding is not a non-negative integer (got 1.5, expected an integer ≥ 0)',
  },
  {
    name: 'dense units=-1',
    input: [100],
    layer: 'dense',
    options: { units: -1 },
    option: 'units',
    message: 'dense: units is not a positive integer (got -1, expected an integer ≥ 1)',
  },
  // ── wrong rank ──
  {
    name: 'dense x=[6,6,256]',
    input: [6, 6, 256],
    layer: 'dense',
    options: { units: 10 },
    message: 'dense: input has the wrong rank (got [B, 6, 6, 256], expected rank 2 [B, features]; flatten first)',
  },
  {
    name: 'conv2d x=[100]',
    input: [100],
    layer: 'conv2d',
    options: { filters: 8, kernel: 3 },
    message: 'conv2d: input has the wrong rank (got [B, 100], expected rank 4 [B, H, W, C])',
  },
  {
    name: 'maxPool2d x=[100]',
    input: [100],
    layer: 'maxPool2d',
    options: { size: 2 },
    message: 'maxPool2d: input has the wrong rank (got [B, 100], expected rank 4 [B, H, W, C])',
  },
  {
    name: 'conv2dTranspose x=[100] batch=8',
    input: [100],
    batch: 8,
    layer: 'conv2dTranspose',
    options: { filters: 4, kernel: 2 },
    message: 'conv2dTranspose: input has the wrong rank (got [8, 100], expected rank 4 [B, H, W, C])',
  },
  // ── unknown options ──
  {
    name: 'conv2d strides=2 (typo)',
    input: [32, 32, 3],
    layer: 'conv2d',
    options: { filters: 8, kernel: 3, strides: 2 },
    option: 'strides',
    message:
      "conv2d: unknown option 'strides' (expected one of filters, kernel, stride, padding, dilation, groups, useBias, inChannels, kernelInitializer, biasInitializer, name)",
  },
  {
    name: 'maxPool2d dilaton=2 (typo)',
    input: [32, 32, 3],
    layer: 'maxPool2d',
    options: { size: 2, dilaton: 2 },
    option: 'dilaton',
    message: "maxPool2d: unknown option 'dilaton' (expected one of size, stride, padding, dilation, ceilMode, name)",
  },
  {
    name: 'avgPool2d dilation=2 (max pooling only)',
    input: [32, 32, 3],
    layer: 'avgPool2d',
    options: { size: 2, dilation: 2 },
    option: 'dilation',
    message: "avgPool2d: unknown option 'dilation' (expected one of size, stride, padding, ceilMode, countIncludePad, name)",
  },
  {
    name: 'conv2dTranspose groups=2 (not an option)',
    input: [8, 8, 4],
    layer: 'conv2dTranspose',
    options: { filters: 4, kernel: 2, groups: 2 },
    option: 'groups',
    message:
      "conv2dTranspose: unknown option 'groups' (expected one of filters, kernel, stride, padding, outputPadding, dilation, useBias, kernelInitializer, biasInitializer, name)",
  },
  {
    name: 'dense filters=10 (conv option)',
    input: [100],
    layer: 'dense',
    options: { units: 10, filters: 10 },
    option: 'filters',
    message: "dense: unknown option 'filters' (expected one of units, inFeatures, useBias, kernelInitializer, biasInitializer, name)",
  },
  // ── input dims ──
  {
    name: 'input [0,227,3]',
    input: [0, 227, 3],
    message: 'input: dimension 0 is not a positive integer (got 0, expected an integer ≥ 1)',
  },
  {
    name: 'input [227,2.5,3]',
    input: [227, 2.5, 3],
    message: 'input: dimension 1 is not a positive integer (got 2.5, expected an integer ≥ 1)',
  },
  {
    name: 'input [1e21,227,3]',
    input: [1e21, 227, 3],
    message: 'input: dimension 0 is not a positive integer (got 1e+21, expected an integer ≥ 1)',
  },
  {
    name: 'input [227,227,-3]',
    input: [227, 227, -3],
    message: 'input: dimension 2 is not a positive integer (got -3, expected an integer ≥ 1)',
  },
] as const satisfies readonly ErrorCase[];
