/**
 * Output shapes computed by the type checker through the public DSL, grouped by input class: the seed's
 * examples, the published architectures (AlexNet, VGG-16, ResNet, GoogLeNet, Inception-v3, U-Net, DeepLab,
 * DCGAN, LeNet, MobileNet), a literal batch, unknown dims, and dims up to 2^53 − 1.
 *
 * Expected sizes were computed outside the type system (plain JS over the SEMANTICS.md formulas; BigInt
 * for the large dims) and match the papers. `Equal` makes every check an identity check under plain `tsc`
 * as well as under tsd, so a `number` where a literal is due (or `never`) fails.
 */
import { expectType } from 'tsd';
import { input } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// ─── The seed (227×227 inputs) ─────────────────────────────────────────────────────────────────────
// AlexNet conv1: 96 kernels 11×11×3, stride 4, padding 0: (227 − 11) / 4 + 1 = 55.
const seedConv1 = input([227, 227, 3]).conv2d({ filters: 96, kernel: 11, stride: 4, padding: 0 });
expectType<Equal<typeof seedConv1.shape, readonly [number, 55, 55, 96]>>(true);
// 1×1 conv keeps 227×227 and maps 512 channels to 32.
const pointwise = input([227, 227, 512]).conv2d({ filters: 32, kernel: 1 });
expectType<Equal<typeof pointwise.shape, readonly [number, 227, 227, 32]>>(true);
// A dense layer is a conv whose kernel is the whole input: 6×6×256 → 1×1×4096.
const denseAsConv = input([6, 6, 256]).conv2d({ filters: 4096, kernel: 6 });
expectType<Equal<typeof denseAsConv.shape, readonly [number, 1, 1, 4096]>>(true);
const denseAsConvFlat = denseAsConv.flatten();
expectType<Equal<typeof denseAsConvFlat.shape, readonly [number, 4096]>>(true);
// Dilated conv keeps the size with p = d(k − 1)/2.
const dilated2 = input([64, 64, 32]).conv2d({ filters: 32, kernel: 3, dilation: 2, padding: 2 });
expectType<Equal<typeof dilated2.shape, readonly [number, 64, 64, 32]>>(true);
const dilated4 = dilated2.conv2d({ filters: 32, kernel: 3, dilation: 4, padding: 4 });
expectType<Equal<typeof dilated4.shape, readonly [number, 64, 64, 32]>>(true);
const dilated5x5 = dilated4.conv2d({ filters: 16, kernel: 5, dilation: 4, padding: 8 });
expectType<Equal<typeof dilated5x5.shape, readonly [number, 64, 64, 16]>>(true);

// ─── AlexNet (227×227×3, the original grouped-free layout) ─────────────────────────────────────────
const alexFeatures = input([227, 227, 3])
  .conv2d({ filters: 96, kernel: 11, stride: 4 }) // 55
  .relu()
  .maxPool2d({ size: 3, stride: 2 }) // 27
  .conv2d({ filters: 256, kernel: 5, padding: 2 }) // 27
  .relu()
  .maxPool2d({ size: 3, stride: 2 }) // 13
  .conv2d({ filters: 384, kernel: 3, padding: 1 })
  .relu()
  .conv2d({ filters: 384, kernel: 3, padding: 1 })
  .relu()
  .conv2d({ filters: 256, kernel: 3, padding: 1 }) // 13
  .relu()
  .maxPool2d({ size: 3, stride: 2 }); // 6
expectType<Equal<typeof alexFeatures.shape, readonly [number, 6, 6, 256]>>(true);
const alexFlat = alexFeatures.flatten();
expectType<Equal<typeof alexFlat.shape, readonly [number, 9216]>>(true);
const alexLogits = alexFlat.dense({ units: 4096, inFeatures: 9216 }).relu().dense({ units: 4096 }).relu().dense({ units: 1000 });
expectType<Equal<typeof alexLogits.shape, readonly [number, 1000]>>(true);
// torchvision's AlexNet variant on 224 (k11 s4 p2): also 55.
const torchAlex = input([224, 224, 3]).conv2d({ filters: 64, kernel: 11, stride: 4, padding: 2 });
expectType<Equal<typeof torchAlex.shape, readonly [number, 55, 55, 64]>>(true);

