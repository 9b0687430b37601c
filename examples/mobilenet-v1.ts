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
 * The block is written ONCE, as a plain generic function — `depthwiseBlock(filters, stride)` — and applied 13
 * times; each `apply` computes and checks the shapes at that size. No spec type is written by hand. Every `// shape:` comment is what the type checker computes.
 */
import { batchNorm, conv2d, depthwiseConv2d, input, model, relu6, sequential } from '../src/index.js';

/** depthwise 3×3 (stride `stride`, 'same', no bias) + bn + relu6, then pointwise 1×1 to `filters` + bn + relu6. */
export function depthwiseBlock<const Filters extends number, const Stride extends number>(filters: Filters, stride: Stride) {
  return sequential(
    depthwiseConv2d({ kernel: 3, stride, padding: 'same', useBias: false }),
    batchNorm(),
    relu6(),
    conv2d({ filters, kernel: 1, useBias: false }),
    batchNorm(),
    relu6(),
  );
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
