/**
 * ResNet-50 (He et al., 2016) as torchvision builds it (v1.5: the stride sits on the 3×3 conv), at 224×224:
 * 25,557,032 parameters and 4.089 GMACs. The bottleneck is written ONCE — `block(width, stride, project)`, typed by
 * `bottleneck(width)` and `projectedBottleneck(width, stride)` — and applied 16 times, at every stage's own size; each `apply` computes and checks the shapes there.
 *
 * Why a function returning a typed spec: a spec's sizes must be literal types for `apply` to compute shapes,
 * and inside a generic function they are type parameters. So the block's TYPE is spelled out (`Bottleneck`)
 * and its value is built from widened options, then narrowed to that type; the checks run at each `apply`,
 * on the caller's literal sizes. Batch norm uses PyTorch's ε = 1e-5 so torchvision weights can be loaded.
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
} from '../src/index.js';
import type { Conv2dOptions, LayerSpec, NameOption, ResidualSpec, SequentialSpec } from '../src/index.js';
import type { Multiply } from '../src/types-entry.js';

const bnOptions = { epsilon: 1e-5 } as const;

/** conv (no bias) + batch norm, the unit every ResNet layer is made of. */
export type ConvBn<F extends number, K extends number, S extends number, P extends number> = SequentialSpec<
  readonly [
    LayerSpec<'conv2d', { readonly filters: F; readonly kernel: K; readonly stride: S; readonly padding: P; readonly useBias: false }>,
    LayerSpec<'batchNorm', typeof bnOptions>,
  ]
>;
export type Relu = LayerSpec<'relu', NameOption>;

/** 1×1 reduce → 3×3 (stride here) → 1×1 expand ×4. */
type BottleneckBody<Width extends number, Stride extends number> = SequentialSpec<
  readonly [ConvBn<Width, 1, 1, 0>, Relu, ConvBn<Width, 3, Stride, 1>, Relu, ConvBn<Multiply<Width, 4>, 1, 1, 0>]
>;

/** The projection shortcut of a stage's first block: 1×1 conv to `4·Width` channels at the block's stride. */
type Projection<Width extends number, Stride extends number> = ConvBn<Multiply<Width, 4>, 1, Stride, 0>;

/** `relu(body(x) + shortcut(x))`; the shortcut is the identity (`undefined`) or a projection. */
export type Bottleneck<Width extends number, Stride extends number, Shortcut extends Projection<Width, Stride> | undefined> = SequentialSpec<
  readonly [ResidualSpec<BottleneckBody<Width, Stride>, Shortcut>, Relu]
>;

function convBn(filters: number, kernel: number, stride: number, padding: number) {
  const options: Conv2dOptions = { filters, kernel, stride, padding, useBias: false };
  return sequential(conv2d(options), batchNorm(bnOptions));
}

function block(width: number, stride: number, project: boolean) {
  const body = sequential(convBn(width, 1, 1, 0), relu(), convBn(width, 3, stride, 1), relu(), convBn(width * 4, 1, 1, 0));
  return sequential(residual(body, project ? convBn(width * 4, 1, stride, 0) : undefined), relu());
}

/** The bottleneck block with an identity shortcut: written once (`block`), typed for the caller's sizes. */
export function bottleneck<const Width extends number>(width: Width): Bottleneck<Width, 1, undefined> {
  return block(width, 1, false) as never;
}

/** A stage's first block: the same body, with a projection shortcut (and the stage's stride). */
export function projectedBottleneck<const Width extends number, const Stride extends number>(
  width: Width,
  stride: Stride,
): Bottleneck<Width, Stride, Projection<Width, Stride>> {
  return block(width, stride, true) as never;
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
