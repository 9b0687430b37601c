/**
 * A 1×1 ("pointwise") convolution, the seed's second example and the bottleneck of GoogLeNet and ResNet: it
 * keeps the height and width (227×227) and changes only the channels, here 512 → 32. Each output pixel is a
 * dense layer over that pixel's 512 channels, so the kernel has 1·1·512·32 = 16,384 weights (plus 32 biases).
 */
import { input } from '../src/index.js';

export const activations = input([227, 227, 512]);
// shape: readonly [number, 227, 227, 512]

export const reduced = activations.conv2d({ filters: 32, kernel: 1 });
// shape: readonly [number, 227, 227, 32]

/** Stride still applies to a 1×1 kernel: it samples every other pixel, ⌊(227 − 1) / 2⌋ + 1 = 114. */
export const strided = activations.conv2d({ filters: 32, kernel: 1, stride: 2 });
// shape: readonly [number, 114, 114, 32]
