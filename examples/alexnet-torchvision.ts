/**
 * AlexNet as torchvision builds it (`torchvision.models.alexnet`, after Krizhevsky's "One weird trick", 2014):
 * one tower, conv1 with 64 kernels 11×11, stride 4, padding 2 on a 224×224 image; conv2 192 kernels 5×5;
 * conv3–5 384, 256, 256 kernels 3×3; an adaptive average pool to 6×6; a classifier with dropout 0.5 before
 * each of its first two linear layers. 61,100,840 parameters and 714,188,480 MACs (0.714 GMACs: the 5 convs
 * and 3 linear layers; pooling counts no MACs), both as torchvision / ptflops report them.
 *
 * Conventions: the output is the logits (torchvision has no softmax). NHWC throughout, so `flatten` reads
 * the 6×6×256 map in h·W·C + w·C + c order; torchvision's fc6 weight must be reordered `[F, C, H, W] →
 * [F, H, W, C]` before it is loaded (SEMANTICS.md §5). At 224 the adaptive pool is the identity (the map is
 * already 6×6); it is kept so other input sizes work as in torchvision.
 *
 * Each stage is a spec written once and applied with `.apply`; every `// shape:` comment is what the type
 * checker computes for that line (hover `.shape`).
 */
import { adaptiveAvgPool2d, conv2d, dense, dropout, flatten, input, maxPool2d, model, relu, sequential } from '../src/index.js';

export const conv1 = sequential(conv2d({ filters: 64, kernel: 11, stride: 4, padding: 2, name: 'conv1' }), relu());
export const pool1 = maxPool2d({ size: 3, stride: 2, name: 'pool1' });
export const conv2 = sequential(conv2d({ filters: 192, kernel: 5, padding: 2, inChannels: 64, name: 'conv2' }), relu());
export const pool2 = maxPool2d({ size: 3, stride: 2, name: 'pool2' });
export const conv3 = sequential(conv2d({ filters: 384, kernel: 3, padding: 1, inChannels: 192, name: 'conv3' }), relu());
export const conv4 = sequential(conv2d({ filters: 256, kernel: 3, padding: 1, inChannels: 384, name: 'conv4' }), relu());
export const conv5 = sequential(conv2d({ filters: 256, kernel: 3, padding: 1, inChannels: 256, name: 'conv5' }), relu());
export const pool5 = maxPool2d({ size: 3, stride: 2, name: 'pool5' });
export const avgpool = adaptiveAvgPool2d({ outputSize: 6, name: 'avgpool' });
export const classifier = sequential(
  flatten({ name: 'flatten' }),
  dropout({ rate: 0.5 }),
  dense({ units: 4096, inFeatures: 9216, name: 'fc6' }),
  relu(),
  dropout({ rate: 0.5 }),
  dense({ units: 4096, inFeatures: 4096, name: 'fc7' }),
  relu(),
  dense({ units: 1000, inFeatures: 4096, name: 'fc8' }),
);

export const image = input([224, 224, 3], { name: 'image' });
// shape: readonly [number, 224, 224, 3]
export const c1 = image.apply(conv1);
// shape: readonly [number, 55, 55, 64]          ⌊(224 + 2·2 − 11)/4⌋ + 1 = 55
export const p1 = c1.apply(pool1);
// shape: readonly [number, 27, 27, 64]
export const c2 = p1.apply(conv2);
// shape: readonly [number, 27, 27, 192]
export const p2 = c2.apply(pool2);
// shape: readonly [number, 13, 13, 192]
export const c3 = p2.apply(conv3);
// shape: readonly [number, 13, 13, 384]
export const c4 = c3.apply(conv4);
// shape: readonly [number, 13, 13, 256]
export const c5 = c4.apply(conv5);
// shape: readonly [number, 13, 13, 256]
export const p5 = c5.apply(pool5);
// shape: readonly [number, 6, 6, 256]
export const pooled = p5.apply(avgpool);
// shape: readonly [number, 6, 6, 256]           (flattened: 6 · 6 · 256 = 9216)
export const logits = pooled.apply(classifier);
// shape: readonly [number, 1000]

/** The runnable network (allocates its 61.1 M weights when called). */
export const alexnetTorchvision = (seed = 0) => model(image, logits, { seed });
