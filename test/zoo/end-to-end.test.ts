/**
 * Zoo blocks END TO END against onnxruntime-node: the same graph written by hand in ONNX (NCHW, OIHW kernels,
 * Conv / BatchNormalization / Relu / MaxPool / Add / Concat, graph optimisations off so nothing is fused on
 * that side), with identical weights read from `m.weights` (a copy per read), on one random batch.
 * - a ResNet-style stack at 40×40: the stem (7×7/2 conv + batch norm + relu + 3×3/2 max pool) and two
 *   bottlenecks of examples/resnet50.ts — `projectedBottleneck(16, 2)` then `bottleneck(16)`;
 * - one Inception module of examples/googlenet.ts — `inception(8, 6, 8, 4, 6, 4)` — at 14×14, followed by the
 *   ceil-mode 3×3/2 pool (14 → 7; floor mode would give 6).
 * Every batch norm's γ, β, moving mean and moving variance are randomised with `setWeights` first (the defaults
 * 1, 0, 0, 1 are nearly the identity and would hide a wrong fold or a swapped statistic), and the test checks
 * that this changed the output. Metric: max|ours − ORT| / max(1, max|ORT|) ≤ 1e-4 (test/model/helpers.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { input, model, tensor } from '../../src/index.js';
import { bottleneck, projectedBottleneck } from '../../examples/resnet50.js';
import { inception } from '../../examples/googlenet.js';
import { ErrorLog, randomData, relErr, rng, sizeOf, TOLERANCE } from '../model/helpers.js';
import { hwioToOihw, nchwToNhwc, nhwcToNchw, runOnnxGraph, type AttributeValue, type NamedTensor, type OnnxNode } from '../reference/onnx.js';

const log = new ErrorLog('zoo end-to-end');
afterAll(() => log.print());

type Weights = Readonly<Record<string, { readonly shape: readonly number[]; readonly data: Float32Array }>>;
interface Built {
  readonly weights: Weights;
  readonly layers: readonly { readonly name: string; readonly kind: string }[];
  setWeights(record: Weights): void;
}

/** Random batch-norm statistics for every batch norm of `m`: γ ∈ [0.5, 1.5), β, μ ∈ [−0.5, 0.5), σ² ∈ [0.25, 2.25). */
function randomizeBatchNorms(m: Built, seed: number): number {
  const r = rng(seed);
  const record: Record<string, { shape: readonly number[]; data: Float32Array }> = {};
  const uniform = (n: number, lo: number, hi: number) => Float32Array.from({ length: n }, () => lo + (hi - lo) * r());
  const norms = m.layers.filter((l) => l.kind === 'batchNorm');
  for (const { name } of norms) {
    const c = m.weights[`${name}/gamma`]!.shape[0]!;
    record[`${name}/gamma`] = { shape: [c], data: uniform(c, 0.5, 1.5) };
    record[`${name}/beta`] = { shape: [c], data: uniform(c, -0.5, 0.5) };
    record[`${name}/movingMean`] = { shape: [c], data: uniform(c, -0.5, 0.5) };
    record[`${name}/movingVariance`] = { shape: [c], data: uniform(c, 0.25, 2.25) };
  }
  m.setWeights(record);
  return norms.length;
}

/** Writes an ONNX graph by hand with `m`'s weights as initializers; each method returns its output's name. */
class OnnxGraphWriter {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: NamedTensor[] = [];
  private count = 0;
  constructor(private readonly weights: Weights) {}

  private node(opType: string, inputs: string[], attributes?: Record<string, AttributeValue>): string {
    const out = `${opType.toLowerCase()}_${++this.count}`;
    this.nodes.push({ opType, inputs, outputs: [out], ...(attributes ? { attributes } : {}) });
    return out;
  }

