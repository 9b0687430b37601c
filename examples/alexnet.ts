/**
 * AlexNet (Krizhevsky et al., 2012), exactly as the seed note computes its first layer: a 227×227×3 image,
 * 96 kernels of 11×11×3, stride 4, padding 0, batch 256 → (227 − 11) / 4 + 1 = 55, so 55×55×96. The rest is
 * the original network to 1000 classes, with its two-tower convolutions as `groups: 2` (conv2, conv4, conv5):
 * 60,965,224 parameters. Local response normalisation and dropout are left out; neither changes a shape.
 *
 * Each stage is a spec (a value) written once: applied stage by stage to the seed's batch of 256 below, and
 * as one `sequential` to an input of any batch in `alexnet()` (what `npm run demo` runs).
 * Every `// shape:` comment is what the type checker computes for that line (hover `.shape`).
 */
import { conv2d, dense, flatten, input, maxPool2d, model, relu, sequential, softmax } from '../src/index.js';

/** conv1: 96 kernels 11×11×3, stride 4, padding 0. */
export const conv1 = sequential(conv2d({ filters: 96, kernel: 11, stride: 4, padding: 0, name: 'conv1' }), relu());
export const pool1 = maxPool2d({ size: 3, stride: 2, name: 'pool1' });
export const conv2 = sequential(conv2d({ filters: 256, kernel: 5, padding: 2, groups: 2, inChannels: 96, name: 'conv2' }), relu());
export const pool2 = maxPool2d({ size: 3, stride: 2, name: 'pool2' });
export const conv3 = sequential(conv2d({ filters: 384, kernel: 3, padding: 1, name: 'conv3' }), relu());
export const conv4 = sequential(conv2d({ filters: 384, kernel: 3, padding: 1, groups: 2, name: 'conv4' }), relu());
export const conv5 = sequential(conv2d({ filters: 256, kernel: 3, padding: 1, groups: 2, name: 'conv5' }), relu());
export const pool5 = maxPool2d({ size: 3, stride: 2, name: 'pool5' });
export const classifier = sequential(
  flatten(),
  dense({ units: 4096, inFeatures: 9216, name: 'fc6' }),
  relu(),
  dense({ units: 4096, name: 'fc7' }),
  relu(),
  dense({ units: 1000, name: 'fc8' }),
  softmax(),
);

/** The whole network as one spec. */
export const alexnetLayers = sequential(conv1, pool1, conv2, pool2, conv3, conv4, conv5, pool5, classifier);

/** The seed's batch: 256 images of 227×227 RGB, NHWC. */
export const images = input([227, 227, 3], { batch: 256, name: 'images' });
// shape: readonly [256, 227, 227, 3]
export const c1 = images.apply(conv1);
// shape: readonly [256, 55, 55, 96]
export const p1 = c1.apply(pool1);
// shape: readonly [256, 27, 27, 96]
export const c2 = p1.apply(conv2);
// shape: readonly [256, 27, 27, 256]
export const p2 = c2.apply(pool2);
// shape: readonly [256, 13, 13, 256]
export const c3 = p2.apply(conv3);
// shape: readonly [256, 13, 13, 384]
export const c4 = c3.apply(conv4);
// shape: readonly [256, 13, 13, 384]
export const c5 = c4.apply(conv5);
// shape: readonly [256, 13, 13, 256]
export const p5 = c5.apply(pool5);
// shape: readonly [256, 6, 6, 256]            (flattened: 6 · 6 · 256 = 9216)
export const probabilities = p5.apply(classifier);
// shape: readonly [256, 1000]

/** The runnable network for any batch (allocates its ~61 M weights when called, so it is a function). */
export function alexnet(seed = 0) {
  const x = input([227, 227, 3], { name: 'images' });
  return model(x, x.apply(alexnetLayers), { seed });
}
