/**
 * GoogLeNet / Inception v1 (Szegedy et al., 2015) as torchvision builds it (`torchvision.models.googlenet`,
 * `aux_logits=False`), at 224×224: 6,624,904 parameters (torchvision's count; batch-norm γ and β included,
 * running statistics not) and 1,498,376,192 MACs (every conv and the fc; torchvision lists 1.50 GFLOPS, which are MACs).
 *
 * torchvision's conventions, kept so its weights load: every conv is a BasicConv2d — conv without bias, batch
 * norm with ε = 0.001, relu; the max pools between stages use ceil mode (112 → 56 → 28 → 14 → 7, where floor
 * mode would give 55, 27, 13, 7); the pool branch of each module pools 3×3, stride 1, padding 1, also in ceil
 * mode; and the quirk: the branch the paper gives a 5×5 conv uses a 3×3 conv (padding 1) in torchvision (a
 * known bug kept for its pretrained weights), which is why the count is 6.6 M, not the paper's ~7 M. No
 * auxiliary heads (they only exist in training); the input rescaling of `transform_input` is preprocessing and
 * left out. The head is global average pooling (torchvision's `AdaptiveAvgPool2d((1, 1))` + flatten), dropout
 * 0.2, fc 1024 → 1000; the output is the logits.
 *
 * The Inception module is written ONCE, as a plain generic function — `inception(c1, c3r, c3, c5r, c5, pool)`
 * returning a `branches(...)` spec — and applied nine times; each `apply` computes the four branches' shapes at
 * that stage and checks they can be concatenated. No spec type is written by hand. Every `// shape:` comment is what the
 * type checker computes.
 */
import { batchNorm, branches, conv2d, input, maxPool2d, model, relu, sequential } from '../src/index.js';

const bnOptions = { epsilon: 1e-3 } as const;

/** torchvision's BasicConv2d: conv (no bias, stride 1) + batch norm + relu. */
export function basicConv<const Filters extends number, const Kernel extends number, const Padding extends number>(
  filters: Filters,
  kernel: Kernel,
  padding: Padding,
) {
  return sequential(conv2d({ filters, kernel, padding, useBias: false }), batchNorm(bnOptions), relu());
}

/**
 * An Inception module: 1×1 | 1×1 → 3×3 | 1×1 → "5×5" (3×3 in torchvision) | pool (3×3, stride 1, padding 1,
 * ceil mode) → 1×1, concatenated: `c1 + c3 + c5 + pool` output channels (torchvision's argument order, minus in_channels).
 */
export function inception<
  const C1 extends number,
  const C3r extends number,
  const C3 extends number,
  const C5r extends number,
  const C5 extends number,
  const Pool extends number,
>(c1: C1, c3r: C3r, c3: C3, c5r: C5r, c5: C5, pool: Pool) {
  return branches(
    basicConv(c1, 1, 0),
    sequential(basicConv(c3r, 1, 0), basicConv(c3, 3, 1)),
    sequential(basicConv(c5r, 1, 0), basicConv(c5, 3, 1)),
    sequential(maxPool2d({ size: 3, stride: 1, padding: 1, ceilMode: true }), basicConv(pool, 1, 0)),
  );
}

/** The ceil-mode 3×3 stride-2 pool between stages. */
const downsample = maxPool2d({ size: 3, stride: 2, ceilMode: true });

export const image = input([224, 224, 3], { name: 'image' });
// shape: readonly [number, 224, 224, 3]
export const stem1 = image.conv2d({ filters: 64, kernel: 7, stride: 2, padding: 3, useBias: false, name: 'conv1' }).batchNorm(bnOptions).relu();
// shape: readonly [number, 112, 112, 64]
export const pool1 = stem1.apply(downsample);
// shape: readonly [number, 56, 56, 64]             ceil mode: ⌈(112 − 3)/2⌉ + 1 = 56 (floor: 55)
export const stem2 = pool1
  .conv2d({ filters: 64, kernel: 1, useBias: false, name: 'conv2' }).batchNorm(bnOptions).relu()
  .conv2d({ filters: 192, kernel: 3, padding: 1, useBias: false, name: 'conv3' }).batchNorm(bnOptions).relu();
// shape: readonly [number, 56, 56, 192]
export const pool2 = stem2.apply(downsample);
// shape: readonly [number, 28, 28, 192]

export const inception3a = pool2.apply(inception(64, 96, 128, 16, 32, 32));
// shape: readonly [number, 28, 28, 256]            64 + 128 + 32 + 32
export const inception3b = inception3a.apply(inception(128, 128, 192, 32, 96, 64));
// shape: readonly [number, 28, 28, 480]
export const pool3 = inception3b.apply(downsample);
// shape: readonly [number, 14, 14, 480]

export const inception4a = pool3.apply(inception(192, 96, 208, 16, 48, 64));
// shape: readonly [number, 14, 14, 512]
export const inception4b = inception4a.apply(inception(160, 112, 224, 24, 64, 64));
// shape: readonly [number, 14, 14, 512]
export const inception4c = inception4b.apply(inception(128, 128, 256, 24, 64, 64));
// shape: readonly [number, 14, 14, 512]
export const inception4d = inception4c.apply(inception(112, 144, 288, 32, 64, 64));
// shape: readonly [number, 14, 14, 528]
export const inception4e = inception4d.apply(inception(256, 160, 320, 32, 128, 128));
// shape: readonly [number, 14, 14, 832]
export const pool4 = inception4e.maxPool2d({ size: 2, stride: 2, ceilMode: true });
// shape: readonly [number, 7, 7, 832]

export const inception5a = pool4.apply(inception(256, 160, 320, 32, 128, 128));
// shape: readonly [number, 7, 7, 832]
export const inception5b = inception5a.apply(inception(384, 192, 384, 48, 128, 128));
// shape: readonly [number, 7, 7, 1024]

export const logits = inception5b.globalAvgPool2d().dropout({ rate: 0.2 }).dense({ units: 1000, inFeatures: 1024, name: 'fc' });
// shape: readonly [number, 1000]

/** The runnable network (allocates its 6.6 M weights when called). */
export const googlenet = (seed = 0) => model(image, logits, { seed });