// ─── Literal batch ─────────────────────────────────────────────────────────────────────────────────
const batched = input([227, 227, 3], { batch: 256 });
expectType<Equal<typeof batched.shape, readonly [256, 227, 227, 3]>>(true);
const batchedConv1 = batched.conv2d({ filters: 96, kernel: 11, stride: 4, padding: 0 });
expectType<Equal<typeof batchedConv1.shape, readonly [256, 55, 55, 96]>>(true);
const batchedLogits = batchedConv1.maxPool2d({ size: 3, stride: 2 }).flatten().dense({ units: 10 });
expectType<Equal<typeof batchedLogits.shape, readonly [256, 10]>>(true);
const batchOfOne = input([28, 28, 1], { batch: 1 }).flatten();
expectType<Equal<typeof batchOfOne.shape, readonly [1, 784]>>(true);

// ─── ImageNet 224×224: VGG-16 ──────────────────────────────────────────────────────────────────────
const vgg1 = input([224, 224, 3])
  .conv2d({ filters: 64, kernel: 3, padding: 1 })
  .relu()
  .conv2d({ filters: 64, kernel: 3, padding: 1 })
  .relu()
  .maxPool2d({ size: 2 });
expectType<Equal<typeof vgg1.shape, readonly [number, 112, 112, 64]>>(true);
const vgg2 = vgg1
  .conv2d({ filters: 128, kernel: 3, padding: 1 })
  .relu()
  .conv2d({ filters: 128, kernel: 3, padding: 1 })
  .relu()
  .maxPool2d({ size: 2, stride: 2 });
expectType<Equal<typeof vgg2.shape, readonly [number, 56, 56, 128]>>(true);
const vgg3 = vgg2
  .conv2d({ filters: 256, kernel: 3, padding: 1 })
  .relu()
  .conv2d({ filters: 256, kernel: 3, padding: 1 })
  .relu()
  .conv2d({ filters: 256, kernel: 3, padding: 1 })
  .relu()
  .maxPool2d({ size: 2 });
expectType<Equal<typeof vgg3.shape, readonly [number, 28, 28, 256]>>(true);
const vgg4 = vgg3
  .conv2d({ filters: 512, kernel: 3, padding: 1 })
  .relu()
  .conv2d({ filters: 512, kernel: 3, padding: 1 })
  .relu()
  .conv2d({ filters: 512, kernel: 3, padding: 1 })
  .relu()
  .maxPool2d({ size: 2 });
expectType<Equal<typeof vgg4.shape, readonly [number, 14, 14, 512]>>(true);
const vgg5 = vgg4
  .conv2d({ filters: 512, kernel: 3, padding: 'same' })
  .relu()
  .conv2d({ filters: 512, kernel: [3, 3], padding: [1, 1] })
  .relu()
  .conv2d({ filters: 512, kernel: 3, padding: [[1, 1], [1, 1]] })
  .relu()
  .maxPool2d({ size: [2, 2] });
expectType<Equal<typeof vgg5.shape, readonly [number, 7, 7, 512]>>(true);
const vggFlat = vgg5.flatten();
expectType<Equal<typeof vggFlat.shape, readonly [number, 25088]>>(true);
const vggOut = vggFlat.dense({ units: 4096, inFeatures: 25088 }).relu().dense({ units: 4096 }).relu().dense({ units: 1000 }).softmax();
expectType<Equal<typeof vggOut.shape, readonly [number, 1000]>>(true);

