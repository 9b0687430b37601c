/**
 * Dilated (atrous) convolutions that keep the input size. A k×k kernel with dilation d spans
 * d·(k − 1) + 1 pixels, so at stride 1 the padding that keeps the size is p = d·(k − 1) / 2 on each side
 * (the seed's rule; it needs d·(k − 1) even). `padding: 'same'` computes the same padding for you.
 */
import { input } from '../src/index.js';

export const x = input([64, 64, 32]);
// shape: readonly [number, 64, 64, 32]

/** d = 2, k = 3: spans 5 pixels, p = 2·(3 − 1)/2 = 2. */
export const rate2 = x.conv2d({ filters: 32, kernel: 3, dilation: 2, padding: 2 }).relu();
// shape: readonly [number, 64, 64, 32]

/** d = 4, k = 3: spans 9 pixels, p = 4·(3 − 1)/2 = 4. */
export const rate4 = rate2.conv2d({ filters: 32, kernel: 3, dilation: 4, padding: 4 }).relu();
// shape: readonly [number, 64, 64, 32]

/** The same two layers with 'same' padding. */
export const rate4Same = x
  .conv2d({ filters: 32, kernel: 3, dilation: 2, padding: 'same' })
  .relu()
  .conv2d({ filters: 32, kernel: 3, dilation: 4, padding: 'same' })
  .relu();
// shape: readonly [number, 64, 64, 32]

/** Without the padding the map shrinks by d·(k − 1): 64 − 8 = 56. */
export const unpadded = x.conv2d({ filters: 32, kernel: 3, dilation: 4 });
// shape: readonly [number, 56, 56, 32]
