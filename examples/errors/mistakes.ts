/**
 * A gallery of shape mistakes, each with the sentence the type checker shows at the offending call (and the
 * same sentence `ShapeError` throws at run time). This file fails to compile on purpose and is excluded from
 * the normal type-check. Each mistake is annotated in the diagnostics harness's format (an "expect-error"
 * comment with the TS code and the sentence, on the line above the call), and holds on TS 7, 6 and 5.9.
 *
 * TS2322 means the sentence sits on one option (the squiggle is under that option); TS2345 means it replaces
 * the whole argument, when no single option is to blame (wrong rank, a bad input shape). A failing call still
 * returns a tensor (its unknown dims `number`), so the lines after a mistake are checked as usual.
 */
import { input } from '../../src/index.js';

// ── Porting from PyTorch: in_channels / in_features that disagree with the tensor ──────────────────────
const image = input([227, 227, 3]);
const pool1 = image.conv2d({ filters: 96, kernel: 11, stride: 4 }).relu().maxPool2d({ size: 3, stride: 2 }); // [B, 27, 27, 96]

// conv2 was written for torchvision's AlexNet, whose conv1 has 64 filters, not 96:
// @expect-error TS2322: conv2d: inChannels 64 does not match the input's 96 channels (input [B, 27, 27, 96]); write inChannels: 96
export const conv2 = pool1.conv2d({ inChannels: 64, filters: 256, kernel: 5, padding: 2 });

// The AlexNet paper says 224×224 inputs, but its layer arithmetic only works for 227 (or conv1 padding 2):
// 224 → 54 → 26 → 26 → 12 → 12 → 5, so the classifier sees 5·5·256 = 6400 features, not 9216.
const pool5of224 = input([224, 224, 3])
  .conv2d({ filters: 96, kernel: 11, stride: 4 }).relu().maxPool2d({ size: 3, stride: 2 })
  .conv2d({ filters: 256, kernel: 5, padding: 2 }).relu().maxPool2d({ size: 3, stride: 2 })
  .conv2d({ filters: 384, kernel: 3, padding: 1 }).relu()
  .conv2d({ filters: 384, kernel: 3, padding: 1 }).relu()
  .conv2d({ filters: 256, kernel: 3, padding: 1 }).relu().maxPool2d({ size: 3, stride: 2 });
// @expect-error TS2322: dense: inFeatures 9216 does not match the input's 6400 features (input [B, 6400]); write inFeatures: 6400
export const fc6 = pool5of224.flatten().dense({ units: 4096, inFeatures: 9216 });

// ── Forgetting to flatten; convolving a flat tensor ────────────────────────────────────────────────────
const pool5 = input([13, 13, 256]).maxPool2d({ size: 3, stride: 2 }); // [B, 6, 6, 256]
// @expect-error TS2345: dense: input has the wrong rank (got [B, 6, 6, 256], expected rank 2 [B, features]; flatten first)
export const logits = pool5.dense({ units: 1000 });

// @expect-error TS2345: conv2d: input has the wrong rank (got [B, 100], expected rank 4 [B, H, W, C])
export const convOnVector = input([100]).conv2d({ filters: 8, kernel: 3 });

// ── Kernels and windows that do not fit ────────────────────────────────────────────────────────────────
// a 7×7 kernel on a 5×5 map needs padding ≥ 1:
// @expect-error TS2322: conv2d: kernel 7 (dilated 7) does not fit the padded input height 5 (input [B, 5, 5, 3]); to fit, add padding 1 on each side of the height or use kernel ≤ 5
export const tooBig = input([5, 5, 3]).conv2d({ filters: 8, kernel: 7 });

// dilation makes a kernel longer: 3 taps at dilation 4 span 9 pixels:
// @expect-error TS2322: conv2d: kernel 3 (dilated 9) does not fit the padded input height 8 (input [B, 8, 8, 3]); to fit, add padding 1 on each side of the height or use kernel ≤ 2 or dilation ≤ 3
export const tooDilated = input([8, 8, 3]).conv2d({ filters: 8, kernel: 3, dilation: 4 });