// ─── ImageNet 224×224: ResNet stem and stages ──────────────────────────────────────────────────────
const resStem = input([224, 224, 3]).conv2d({ filters: 64, kernel: 7, stride: 2, padding: 3, useBias: false });
expectType<Equal<typeof resStem.shape, readonly [number, 112, 112, 64]>>(true);
const resPool = resStem.relu().maxPool2d({ size: 3, stride: 2, padding: 1 });
expectType<Equal<typeof resPool.shape, readonly [number, 56, 56, 64]>>(true);
const resStage2 = resPool.conv2d({ filters: 128, kernel: 3, stride: 2, padding: 1 });
expectType<Equal<typeof resStage2.shape, readonly [number, 28, 28, 128]>>(true);
const resShortcut = resPool.conv2d({ filters: 128, kernel: 1, stride: 2 }); // projection shortcut
expectType<Equal<typeof resShortcut.shape, readonly [number, 28, 28, 128]>>(true);
const resStage5 = resStage2.conv2d({ filters: 256, kernel: 3, stride: 2, padding: 1 }).conv2d({ filters: 512, kernel: 3, stride: 2, padding: 1 });
expectType<Equal<typeof resStage5.shape, readonly [number, 7, 7, 512]>>(true);
const resHead = resStage5.avgPool2d({ size: 7 }).flatten().dense({ units: 1000, inFeatures: 512 });
expectType<Equal<typeof resHead.shape, readonly [number, 1000]>>(true);

// ─── ImageNet 224×224: GoogLeNet ceil-mode pools ───────────────────────────────────────────────────
const gStem = input([224, 224, 3]).conv2d({ filters: 64, kernel: 7, stride: 2, padding: 3 });
expectType<Equal<typeof gStem.shape, readonly [number, 112, 112, 64]>>(true);
const gPool1 = gStem.maxPool2d({ size: 3, stride: 2, ceilMode: true });
expectType<Equal<typeof gPool1.shape, readonly [number, 56, 56, 64]>>(true);
const gPool2 = gPool1.conv2d({ filters: 192, kernel: 3, padding: 1 }).maxPool2d({ size: 3, stride: 2, ceilMode: true });
expectType<Equal<typeof gPool2.shape, readonly [number, 28, 28, 192]>>(true);
const gPool3 = gPool2.conv2d({ filters: 480, kernel: 1 }).maxPool2d({ size: 3, stride: 2, ceilMode: true });
expectType<Equal<typeof gPool3.shape, readonly [number, 14, 14, 480]>>(true);
const gPool4 = gPool3.conv2d({ filters: 832, kernel: 1 }).maxPool2d({ size: 2, stride: 2, ceilMode: true });
expectType<Equal<typeof gPool4.shape, readonly [number, 7, 7, 832]>>(true);
const gAvg = gPool4.avgPool2d({ size: 7, stride: 1 });
expectType<Equal<typeof gAvg.shape, readonly [number, 1, 1, 832]>>(true);
// The same pools in floor mode: 55, 27, 13.
const gFloor1 = gStem.maxPool2d({ size: 3, stride: 2 });
expectType<Equal<typeof gFloor1.shape, readonly [number, 55, 55, 64]>>(true);
const gFloor2 = input([56, 56, 8]).maxPool2d({ size: 3, stride: 2, ceilMode: false });
expectType<Equal<typeof gFloor2.shape, readonly [number, 27, 27, 8]>>(true);
const gFloor3 = input([28, 28, 8]).maxPool2d({ size: 3, stride: 2 });
expectType<Equal<typeof gFloor3.shape, readonly [number, 13, 13, 8]>>(true);

// ─── ImageNet 224×224: MobileNet-v1 ('same' padding, depthwise as groups = channels) ───────────────
const mbStem = input([224, 224, 3]).conv2d({ filters: 32, kernel: 3, stride: 2, padding: 'same' });
expectType<Equal<typeof mbStem.shape, readonly [number, 112, 112, 32]>>(true);
const mbBlock = mbStem
  .conv2d({ filters: 32, kernel: 3, padding: 'same', groups: 32 })
  .conv2d({ filters: 64, kernel: 1 })
  .conv2d({ filters: 64, kernel: 3, stride: 2, padding: 'same', groups: 64 })
  .conv2d({ filters: 128, kernel: 1 });
expectType<Equal<typeof mbBlock.shape, readonly [number, 56, 56, 128]>>(true);
const mbDown = mbBlock
  .conv2d({ filters: 128, kernel: 3, stride: 2, padding: 'same', groups: 128 })
  .conv2d({ filters: 256, kernel: 3, stride: 2, padding: 'same', groups: 128 })
  .conv2d({ filters: 512, kernel: 3, stride: 2, padding: 'same', groups: 256 });
