/**
 * VGG-16 (Simonyan & Zisserman, 2015, configuration D), runnable: five blocks of 3×3 convolutions with
 * padding 1 (size kept), each ending in a 2×2 max pool (size halved), 224 → 112 → 56 → 28 → 14 → 7; then
 * flatten 7 · 7 · 512 = 25,088 and the classifier 4096 → 4096 → 1000 with dropout 0.5 after the first two
 * (the paper's regularisation; the identity at inference) and a softmax. 138,357,544 parameters and
 * 15,470,264,320 MACs (15.47 GMACs: 15.35 G in the 13 convs, 0.12 G in the 3 dense layers), as the paper,
 * Keras and torchvision count them. examples/vgg16.ts spells the same shapes out layer by layer; here a
 * block is written once — `vggBlock(filters, convs)` — and applied five times.
 *
 * Why a function returning a typed spec (as in examples/resnet50.ts): inside a generic function the sizes are
 * type parameters, and the checked factories need literal options. So the block's TYPE is spelled out
 * (`VggBlock<Filters, Convs>`: `Convs` × (conv 3×3 + relu), then the pool) and its value is built from
 * widened options; each `apply` computes and checks the shapes on the caller's literal sizes.
 *
 * Conventions: NHWC, so the flatten order is h·W·C + w·C + c (torchvision's fc6 weight must be reordered
 * `[F, C, H, W] → [F, H, W, C]`, SEMANTICS.md §5). Every `// shape:` comment is what the type checker computes.
 */
import { conv2d, dense, dropout, flatten, input, maxPool2d, model, relu, sequential, softmax } from '../src/index.js';
import type { AnySpec, Conv2dOptions, LayerSpec, NameOption, SequentialSpec } from '../src/index.js';

/** One 3×3 convolution with padding 1 and its relu. */
type Conv3x3<Filters extends number> = [
  LayerSpec<'conv2d', { readonly filters: Filters; readonly kernel: 3; readonly padding: 1 }>,
  LayerSpec<'relu', NameOption>,
];

/** `Convs` copies of `Conv3x3<Filters>`, flattened into one tuple. */
type Repeat<Filters extends number, Convs extends number, Count extends 0[] = [], Acc extends AnySpec[] = []> = Count['length'] extends Convs
  ? Acc
  : Repeat<Filters, Convs, [...Count, 0], [...Acc, ...Conv3x3<Filters>]>;

/** The same, seen by the compiler as a spec list up front (comparing the bare recursion to `AnySpec[]` overflows its stack, TS2321). */
type ConvStack<Filters extends number, Convs extends number> = Repeat<Filters, Convs> extends infer Stack extends AnySpec[] ? Stack : never;

/** A VGG block: `Convs` × (conv 3×3 p1 + relu), then a 2×2 max pool. */
export type VggBlock<Filters extends number, Convs extends number> = SequentialSpec<
  readonly [...ConvStack<Filters, Convs>, LayerSpec<'maxPool2d', { readonly size: 2 }>]
>;

/** The block, written once and typed for the caller's sizes. */
export function vggBlock<const Filters extends number, const Convs extends number>(filters: Filters, convs: Convs): VggBlock<Filters, Convs> {
  const options: Conv2dOptions = { filters, kernel: 3, padding: 1 };
  const layers: AnySpec[] = [];
  for (let i = 0; i < convs; i++) layers.push(conv2d(options), relu());
  return sequential(...layers, maxPool2d({ size: 2 })) as never;
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
