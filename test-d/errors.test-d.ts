/**
 * Every mistake the library promises to reject at compile time, each with `// @ts-expect-error: <reason>`;
 * then the shape the failing call returns (the fallback: the dims the rule could not compute become
 * `number`, the rest are kept) and a next call that must NOT error, so one mistake does not pile up.
 *
 * The exact sentences are pinned by test/diagnostics/fixtures/errors.ts (on TS 7, 6 and 5.9) and, at run
 * time, by test/shapes.test.ts; here a directive only proves that an error exists on that line.
 */
import { expectType } from 'tsd';
import { input } from '../src/index.js';
import type { Shape } from '../src/index.js';
import type { Conv2dResult, Conv2dTransposeResult, DenseResult, Fail, InputCheck, Pool2dResult } from '../src/types-entry.js';
import type { ERROR_CASES } from '../test/cases/error-cases.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

declare const n: number;
const features = input([227, 227, 3]).conv2d({ filters: 96, kernel: 11, stride: 4 }).relu().maxPool2d({ size: 3, stride: 2 });
expectType<Equal<typeof features.shape, readonly [number, 27, 27, 96]>>(true);

// ─── Declared sizes that disagree with the input ───────────────────────────────────────────────────
// @ts-expect-error: inChannels 64, but the input has 96 channels
const channels = features.conv2d({ inChannels: 64, filters: 256, kernel: 5 });
expectType<Equal<typeof channels.shape, readonly [number, number, number, 256]>>(true);
const channelsNext = channels.relu().conv2d({ filters: 128, kernel: 3, inChannels: 256 });
expectType<Equal<typeof channelsNext.shape, readonly [number, number, number, 128]>>(true);

// @ts-expect-error: inFeatures 512, but the input has 9216 features
const inFeatures = input([9216]).dense({ units: 4096, inFeatures: 512 });
expectType<Equal<typeof inFeatures.shape, readonly [number, 4096]>>(true);
const inFeaturesNext = inFeatures.relu().dense({ units: 10, inFeatures: 4096 });
expectType<Equal<typeof inFeaturesNext.shape, readonly [number, 10]>>(true);

// ─── A kernel or window that does not fit ──────────────────────────────────────────────────────────
// @ts-expect-error: a 7×7 kernel does not fit a 5×5 input without padding
const kernelFit = input([5, 5, 3]).conv2d({ filters: 8, kernel: 7 });
expectType<Equal<typeof kernelFit.shape, readonly [number, number, number, 8]>>(true);
const kernelFitNext = kernelFit.conv2d({ filters: 8, kernel: 7 }).maxPool2d({ size: 2 });
expectType<Equal<typeof kernelFitNext.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: a 3×3 kernel with dilation 4 spans 9 rows, more than the 8 of the input
const dilatedFit = input([8, 8, 3]).conv2d({ filters: 8, kernel: 3, dilation: 4 });
expectType<Equal<typeof dilatedFit.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: the width is the axis that does not fit (kernel [3, 7] on 8×5)
const widthFit = input([8, 5, 3]).conv2d({ filters: 8, kernel: [3, 7] });
expectType<Equal<typeof widthFit.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: unknown height, but the known width 5 is still checked against kernel 7
const unknownHeightFit = input([n, 5, 3]).conv2d({ filters: 8, kernel: 7 });
expectType<Equal<typeof unknownHeightFit.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: ceil mode on 1×1 with window 3 and stride 2 leaves no output (1 + 1 − 3 < 0)
const poolCeil = input([1, 1, 4]).maxPool2d({ size: 3, stride: 2, ceilMode: true });
expectType<Equal<typeof poolCeil.shape, readonly [number, number, number, 4]>>(true);
const poolCeilNext = poolCeil.conv2d({ filters: 8, kernel: 1, inChannels: 4 });
expectType<Equal<typeof poolCeilNext.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: a 3×3 average window on a 2×2 input leaves no output (floor mode)
const poolFloor = input([2, 2, 4]).avgPool2d({ size: 3 });
expectType<Equal<typeof poolFloor.shape, readonly [number, number, number, 4]>>(true);

// ─── Pooling padding above half the window ─────────────────────────────────────────────────────────
// @ts-expect-error: padding 2 is more than ⌊3/2⌋ = 1
const poolPad = input([8, 8, 4]).maxPool2d({ size: 3, padding: 2 });
expectType<Equal<typeof poolPad.shape, readonly [number, number, number, 4]>>(true);
const poolPadNext = poolPad.maxPool2d({ size: 3, padding: 1 });
expectType<Equal<typeof poolPadNext.shape, readonly [number, number, number, 4]>>(true);