expectType<Equal<typeof mbDown.shape, readonly [number, 7, 7, 512]>>(true);
// TF 'same' at stride 2 on an even size pads [0, 1]: the explicit form gives the same 112.
const tfPads = input([224, 224, 3]).conv2d({ filters: 32, kernel: 3, stride: 2, padding: [[0, 1], [0, 1]] });
expectType<Equal<typeof tfPads.shape, readonly [number, 112, 112, 32]>>(true);

// ─── Inception-v3 (299×299) ─────────────────────────────────────────────────────────────────────────
const v3a = input([299, 299, 3]).conv2d({ filters: 32, kernel: 3, stride: 2, padding: 'valid' });
expectType<Equal<typeof v3a.shape, readonly [number, 149, 149, 32]>>(true);
const v3b = v3a.conv2d({ filters: 32, kernel: 3 });
expectType<Equal<typeof v3b.shape, readonly [number, 147, 147, 32]>>(true);
const v3c = v3b.conv2d({ filters: 64, kernel: 3, padding: 'same' });
expectType<Equal<typeof v3c.shape, readonly [number, 147, 147, 64]>>(true);
const v3d = v3c.maxPool2d({ size: 3, stride: 2 });
expectType<Equal<typeof v3d.shape, readonly [number, 73, 73, 64]>>(true);
const v3e = v3d.conv2d({ filters: 80, kernel: 1 }).conv2d({ filters: 192, kernel: 3 }).maxPool2d({ size: 3, stride: 2 });
expectType<Equal<typeof v3e.shape, readonly [number, 35, 35, 192]>>(true);
const v3reduce = v3e.conv2d({ filters: 384, kernel: 3, stride: 2 });
expectType<Equal<typeof v3reduce.shape, readonly [number, 17, 17, 384]>>(true);
// factorized 1×7 / 7×1 convolutions keep 17×17
const v3factor = v3reduce.conv2d({ filters: 128, kernel: [1, 7], padding: [0, 3] }).conv2d({ filters: 192, kernel: [7, 1], padding: [3, 0] });
expectType<Equal<typeof v3factor.shape, readonly [number, 17, 17, 192]>>(true);
const v3last = v3factor.conv2d({ filters: 320, kernel: 3, stride: 2 }).avgPool2d({ size: 8, stride: 1 });
expectType<Equal<typeof v3last.shape, readonly [number, 1, 1, 320]>>(true);

// ─── U-Net (572×572, valid convolutions) ───────────────────────────────────────────────────────────
const unet1 = input([572, 572, 1]).conv2d({ filters: 64, kernel: 3 });
expectType<Equal<typeof unet1.shape, readonly [number, 570, 570, 64]>>(true);
const unet2 = unet1.relu().conv2d({ filters: 64, kernel: 3 }).relu();
expectType<Equal<typeof unet2.shape, readonly [number, 568, 568, 64]>>(true);
const unetDown1 = unet2.maxPool2d({ size: 2 });
expectType<Equal<typeof unetDown1.shape, readonly [number, 284, 284, 64]>>(true);
const unetBottom = unetDown1
  .conv2d({ filters: 128, kernel: 3 })
  .conv2d({ filters: 128, kernel: 3 }) // 280
  .maxPool2d({ size: 2 })
  .conv2d({ filters: 256, kernel: 3 })
  .conv2d({ filters: 256, kernel: 3 }) // 136
  .maxPool2d({ size: 2 })
  .conv2d({ filters: 512, kernel: 3 })
  .conv2d({ filters: 512, kernel: 3 }) // 64
  .maxPool2d({ size: 2 })
  .conv2d({ filters: 1024, kernel: 3 })
  .conv2d({ filters: 1024, kernel: 3 });
expectType<Equal<typeof unetBottom.shape, readonly [number, 28, 28, 1024]>>(true);
const unetUp = unetBottom.conv2dTranspose({ filters: 512, kernel: 2, stride: 2 });
expectType<Equal<typeof unetUp.shape, readonly [number, 56, 56, 512]>>(true);
const unetUpConv = unetUp.conv2d({ filters: 512, kernel: 3 }).conv2d({ filters: 512, kernel: 3 });
expectType<Equal<typeof unetUpConv.shape, readonly [number, 52, 52, 512]>>(true);

