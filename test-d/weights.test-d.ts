/**
 * Typed checkpoints: `WeightsOf` of the LeNet example (named layers), of a small ResNet (auto names, a
 * projection shortcut, batch norms) and of the layouts README "The executor" states; `loadCheckpoint`
 * accepts a manifest that fits and rejects one that does not, at the manifest. The sentence and its line
 * are pinned on TS 7, 6 and 5.9 by test/diagnostics/fixtures/checkpoint.ts; the run-time twin by
 * test/model/checkpoint.test.ts.
 */
import { expectType } from 'tsd';
import { block1, block2, classifier, image, lenet } from '../examples/lenet.js';
import { input } from '../src/index.js';
import type { LayerSpec, Model } from '../src/index.js';
import { loadCheckpoint, type WeightsOf } from '../src/checkpoint-entry.js';
import type { WeightEntriesOf, WeightsFit } from '../src/types-entry.js';
import { manifest as lenetManifest } from '../test/fixtures/lenet/lenet.weights.js';
import { resnetManifest, resnetSpec, resnetInput, wrongManifest } from '../test/fixtures/checkpoints/resnet.js';
import { resnet50Input, resnet50Spec } from '../test/fixtures/checkpoints/resnet50.js';
import { manifest as resnet50Manifest } from '../test/fixtures/checkpoints/resnet50.weights.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// ─── LeNet (examples/lenet.ts): layer names from the `name` options, three specs in a row ───────────
type LeNet = WeightsOf<[typeof block1, typeof block2, typeof classifier], typeof image>;
declare const w: LeNet;
expectType<readonly [5, 5, 1, 6]>(w['conv1/kernel']);
expectType<readonly [6]>(w['conv1/bias']);
expectType<readonly [5, 5, 6, 16]>(w['conv2/kernel']);
expectType<readonly [16]>(w['bn2/gamma']);
expectType<readonly [16]>(w['bn2/movingVariance']);
expectType<readonly [400, 120]>(w['fc1/kernel']);
expectType<readonly [84, 10]>(w['fc3/kernel']);
expectType<Equal<keyof LeNet, 'conv1/kernel' | 'conv1/bias' | 'conv2/kernel' | 'conv2/bias' | 'bn2/gamma' | 'bn2/beta' | 'bn2/movingMean' | 'bn2/movingVariance' | 'fc1/kernel' | 'fc1/bias' | 'fc2/kernel' | 'fc2/bias' | 'fc3/kernel' | 'fc3/bias'>>(true);

// The manifest `convtype weights-types --pytorch` wrote from test/fixtures/lenet/lenet.safetensors fits.
expectType<true>({} as WeightsFit<WeightEntriesOf<[typeof block1, typeof block2, typeof classifier], typeof image>, typeof lenetManifest>);
declare const tensors: Record<string, { shape: number[]; data: Float32Array }>;
loadCheckpoint(lenet(), [block1, block2, classifier], lenetManifest, tensors);

// ─── a small ResNet: auto names `<kind>_<n>` in creation order (body before shortcut) ───────────────
type ResNet = WeightsOf<typeof resnetSpec, typeof resnetInput>;
declare const r: ResNet;
expectType<readonly [7, 7, 3, 16]>(r['conv2d_1/kernel']);
expectType<readonly [16]>(r['batchNorm_1/movingMean']);
expectType<readonly [3, 3, 16, 32]>(r['conv2d_2/kernel']); // body: 3×3 stride 2
expectType<readonly [1, 1, 16, 32]>(r['conv2d_4/kernel']); // projection shortcut, created after the body
expectType<readonly [32, 10]>(r['dense_1/kernel']);
expectType<Equal<'conv2d_2/bias' extends keyof ResNet ? 1 : 0, 0>>(true); // useBias: false
// The wrong checkpoint (one wrong shape, one missing, one extra entry) is rejected at the manifest.
declare const resnet: Model<typeof resnetInput.shape, readonly [number, 10]>;
loadCheckpoint(resnet, resnetSpec, resnetManifest, tensors);
// @ts-expect-error: conv2d_3/kernel has 16 input channels instead of 32, batchNorm_4/movingVariance is missing, fc/bias is extra
loadCheckpoint(resnet, resnetSpec, wrongManifest, tensors);

