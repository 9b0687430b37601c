/**
 * The N-d rules at the type level: conv2d as the N-d conv rule (the drift it had from conv1d/conv3d), and
 * pooling of every rank (maxPool1d/3d, avgPool1d/3d, global and adaptive 1-D) — shapes, then every promised
 * compile error (`// @ts-expect-error: <reason>`) with the fallback shape it returns and a next call that must
 * NOT error.
 *
 * Expected shapes: [ORT] marks configurations whose dims onnxruntime-node computed in test/layers/pool-nd.test.ts;
 * the others are worked by hand from SEMANTICS.md §4 (shown in the comment). Exact sentences:
 * test/diagnostics/fixtures/pool-nd.ts (TS 7, 6, 5.9) and, at run time, test/layers/pool-nd.test.ts.
 */
import { expectType } from 'tsd';
import { adaptiveAvgPool1d, avgPool3d, conv2d, globalAvgPool1d, input, maxPool1d, sequential } from '../src/index.js';
import type { ConvNdKeys } from '../types/internal/conv-nd.js';
import type { Conv1dOptions } from '../types/conv1d.js';
import type { Conv2dOptions } from '../types/conv.js';
import type { Conv3dOptions } from '../types/conv3d.js';
import type { AvgPoolKeys, MaxPoolKeys, AvgPool1dOptions, MaxPool3dOptions } from '../types/pool.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

declare const n: number;

// ─── conv2d is the N-d rule: one option table, one fallback ─────────────────────────────────────────
// The key table names exactly the options of every rank (a new option without a table entry fails here).
expectType<Equal<ConvNdKeys[number], keyof Conv2dOptions>>(true);
expectType<Equal<keyof Conv1dOptions, keyof Conv3dOptions>>(true);
expectType<Equal<MaxPoolKeys[number], keyof MaxPool3dOptions>>(true);
expectType<Equal<AvgPoolKeys[number], keyof AvgPool1dOptions>>(true);
// AlexNet conv1 still 55.
const alex = input([227, 227, 3], { batch: 256 }).conv2d({ filters: 96, kernel: 11, stride: 4 });
expectType<Equal<typeof alex.shape, readonly [256, 55, 55, 96]>>(true);
// filters 0 continues with `number` channels at every rank (it was `0` for conv1d/conv3d, `number` for conv2d).
// @ts-expect-error: filters 0
const f0c1 = input([10, 4]).conv1d({ filters: 0, kernel: 3 });
expectType<Equal<typeof f0c1.shape, readonly [number, number, number]>>(true);
// @ts-expect-error: filters 0
const f0c2 = input([8, 8, 4]).conv2d({ filters: 0, kernel: 3 });
expectType<Equal<typeof f0c2.shape, readonly [number, number, number, number]>>(true);
// @ts-expect-error: filters 0
const f0c3 = input([8, 8, 8, 4]).conv3d({ filters: 0, kernel: 3 });
expectType<Equal<typeof f0c3.shape, readonly [number, number, number, number, number]>>(true);
const f0c3Next = f0c3.conv3d({ filters: 4, kernel: 1 });
expectType<Equal<typeof f0c3Next.shape, readonly [number, number, number, number, 4]>>(true);
// @ts-expect-error: three padding values for two axes
input([8, 8, 3]).conv2d({ filters: 4, kernel: 3, padding: [1, 2, 3] });
// @ts-expect-error: three kernel sizes for two axes
input([8, 8, 3]).conv2d({ filters: 4, kernel: [3, 3, 3] });
// A wrong rank keeps its message and fallback (the filters stay).
// @ts-expect-error: conv2d on [B, L, C]
const rank2 = input([10, 4]).conv2d({ filters: 8, kernel: 3 });
expectType<Equal<typeof rank2.shape, readonly [number, number, number, 8]>>(true);
// A spec of the N-d rule, applied later.
const spec2 = input([32, 32, 3]).apply(sequential(conv2d({ filters: 8, kernel: 3, padding: 'same' }), conv2d({ filters: 4, kernel: [3, 1] })));
expectType<Equal<typeof spec2.shape, readonly [number, 30, 32, 4]>>(true);