  private initializer(key: string, convert: (t: { dims: readonly number[]; data: Float32Array }) => { dims: readonly number[]; data: Float32Array }): string {
    const t = this.weights[key];
    if (!t) throw new Error(`no weight ${key} (have ${Object.keys(this.weights).join(', ')})`);
    const { dims, data } = convert({ dims: t.shape, data: t.data });
    this.initializers.push({ name: key, dims, data });
    return key;
  }

  /** Conv without bias, kernel `<layer>/kernel` (HWIO → OIHW). */
  conv(x: string, layer: string, a: { k: number; s?: number; p?: number }): string {
    const w = this.initializer(`${layer}/kernel`, hwioToOihw);
    const p = a.p ?? 0;
    const s = a.s ?? 1;
    return this.node('Conv', [x, w], { kernel_shape: [a.k, a.k], strides: [s, s], pads: [p, p, p, p] });
  }

  batchNorm(x: string, layer: string, epsilon: number): string {
    const params = ['gamma', 'beta', 'movingMean', 'movingVariance'].map((n) => this.initializer(`${layer}/${n}`, (t) => t));
    return this.node('BatchNormalization', [x, ...params], { epsilon: { float: epsilon } });
  }

  relu(x: string): string {
    return this.node('Relu', [x]);
  }

  maxPool(x: string, a: { k: number; s: number; p: number; ceil?: boolean }): string {
    return this.node('MaxPool', [x], { kernel_shape: [a.k, a.k], strides: [a.s, a.s], pads: [a.p, a.p, a.p, a.p], ceil_mode: a.ceil ? 1 : 0 });
  }

  add(a: string, b: string): string {
    return this.node('Add', [a, b]);
  }

  concat(xs: string[]): string {
    return this.node('Concat', xs, { axis: 1 });
  }

  /** conv → batch norm (→ relu): the unit of both networks. */
  convBn(x: string, index: number, a: { k: number; s?: number; p?: number }, epsilon: number, relu = true): string {
    const y = this.batchNorm(this.conv(x, `conv2d_${index}`, a), `batchNorm_${index}`, epsilon);
    return relu ? this.relu(y) : y;
  }

  /** Runs the graph on NHWC `x` (fed as NCHW) and returns `output` as NHWC. */
  async run(x: { dims: readonly number[]; data: Float32Array }, output: string) {
    const nchw = nhwcToNchw(x);
    const res = await runOnnxGraph({ nodes: this.nodes, inputs: [{ name: 'x', dims: nchw.dims, data: nchw.data }], initializers: this.initializers, outputs: [output] });
    return nchwToNhwc(res[output]!);
  }
}

