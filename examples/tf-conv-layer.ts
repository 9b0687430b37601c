/**
 * The seed's TensorFlow helper, written in convtype as a reusable chain:
 *
 *     def conv_layer(x, out_channel, k_size, stride, padding):
 *         in_channel = x.shape[3].value
 *         w = tf.Variable(tf.truncated_normal([k_size, k_size, in_channel, out_channel], mean=0, stddev=stddev))
 *         b = tf.Variable(tf.zeros(out_channel))
 *         y = tf.nn.conv2d(x, filter=w, strides=[1, stride, stride, 1], padding=padding)
 *         y = tf.nn.bias_add(y, b)
 *         y = tf.nn.relu(y)
 *         return x        # sic: the seed returns its input, not y
 *
 * In convtype the block is a spec (a value), applied to a tensor with `x.apply(...)`: `in_channel` is read from
 * the tensor it is applied to, the kernel is HWIO `[k, k, in, out]` as in TF, the bias starts at zero, and the
 * shape is computed — and checked — at each `apply`. The seed's `return x` bug cannot slip through here: a
 * block returning its input would have the input's shape, and every `// shape:` below would disagree.
 *
 * The block is a plain generic function returning a spec: inside it the sizes are type parameters, and the
 * checks that depend on them run at each `apply`, where the caller's literal sizes are known.
 */
import { conv2d, input, relu, sequential } from '../src/index.js';

/** The seed leaves `stddev` to the caller; 0.01 is AlexNet's. */
const kernelInitializer = { kind: 'truncatedNormal', mean: 0, stddev: 0.01 } as const;

/**
 * `conv_layer(x, out_channel, k_size, stride, padding)` as `x.apply(convLayer(out_channel, k_size, stride, padding))`:
 * conv (truncated-normal kernel, zero bias) + relu. TF's padding names, lower-cased as convtype spells them.
 */
export function convLayer<const OutChannel extends number, const KSize extends number, const Stride extends number, const Pad extends 'same' | 'valid'>(
  outChannel: OutChannel,
  kSize: KSize,
  stride: Stride,
  padding: Pad,
) {
  return sequential(conv2d({ filters: outChannel, kernel: kSize, stride, padding, kernelInitializer, biasInitializer: 'zeros' }), relu());
}

/** The seed's setting: a batch of 256 images of 227×227×3. */
export const x = input([227, 227, 3], { batch: 256 });
// shape: readonly [256, 227, 227, 3]

/** `conv_layer(x, 96, 11, 4, 'VALID')`: (227 − 11) / 4 + 1 = 55. */
export const y1 = x.apply(convLayer(96, 11, 4, 'valid'));
// shape: readonly [256, 55, 55, 96]

/** `conv_layer(y, 256, 5, 1, 'SAME')` after a 3×3/2 max pool: TF 'same' keeps ⌈27 / 1⌉ = 27. */
export const y2 = y1.maxPool2d({ size: 3, stride: 2 }).apply(convLayer(256, 5, 1, 'same'));
// shape: readonly [256, 27, 27, 256]

/** 'same' with stride 2 gives ⌈27 / 2⌉ = 14 (TF pads the odd extra row at the end). */
export const y3 = y2.apply(convLayer(384, 3, 2, 'same'));
// shape: readonly [256, 14, 14, 384]

/** One block, reused: the same spec value applied at two places, at each place's own size. */
export const block = convLayer(64, 3, 1, 'same');
export const small = input([32, 32, 3]).apply(block);
// shape: readonly [number, 32, 32, 64]
export const large = input([224, 224, 64]).apply(block);
// shape: readonly [number, 224, 224, 64]