// ─── maxPool1d / avgPool1d ──────────────────────────────────────────────────────────────────────────
// [ORT] 11, k3 s2 p1 ceil → ⌊(13 − 3 + 1)/2⌋ = 5, last window starts at 8 < 12 → 6.
const p1a = input([11, 3]).maxPool1d({ size: 3, stride: 2, padding: 1, ceilMode: true });
expectType<Equal<typeof p1a.shape, readonly [number, 6, 3]>>(true);
// [ORT] 12, k2 d2 'same' s2 → ⌈12/2⌉ = 6.
const p1b = input([12, 2]).maxPool1d({ size: 2, dilation: 2, padding: 'same' });
expectType<Equal<typeof p1b.shape, readonly [number, 6, 2]>>(true);
// [ORT] 5, k2 s2 p1 ceil → 3 (not 4: the last window would start in the right padding).
const p1c = input([5, 2]).avgPool1d({ size: 2, stride: 2, padding: 1, ceilMode: true });
expectType<Equal<typeof p1c.shape, readonly [number, 3, 2]>>(true);
// [ORT] 10, k3 s2 [[1, 0]] → ⌊(11 − 3)/2⌋ + 1 = 5; the tuple forms.
const p1d = input([10, 3]).avgPool1d({ size: [3], stride: [2], padding: [[1, 0]], countIncludePad: true });
expectType<Equal<typeof p1d.shape, readonly [number, 5, 3]>>(true);
// Unknown length flows through; a literal batch stays.
const p1e = input([n, 8], { batch: 4 }).maxPool1d({ size: 2 });
expectType<Equal<typeof p1e.shape, readonly [4, number, 8]>>(true);
// @ts-expect-error: the window does not fit
const p1f = input([4, 8]).maxPool1d({ size: 5 });
expectType<Equal<typeof p1f.shape, readonly [number, number, 8]>>(true);
const p1fNext = p1f.maxPool1d({ size: 1 });
expectType<Equal<typeof p1fNext.shape, readonly [number, number, 8]>>(true);
// @ts-expect-error: padding above half the window
const p1g = input([10, 8]).avgPool1d({ size: 3, padding: 2 });
expectType<Equal<typeof p1g.shape, readonly [number, number, 8]>>(true);
// @ts-expect-error: average pooling has no dilation
input([10, 8]).avgPool1d({ size: 2, dilation: 2 });
// @ts-expect-error: stride 0
input([10, 8]).maxPool1d({ size: 2, stride: 0 });
// @ts-expect-error: rank 4 input
const p1r = input([28, 28, 3]).maxPool1d({ size: 2 });
expectType<Equal<typeof p1r.shape, readonly [number, number, number]>>(true);
// @ts-expect-error: two sizes for one axis
input([10, 8]).maxPool1d({ size: [2, 2] });