// @ts-expect-error: the right padding 2 is more than ⌊3/2⌋ = 1 (explicit padding, width axis)
const poolPadExplicit = input([8, 8, 4]).avgPool2d({ size: [2, 3], padding: [[0, 0], [0, 2]] });
expectType<Equal<typeof poolPadExplicit.shape, readonly [number, number, number, 4]>>(true);

// ─── Groups ────────────────────────────────────────────────────────────────────────────────────────
// @ts-expect-error: 4 groups do not divide 30 input channels
const groupsIn = input([32, 32, 30]).conv2d({ filters: 64, kernel: 3, groups: 4 });
expectType<Equal<typeof groupsIn.shape, readonly [number, number, number, 64]>>(true);
const groupsInNext = groupsIn.conv2d({ filters: 64, kernel: 3, groups: 4, inChannels: 64 });
expectType<Equal<typeof groupsInNext.shape, readonly [number, number, number, 64]>>(true);

// @ts-expect-error: 4 groups do not divide 30 filters
const groupsOut = input([32, 32, 32]).conv2d({ filters: 30, kernel: 3, groups: 4 });
expectType<Equal<typeof groupsOut.shape, readonly [number, number, number, 30]>>(true);

// ─── Transposed convolution ────────────────────────────────────────────────────────────────────────
// @ts-expect-error: outputPadding 2 is not below max(stride 2, dilation 1)
const outputPadding = input([7, 7, 8]).conv2dTranspose({ filters: 4, kernel: 3, stride: 2, outputPadding: 2 });
expectType<Equal<typeof outputPadding.shape, readonly [number, number, number, 4]>>(true);
const outputPaddingNext = outputPadding.conv2dTranspose({ filters: 2, kernel: 3, stride: 2, outputPadding: 1 });
expectType<Equal<typeof outputPaddingNext.shape, readonly [number, number, number, 2]>>(true);

// @ts-expect-error: outputPadding 1 needs a stride or dilation above 1
const outputPaddingStride1 = input([7, 7, 8]).conv2dTranspose({ filters: 4, kernel: 3, outputPadding: 1 });
expectType<Equal<typeof outputPaddingStride1.shape, readonly [number, number, number, 4]>>(true);

// @ts-expect-error: padding 1 on both sides removes the whole 2-long output of a 1×1 input with kernel 2
const transposeFit = input([1, 1, 8]).conv2dTranspose({ filters: 4, kernel: 2, padding: 1 });
expectType<Equal<typeof transposeFit.shape, readonly [number, number, number, 4]>>(true);

// ─── Options out of range: zero, negative, non-integer ─────────────────────────────────────────────
// @ts-expect-error: stride 0
const stride0 = input([32, 32, 3]).conv2d({ filters: 8, kernel: 3, stride: 0 });
expectType<Equal<typeof stride0.shape, readonly [number, number, number, 8]>>(true);
const stride0Next = stride0.conv2d({ filters: 8, kernel: 3, stride: 1 });
expectType<Equal<typeof stride0Next.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: kernel 0
const kernel0 = input([32, 32, 3]).conv2d({ filters: 8, kernel: 0 });
expectType<Equal<typeof kernel0.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: dilation 0 on the width
const dilation0 = input([32, 32, 3]).conv2d({ filters: 8, kernel: 3, dilation: [1, 0] });
expectType<Equal<typeof dilation0.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: pooling stride 0
const poolStride0 = input([32, 32, 3]).maxPool2d({ size: 2, stride: 0 });
expectType<Equal<typeof poolStride0.shape, readonly [number, number, number, 3]>>(true);

// @ts-expect-error: transposed-conv stride 0
const transposeStride0 = input([8, 8, 3]).conv2dTranspose({ filters: 4, kernel: 2, stride: 0 });
expectType<Equal<typeof transposeStride0.shape, readonly [number, number, number, 4]>>(true);

