/**
 * conv1d, conv3d, depthwiseConv2d and separableConv2d at the type level: shapes, then every promised compile
 * error (`// @ts-expect-error: <reason>`) with the fallback shape it returns and a next call that must NOT error.
 *
 * Expected shapes: the configurations marked [ORT] are the golden configurations of test/layers/conv-nd.test.ts,
 * whose output dims onnxruntime-node computed (auto_pad SAME_UPPER for 'same'); the others are worked by hand
 * from SEMANTICS.md §1 (shown in the comment) or are published sizes (MobileNet-v1, Xception, C3D).
 * Exact sentences: test/diagnostics/fixtures/conv-nd.ts (TS 7, 6, 5.9) and, at run time, test/layers/conv-nd.test.ts.
 */
import { expectType } from 'tsd';
import { input, sequential } from '../src/index.js';
import { conv1d, conv3d, depthwiseConv2d, separableConv2d } from '../src/graph/specs-conv.js';
import type { Conv1dOptions } from '../types/conv1d.js';
import type { Conv3dOptions } from '../types/conv3d.js';
import type { DepthwiseConv2dOptions } from '../types/depthwise.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

declare const n: number;

// ─── conv1d ────────────────────────────────────────────────────────────────────────────────────────
// [ORT] 100 steps, k5 s2 valid → ⌊95/2⌋ + 1 = 48.
const c1a = input([100, 16]).conv1d({ filters: 32, kernel: 5, stride: 2 });
expectType<Equal<typeof c1a.shape, readonly [number, 48, 32]>>(true);
// [ORT] 'same' at stride 2 → ⌈17/2⌉ = 9, groups 2.
const c1b = input([17, 6]).conv1d({ filters: 8, kernel: 3, stride: 2, padding: 'same', groups: 2 });
expectType<Equal<typeof c1b.shape, readonly [number, 9, 8]>>(true);
// [ORT] explicit [[2, 5]], k4 d3 (ke 10), s2 → ⌊(27 − 10)/2⌋ + 1 = 9; the tuple forms of kernel/stride/dilation.
const c1c = input([20, 4]).conv1d({ filters: 4, kernel: [4], dilation: [3], stride: [2], padding: [[2, 5]] });
expectType<Equal<typeof c1c.shape, readonly [number, 9, 4]>>(true);
// [ORT] 'same' with dilation 2 keeps 9; depthwise-like groups = C.
const c1d = input([9, 5]).conv1d({ filters: 10, kernel: 3, padding: 'same', dilation: 2, groups: 5 });
expectType<Equal<typeof c1d.shape, readonly [number, 9, 10]>>(true);
// [ORT] 1-wide kernel, stride 3, 'same' → ⌈7/3⌉ = 3 (T clamped at 0).
const c1e = input([7, 3]).conv1d({ filters: 2, kernel: 1, stride: 3, padding: 'same' });
expectType<Equal<typeof c1e.shape, readonly [number, 3, 2]>>(true);
// Hand: padding [2] → 10 + 4 − 3 + 1 = 12; a literal batch and an unknown length flow through.
const c1f = input([10, 4], { batch: 8 }).conv1d({ filters: 8, kernel: 3, padding: [2] });
expectType<Equal<typeof c1f.shape, readonly [8, 12, 8]>>(true);
const c1g = input([n, 4]).conv1d({ filters: 8, kernel: 3, inChannels: 4 });
expectType<Equal<typeof c1g.shape, readonly [number, number, 8]>>(true);