// one pool too many: even in ceil mode a 3-window with stride 2 leaves nothing of a 1×1 map:
// @expect-error TS2322: maxPool2d: window 3 (dilated 3) leaves no output on the padded input height 1 (input [B, 1, 1, 4]); to fit, add padding 1 on each side of the height or use size ≤ 1
export const pooledAway = input([1, 1, 4]).maxPool2d({ size: 3, stride: 2, ceilMode: true });

// pooling may pad at most half the window (PyTorch's rule):
// @expect-error TS2322: maxPool2d: padding 2 is more than half the window height (got 2, expected ≤ 1)
export const overPadded = input([8, 8, 4]).maxPool2d({ size: 3, padding: 2 });

// ── Grouped convolutions ───────────────────────────────────────────────────────────────────────────────
// @expect-error TS2322: conv2d: groups 4 does not divide the input channels 30 (got 30 % 4 ≠ 0, expected a divisor)
export const groupsIn = input([32, 32, 30]).conv2d({ filters: 64, kernel: 3, groups: 4 });

// @expect-error TS2322: conv2d: groups 4 does not divide the filters 30 (got 30 % 4 ≠ 0, expected a divisor)
export const groupsOut = input([32, 32, 32]).conv2d({ filters: 30, kernel: 3, groups: 4 });

// ── Transposed convolutions ────────────────────────────────────────────────────────────────────────────
// output padding picks one of the `stride` possible sizes, so it must stay below the stride:
// @expect-error TS2322: conv2dTranspose: outputPadding 2 is too large for the height (got 2, expected < max(stride, dilation) = 2)
export const outputPadding = input([7, 7, 8]).conv2dTranspose({ filters: 4, kernel: 3, stride: 2, outputPadding: 2 });

// @expect-error TS2322: conv2dTranspose: padding 2 removes the whole output height 2 (input [B, 1, 1, 8]); to keep an output, use padding ≤ 0 on each side of the height
export const paddedAway = input([1, 1, 8]).conv2dTranspose({ filters: 4, kernel: 2, padding: 1 });

// ── Values out of range ────────────────────────────────────────────────────────────────────────────────
// @expect-error TS2322: conv2d: stride is not a positive integer (got 0, expected an integer ≥ 1)
export const stride0 = input([32, 32, 3]).conv2d({ filters: 8, kernel: 3, stride: 0 });

// @expect-error TS2322: conv2d: padding is not a non-negative integer (got -1, expected an integer ≥ 0)
export const negativePad = input([32, 32, 3]).conv2d({ filters: 8, kernel: 3, padding: -1 });

// a kernel size computed as k / 2 with an odd k:
// @expect-error TS2322: conv2d: kernel is not a positive integer (got 2.5, expected an integer ≥ 1)
export const halfKernel = input([32, 32, 3]).conv2d({ filters: 8, kernel: 2.5 });

// 1e21 prints as "1e+21": not an integer literal the type checker can compute with:
// @expect-error TS2322: conv2d: filters is not a positive integer (got 1e+21, expected an integer ≥ 1)
export const hugeFilters = input([32, 32, 3]).conv2d({ filters: 1e21, kernel: 3 });

// ── Typos and options of another layer ─────────────────────────────────────────────────────────────────
// Keras spells it `strides`:
// @expect-error TS2322: conv2d: unknown option 'strides' (expected one of filters, kernel, stride, padding, dilation, groups, useBias, inChannels, kernelInitializer, biasInitializer, name)
export const typo = input([32, 32, 3]).conv2d({ filters: 8, kernel: 3, strides: 2 });

// dilation is for max pooling only:
// @expect-error TS2322: avgPool2d: unknown option 'dilation' (expected one of size, stride, padding, ceilMode, countIncludePad, name)
export const avgDilation = input([32, 32, 3]).avgPool2d({ size: 2, dilation: 2 });

// ── Input shapes ───────────────────────────────────────────────────────────────────────────────────────
// @expect-error TS2345: input: dimension 0 is not a positive integer (got 0, expected an integer ≥ 1)
export const empty = input([0, 227, 3]);

// @expect-error TS2345: input: dimension 2 is not a positive integer (got -3, expected an integer ≥ 1)
export const negative = input([227, 227, -3]);
