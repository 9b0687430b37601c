/**
 * Small versions of the zoo networks, exported with toOnnx and run on onnxruntime-node (optimisations off
 * and 'all') against model.run on one random batch of 2, every bias and batch-norm statistic randomised:
 * - ResNet: the ResNet-50 stem at 40×40 and two bottlenecks of examples/resnet50.ts, then pool, dense, softmax;
 * - an Inception module of examples/googlenet.ts at 14×14 and the ceil-mode 3×3/2 pool (14 → 7);
 * - MobileNet v1: the stem and two depthwise blocks of examples/mobilenet-v1.ts at 16×16, then the head;
 * - a two-level U-Net of examples/unet.ts's blocks at 44×44 (pool, up-conv, crop, concat);
 * - a MobileNetV3-style block: expand, depthwise, squeeze-and-excitation (hard-sigmoid gate), hard-swish;
 * and the full example networks at 224: MobileNet v1 (features + probabilities), GoogLeNet and ResNet-50
 * logits (about 20 s of the two shared cores, most of it model.run of ResNet-50).
 */
import { afterAll, describe, it } from 'vitest';
import { add, concat, input, model, multiply } from '../../src/index.js';
import { depthwiseBlock } from '../../examples/mobilenet-v1.js';
import { inception } from '../../examples/googlenet.js';
import { bottleneck, projectedBottleneck } from '../../examples/resnet50.js';
import { doubleConv, pool, upConv } from '../../examples/unet.js';
import { ErrorLog } from '../model/helpers.js';
import { batchOf, expectSameAsOrt, randomizeWeights } from './helpers.js';

const log = new ErrorLog('onnx export, zoo blocks');
afterAll(() => log.print());

describe('toOnnx: zoo networks, small', () => {
  it('ResNet: stem + projectedBottleneck(16, 2) + bottleneck(16) + head at 40×40', async () => {
    const image = input([40, 40, 3]);
    const stem = image.conv2d({ filters: 16, kernel: 7, stride: 2, padding: 3, useBias: false }).batchNorm({ epsilon: 1e-5 }).relu().maxPool2d({ size: 3, stride: 2, padding: 1 });
    const body = stem.apply(projectedBottleneck(16, 2)).apply(bottleneck(16));
    const m = model(image, body.globalAvgPool2d().dense({ units: 10 }).softmax());
    randomizeWeights(m, 1);
    await expectSameAsOrt(m, [batchOf(m.inputShape, 2, 1)], log, 'resnet', 'resnet stack 40');
  });

  it('Inception module inception(8, 6, 8, 4, 6, 4) at 14×14 + ceil-mode pool', async () => {
    const x = input([14, 14, 16]);
    const m = model(x, x.apply(inception(8, 6, 8, 4, 6, 4)).maxPool2d({ size: 3, stride: 2, ceilMode: true }));
    randomizeWeights(m, 2);
    await expectSameAsOrt(m, [batchOf(m.inputShape, 2, 2)], log, 'inception', 'inception 14');
  });

  it('MobileNet v1: stem + depthwiseBlock(16, 1) + depthwiseBlock(32, 2) + head at 16×16', async () => {
    const image = input([16, 16, 3]);
    const stem = image.conv2d({ filters: 8, kernel: 3, stride: 2, padding: 'same', useBias: false }).batchNorm().relu6();
    const body = stem.apply(depthwiseBlock(16, 1)).apply(depthwiseBlock(32, 2));
    const m = model(image, body.globalAvgPool2d({ keepDims: true }).dropout({ rate: 0.001 }).conv2d({ filters: 10, kernel: 1 }).reshape({ shape: [10] }).softmax());
    randomizeWeights(m, 3);
    await expectSameAsOrt(m, [batchOf(m.inputShape, 2, 3)], log, 'mobilenet', 'mobilenet v1 16');
  });

  it('U-Net, two levels at 44×44: double convs, pool, up-conv, crop and concat', async () => {
    const tile = input([44, 44, 1]);
    const enc1 = tile.apply(doubleConv(8)); // 40
    const bottom = enc1.apply(pool).apply(doubleConv(16)); // 20 → 16
    const up = bottom.apply(upConv(8)); // 32
    const dec = concat([enc1.cropping2d({ cropping: 4 }), up]).apply(doubleConv(8)); // 28
    const m = model(tile, dec.conv2d({ filters: 2, kernel: 1 }).softmax());
    randomizeWeights(m, 4);
    await expectSameAsOrt(m, [batchOf(m.inputShape, 2, 4)], log, 'unet', 'unet 44');
  });

  it('MobileNetV3-style block: expand, depthwise 5×5/2, squeeze-and-excitation, hard-swish, residual', async () => {
    const x = input([12, 12, 8]);
    const expand = x.conv2d({ filters: 24, kernel: 1, useBias: false }).batchNorm().hardSwish();
    const dw = expand.depthwiseConv2d({ kernel: 5, padding: 'same', useBias: false }).batchNorm().hardSwish();
    const gate = dw.globalAvgPool2d().dense({ units: 6 }).relu().dense({ units: 24 }).hardSigmoid();
    const project = multiply(dw, gate).conv2d({ filters: 8, kernel: 1, useBias: false }).batchNorm();
    const m = model(x, add(project, x).zeroPadding2d({ padding: 1 }).upSampling2d({ interpolation: 'bilinear' }).adaptiveAvgPool2d({ outputSize: 5 }));
    randomizeWeights(m, 5);
    await expectSameAsOrt(m, [batchOf(m.inputShape, 2, 5)], log, 'mobilenet v3 block', 'mbv3 block 12');
  });
});

/** The full example networks at 224: their logits (or, for MobileNet, the pooled features and the probabilities). */
describe('toOnnx: full-size zoo models', () => {
  it('MobileNet v1 1.0 @224 (examples/mobilenet-v1.ts): pooled features and probabilities, batch 2', async () => {
    const { image, pooled, probabilities } = await import('../../examples/mobilenet-v1.js');
    const m = model([image], [pooled, probabilities], { seed: 6 });
    randomizeWeights(m, 6);
    await expectSameAsOrt(m, [batchOf(image.shape, 2, 6)], log, 'mobilenet v1 full', 'mobilenet v1 224', {}, true);
  }, 120_000);

  it('GoogLeNet @224 (examples/googlenet.ts): logits, batch 2', async () => {
    const { googlenet } = await import('../../examples/googlenet.js');
    const m = googlenet(7);
    randomizeWeights(m, 7);
    await expectSameAsOrt(m, [batchOf(m.inputShape, 2, 7)], log, 'googlenet full', 'googlenet 224');
  }, 120_000);

  it('ResNet-50 @224 (examples/resnet50.ts): logits, batch 1', async () => {
    const { image, logits } = await import('../../examples/resnet50.js');
    const m = model(image, logits, { seed: 8 });
    randomizeWeights(m, 8);
    await expectSameAsOrt(m, [batchOf(m.inputShape, 1, 8)], log, 'resnet50 full', 'resnet50 224');
  }, 180_000);
});