// ─── conv3d ────────────────────────────────────────────────────────────────────────────────────────
// C3D (Tran et al. 2015): 16×112×112 clips, 3×3×3 kernels with padding 1 keep the size.
const c3a = input([16, 112, 112, 3]).conv3d({ filters: 64, kernel: 3, padding: 1 });
expectType<Equal<typeof c3a.shape, readonly [number, 16, 112, 112, 64]>>(true);
// [ORT] per-axis kernel/stride, 'same' → [⌈7/2⌉, ⌈9/1⌉, ⌈6/3⌉] = [4, 9, 2].
const c3b = input([7, 9, 6, 4]).conv3d({ filters: 6, kernel: [3, 1, 2], stride: [2, 1, 3], padding: 'same', groups: 2 });
expectType<Equal<typeof c3b.shape, readonly [number, 4, 9, 2, 6]>>(true);
// [ORT] explicit pairs with dilation: depth ⌊(6 − 3)/1⌋ + 1 = 4, height ⌊(8 − 3)/2⌋ + 1 = 3, width ⌊(11 − 5)/1⌋ + 1 = 7.
const c3c = input([5, 6, 7, 2]).conv3d({ filters: 4, kernel: [2, 3, 3], dilation: [2, 1, 2], stride: [1, 2, 1], padding: [[1, 0], [0, 2], [3, 1]] });
expectType<Equal<typeof c3c.shape, readonly [number, 4, 3, 7, 4]>>(true);
// [ORT] 1×1×1 stride 2 'same' → [⌈4/2⌉, ⌈5/2⌉, ⌈6/2⌉] = [2, 3, 3].
const c3d = input([4, 5, 6, 3]).conv3d({ filters: 3, kernel: 1, stride: 2, padding: 'same', groups: 3 });
expectType<Equal<typeof c3d.shape, readonly [number, 2, 3, 3, 3]>>(true);
// Hand: per-axis padding [1, 0, 2] → [10 + 2 − 2, 7 − 2, 5 + 4 − 2] = [10, 5, 7]; an unknown height stays unknown.
const c3e = input([10, n, 5, 4]).conv3d({ filters: 8, kernel: 3, padding: [1, 0, 2] });
expectType<Equal<typeof c3e.shape, readonly [number, 10, number, 7, 8]>>(true);

// ─── depthwiseConv2d ───────────────────────────────────────────────────────────────────────────────
// MobileNet-v1 (Howard et al. 2017, Table 1): dw 3×3 stride 2 on 112×112×64 → 56×56×64.
const dwa = input([112, 112, 64]).depthwiseConv2d({ kernel: 3, stride: 2, padding: 'same', useBias: false });
expectType<Equal<typeof dwa.shape, readonly [number, 56, 56, 64]>>(true);
// [ORT] stride 2 'same' on 15 → 8.
const dwb = input([15, 15, 8]).depthwiseConv2d({ kernel: 3, stride: 2, padding: 'same' });
expectType<Equal<typeof dwb.shape, readonly [number, 8, 8, 8]>>(true);
// [ORT] multiplier 2 → 6 channels; height ⌊(10 − 3)/2⌋ + 1 = 4, width 11 + 4 − 5 + 1 = 11.
const dwc = input([9, 11, 3]).depthwiseConv2d({ kernel: [3, 5], depthMultiplier: 2, stride: [2, 1], padding: [[1, 0], [2, 2]] });
expectType<Equal<typeof dwc.shape, readonly [number, 4, 11, 6]>>(true);
// [ORT] multiplier 4, dilation 2, stride 2 'same' → ⌈10/2⌉ = 5, 16 channels.
const dwd = input([10, 10, 4]).depthwiseConv2d({ kernel: 3, depthMultiplier: 4, dilation: 2, stride: 2, padding: 'same' });
expectType<Equal<typeof dwd.shape, readonly [number, 5, 5, 16]>>(true);
// [ORT] one input channel, multiplier 3.
const dwe = input([6, 7, 1]).depthwiseConv2d({ kernel: 2, depthMultiplier: 3 });
expectType<Equal<typeof dwe.shape, readonly [number, 5, 6, 3]>>(true);
// Unknown channels: C·M is unknown, the spatial sizes are still computed.
const dwf = input([10, 10, n]).depthwiseConv2d({ kernel: 3, depthMultiplier: 2 });
expectType<Equal<typeof dwf.shape, readonly [number, 8, 8, number]>>(true);
// Large sizes stay exact: 2^20 channels × 1024.
const dwg = input([3, 3, 1048576]).depthwiseConv2d({ kernel: 3, depthMultiplier: 1024 });
expectType<Equal<typeof dwg.shape, readonly [number, 1, 1, 1073741824]>>(true);