// ─── maxPool3d / avgPool3d ──────────────────────────────────────────────────────────────────────────
// C3D pool1 [1, 2, 2] over 16×112×112 → 16×56×56.
const p3a = input([16, 112, 112, 64]).maxPool3d({ size: [1, 2, 2] });
expectType<Equal<typeof p3a.shape, readonly [number, 16, 56, 56, 64]>>(true);
// [ORT] 5×6×7, k[2,3,3] s2 p[0,1,1] ceil → depth ⌊(5 − 2 + 1)/2⌋ = 2, last start 4 < 5 → 3; height ⌊(8 − 3 + 1)/2⌋ = 3,
// last start 6 < 7 → 4; width ⌊(9 − 3 + 1)/2⌋ = 3, last start 6 < 8 → 4.
const p3b = input([5, 6, 7, 3]).maxPool3d({ size: [2, 3, 3], stride: 2, padding: [0, 1, 1], ceilMode: true });
expectType<Equal<typeof p3b.shape, readonly [number, 3, 4, 4, 3]>>(true);
// [ORT] 4×6×7 'same' s[1,2,2] → 4, 3, 4.
const p3c = input([4, 6, 7, 2]).avgPool3d({ size: [2, 2, 3], stride: [1, 2, 2], padding: 'same' });
expectType<Equal<typeof p3c.shape, readonly [number, 4, 3, 4, 2]>>(true);
// Explicit pairs per axis.
const p3d = input([4, 6, 6, 2]).maxPool3d({ size: 2, stride: 1, padding: [[0, 1], [1, 0], [0, 0]], dilation: [1, 2, 1] });
expectType<Equal<typeof p3d.shape, readonly [number, 4, 5, 5, 2]>>(true);
// @ts-expect-error: the window does not fit the depth
const p3e = input([1, 8, 8, 3]).maxPool3d({ size: 2 });
expectType<Equal<typeof p3e.shape, readonly [number, number, number, number, 3]>>(true);
// @ts-expect-error: padding above half the window on the width
input([4, 8, 8, 3]).avgPool3d({ size: [2, 2, 3], padding: [0, 0, 2] });
// @ts-expect-error: rank 4 input
input([8, 8, 3]).maxPool3d({ size: 2 });
// @ts-expect-error: two strides for three axes
input([4, 8, 8, 3]).avgPool3d({ size: 2, stride: [1, 1] });

// ─── maxPool2d / avgPool2d are the same rule at rank 2 ──────────────────────────────────────────────
// GoogLeNet's ceil-mode pools: 112 → 56.
const p2a = input([112, 112, 64]).maxPool2d({ size: 3, stride: 2, ceilMode: true });
expectType<Equal<typeof p2a.shape, readonly [number, 56, 56, 64]>>(true);
// @ts-expect-error: three paddings for two axes
input([8, 8, 3]).maxPool2d({ size: 2, padding: [1, 0, 1] });

// ─── global and adaptive 1-D ────────────────────────────────────────────────────────────────────────
const g1a = input([100, 16]).globalAvgPool1d();
expectType<Equal<typeof g1a.shape, readonly [number, 16]>>(true);
const g1b = input([100, 16]).globalMaxPool1d({ keepDims: true });
expectType<Equal<typeof g1b.shape, readonly [number, 1, 16]>>(true);
declare const keep: boolean;
const g1c = input([100, 16]).globalMaxPool1d({ keepDims: keep });
expectType<Equal<typeof g1c.shape, readonly [number, 16] | readonly [number, 1, 16]>>(true);
// @ts-expect-error: rank 4 input (reported on the receiver: the options may be omitted)
input([28, 28, 3]).globalAvgPool1d();
// @ts-expect-error: misspelt keepDims
input([10, 3]).globalMaxPool1d({ keepdims: true });
const a1a = input([100, 16]).adaptiveAvgPool1d({ outputSize: 7 });
expectType<Equal<typeof a1a.shape, readonly [number, 7, 16]>>(true);
const a1b = input([n, 16]).adaptiveAvgPool1d({ outputSize: [3] });
expectType<Equal<typeof a1b.shape, readonly [number, 3, 16]>>(true);
// @ts-expect-error: outputSize 0
const a1c = input([10, 3]).adaptiveAvgPool1d({ outputSize: 0 });
expectType<Equal<typeof a1c.shape, readonly [number, number, 3]>>(true);

// ─── standalone specs ───────────────────────────────────────────────────────────────────────────────
const s1 = input([100, 16]).apply(sequential(maxPool1d({ size: 2 }), adaptiveAvgPool1d({ outputSize: 5 }), globalAvgPool1d()));
expectType<Equal<typeof s1.shape, readonly [number, 16]>>(true);
const s3 = input([8, 8, 8, 2]).apply(avgPool3d({ size: 2, ceilMode: true }));
expectType<Equal<typeof s3.shape, readonly [number, 4, 4, 4, 2]>>(true);
// @ts-expect-error: a 3-D pool applied to an image
input([8, 8, 3]).apply(avgPool3d({ size: 2 }));