// ─── DeepLab ASPP on a 33×33 feature map ───────────────────────────────────────────────────────────
const aspp18 = input([33, 33, 2048]).conv2d({ filters: 256, kernel: 3, dilation: 18, padding: 'same' });
expectType<Equal<typeof aspp18.shape, readonly [number, 33, 33, 256]>>(true);
const aspp18Explicit = input([33, 33, 2048]).conv2d({ filters: 256, kernel: 3, dilation: 18, padding: 18 });
expectType<Equal<typeof aspp18Explicit.shape, readonly [number, 33, 33, 256]>>(true);
const aspp6 = input([33, 33, 2048]).conv2d({ filters: 256, kernel: 3, dilation: 6, padding: 6 });
expectType<Equal<typeof aspp6.shape, readonly [number, 33, 33, 256]>>(true);
const aspp12 = input([33, 33, 2048]).conv2d({ filters: 256, kernel: [3, 3], dilation: [12, 12], padding: 'same' });
expectType<Equal<typeof aspp12.shape, readonly [number, 33, 33, 256]>>(true);
// a dilated kernel larger than the input is fine once padded: 65 wide, valid, dilation 18 → 29
const dilatedValid = input([65, 65, 8]).conv2d({ filters: 8, kernel: 3, dilation: 18 });
expectType<Equal<typeof dilatedValid.shape, readonly [number, 29, 29, 8]>>(true);

// ─── DCGAN (latent 1×1×100) ────────────────────────────────────────────────────────────────────────
const dcgan4 = input([1, 1, 100]).conv2dTranspose({ filters: 512, kernel: 4, stride: 1, padding: 0 });
expectType<Equal<typeof dcgan4.shape, readonly [number, 4, 4, 512]>>(true);
const dcgan8 = dcgan4.relu().conv2dTranspose({ filters: 256, kernel: 4, stride: 2, padding: 1 });
expectType<Equal<typeof dcgan8.shape, readonly [number, 8, 8, 256]>>(true);
const dcgan32 = dcgan8
  .conv2dTranspose({ filters: 128, kernel: 4, stride: 2, padding: 1 })
  .conv2dTranspose({ filters: 64, kernel: 4, stride: 2, padding: 1 });
expectType<Equal<typeof dcgan32.shape, readonly [number, 32, 32, 64]>>(true);
const dcgan64 = dcgan32.conv2dTranspose({ filters: 3, kernel: 4, stride: 2, padding: 1 }).tanh();
expectType<Equal<typeof dcgan64.shape, readonly [number, 64, 64, 3]>>(true);
const discriminator = input([64, 64, 3])
  .conv2d({ filters: 64, kernel: 4, stride: 2, padding: 1 })
  .conv2d({ filters: 128, kernel: 4, stride: 2, padding: 1 })
  .conv2d({ filters: 256, kernel: 4, stride: 2, padding: 1 })
  .conv2d({ filters: 512, kernel: 4, stride: 2, padding: 1 })
  .conv2d({ filters: 1, kernel: 4 })
  .sigmoid();
expectType<Equal<typeof discriminator.shape, readonly [number, 1, 1, 1]>>(true);
// other transposed forms: Keras 'same' (in·s), output padding, dilation
const tSame = input([16, 16, 8]).conv2dTranspose({ filters: 4, kernel: 3, stride: 2, padding: 'same' });
expectType<Equal<typeof tSame.shape, readonly [number, 32, 32, 4]>>(true);
const tOutputPadding = input([7, 7, 8]).conv2dTranspose({ filters: 4, kernel: 3, stride: 2, padding: 1, outputPadding: 1 });
expectType<Equal<typeof tOutputPadding.shape, readonly [number, 14, 14, 4]>>(true);
const tDilated = input([5, 5, 8]).conv2dTranspose({ filters: 4, kernel: 3, dilation: 2 });
expectType<Equal<typeof tDilated.shape, readonly [number, 9, 9, 4]>>(true);

// ─── Small inputs: LeNet-5 (32×32×1), MNIST (28×28×1), CIFAR (32×32×3) ────────────────────────────
const lenet = input([32, 32, 1])
  .conv2d({ filters: 6, kernel: 5 })
  .tanh()
  .avgPool2d({ size: 2 })
  .conv2d({ filters: 16, kernel: 5 })
  .tanh()
  .avgPool2d({ size: 2, stride: 2 });