// ─── separableConv2d ───────────────────────────────────────────────────────────────────────────────
// Xception (Chollet 2017) entry flow: 147×147×64 → 147×147×128 ('same').
const spa = input([147, 147, 64]).separableConv2d({ filters: 128, kernel: 3, padding: 'same', useBias: false });
expectType<Equal<typeof spa.shape, readonly [number, 147, 147, 128]>>(true);
// [ORT] 'same' stride 2 → [⌈12/2⌉, ⌈13/2⌉] = [6, 7].
const spb = input([12, 13, 3]).separableConv2d({ filters: 5, kernel: [3, 2], depthMultiplier: 2, stride: 2, padding: 'same' });
expectType<Equal<typeof spb.shape, readonly [number, 6, 7, 5]>>(true);
// [ORT] padding [1, 0], dilation [2, 1]: height 11 − 5 + 1 = 7, width 9 − 3 + 1 = 7.
const spc = input([9, 9, 4]).separableConv2d({ filters: 6, kernel: 3, dilation: [2, 1], padding: [1, 0], depthMultiplier: 3 });
expectType<Equal<typeof spc.shape, readonly [number, 7, 7, 6]>>(true);

// Options typed wide (not literal) compile, with unknown sizes: they are checked at run time.
declare const wide1: Conv1dOptions;
declare const wide3: Conv3dOptions;
declare const wideDw: DepthwiseConv2dOptions;
const w1 = input([100, 16]).conv1d(wide1);
expectType<Equal<typeof w1.shape, readonly [number, number, number]>>(true);
const w3 = input([8, 8, 8, 4]).conv3d(wide3);
expectType<Equal<typeof w3.shape, readonly [number, number, number, number, number]>>(true);
const wdw = input([8, 8, 4]).depthwiseConv2d(wideDw);
expectType<Equal<typeof wdw.shape, readonly [number, number, number, number]>>(true);

// ─── Specs as values ───────────────────────────────────────────────────────────────────────────────
const block1d = sequential(conv1d({ filters: 16, kernel: 3, padding: 'same' }), conv1d({ filters: 8, kernel: 3, dilation: 2, inChannels: 16 }));
const seq = input([50, 4]).apply(block1d);
expectType<Equal<typeof seq.shape, readonly [number, 46, 8]>>(true);
const vol = input([8, 8, 8, 2]).apply(conv3d({ filters: 4, kernel: 3, stride: 2, padding: 'same' }));
expectType<Equal<typeof vol.shape, readonly [number, 4, 4, 4, 4]>>(true);
const mobile = input([28, 28, 8]).apply(sequential(depthwiseConv2d({ kernel: 3, padding: 1 }), separableConv2d({ filters: 4, kernel: 3, stride: 2 })));
expectType<Equal<typeof mobile.shape, readonly [number, 13, 13, 4]>>(true);

// ─── Errors: rank ──────────────────────────────────────────────────────────────────────────────────
// @ts-expect-error: conv1d needs [B, L, C], not an image
const rank1 = input([28, 28, 3]).conv1d({ filters: 8, kernel: 3 });
expectType<Equal<typeof rank1.shape, readonly [number, number, 8]>>(true);
const rank1Next = rank1.conv1d({ filters: 4, kernel: 1 });
expectType<Equal<typeof rank1Next.shape, readonly [number, number, 4]>>(true);

// @ts-expect-error: conv3d needs [B, D, H, W, C]
const rank3 = input([32, 32, 3]).conv3d({ filters: 8, kernel: 3 });
expectType<Equal<typeof rank3.shape, readonly [number, number, number, number, 8]>>(true);
const rank3Next = rank3.conv3d({ filters: 4, kernel: 1 });
expectType<Equal<typeof rank3Next.shape, readonly [number, number, number, number, 4]>>(true);

// @ts-expect-error: depthwiseConv2d needs [B, H, W, C]
const rankDw = input([100, 16]).depthwiseConv2d({ kernel: 3 });
expectType<Equal<typeof rankDw.shape, readonly [number, number, number, number]>>(true);
const rankDwNext = rankDw.depthwiseConv2d({ kernel: 1 });
expectType<Equal<typeof rankDwNext.shape, readonly [number, number, number, number]>>(true);

// @ts-expect-error: separableConv2d needs [B, H, W, C], not a volume
const rankSep = input([4, 9, 4, 8]).separableConv2d({ filters: 16, kernel: 3 });
expectType<Equal<typeof rankSep.shape, readonly [number, number, number, 16]>>(true);
const rankSepNext = rankSep.separableConv2d({ filters: 4, kernel: 1 });
expectType<Equal<typeof rankSepNext.shape, readonly [number, number, number, 4]>>(true);

