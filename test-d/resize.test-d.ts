/**
 * The resize family at the type level: globalAvgPool2d / globalMaxPool2d, adaptiveAvgPool2d, upSampling2d,
 * zeroPadding2d, reshape.
 *
 * Positive shapes are published figures (ResNet-50's head, Keras ResNet50's stem, torchvision AlexNet's
 * adaptive pool, the TF DCGAN generator, VGG-16's flatten) or worked by hand from SEMANTICS.md §4 and the
 * layers' definitions (out = in·s; out = top + in + bottom; the reshape element count). Each negative is a
 * `// @ts-expect-error: <reason>` followed by the fallback shape and a next call that must NOT error; the exact
 * sentences are pinned by test/diagnostics/fixtures/resize.ts and at run time by test/layers/resize.test.ts.
 */
import { expectType } from 'tsd';
import { adaptiveAvgPool2d, globalAvgPool2d, globalMaxPool2d, input, reshape, sequential, upSampling2d, zeroPadding2d } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

declare const n: number;
declare const flag: boolean;

// ─── globalAvgPool2d / globalMaxPool2d ─────────────────────────────────────────────────────────────
// ResNet-50: the last stage is 7×7×2048; global average pooling feeds the 2048 → 1000 classifier.
const resnetHead = input([7, 7, 2048]).globalAvgPool2d();
expectType<Equal<typeof resnetHead.shape, readonly [number, 2048]>>(true);
const resnetLogits = resnetHead.dense({ units: 1000, inFeatures: 2048 });
expectType<Equal<typeof resnetLogits.shape, readonly [number, 1000]>>(true);
const keep = input([7, 7, 2048], { batch: 8 }).globalMaxPool2d({ keepDims: true });
expectType<Equal<typeof keep.shape, readonly [8, 1, 1, 2048]>>(true);
const noKeep = input([14, 14, 512]).globalMaxPool2d({ keepDims: false, name: 'gmp' });
expectType<Equal<typeof noKeep.shape, readonly [number, 512]>>(true);
// A non-literal keepDims: either shape.
const either = input([7, 7, 64]).globalAvgPool2d({ keepDims: flag });
expectType<Equal<typeof either.shape, readonly [number, 64] | readonly [number, 1, 1, 64]>>(true);
// Unknown spatial dims are fine: only C survives.
const unknownSpatial = input([n, n, 96]).globalAvgPool2d();
expectType<Equal<typeof unknownSpatial.shape, readonly [number, 96]>>(true);

// @ts-expect-error: a rank-2 tensor has no H and W to pool (reported on the receiver: the options are omitted)
const gapRank = input([100]).globalAvgPool2d();
expectType<Equal<typeof gapRank.shape, readonly [number, number]>>(true);
const gapRankNext = gapRank.dense({ units: 10 });
expectType<Equal<typeof gapRankNext.shape, readonly [number, 10]>>(true);

// @ts-expect-error: rank 2 with options given: still one error, on the receiver
const gmpRank = input([100]).globalMaxPool2d({ keepDims: true });
expectType<Equal<typeof gmpRank.shape, readonly [number, 1, 1, number]>>(true);

// @ts-expect-error: 'keepdims' is a typo of keepDims
const gapTypo = input([7, 7, 2048]).globalAvgPool2d({ keepdims: true });
expectType<Equal<typeof gapTypo.shape, readonly [number, 2048]>>(true);
const gapTypoNext = gapTypo.dense({ units: 10, inFeatures: 2048 });
expectType<Equal<typeof gapTypoNext.shape, readonly [number, 10]>>(true);

// ─── adaptiveAvgPool2d ─────────────────────────────────────────────────────────────────────────────
// torchvision AlexNet: AdaptiveAvgPool2d((6, 6)) then 256·6·6 = 9216 features, whatever the input size.
// On 224 the features are already 6×6; on 256 they are 7×7 (conv1 ⌊(256 + 4 − 11)/4⌋ + 1 = 63, pools 31, 15, 7).
const alex224 = input([224, 224, 3])
  .conv2d({ filters: 64, kernel: 11, stride: 4, padding: 2 })
  .relu()
  .maxPool2d({ size: 3, stride: 2 })
  .conv2d({ filters: 192, kernel: 5, padding: 2 })
  .relu()
  .maxPool2d({ size: 3, stride: 2 })
  .conv2d({ filters: 384, kernel: 3, padding: 1 })
  .conv2d({ filters: 256, kernel: 3, padding: 1 })
  .conv2d({ filters: 256, kernel: 3, padding: 1 })
  .maxPool2d({ size: 3, stride: 2 });