expectType<Equal<typeof lenet.shape, readonly [number, 5, 5, 16]>>(true);
const lenetOut = lenet.flatten().dense({ units: 120, inFeatures: 400 }).dense({ units: 84 }).dense({ units: 10 }).softmax();
expectType<Equal<typeof lenetOut.shape, readonly [number, 10]>>(true);
const mnist = input([28, 28, 1])
  .conv2d({ filters: 32, kernel: 3, padding: 'same' })
  .maxPool2d({ size: 2 })
  .conv2d({ filters: 64, kernel: 3, padding: 1 })
  .maxPool2d({ size: 2 })
  .flatten();
expectType<Equal<typeof mnist.shape, readonly [number, 3136]>>(true);
const cifarSamePool = input([32, 32, 3]).maxPool2d({ size: 3, stride: 2, padding: 'same' });
expectType<Equal<typeof cifarSamePool.shape, readonly [number, 16, 16, 3]>>(true);
const cifarCeilPadded = input([32, 32, 3]).avgPool2d({ size: 3, stride: 2, padding: 1, ceilMode: true, countIncludePad: false });
expectType<Equal<typeof cifarCeilPadded.shape, readonly [number, 17, 17, 3]>>(true);
const dilatedPool = input([32, 32, 3]).maxPool2d({ size: 3, stride: 1, dilation: 2 });
expectType<Equal<typeof dilatedPool.shape, readonly [number, 28, 28, 3]>>(true);
// ceil mode: the last window must start inside the input or left padding (5, k2, s2, p1 → 3, not 4)
const ceilCorrected = input([5, 5, 1]).maxPool2d({ size: 2, stride: 2, padding: 1, ceilMode: true });
expectType<Equal<typeof ceilCorrected.shape, readonly [number, 3, 3, 1]>>(true);
// in ceil mode a window may be larger than the input: 1, k2, s2 → 1
const ceilOversized = input([1, 1, 1]).maxPool2d({ size: 2, stride: 2, ceilMode: true });
expectType<Equal<typeof ceilOversized.shape, readonly [number, 1, 1, 1]>>(true);
// a 1×1 kernel with stride 2 and 'same' pads nothing: ⌈5/2⌉ = 3
const sameNoPad = input([5, 5, 4]).conv2d({ filters: 4, kernel: 1, stride: 2, padding: 'same' });
expectType<Equal<typeof sameNoPad.shape, readonly [number, 3, 3, 4]>>(true);
// non-square everything
const rect = input([9, 11, 3]).conv2d({ filters: 8, kernel: [3, 5], stride: [2, 1], padding: [[1, 0], [2, 2]] });
expectType<Equal<typeof rect.shape, readonly [number, 4, 11, 8]>>(true);

// ─── Unknown dims (`number`) flow through; literal checks on the known axes still run ──────────────
declare const n: number;
const unknownHeight = input([n, 227, 3]);
expectType<Equal<typeof unknownHeight.shape, readonly [number, number, 227, 3]>>(true);
const unknownHeightConv = unknownHeight.conv2d({ filters: 96, kernel: 11, stride: 4, inChannels: 3 });
expectType<Equal<typeof unknownHeightConv.shape, readonly [number, number, 55, 96]>>(true);
const unknownHeightPool = unknownHeightConv.maxPool2d({ size: 3, stride: 2 });
expectType<Equal<typeof unknownHeightPool.shape, readonly [number, number, 27, 96]>>(true);
const unknownHeightFlat = unknownHeightPool.flatten();
expectType<Equal<typeof unknownHeightFlat.shape, readonly [number, number]>>(true);
const unknownHeightDense = unknownHeightFlat.dense({ units: 10, inFeatures: 4096 }); // not checkable: no error
expectType<Equal<typeof unknownHeightDense.shape, readonly [number, 10]>>(true);
const unknownChannels = input([32, 32, n]).conv2d({ filters: 16, kernel: 3, groups: 4, inChannels: 64 });
expectType<Equal<typeof unknownChannels.shape, readonly [number, 30, 30, 16]>>(true);
declare const k: number;
const unknownKernel = input([32, 32, 3]).conv2d({ filters: 16, kernel: k });
expectType<Equal<typeof unknownKernel.shape, readonly [number, number, number, 16]>>(true);
const unknownKernelHeight = input([32, 32, 3]).conv2d({ filters: 16, kernel: [k, 3] });
expectType<Equal<typeof unknownKernelHeight.shape, readonly [number, number, 30, 16]>>(true);
declare const f: number;
const unknownFilters = input([32, 32, 3]).conv2d({ filters: f, kernel: 3 });
expectType<Equal<typeof unknownFilters.shape, readonly [number, 30, 30, number]>>(true);
const unknownUnits = input([100]).dense({ units: f });
expectType<Equal<typeof unknownUnits.shape, readonly [number, number]>>(true);
const unknownTranspose = input([n, 16, 8]).conv2dTranspose({ filters: 4, kernel: 4, stride: 2, padding: 1 });
expectType<Equal<typeof unknownTranspose.shape, readonly [number, number, 32, 4]>>(true);
const unknownSame = input([n, n, 8]).conv2d({ filters: 8, kernel: 3, stride: 2, padding: 'same' });
expectType<Equal<typeof unknownSame.shape, readonly [number, number, number, 8]>>(true);