// ─── Errors: a kernel that does not fit ────────────────────────────────────────────────────────────
// @ts-expect-error: kernel 30 on a length of 10
const fit1 = input([10, 4]).conv1d({ filters: 8, kernel: 30 });
expectType<Equal<typeof fit1.shape, readonly [number, number, 8]>>(true);
const fit1Next = fit1.conv1d({ filters: 8, kernel: 30, inChannels: 8 });
expectType<Equal<typeof fit1Next.shape, readonly [number, number, 8]>>(true);

// @ts-expect-error: kernel 3 with dilation 5 spans 11 > 10
const fit1Dilated = input([10, 4]).conv1d({ filters: 8, kernel: 3, dilation: 5, padding: [[0, 0]] });
expectType<Equal<typeof fit1Dilated.shape, readonly [number, number, 8]>>(true);

// @ts-expect-error: the depth (2) is the axis that does not fit a 3×3×3 kernel
const fit3 = input([2, 32, 32, 3]).conv3d({ filters: 8, kernel: 3 });
expectType<Equal<typeof fit3.shape, readonly [number, number, number, number, 8]>>(true);
const fit3Next = fit3.conv3d({ filters: 8, kernel: 1, inChannels: 8 });
expectType<Equal<typeof fit3Next.shape, readonly [number, number, number, number, 8]>>(true);

// @ts-expect-error: width 4 + 1 + 1 = 6 < 7
const fit3Width = input([8, 8, 4, 3]).conv3d({ filters: 8, kernel: [1, 1, 7], padding: [[0, 0], [0, 0], [1, 1]] });
expectType<Equal<typeof fit3Width.shape, readonly [number, number, number, number, 8]>>(true);

// @ts-expect-error: a 3×3 depthwise kernel on 2×2
const fitDw = input([2, 2, 8]).depthwiseConv2d({ kernel: 3 });
expectType<Equal<typeof fitDw.shape, readonly [number, number, number, 8]>>(true);
const fitDwNext = fitDw.depthwiseConv2d({ kernel: 3, depthMultiplier: 2 });
expectType<Equal<typeof fitDwNext.shape, readonly [number, number, number, 16]>>(true);

// @ts-expect-error: unknown height, but the known width 5 is still checked against kernel 7
const fitDwUnknown = input([n, 5, 3]).depthwiseConv2d({ kernel: 7 });
expectType<Equal<typeof fitDwUnknown.shape, readonly [number, number, number, 3]>>(true);

// @ts-expect-error: width dilation 2 makes the kernel 5 wide, the input is 4
const fitSep = input([9, 4, 8]).separableConv2d({ filters: 16, kernel: 3, dilation: [1, 2] });
expectType<Equal<typeof fitSep.shape, readonly [number, number, number, 16]>>(true);
const fitSepNext = fitSep.separableConv2d({ filters: 4, kernel: 1 });
expectType<Equal<typeof fitSepNext.shape, readonly [number, number, number, 4]>>(true);

// ─── Errors: channels and groups ───────────────────────────────────────────────────────────────────
// @ts-expect-error: inChannels 8, but the input has 16 channels
const in1 = input([100, 16]).conv1d({ filters: 8, kernel: 3, inChannels: 8 });
expectType<Equal<typeof in1.shape, readonly [number, number, 8]>>(true);
const in1Next = in1.conv1d({ filters: 8, kernel: 3, inChannels: 8 });
expectType<Equal<typeof in1Next.shape, readonly [number, number, 8]>>(true);

// @ts-expect-error: inChannels 3, but the input has 4 channels
const in3 = input([8, 8, 8, 4]).conv3d({ filters: 8, kernel: 3, inChannels: 3 });
expectType<Equal<typeof in3.shape, readonly [number, number, number, number, 8]>>(true);

// @ts-expect-error: groups 3 does not divide 16 input channels
const groups1 = input([100, 16]).conv1d({ filters: 8, kernel: 3, groups: 3 });
expectType<Equal<typeof groups1.shape, readonly [number, number, 8]>>(true);
const groups1Next = groups1.conv1d({ filters: 8, kernel: 3, groups: 4 });
expectType<Equal<typeof groups1Next.shape, readonly [number, number, 8]>>(true);

// @ts-expect-error: groups 4 does not divide 6 filters
const groups3 = input([8, 8, 8, 4]).conv3d({ filters: 6, kernel: 3, groups: 4 });
expectType<Equal<typeof groups3.shape, readonly [number, number, number, number, 6]>>(true);

