/**
 * MobileNet v1 (Howard et al., 2017), width 1.0 at 224×224, as Keras builds it (`keras.applications.MobileNet`):
 * a 3×3 stride-2 conv, then 13 depthwise-separable blocks — depthwise 3×3 + batch norm + relu6, pointwise 1×1 +
 * batch norm + relu6 — five of them with stride 2 (224 → 112 → 56 → 28 → 14 → 7), global average pooling and a
 * 1×1 conv classifier. 4,231,976 trainable parameters (Keras' "Trainable params"; its total, 4,253,864, adds the
 * 21,888 batch-norm moving statistics, which are not trained) and 568,740,352 MACs (the paper's 569 M
 * Mult-Adds: convs, depthwise convs and the classifier).
 *
 * Keras' conventions, kept so its weights load: convs have no bias (batch norm follows; ε = 0.001, Keras'
 * default); 'same' padding everywhere — at stride 2 on an even size TF 'same' pads 0 rows on top and 1 at the
 * bottom, exactly Keras' `ZeroPadding2D(((0, 1), (0, 1)))` + 'valid' (SEMANTICS.md §1); the head is
 * `GlobalAveragePooling2D(keepdims=True)`, dropout 0.001, a 1×1 conv to 1000 classes with bias, a reshape to
 * `[1000]` and softmax.
 *
 * The block is written ONCE — `depthwiseBlock(filters, stride)`, typed `DepthwiseBlock<Filters, Stride>` — and
 * applied 13 times (as in examples/resnet50.ts: its sizes are type parameters inside the function, so the TYPE is
 * spelled out and the value built from widened options). Every `// shape:` comment is what the type checker computes.
 */
import { batchNorm, conv2d, depthwiseConv2d, input, model, relu6, sequential } from '../src/index.js';
import type { Conv2dOptions, DepthwiseConv2dOptions, LayerSpec, NameOption, SequentialSpec } from '../src/index.js';

type Bn = LayerSpec<'batchNorm', NameOption>;
type Relu6 = LayerSpec<'relu6', NameOption>;

/** depthwise 3×3 (stride `Stride`, 'same', no bias) + bn + relu6, then pointwise 1×1 to `Filters` + bn + relu6. */
export type DepthwiseBlock<Filters extends number, Stride extends number> = SequentialSpec<
  readonly [
    LayerSpec<'depthwiseConv2d', { readonly kernel: 3; readonly stride: Stride; readonly padding: 'same'; readonly useBias: false }>,
    Bn,
    Relu6,
    LayerSpec<'conv2d', { readonly filters: Filters; readonly kernel: 1; readonly useBias: false }>,
    Bn,
    Relu6,
  ]
>;

/** The block, written once and typed for the caller's sizes. */
export function depthwiseBlock<const Filters extends number, const Stride extends number>(filters: Filters, stride: Stride): DepthwiseBlock<Filters, Stride> {
  const depthwise: DepthwiseConv2dOptions = { kernel: 3, stride, padding: 'same', useBias: false };
  const pointwise: Conv2dOptions = { filters, kernel: 1, useBias: false };
  return sequential(depthwiseConv2d(depthwise), batchNorm(), relu6(), conv2d(pointwise), batchNorm(), relu6()) as never;
}

export const image = input([224, 224, 3], { name: 'image' });
// shape: readonly [number, 224, 224, 3]
export const conv1 = image.conv2d({ filters: 32, kernel: 3, stride: 2, padding: 'same', useBias: false, name: 'conv1' }).batchNorm().relu6();
// shape: readonly [number, 112, 112, 32]
export const block1 = conv1.apply(depthwiseBlock(64, 1));
// shape: readonly [number, 112, 112, 64]
export const block2 = block1.apply(depthwiseBlock(128, 2)).apply(depthwiseBlock(128, 1));
// shape: readonly [number, 56, 56, 128]
export const block4 = block2.apply(depthwiseBlock(256, 2)).apply(depthwiseBlock(256, 1));
// shape: readonly [number, 28, 28, 256]
export const block6 = block4.apply(depthwiseBlock(512, 2));
// shape: readonly [number, 14, 14, 512]
const block512 = depthwiseBlock(512, 1);
export const block11 = block6.apply(block512).apply(block512).apply(block512).apply(block512).apply(block512);
// shape: readonly [number, 14, 14, 512]
export const block13 = block11.apply(depthwiseBlock(1024, 2)).apply(depthwiseBlock(1024, 1));
// shape: readonly [number, 7, 7, 1024]
export const pooled = block13.globalAvgPool2d({ keepDims: true }).dropout({ rate: 0.001 });
// shape: readonly [number, 1, 1, 1024]
export const probabilities = pooled.conv2d({ filters: 1000, kernel: 1, name: 'conv_preds' }).reshape({ shape: [1000] }).softmax();
// shape: readonly [number, 1000]

/** The runnable network (allocates its 4.2 M weights when called). */
export const mobilenetV1 = (seed = 0) => model(image, probabilities, { seed });