expectType<Equal<typeof alex224.shape, readonly [number, 6, 6, 256]>>(true);
const alexPooled = alex224.adaptiveAvgPool2d({ outputSize: [6, 6] }).flatten();
expectType<Equal<typeof alexPooled.shape, readonly [number, 9216]>>(true);
const alex256 = input([7, 7, 256]).adaptiveAvgPool2d({ outputSize: 6 }).flatten().dense({ units: 4096, inFeatures: 9216 });
expectType<Equal<typeof alex256.shape, readonly [number, 4096]>>(true);
// An output larger than the input is allowed (PyTorch: bins repeat cells), and an unknown input is fine.
const grow = input([2, 3, 5]).adaptiveAvgPool2d({ outputSize: [5, 4] });
expectType<Equal<typeof grow.shape, readonly [number, 5, 4, 5]>>(true);
const anySize = input([n, n, 512]).adaptiveAvgPool2d({ outputSize: 1 });
expectType<Equal<typeof anySize.shape, readonly [number, 1, 1, 512]>>(true);

// @ts-expect-error: adaptive pooling needs [B, H, W, C], not a flat vector
const adaptiveRank = input([9216]).adaptiveAvgPool2d({ outputSize: 6 });
expectType<Equal<typeof adaptiveRank.shape, readonly [number, number, number, number]>>(true);
const adaptiveRankNext = adaptiveRank.flatten();
expectType<Equal<typeof adaptiveRankNext.shape, readonly [number, number]>>(true);

// @ts-expect-error: an output size of 0 has no bins
const adaptiveZero = input([13, 13, 256]).adaptiveAvgPool2d({ outputSize: [6, 0] });
expectType<Equal<typeof adaptiveZero.shape, readonly [number, number, number, 256]>>(true);
const adaptiveZeroNext = adaptiveZero.conv2d({ filters: 8, kernel: 1, inChannels: 256 });
expectType<Equal<typeof adaptiveZeroNext.shape, readonly [number, number, number, 8]>>(true);

// @ts-expect-error: output_size is PyTorch's spelling; ours is outputSize
const adaptiveTypo = input([13, 13, 256]).adaptiveAvgPool2d({ outputSize: 6, output_size: 6 });
expectType<Equal<typeof adaptiveTypo.shape, readonly [number, number, number, 256]>>(true);

// ─── upSampling2d ──────────────────────────────────────────────────────────────────────────────────
// U-Net / FPN decoders: ×2 by default (Keras UpSampling2D size=(2, 2)).
const unetUp = input([28, 28, 512]).upSampling2d();
expectType<Equal<typeof unetUp.shape, readonly [number, 56, 56, 512]>>(true);
const unetJoin = unetUp.conv2d({ filters: 256, kernel: 2, padding: 'same' });
expectType<Equal<typeof unetJoin.shape, readonly [number, 56, 56, 256]>>(true);
const upPair = input([5, 7, 1]).upSampling2d({ size: [2, 3], interpolation: 'bilinear' });
expectType<Equal<typeof upPair.shape, readonly [number, 10, 21, 1]>>(true);
const upOne = input([5, 7, 1]).upSampling2d({ size: 1, interpolation: 'nearest' });
expectType<Equal<typeof upOne.shape, readonly [number, 5, 7, 1]>>(true);
const upUnknown = input([n, 7, 3]).upSampling2d({ size: 4 });
expectType<Equal<typeof upUnknown.shape, readonly [number, number, 28, 3]>>(true);
const upVariable = input([8, 8, 3]).upSampling2d({ size: n });
expectType<Equal<typeof upVariable.shape, readonly [number, number, number, 3]>>(true);
// Exact beyond 2^32: 2^26 · 2^26 = 2^52.
const upHuge = input([67108864, 1, 1]).upSampling2d({ size: [67108864, 1] });
expectType<Equal<typeof upHuge.shape, readonly [number, 4503599627370496, 1, 1]>>(true);

// @ts-expect-error: nothing to upsample in a rank-2 tensor (reported on the receiver)
const upRank = input([100]).upSampling2d();
expectType<Equal<typeof upRank.shape, readonly [number, number, number, number]>>(true);

