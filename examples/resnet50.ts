/**
 * ResNet-50 (He et al., 2016) as torchvision builds it (v1.5: the stride sits on the 3×3 conv), at 224×224:
 * 25,557,032 parameters and 4.089 GMACs. The bottleneck is written ONCE, as plain generic functions that return
 * specs — `bottleneck(width)` and `projectedBottleneck(width, stride)` — and applied 16 times, at every stage's
 * own size; each `apply` computes and checks the shapes there (a block applied where it does not fit is an
 * error at that `apply`, naming the inner layer). No spec type is written by hand: `times(width, 4)` keeps the
 * expansion literal (`Multiply<Width, 4>`). Batch norm uses PyTorch's ε = 1e-5 so torchvision weights can be loaded.
 */
import {
  batchNorm,
  conv2d,
  dense,
  globalAvgPool2d,
  input,
  maxPool2d,
  model,
  relu,
  residual,
  sequential,
  softmax,
  times,
} from '../src/index.js';

const bnOptions = { epsilon: 1e-5 } as const;

/** conv (no bias) + batch norm, the unit every ResNet layer is made of. */
export function convBn<const F extends number, const K extends number, const S extends number, const P extends number>(
  filters: F,
  kernel: K,
  stride: S,
  padding: P,
) {
  return sequential(conv2d({ filters, kernel, stride, padding, useBias: false }), batchNorm(bnOptions));
}

/** 1×1 reduce → 3×3 (stride here) → 1×1 expand ×4. */
function bottleneckBody<const Width extends number, const Stride extends number>(width: Width, stride: Stride) {
  return sequential(convBn(width, 1, 1, 0), relu(), convBn(width, 3, stride, 1), relu(), convBn(times(width, 4), 1, 1, 0));
}

/** The bottleneck block with an identity shortcut: `relu(body(x) + x)`. */
export function bottleneck<const Width extends number>(width: Width) {
  return sequential(residual(bottleneckBody(width, 1)), relu());
}

/** A stage's first block: the same body at the stage's stride, with a 1×1 projection shortcut to `4·width` channels. */
export function projectedBottleneck<const Width extends number, const Stride extends number>(width: Width, stride: Stride) {
  return sequential(residual(bottleneckBody(width, stride), convBn(times(width, 4), 1, stride, 0)), relu());
}

export const image = input([224, 224, 3], { name: 'image' });
// shape: readonly [number, 224, 224, 3]
export const stem = image
  .conv2d({ filters: 64, kernel: 7, stride: 2, padding: 3, useBias: false, name: 'conv1' })
  .batchNorm(bnOptions)
  .relu()
  .maxPool2d({ size: 3, stride: 2, padding: 1 });
// shape: readonly [number, 56, 56, 64]

const project64 = projectedBottleneck(64, 1);
const identity64 = bottleneck(64);
export const layer1 = stem.apply(project64).apply(identity64).apply(identity64);
// shape: readonly [number, 56, 56, 256]

const project128 = projectedBottleneck(128, 2);
const identity128 = bottleneck(128);
export const layer2 = layer1.apply(project128).apply(identity128).apply(identity128).apply(identity128);
// shape: readonly [number, 28, 28, 512]

const project256 = projectedBottleneck(256, 2);
const identity256 = bottleneck(256);
const layer3a = layer2.apply(project256).apply(identity256).apply(identity256);
export const layer3 = layer3a.apply(identity256).apply(identity256).apply(identity256);
// shape: readonly [number, 14, 14, 1024]

const project512 = projectedBottleneck(512, 2);
const identity512 = bottleneck(512);
export const layer4 = layer3.apply(project512).apply(identity512).apply(identity512);
// shape: readonly [number, 7, 7, 2048]

export const logits = layer4.globalAvgPool2d().dense({ units: 1000, inFeatures: 2048, name: 'fc' });
// shape: readonly [number, 1000]

/** The runnable network (allocates its 25.6 M weights when called). */
export const resnet50 = (seed = 0) => model(image, logits.softmax(), { seed });
