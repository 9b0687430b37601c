/**
 * A dense layer is a convolution whose kernel is the whole input (the seed's third example): on AlexNet's last
 * 6×6×256 feature map, a 6×6 kernel with 4096 filters fits exactly once, giving 1×1×4096 — the same 4096
 * numbers, with the same 6·6·256·4096 = 37,748,736 weights, as flattening to 9216 and applying `dense`.
 * (The weights are the same values in the same NHWC order: conv kernel `[6, 6, 256, 4096]` = dense
 * kernel `[9216, 4096]`.) This is how "fully convolutional" networks slide a classifier over larger images.
 */
import { input } from '../src/index.js';

export const featureMap = input([6, 6, 256]);
// shape: readonly [number, 6, 6, 256]

/** The convolution form: kernel = input size. */
export const asConv = featureMap.conv2d({ filters: 4096, kernel: 6 });
// shape: readonly [number, 1, 1, 4096]
export const asConvFlat = asConv.flatten();
// shape: readonly [number, 4096]

/** The dense form: flatten (6 · 6 · 256 = 9216), then dense. */
export const flat = featureMap.flatten();
// shape: readonly [number, 9216]
export const asDense = flat.dense({ units: 4096, inFeatures: 9216 });
// shape: readonly [number, 4096]

/** On a larger 8×8 map the same layer slides: 3×3 positions, each a 4096-way "dense" output. */
export const slid = input([8, 8, 256]).conv2d({ filters: 4096, kernel: 6 });
// shape: readonly [number, 3, 3, 4096]
