/**
 * AlexNet (Krizhevsky et al., 2012), exactly as the seed note computes its first layer: a 227×227×3 image,
 * 96 kernels of 11×11×3, stride 4, padding 0, batch 256 → (227 − 11) / 4 + 1 = 55, so 55×55×96. The rest is
 * the original network to 1000 classes, with its two-tower convolutions as `groups: 2` (conv2, conv4, conv5):
 * 60,965,224 parameters. Local response normalisation and dropout are left out; neither changes a shape.
 *
 * Every `// shape:` comment is what the type checker computes for that line (hover `.shape`).
 */
import { input, model } from '../src/index.js';

/** 256 images of 227×227 RGB, NHWC. */
export const images = input([227, 227, 3], { batch: 256, name: 'images' });
// shape: readonly [256, 227, 227, 3]

/** conv1: 96 kernels 11×11×3, stride 4, padding 0. */
export const conv1 = images.conv2d({ filters: 96, kernel: 11, stride: 4, padding: 0, name: 'conv1' }).relu();
// shape: readonly [256, 55, 55, 96]
export const pool1 = conv1.maxPool2d({ size: 3, stride: 2 });
// shape: readonly [256, 27, 27, 96]
export const conv2 = pool1.conv2d({ filters: 256, kernel: 5, padding: 2, groups: 2, inChannels: 96, name: 'conv2' }).relu();
// shape: readonly [256, 27, 27, 256]
export const pool2 = conv2.maxPool2d({ size: 3, stride: 2 });
// shape: readonly [256, 13, 13, 256]
export const conv3 = pool2.conv2d({ filters: 384, kernel: 3, padding: 1, name: 'conv3' }).relu();
// shape: readonly [256, 13, 13, 384]
export const conv4 = conv3.conv2d({ filters: 384, kernel: 3, padding: 1, groups: 2, name: 'conv4' }).relu();
// shape: readonly [256, 13, 13, 384]
export const conv5 = conv4.conv2d({ filters: 256, kernel: 3, padding: 1, groups: 2, name: 'conv5' }).relu();
// shape: readonly [256, 13, 13, 256]
export const pool5 = conv5.maxPool2d({ size: 3, stride: 2 });
// shape: readonly [256, 6, 6, 256]
export const features = pool5.flatten();
// shape: readonly [256, 9216]             (6 · 6 · 256)
export const fc6 = features.dense({ units: 4096, inFeatures: 9216, name: 'fc6' }).relu();
// shape: readonly [256, 4096]
export const fc7 = fc6.dense({ units: 4096, name: 'fc7' }).relu();
// shape: readonly [256, 4096]
export const probabilities = fc7.dense({ units: 1000, name: 'fc8' }).softmax();
// shape: readonly [256, 1000]

/** The runnable network (allocates its ~61 M weights when called, so it is a function, not a constant). */
export const alexnet = (seed = 0) => model(images, probabilities, { seed });