describe('zoo blocks end to end vs ORT', () => {
  it('ResNet stem + projectedBottleneck(16, 2) + bottleneck(16): x=[2,40,40,3] → [2,5,5,64], ε=1e-5', async () => {
    const eps = 1e-5; // examples/resnet50.ts uses PyTorch's ε
    const x = input([40, 40, 3]);
    const stem = x.conv2d({ filters: 16, kernel: 7, stride: 2, padding: 3, useBias: false }).batchNorm({ epsilon: eps }).relu().maxPool2d({ size: 3, stride: 2, padding: 1 });
    const y = stem.apply(projectedBottleneck(16, 2)).apply(bottleneck(16));
    const m = model(x, y, { seed: 7 });
    // The naming the hand-written graph relies on: creation order, body before shortcut (conv2d_5 is the projection).
    const convs = m.layers.filter((l) => l.kind === 'conv2d').map((l) => l.name);
    expect(convs).toEqual(['conv2d_1', 'conv2d_2', 'conv2d_3', 'conv2d_4', 'conv2d_5', 'conv2d_6', 'conv2d_7', 'conv2d_8']);
    expect(m.layers.find((l) => l.name === 'conv2d_5')!.shape).toEqual([-1, 5, 5, 64]);

    const dims = [2, 40, 40, 3] as const;
    const data = randomData(rng(101), sizeOf(dims));
    const before = m.run(tensor(dims, data));
    expect(randomizeBatchNorms(m, 102)).toBe(8);
    const ours = m.run(tensor(dims, data));
    expect(ours.shape).toEqual([2, 5, 5, 64]);
    expect(relErr(before.data, ours.data)).toBeGreaterThan(1e-2); // the statistics matter

    const g = new OnnxGraphWriter(m.weights);
    const s = g.maxPool(g.convBn('x', 1, { k: 7, s: 2, p: 3 }, eps), { k: 3, s: 2, p: 1 });
    // projected block: 1×1 → 3×3 stride 2 → 1×1 ×4, shortcut 1×1 stride 2
    const b1 = g.convBn(g.convBn(g.convBn(s, 2, { k: 1 }, eps), 3, { k: 3, s: 2, p: 1 }, eps), 4, { k: 1 }, eps, false);
    const p1 = g.relu(g.add(b1, g.convBn(s, 5, { k: 1, s: 2 }, eps, false)));
    // identity block
    const b2 = g.convBn(g.convBn(g.convBn(p1, 6, { k: 1 }, eps), 7, { k: 3, p: 1 }, eps), 8, { k: 1 }, eps, false);
    const out = g.relu(g.add(b2, p1));
    const ref = await g.run({ dims, data }, out);

    expect([...ours.shape]).toEqual([...ref.dims]);
    expect(log.add('resnet stack', relErr(ours.data, ref.data), 'stem + 2 bottlenecks')).toBeLessThanOrEqual(TOLERANCE);
  });

  it('Inception module inception(8, 6, 8, 4, 6, 4) + ceil-mode max pool 3/2: x=[2,14,14,16] → [2,7,7,26], ε=1e-3', async () => {
    const eps = 1e-3; // torchvision GoogLeNet's BasicConv2d
    const x = input([14, 14, 16]);
    const module = x.apply(inception(8, 6, 8, 4, 6, 4));
    const y = module.maxPool2d({ size: 3, stride: 2, ceilMode: true });
    const m = model(x, y, { seed: 8 });
    // branch order = creation order: 1×1 | 1×1 → 3×3 | 1×1 → 3×3 | pool → 1×1
    expect(m.layers.map((l) => l.kind).filter((k) => k === 'conv2d' || k === 'maxPool2d' || k === 'concat')).toEqual([
      'conv2d', 'conv2d', 'conv2d', 'conv2d', 'conv2d', 'maxPool2d', 'conv2d', 'concat', 'maxPool2d',
    ]);

    const dims = [2, 14, 14, 16] as const;
    const data = randomData(rng(201), sizeOf(dims));
    const before = m.run(tensor(dims, data));
    expect(randomizeBatchNorms(m, 202)).toBe(6);
    const ours = m.run(tensor(dims, data));
    expect(ours.shape).toEqual([2, 7, 7, 26]);
    expect(relErr(before.data, ours.data)).toBeGreaterThan(1e-2);

    const g = new OnnxGraphWriter(m.weights);
    const branch1 = g.convBn('x', 1, { k: 1 }, eps);
    const branch2 = g.convBn(g.convBn('x', 2, { k: 1 }, eps), 3, { k: 3, p: 1 }, eps);
    const branch3 = g.convBn(g.convBn('x', 4, { k: 1 }, eps), 5, { k: 3, p: 1 }, eps);
    const branch4 = g.convBn(g.maxPool('x', { k: 3, s: 1, p: 1, ceil: true }), 6, { k: 1 }, eps);
    const out = g.maxPool(g.concat([branch1, branch2, branch3, branch4]), { k: 3, s: 2, p: 0, ceil: true });
    const ref = await g.run({ dims, data }, out);

    expect([...ours.shape]).toEqual([...ref.dims]);
    expect(log.add('inception module', relErr(ours.data, ref.data), 'module + ceil pool')).toBeLessThanOrEqual(TOLERANCE);
  });
});