// @ts-expect-error: a scale of 0 would remove the image
const upZero = input([14, 14, 512]).upSampling2d({ size: 0 });
expectType<Equal<typeof upZero.shape, readonly [number, number, number, 512]>>(true);
const upZeroNext = upZero.upSampling2d({ size: 2 });
expectType<Equal<typeof upZeroNext.shape, readonly [number, number, number, 512]>>(true);

// @ts-expect-error: scales are integers (1.5 is PyTorch's scale_factor; Keras sizes are integers)
const upFraction = input([14, 14, 512]).upSampling2d({ size: [2, 1.5] });
expectType<Equal<typeof upFraction.shape, readonly [number, number, number, 512]>>(true);

// @ts-expect-error: 'scale' is not an option (size is)
const upTypo = input([14, 14, 512]).upSampling2d({ scale: 2 });
expectType<Equal<typeof upTypo.shape, readonly [number, number, number, 512]>>(true);

// @ts-expect-error: 'cubic' is not one of the modes (TypeScript's own error: the option type is 'nearest' | 'bilinear')
input([14, 14, 512]).upSampling2d({ interpolation: 'cubic' });

// ─── zeroPadding2d ─────────────────────────────────────────────────────────────────────────────────
// Keras ResNet50: conv1_pad (None, 230, 230, 3), conv1_conv (None, 112, 112, 64), pool1_pad (None, 114, 114, 64),
// pool1_pool (None, 56, 56, 64).
const stemPad = input([224, 224, 3]).zeroPadding2d({ padding: 3 });
expectType<Equal<typeof stemPad.shape, readonly [number, 230, 230, 3]>>(true);
const stem = stemPad.conv2d({ filters: 64, kernel: 7, stride: 2 }).zeroPadding2d({ padding: [1, 1] }).maxPool2d({ size: 3, stride: 2 });
expectType<Equal<typeof stem.shape, readonly [number, 56, 56, 64]>>(true);
const padExplicit = input([224, 224, 3]).zeroPadding2d({ padding: [[3, 2], [0, 1]] });
expectType<Equal<typeof padExplicit.shape, readonly [number, 229, 225, 3]>>(true);
const padNone = input([5, 5, 3]).zeroPadding2d({ padding: 0 });
expectType<Equal<typeof padNone.shape, readonly [number, 5, 5, 3]>>(true);
const padUnknown = input([n, 5, 3]).zeroPadding2d({ padding: [1, 2] });
expectType<Equal<typeof padUnknown.shape, readonly [number, number, 9, 3]>>(true);

// @ts-expect-error: a flat vector has no H and W to pad
const padRank = input([100]).zeroPadding2d({ padding: 1 });
expectType<Equal<typeof padRank.shape, readonly [number, number, number, number]>>(true);

// @ts-expect-error: padding cannot be negative (that would be cropping)
const padNegative = input([224, 224, 3]).zeroPadding2d({ padding: -1 });
expectType<Equal<typeof padNegative.shape, readonly [number, number, number, 3]>>(true);
const padNegativeNext = padNegative.zeroPadding2d({ padding: 1 });
expectType<Equal<typeof padNegativeNext.shape, readonly [number, number, number, 3]>>(true);

// @ts-expect-error: a negative explicit left padding
const padNegativeExplicit = input([224, 224, 3]).zeroPadding2d({ padding: [[0, 1], [-2, 0]] });
expectType<Equal<typeof padNegativeExplicit.shape, readonly [number, number, number, 3]>>(true);

// @ts-expect-error: 'same' is not a zero-padding amount
input([224, 224, 3]).zeroPadding2d({ padding: 'same' });

// @ts-expect-error: 'pad' is not an option (padding is)
const padTypo = input([224, 224, 3]).zeroPadding2d({ padding: 1, pad: 1 });
expectType<Equal<typeof padTypo.shape, readonly [number, number, number, 3]>>(true);