// @ts-expect-error: negative padding
const negativePad = input([32, 32, 3]).conv2d({ filters: 8, kernel: 3, padding: -1 });
expectType<Equal<typeof negativePad.shape, readonly [number, number, number, 8]>>(true);
const negativePadNext = negativePad.conv2d({ filters: 8, kernel: 3, padding: 1 });
expectType<Equal<typeof negativePadNext.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: negative left padding in the explicit form
const negativePadExplicit = input([32, 32, 3]).conv2d({ filters: 8, kernel: 3, padding: [[0, 1], [-2, 0]] });
expectType<Equal<typeof negativePadExplicit.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: kernel 2.5 is not an integer
const kernelFraction = input([32, 32, 3]).conv2d({ filters: 8, kernel: 2.5 });
expectType<Equal<typeof kernelFraction.shape, readonly [number, number, number, 8]>>(true);
const kernelFractionNext = kernelFraction.maxPool2d({ size: 2 });
expectType<Equal<typeof kernelFractionNext.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: window 2.5 is not an integer
const sizeFraction = input([32, 32, 3]).maxPool2d({ size: 2.5 });
expectType<Equal<typeof sizeFraction.shape, readonly [number, number, number, 3]>>(true);

// @ts-expect-error: 1e21 is not an integer literal (its digits are "1e+21")
const filtersHuge = input([32, 32, 3]).conv2d({ filters: 1e21, kernel: 3 });
// the fallback widens the rejected filters to `number`, so nothing later is checked against 1e21
expectType<Equal<typeof filtersHuge.shape, readonly [number, number, number, number]>>(true);
const filtersHugeNext = filtersHuge.maxPool2d({ size: 2 });
expectType<Equal<typeof filtersHugeNext.shape, readonly [number, number, number, number]>>(true);

// @ts-expect-error: filters 2.5 is not an integer
const filtersFraction = input([32, 32, 3]).conv2d({ filters: 2.5, kernel: 3 });
// the channel count is unknown after the error …
expectType<Equal<typeof filtersFraction.shape, readonly [number, number, number, number]>>(true);
// … so declaring the channels the user meant does not pile up a second error.
const filtersFractionNext = filtersFraction.conv2d({ filters: 8, kernel: 3, inChannels: 8 });
expectType<Equal<typeof filtersFractionNext.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: units −1 is not a positive integer
const unitsNegative = input([100]).dense({ units: -1 });
// the fallback's feature count is unknown, not the rejected −1
expectType<Equal<typeof unitsNegative.shape, readonly [number, number]>>(true);

// ─── Wrong rank ────────────────────────────────────────────────────────────────────────────────────
// @ts-expect-error: dense on a rank-4 tensor (flatten first)
const denseRank4 = input([6, 6, 256]).dense({ units: 10 });
expectType<Equal<typeof denseRank4.shape, readonly [number, 10]>>(true);
const denseRank4Next = denseRank4.relu().dense({ units: 2, inFeatures: 10 });
expectType<Equal<typeof denseRank4Next.shape, readonly [number, 2]>>(true);

// @ts-expect-error: conv2d on a rank-2 tensor
const convRank2 = input([100]).conv2d({ filters: 8, kernel: 3 });
expectType<Equal<typeof convRank2.shape, readonly [number, number, number, 8]>>(true);
const convRank2Next = convRank2.conv2d({ filters: 8, kernel: 3 }).flatten();
expectType<Equal<typeof convRank2Next.shape, readonly [number, number]>>(true);

// @ts-expect-error: max pooling on a rank-2 tensor
const poolRank2 = input([100]).maxPool2d({ size: 2 });
expectType<Equal<typeof poolRank2.shape, readonly [number, number, number, number]>>(true);

// @ts-expect-error: a literal batch is kept in the fallback of a wrong-rank dense
const denseRank4Batched = input([6, 6, 256], { batch: 8 }).dense({ units: 10 });
expectType<Equal<typeof denseRank4Batched.shape, readonly [8, 10]>>(true);

// ─── Unknown options (typos) ───────────────────────────────────────────────────────────────────────
// @ts-expect-error: 'strides' is a typo for 'stride'
const typo = input([32, 32, 3]).conv2d({ filters: 8, kernel: 3, strides: 2 });
expectType<Equal<typeof typo.shape, readonly [number, number, number, 8]>>(true);
const typoNext = typo.conv2d({ filters: 8, kernel: 3, stride: 2 });
expectType<Equal<typeof typoNext.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: 'dilaton' is a typo for 'dilation'
const poolTypo = input([32, 32, 3]).maxPool2d({ size: 2, dilaton: 2 });
expectType<Equal<typeof poolTypo.shape, readonly [number, number, number, 3]>>(true);

// @ts-expect-error: average pooling has no dilation
const avgDilation = input([32, 32, 3]).avgPool2d({ size: 2, dilation: 2 });
expectType<Equal<typeof avgDilation.shape, readonly [number, number, number, 3]>>(true);

