/**
 * VGG-16 (Simonyan & Zisserman, 2015, configuration D), runnable: five blocks of 3×3 convolutions with
 * padding 1 (size kept), each ending in a 2×2 max pool (size halved), 224 → 112 → 56 → 28 → 14 → 7; then
 * flatten 7 · 7 · 512 = 25,088 and the classifier 4096 → 4096 → 1000 with dropout 0.5 after the first two
 * (the paper's regularisation; the identity at inference) and a softmax. 138,357,544 parameters and
 * 15,470,264,320 MACs (15.47 GMACs: 15.35 G in the 13 convs, 0.12 G in the 3 dense layers), as the paper,
 * Keras and torchvision count them. examples/vgg16.ts spells the same shapes out layer by layer; here a
 * block is written once — `vggBlock(filters, convs)` — and applied five times.
 *
 * The block is a plain generic function returning specs (no spec types, no casts): a VGG block is 2 or 3 ×
 * (conv 3×3 padding 1 + relu), then the pool; each `apply` computes and checks the shapes at the caller's size.
 *
 * Conventions: NHWC, so the flatten order is h·W·C + w·C + c (torchvision's fc6 weight must be reordered
 * `[F, C, H, W] → [F, H, W, C]`, SEMANTICS.md §5). Every `// shape:` comment is what the type checker computes.
 */
import { conv2d, dense, dropout, flatten, input, maxPool2d, model, relu, sequential, softmax } from '../src/index.js';

/** One 3×3 convolution with padding 1 (size kept) and its relu. */
function conv3x3<const Filters extends number>(filters: Filters) {
  return sequential(conv2d({ filters, kernel: 3, padding: 1 }), relu());
}

/** A VGG block: `convs` × (conv 3×3 p1 + relu), then a 2×2 max pool (configuration D has blocks of 2 and 3). */
export function vggBlock<const Filters extends number>(filters: Filters, convs: 2 | 3) {
  const pool = maxPool2d({ size: 2 });
  return convs === 2
    ? sequential(conv3x3(filters), conv3x3(filters), pool)
    : sequential(conv3x3(filters), conv3x3(filters), conv3x3(filters), pool);
}

export const classifier = sequential(
  flatten(),
  dense({ units: 4096, inFeatures: 25088, name: 'fc6' }),
  relu(),
  dropout({ rate: 0.5 }),
  dense({ units: 4096, inFeatures: 4096, name: 'fc7' }),
  relu(),
  dropout({ rate: 0.5 }),
  dense({ units: 1000, inFeatures: 4096, name: 'fc8' }),
  softmax(),
);

export const image = input([224, 224, 3], { name: 'image' });
// shape: readonly [number, 224, 224, 3]
export const block1 = image.apply(vggBlock(64, 2));
// shape: readonly [number, 112, 112, 64]
export const block2 = block1.apply(vggBlock(128, 2));
// shape: readonly [number, 56, 56, 128]
export const block3 = block2.apply(vggBlock(256, 3));
// shape: readonly [number, 28, 28, 256]
export const block4 = block3.apply(vggBlock(512, 3));
// shape: readonly [number, 14, 14, 512]
export const block5 = block4.apply(vggBlock(512, 3));
// shape: readonly [number, 7, 7, 512]             (flattened: 7 · 7 · 512 = 25088)
export const probabilities = block5.apply(classifier);
// shape: readonly [number, 1000]

/** The runnable network (allocates its 138.4 M weights when called, ~0.55 GB). */
export const vgg16 = (seed = 0) => model(image, probabilities, { seed });