// ─── Errors: option values and names ───────────────────────────────────────────────────────────────
// @ts-expect-error: stride 0
const stride1 = input([100, 16]).conv1d({ filters: 8, kernel: 3, stride: 0 });
expectType<Equal<typeof stride1.shape, readonly [number, number, 8]>>(true);
const stride1Next = stride1.conv1d({ filters: 8, kernel: 3, stride: 1 });
expectType<Equal<typeof stride1Next.shape, readonly [number, number, 8]>>(true);

// @ts-expect-error: a negative pad on the height
const pad3 = input([8, 8, 8, 4]).conv3d({ filters: 8, kernel: 3, padding: [1, -1, 1] });
expectType<Equal<typeof pad3.shape, readonly [number, number, number, number, 8]>>(true);

// @ts-expect-error: dilation 1.5
const dil3 = input([8, 8, 8, 4]).conv3d({ filters: 8, kernel: 3, dilation: [1, 1.5, 1] });
expectType<Equal<typeof dil3.shape, readonly [number, number, number, number, 8]>>(true);

// @ts-expect-error: depthMultiplier 0
const mult0 = input([8, 8, 8]).depthwiseConv2d({ kernel: 3, depthMultiplier: 0 });
expectType<Equal<typeof mult0.shape, readonly [number, number, number, number]>>(true);
const mult0Next = mult0.depthwiseConv2d({ kernel: 3, depthMultiplier: 1 });
expectType<Equal<typeof mult0Next.shape, readonly [number, number, number, number]>>(true);

// @ts-expect-error: filters 0 (the shape continues with `number` channels, as conv1d/conv2d/conv3d do)
const filters0 = input([8, 8, 8]).separableConv2d({ filters: 0, kernel: 3 });
expectType<Equal<typeof filters0.shape, readonly [number, number, number, number]>>(true);

// @ts-expect-error: depthwise convolutions have no `filters` (the channels are C·depthMultiplier)
const dwFilters = input([8, 8, 8]).depthwiseConv2d({ kernel: 3, filters: 16 });
expectType<Equal<typeof dwFilters.shape, readonly [number, number, number, 8]>>(true);
const dwFiltersNext = dwFilters.depthwiseConv2d({ kernel: 3 });
expectType<Equal<typeof dwFiltersNext.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: separableConv2d has no groups
const sepGroups = input([8, 8, 8]).separableConv2d({ filters: 16, kernel: 3, groups: 2 });
expectType<Equal<typeof sepGroups.shape, readonly [number, number, number, 16]>>(true);

// @ts-expect-error: `size` is a pooling option
const typo1 = input([100, 16]).conv1d({ filters: 8, kernel: 3, size: 3 });
expectType<Equal<typeof typo1.shape, readonly [number, number, 8]>>(true);

// ─── Errors: the option types themselves (TypeScript's own message) ────────────────────────────────
// @ts-expect-error: two kernel sizes for a 1-D convolution
input([10, 4]).conv1d({ filters: 8, kernel: [3, 3] });
// @ts-expect-error: a 2-D padding for a 3-D convolution
input([8, 8, 8, 4]).conv3d({ filters: 8, kernel: 3, padding: [1, 1] });
// @ts-expect-error: padding 'full' does not exist
input([8, 8, 8]).depthwiseConv2d({ kernel: 3, padding: 'full' });
const formNext = input([10, 4]).conv1d({ filters: 8, kernel: [3] });
expectType<Equal<typeof formNext.shape, readonly [number, 8, 8]>>(true);

// ─── Errors: specs ─────────────────────────────────────────────────────────────────────────────────
// @ts-expect-error: a spec with stride 0 fails where it is written, before any input
conv1d({ filters: 8, kernel: 3, stride: 0 });
// @ts-expect-error: the second layer declares 32 input channels, the first makes 16
sequential(conv1d({ filters: 16, kernel: 3 }), conv1d({ filters: 8, kernel: 3, inChannels: 32 }));
const chainNext = sequential(conv1d({ filters: 16, kernel: 3 }), conv1d({ filters: 8, kernel: 3, inChannels: 16 }));
const chainApplied = input([20, 2]).apply(chainNext);
expectType<Equal<typeof chainApplied.shape, readonly [number, 16, 8]>>(true);