// @ts-expect-error: 'units' is dense's option; conv2d has 'filters' (a missing required option is TypeScript's own error)
const wrongLayerOption = input([32, 32, 3]).conv2d({ units: 8, kernel: 3 });

// ─── Input dimensions ──────────────────────────────────────────────────────────────────────────────
// @ts-expect-error: dimension 0 is not a positive integer
const zeroDim = input([0, 227, 3]);
// after the error every dim is unknown …
expectType<Equal<typeof zeroDim.shape, readonly [number, number, number, number]>>(true);
// … so the next conv2d does not pile up a second error
const zeroDimNext = zeroDim.conv2d({ filters: 8, kernel: 3 });
expectType<Equal<typeof zeroDimNext.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: dimension 1 is 2.5
const fractionDim = input([227, 2.5, 3]);
expectType<Equal<typeof fractionDim.shape, readonly [number, number, number, number]>>(true);

// @ts-expect-error: dimension 0 is 1e21 (not an integer literal)
const hugeDim = input([1e21, 227, 3]);

// @ts-expect-error: a negative dimension
const negativeDim = input([227, 227, -3]);

// a batch of 0 (or 2.5, −1) is rejected at the option, and the batch is then unknown
// @ts-expect-error: input: dimension batch is not a positive integer (got 0, expected an integer ≥ 1)
const zeroBatch = input([227, 227, 3], { batch: 0 });
expectType<Equal<typeof zeroBatch.shape, readonly [number, 227, 227, 3]>>(true);
// @ts-expect-error: a fractional batch
input([227, 227, 3], { batch: 2.5 });
// @ts-expect-error: a negative batch
input([227, 227, 3], { batch: -1 });
// @ts-expect-error: dimension above 2^53 − 1 (the runtime rejects it too)
input([9007199254740992, 1, 1]);

// ─── The shared table (test/cases/error-cases.ts) is exactly what the type-level rules report ──────
// Its sentences are the contract the runtime twins are tested against (test/shapes.test.ts); here each case's
// rule type must fail with that sentence, blaming that option ('' when the sentence replaces the argument).
type Cases = (typeof ERROR_CASES)[number];
type ShapeOfCase<C> = C extends { readonly input: infer D extends readonly number[] }
  ? readonly [C extends { readonly batch: infer B extends number } ? B : number, ...D]
  : never;
type RuleOf<C> = C extends { readonly layer: infer L; readonly options: infer O }
  ? L extends 'conv2d'
    ? Conv2dResult<ShapeOfCase<C>, O>
    : L extends 'conv2dTranspose'
      ? Conv2dTransposeResult<ShapeOfCase<C>, O>
      : L extends 'maxPool2d' | 'avgPool2d'
        ? Pool2dResult<L, ShapeOfCase<C>, O>
        : L extends 'dense'
          ? DenseResult<ShapeOfCase<C>, O>
          : 'unknown layer'
  : never;
/** `[option, sentence]` of the compile error for case C, or 'compiles'. */
type CompileFailure<C> = C extends { readonly layer: string }
  ? RuleOf<C> extends Fail<infer Option, infer Message, Shape>
    ? [Option, Message]
    : 'compiles'
  : C extends { readonly input: infer D extends readonly number[] }
    ? InputCheck<D> extends infer M extends string
      ? ['', M]
      : 'compiles'
    : never;
type TableExpectation<C> = C extends { readonly message: infer M } ? [C extends { readonly option: infer O } ? O : '', M] : never;
/** The cases whose compile error is not the table's, with what the checker says instead; `never` when all agree. */
type TableMismatches = Cases extends infer C
  ? C extends { readonly name: infer Name }
    ? Equal<CompileFailure<C>, TableExpectation<C>> extends true
      ? never
      : [Name, CompileFailure<C>]
    : never
  : never;
expectType<Equal<TableMismatches, never>>(true);

export {
  channelsNext, inFeaturesNext, kernelFitNext, dilatedFit, widthFit, unknownHeightFit, poolCeilNext, poolFloor,
  poolPadNext, poolPadExplicit, groupsInNext, groupsOut, outputPaddingNext, outputPaddingStride1, transposeFit,
  stride0Next, kernel0, dilation0, poolStride0, transposeStride0, negativePadNext, negativePadExplicit,
  kernelFractionNext, sizeFraction, filtersHugeNext, filtersFractionNext, unitsNegative, denseRank4Next,
  convRank2Next, poolRank2, denseRank4Batched, typoNext, poolTypo, avgDilation, wrongLayerOption, zeroDimNext,
  fractionDim, hugeDim, negativeDim, zeroBatch,
};