// ─── layouts (README "The executor") ───────────────────────────────────────────────────────────────
const x = input([32, 32, 8]);
expectType<readonly [3, 5, 2, 12]>({} as WeightsOf<LayerSpec<'conv2d', { filters: 12; kernel: [3, 5]; groups: 4 }>, typeof x>['conv2d_1/kernel']);
expectType<readonly [4, 4, 6, 8]>({} as WeightsOf<LayerSpec<'conv2dTranspose', { filters: 6; kernel: 4; stride: 2 }>, typeof x>['conv2dTranspose_1/kernel']);
expectType<readonly [3, 3, 8, 2]>({} as WeightsOf<LayerSpec<'depthwiseConv2d', { kernel: 3; depthMultiplier: 2 }>, typeof x>['depthwiseConv2d_1/kernel']);
expectType<readonly [16]>({} as WeightsOf<LayerSpec<'depthwiseConv2d', { kernel: 3; depthMultiplier: 2 }>, typeof x>['depthwiseConv2d_1/bias']);
expectType<readonly [1, 1, 8, 4]>({} as WeightsOf<LayerSpec<'separableConv2d', { filters: 4; kernel: 3 }>, typeof x>['separableConv2d_1/pointwiseKernel']);
expectType<readonly [5, 8, 3]>({} as WeightsOf<LayerSpec<'conv1d', { filters: 3; kernel: 5 }>, readonly [number, 20, 8]>['conv1d_1/kernel']);
expectType<readonly [1, 3, 3, 8, 2]>({} as WeightsOf<LayerSpec<'conv3d', { filters: 2; kernel: [1, 3, 3] }>, readonly [number, 4, 9, 9, 8]>['conv3d_1/kernel']);
expectType<readonly [64, 7]>({} as WeightsOf<LayerSpec<'dense', { units: 7 }>, readonly [number, 64]>['dense_1/kernel']);
expectType<readonly [8]>({} as WeightsOf<LayerSpec<'batchNorm', {}>, typeof x>['batchNorm_1/beta']);
// An unknown input dim stays unknown (`number`), the rest literal.
expectType<readonly [3, 3, number, 4]>({} as WeightsOf<LayerSpec<'conv2d', { filters: 4; kernel: 3 }>, readonly [number, 9, 9, number]>['conv2d_1/kernel']);

// ─── ResNet-50 (267 weights): the manifest of its run-time weights fits; its names are the model's ─────────────
type ResNet50 = WeightsOf<typeof resnet50Spec, typeof resnet50Input>;
declare const r50: ResNet50;
expectType<readonly [7, 7, 3, 64]>(r50['conv1/kernel']);
expectType<readonly [1, 1, 64, 256]>(r50['conv2d_7/kernel']); // layer1's second block's 1×1 expand (conv2d_4 was the first block's shortcut)
expectType<readonly [2048]>(r50['batchNorm_53/movingVariance']);
expectType<readonly [2048, 1000]>(r50['fc/kernel']);
expectType<true>({} as WeightsFit<WeightEntriesOf<typeof resnet50Spec, typeof resnet50Input>, typeof resnet50Manifest>);

// Its manifest with conv2d_7's kernel in PyTorch's OIHW layout, batchNorm_20/beta left out and an unmapped PyTorch
// name: the three problems in one sentence (this file is also compiled by TS 7, 6 and 5.9 in `npm run typecheck`;
// the same sentence at run time: test/model/checkpoint.test.ts).
type Without<T, Name, Acc extends readonly unknown[] = []> = T extends readonly [infer H, ...infer R]
  ? Without<R, Name, H extends readonly [Name, unknown] ? Acc : [...Acc, H]>
  : Acc;
type WithShape<T, Name, S> = { readonly [I in keyof T]: T[I] extends readonly [Name, unknown] ? readonly [Name, S] : T[I] };
type Wrong50 = readonly [
  ...WithShape<Without<typeof resnet50Manifest, 'batchNorm_20/beta'>, 'conv2d_7/kernel', readonly [256, 64, 1, 1]>,
  readonly ['fc.weight', readonly [1000, 2048]],
];
expectType<'checkpoint: 3 entries do not fit the model: conv2d_7/kernel has the wrong shape (got [256, 64, 1, 1], expected [1, 1, 64, 256]); batchNorm_20/beta is missing (expected [128]); fc.weight is not a weight of the model (got [1000, 2048])'>(
  {} as WeightsFit<WeightEntriesOf<typeof resnet50Spec, typeof resnet50Input>, Wrong50>,
);

// Out of the model's order, with an extra entry first: still wrong and missing entries in model order, then extras.
type Small = WeightEntriesOf<LayerSpec<'conv2d', { filters: 4; kernel: 3 }>, readonly [number, 8, 8, 2]>;
expectType<'checkpoint: 2 entries do not fit the model: conv2d_1/bias has the wrong shape (got [5], expected [4]); extra is not a weight of the model (got [1])'>(
  {} as WeightsFit<Small, readonly [readonly ['extra', readonly [1]], readonly ['conv2d_1/bias', readonly [5]], readonly ['conv2d_1/kernel', readonly [3, 3, 2, 4]]]>,
);
expectType<'checkpoint: 1 entry does not fit the model: conv2d_1/kernel is missing (expected [3, 3, 2, 4])'>(
  {} as WeightsFit<Small, readonly [readonly ['conv2d_1/bias', readonly [4]]]>,
);
expectType<true>({} as WeightsFit<Small, readonly [readonly ['conv2d_1/bias', readonly [4]], readonly ['conv2d_1/kernel', readonly [3, 3, 2, 4]]]>);
