/**
 * VGG-16 (Simonyan & Zisserman, 2014), shapes only: thirteen 3×3 convolutions with padding 1 (size kept) in
 * five blocks, each ending in a 2×2 max pool (size halved): 224 → 112 → 56 → 28 → 14 → 7; then flatten
 * 7 · 7 · 512 = 25,088 and the classifier 4096 → 4096 → 1000. 138,357,544 parameters.
 */
import { input } from '../src/index.js';

export const image = input([224, 224, 3]);
// shape: readonly [number, 224, 224, 3]

export const block1 = image
  .conv2d({ filters: 64, kernel: 3, padding: 1 }).relu()
  .conv2d({ filters: 64, kernel: 3, padding: 1 }).relu()
  .maxPool2d({ size: 2 });
// shape: readonly [number, 112, 112, 64]

export const block2 = block1
  .conv2d({ filters: 128, kernel: 3, padding: 1 }).relu()
  .conv2d({ filters: 128, kernel: 3, padding: 1 }).relu()
  .maxPool2d({ size: 2 });
// shape: readonly [number, 56, 56, 128]

export const block3 = block2
  .conv2d({ filters: 256, kernel: 3, padding: 1 }).relu()
  .conv2d({ filters: 256, kernel: 3, padding: 1 }).relu()
  .conv2d({ filters: 256, kernel: 3, padding: 1 }).relu()
  .maxPool2d({ size: 2 });
// shape: readonly [number, 28, 28, 256]

export const block4 = block3
  .conv2d({ filters: 512, kernel: 3, padding: 1 }).relu()
  .conv2d({ filters: 512, kernel: 3, padding: 1 }).relu()
  .conv2d({ filters: 512, kernel: 3, padding: 1 }).relu()
  .maxPool2d({ size: 2 });
// shape: readonly [number, 14, 14, 512]

export const block5 = block4
  .conv2d({ filters: 512, kernel: 3, padding: 1 }).relu()
  .conv2d({ filters: 512, kernel: 3, padding: 1 }).relu()
  .conv2d({ filters: 512, kernel: 3, padding: 1 }).relu()
  .maxPool2d({ size: 2 });
// shape: readonly [number, 7, 7, 512]

export const features = block5.flatten();
// shape: readonly [number, 25088]

export const classifier = features
  .dense({ units: 4096, inFeatures: 25088 }).relu()
  .dense({ units: 4096 }).relu()
  .dense({ units: 1000 }).softmax();
// shape: readonly [number, 1000]