// ─── reshape ───────────────────────────────────────────────────────────────────────────────────────
// TF DCGAN tutorial generator: Dense(7·7·256) → Reshape((7, 7, 256)), output (None, 7, 7, 256).
const dcgan = input([100]).dense({ units: 12544 }).reshape({ shape: [7, 7, 256] });
expectType<Equal<typeof dcgan.shape, readonly [number, 7, 7, 256]>>(true);
const dcganUp = dcgan.conv2dTranspose({ filters: 128, kernel: 5, padding: 'same' });
expectType<Equal<typeof dcganUp.shape, readonly [number, 7, 7, 128]>>(true);
// VGG-16: 7·7·512 = 25,088, as flatten gives it; -1 inferred.
const vggFlat = input([7, 7, 512]).reshape({ shape: [25088] });
expectType<Equal<typeof vggFlat.shape, readonly [number, 25088]>>(true);
const vggTokens = input([7, 7, 512]).reshape({ shape: [49, -1] });
expectType<Equal<typeof vggTokens.shape, readonly [number, 49, 512]>>(true);
// 25,088 / (7·8·8 = 448) = 56.
const inferFirst = input([7, 7, 512]).reshape({ shape: [-1, 7, 8, 8] });
expectType<Equal<typeof inferFirst.shape, readonly [number, 56, 7, 8, 8]>>(true);
const toScalar = input([1]).reshape({ shape: [] });
expectType<Equal<typeof toScalar.shape, readonly [number]>>(true);
// Exact counts beyond 2^32 (digit strings): 2^20 · 2^20 · 4 = 2^42 elements.
const huge = input([1048576, 1048576, 4]).reshape({ shape: [4, -1] });
expectType<Equal<typeof huge.shape, readonly [number, 4, 1099511627776]>>(true);
// Unknown dims: nothing to check; an inferred -1 becomes number.
const reshapeUnknown = input([n, 7, 512]).reshape({ shape: [-1, 512] });
expectType<Equal<typeof reshapeUnknown.shape, readonly [number, number, 512]>>(true);
const reshapeVariable = input([7, 7, 512]).reshape({ shape: [n, 512] });
expectType<Equal<typeof reshapeVariable.shape, readonly [number, number, 512]>>(true);
const batched = input([4, 6], { batch: 3 }).reshape({ shape: [2, 12] });
expectType<Equal<typeof batched.shape, readonly [3, 2, 12]>>(true);

// @ts-expect-error: 100·200 = 20,000 elements, but the input has 7·7·512 = 25,088
const reshapeCount = input([7, 7, 512]).reshape({ shape: [100, 200] });
expectType<Equal<typeof reshapeCount.shape, readonly [number, 100, 200]>>(true);
const reshapeCountNext = reshapeCount.reshape({ shape: [20000] });
expectType<Equal<typeof reshapeCountNext.shape, readonly [number, 20000]>>(true);

// @ts-expect-error: 5 does not divide 25,088, so -1 has no integer value
const reshapeInfer = input([7, 7, 512]).reshape({ shape: [5, -1] });
expectType<Equal<typeof reshapeInfer.shape, readonly [number, 5, number]>>(true);

// @ts-expect-error: two -1 are ambiguous
const reshapeTwice = input([7, 7, 512]).reshape({ shape: [-1, 7, -1] });
expectType<Equal<typeof reshapeTwice.shape, readonly [number, number, 7, number]>>(true);

// @ts-expect-error: a dimension of 0
const reshapeZero = input([7, 7, 512]).reshape({ shape: [0, 25088] });
expectType<Equal<typeof reshapeZero.shape, readonly [number, number, 25088]>>(true);

// @ts-expect-error: -2 is neither a size nor the inferred -1
const reshapeNegative = input([7, 7, 512]).reshape({ shape: [-2, 25088] });
expectType<Equal<typeof reshapeNegative.shape, readonly [number, number, 25088]>>(true);

// @ts-expect-error: 'shapes' is not an option
const reshapeTypo = input([7, 7, 512]).reshape({ shape: [25088], shapes: [1] });
expectType<Equal<typeof reshapeTypo.shape, readonly [number, 25088]>>(true);

// ─── specs ─────────────────────────────────────────────────────────────────────────────────────────
const head = sequential(zeroPadding2d({ padding: 1 }), upSampling2d({ size: 2 }), adaptiveAvgPool2d({ outputSize: 3 }), globalAvgPool2d());
const applied = input([5, 5, 8]).apply(head);
expectType<Equal<typeof applied.shape, readonly [number, 8]>>(true);
const tokens = input([7, 7, 512]).apply(sequential(globalMaxPool2d({ keepDims: true }), reshape({ shape: [512] })));
expectType<Equal<typeof tokens.shape, readonly [number, 512]>>(true);

// @ts-expect-error: the spec's 20,000 elements do not fit this input's 25,088
input([7, 7, 512]).apply(reshape({ shape: [100, 200] }));

// @ts-expect-error: the factory checks ranges before any input
upSampling2d({ size: 0 });