// ─── Dims up to 2^53 − 1 ───────────────────────────────────────────────────────────────────────────
// 2^53 − 1 = 6361 · 69431 · 20394401: a flatten product exactly at the limit stays a literal …
const atLimit = input([6361, 69431, 20394401]).flatten();
expectType<Equal<typeof atLimit.shape, readonly [number, 9007199254740991]>>(true);
const atLimitDense = atLimit.dense({ units: 2, inFeatures: 9007199254740991 });
expectType<Equal<typeof atLimitDense.shape, readonly [number, 2]>>(true);
// … one factor larger is above it and becomes `number`.
const aboveLimit = input([6361, 69431, 20394402]).flatten();
expectType<Equal<typeof aboveLimit.shape, readonly [number, number]>>(true);
const hugeWide = input([1, 9007199254740991, 1]);
expectType<Equal<typeof hugeWide.shape, readonly [number, 1, 9007199254740991, 1]>>(true);
const hugeConv = hugeWide.conv2d({ filters: 1, kernel: [1, 3] });
expectType<Equal<typeof hugeConv.shape, readonly [number, 1, 9007199254740989, 1]>>(true);
const hugeStride = hugeWide.conv2d({ filters: 1, kernel: 1, stride: 2 });
expectType<Equal<typeof hugeStride.shape, readonly [number, 1, 4503599627370496, 1]>>(true);
const hugeAlex = hugeWide.conv2d({ filters: 1, kernel: [1, 11], stride: [1, 4] });
expectType<Equal<typeof hugeAlex.shape, readonly [number, 1, 2251799813685246, 1]>>(true);
const hugeSame = hugeWide.conv2d({ filters: 1, kernel: 3, padding: 'same', stride: 2 });
expectType<Equal<typeof hugeSame.shape, readonly [number, 1, 4503599627370496, 1]>>(true);
// a transposed conv that would grow past the limit widens to `number`
const hugeTranspose = hugeWide.conv2dTranspose({ filters: 1, kernel: 2, stride: 2 });
expectType<Equal<typeof hugeTranspose.shape, readonly [number, 2, number, 1]>>(true);

export {
  seedConv1, pointwise, denseAsConvFlat, dilated5x5, alexLogits, torchAlex, batchedLogits, batchOfOne, vggOut,
  resHead, resShortcut, gAvg, gFloor1, gFloor2, gFloor3, mbDown, tfPads, v3last, unetUpConv, aspp18, aspp18Explicit,
  aspp6, aspp12, dilatedValid, dcgan64, discriminator, tSame, tOutputPadding, tDilated, lenetOut, mnist,
  cifarSamePool, cifarCeilPadded, dilatedPool, ceilCorrected, ceilOversized, sameNoPad, rect, unknownHeightDense,
  unknownChannels, unknownKernel, unknownKernelHeight, unknownFilters, unknownUnits, unknownTranspose, unknownSame,
  atLimitDense, aboveLimit, hugeConv, hugeStride, hugeAlex, hugeSame, hugeTranspose,
};
