/**
 * toOnnx against onnxruntime-node, layer kind by layer kind: each case builds a one-layer (or few-layer)
 * model on a small NHWC input, randomises biases and batch-norm statistics, exports it, and compares ORT's
 * output (optimisations off and 'all') with `model.run` on the same batch of 2: relErr ≤ 1e-4.
 * Fixed configurations named by their options, then seeded random sweeps of the windowed layers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { add, concat, input, model, multiply } from '../../src/index.js';
import { LAYERS } from '../../src/layers/index.js';
import { ONNX_EXPORTABLE_KINDS, OnnxExportError, toOnnx } from '../../src/onnx/index.js';
import { ErrorLog, fmt, int, pick, rng } from '../model/helpers.js';
import { batchOf, expectSameAsOrt, randomizeWeights, runOrt } from './helpers.js';

const log = new ErrorLog('onnx export');
/** concat on untyped tensors (the cases build with `any`). */
const join = concat as (xs: any[]) => any;
afterAll(() => log.print());

type Build = (x: any) => any;
interface Case {
  readonly kind: string;
  readonly dims: readonly number[];
  readonly build: Build;
  readonly options?: object;
}

/** A case whose layer is `x[kind](options)`, named by its options. */
const layer = (kind: string, dims: readonly number[], options?: object, after: Build = (y) => y): Case => ({
  kind,
  dims,
  options,
  build: (x) => after(options === undefined ? x[kind]() : x[kind](options)),
});

const conv = (o: object) => layer('conv2d', [9, 8, 4], o);
const CASES: Case[] = [
  conv({ filters: 5, kernel: 3, padding: 'same' }),
  conv({ filters: 5, kernel: 3, stride: 2, padding: 'same' }),
  conv({ filters: 6, kernel: [3, 2], stride: [2, 1], dilation: [1, 2], padding: [[1, 0], [2, 1]] }),
  conv({ filters: 6, kernel: 3, groups: 2, padding: 1 }),
  conv({ filters: 3, kernel: 5, stride: 3 }),
  conv({ filters: 4, kernel: 3, stride: 2, dilation: 2, padding: 'same', useBias: false }),
  conv({ filters: 4, kernel: 1, stride: 2, padding: 'same' }),
  layer('conv1d', [11, 4], { filters: 6, kernel: 3, stride: 2, padding: 'same' }),
  layer('conv1d', [11, 4], { filters: 6, kernel: 3, groups: 2, dilation: 2, padding: [[2, 1]] }),
  layer('conv3d', [4, 7, 6, 3], { filters: 4, kernel: [2, 3, 3], stride: [1, 2, 2], padding: 'same' }),
  layer('conv3d', [4, 5, 5, 2], { filters: 3, kernel: 3, padding: 1 }),
  layer('depthwiseConv2d', [9, 8, 4], { kernel: 3, depthMultiplier: 2, stride: 2, padding: 'same' }),
  layer('depthwiseConv2d', [9, 8, 3], { kernel: [3, 4], dilation: 2, useBias: false }),
  layer('separableConv2d', [9, 8, 4], { filters: 6, kernel: 3, stride: 2, padding: 'same' }),
  layer('separableConv2d', [7, 7, 3], { filters: 5, kernel: 3, depthMultiplier: 2 }),
  layer('conv2dTranspose', [5, 4, 3], { filters: 4, kernel: 3, stride: 2, padding: 'same' }),
  layer('conv2dTranspose', [5, 4, 3], { filters: 4, kernel: 4, stride: 2, padding: 1 }),
  layer('conv2dTranspose', [5, 4, 3], { filters: 4, kernel: 3, stride: 2, padding: [[1, 0], [0, 1]], outputPadding: 1 }),
  layer('conv2dTranspose', [5, 4, 3], { filters: 2, kernel: 2, stride: 3, padding: 'same' }),
  layer('conv2dTranspose', [5, 4, 3], { filters: 2, kernel: 3, dilation: 2, outputPadding: 1 }),
  layer('conv2dTranspose', [5, 4, 3], { filters: 3, kernel: [3, 2], stride: [2, 3], dilation: [1, 2], padding: 'same', useBias: false }),
  layer('maxPool2d', [8, 8, 3], { size: 2 }),
  layer('maxPool2d', [7, 9, 3], { size: 3, stride: 2, ceilMode: true }),
  layer('maxPool2d', [5, 5, 2], { size: 2, stride: 2, padding: 1, ceilMode: true }),
  layer('maxPool2d', [7, 8, 3], { size: 3, stride: 2, padding: 'same' }),
  layer('maxPool2d', [7, 8, 3], { size: 2, stride: 1, dilation: 2, padding: 1 }),
  layer('avgPool2d', [8, 8, 3], { size: 2 }),
  layer('avgPool2d', [7, 8, 3], { size: 3, stride: 2, padding: 1, countIncludePad: true }),
  layer('avgPool2d', [7, 8, 3], { size: 3, stride: 2, padding: 1, ceilMode: true, countIncludePad: true }),
  layer('avgPool2d', [5, 6, 2], { size: 2, stride: 2, padding: 1, ceilMode: true }),
  layer('avgPool2d', [7, 8, 3], { size: 3, stride: 2, padding: 'same' }),
  layer('globalAvgPool2d', [5, 6, 4]),
  layer('globalAvgPool2d', [5, 6, 4], { keepDims: true }),
  layer('globalMaxPool2d', [5, 6, 4]),
  layer('globalMaxPool2d', [5, 6, 4], { keepDims: true }),
  layer('adaptiveAvgPool2d', [8, 6, 3], { outputSize: [4, 3] }),
  layer('adaptiveAvgPool2d', [7, 7, 3], { outputSize: 3 }),
  layer('adaptiveAvgPool2d', [5, 7, 2], { outputSize: [3, 2] }),
  layer('batchNorm', [5, 6, 4]),
  layer('batchNorm', [5, 6, 4], { epsilon: 1e-5 }),
  { kind: 'batchNorm', dims: [4, 4, 3], build: (x) => x.flatten().dense({ units: 5 }).batchNorm() },
  { kind: 'dense', dims: [10], build: (x) => x.dense({ units: 4 }) },
  { kind: 'dense', dims: [5, 4, 3], build: (x) => x.conv2d({ filters: 6, kernel: 3, padding: 1 }).flatten().dense({ units: 7 }) },
  { kind: 'dense', dims: [6, 5, 3], build: (x) => x.conv2d({ filters: 4, kernel: 3, stride: 2 }).relu().flatten().dense({ units: 5, useBias: false }) },
  { kind: 'flatten', dims: [4, 5, 3], build: (x) => x.conv2d({ filters: 2, kernel: 1 }).flatten() },
  { kind: 'reshape', dims: [4, 5, 3], build: (x) => x.conv2d({ filters: 2, kernel: 1 }).reshape({ shape: [20, -1] }) },
  { kind: 'reshape', dims: [12, 4], build: (x) => x.reshape({ shape: [4, 3, 4] }).conv2d({ filters: 3, kernel: 2 }) },
  { kind: 'add', dims: [5, 6, 4], build: (x) => add(x.conv2d({ filters: 4, kernel: 3, padding: 1 }), x) },
  { kind: 'add', dims: [5, 6, 4], build: (x) => add(x.conv2d({ filters: 4, kernel: 3, padding: 1 }), x.conv2d({ filters: 4, kernel: 1 })) },
  { kind: 'concat', dims: [5, 6, 4], build: (x) => join([x.conv2d({ filters: 3, kernel: 1 }), x, x.maxPool2d({ size: 3, stride: 1, padding: 1 })]) },
  { kind: 'concat', dims: [6], build: (x) => join([x.dense({ units: 3 }), x]) },
  { kind: 'multiply', dims: [5, 6, 4], build: (x) => multiply(x, x.globalAvgPool2d().dense({ units: 4 }).sigmoid()) },
  { kind: 'multiply', dims: [5, 6, 4], build: (x) => multiply(x.relu(), x.globalAvgPool2d({ keepDims: true }).conv2d({ filters: 4, kernel: 1 }).hardSigmoid()) },
  { kind: 'multiply', dims: [5, 6, 4], build: (x) => multiply(x.conv2d({ filters: 4, kernel: 1 }), x.tanh()) },
  layer('zeroPadding2d', [5, 6, 3], { padding: [[1, 2], [0, 3]] }),
  layer('zeroPadding2d', [5, 6, 3], { padding: 2 }),
  layer('cropping2d', [8, 9, 3], { cropping: [[1, 2], [3, 0]] }),
  layer('cropping2d', [8, 9, 3], { cropping: 2 }),
  layer('upSampling2d', [4, 5, 3]),
  layer('upSampling2d', [4, 5, 3], { size: [2, 3] }),
  layer('upSampling2d', [4, 5, 3], { size: 2, interpolation: 'bilinear' }),
  layer('upSampling2d', [4, 5, 3], { size: [3, 2], interpolation: 'bilinear' }),
  layer('dropout', [5, 6, 3], { rate: 0.5 }),
];

/** Every activation after a conv (channels-first inside the graph) and after a dense layer (rank 2). */
const ACTIVATIONS: readonly [string, object | undefined][] = [
  ['relu', undefined],
  ['relu6', undefined],
  ['leakyRelu', undefined],
  ['leakyRelu', { alpha: 0.1 }],
  ['elu', undefined],
  ['elu', { alpha: 0.5 }],
  ['gelu', undefined],
  ['gelu', { approximate: 'tanh' }],
  ['sigmoid', undefined],
  ['tanh', undefined],
  ['hardSigmoid', undefined],
  ['hardSigmoid', { alpha: 0.2, beta: 0.4 }],
  ['hardSwish', undefined],
  ['softmax', undefined],
];
for (const [kind, o] of ACTIVATIONS) {
  const act = (y: any) => (o === undefined ? y[kind]() : y[kind](o));
  // ×4 so the inputs reach relu6's and hardSigmoid's clamps and GELU's tails.
  CASES.push({ kind, dims: [5, 6, 3], options: o, build: (x) => act(x.conv2d({ filters: 4, kernel: 3, padding: 1, kernelInitializer: 'ones' })) });
  CASES.push({ kind, dims: [7], options: o, build: (x) => act(x.dense({ units: 5, kernelInitializer: 'ones' })) });
}

const nameOf = (c: Case): string => `${c.kind} x=[2,${c.dims.join(',')}]${c.options === undefined ? '' : ` ${fmt(Object.entries(c.options).map(([k, v]) => `${k}=${fmt(v)}`).join(' '))}`}`;

describe('toOnnx: every layer kind against onnxruntime-node', () => {
  CASES.forEach((c, i) => {
    it(nameOf(c), async () => {
      const x = input(c.dims as number[]);
      const m = model(x, c.build(x), { seed: i });
      randomizeWeights(m, 100 + i);
      await expectSameAsOrt(m, [batchOf(m.inputShape, 2, i)], log, c.kind, nameOf(c));
    });
  });
});

/** Seeded random windows: spatial 5–10, kernel 1–4, stride 1–3, dilation 1–2, every padding form. */
describe('toOnnx: random windows', () => {
  const r = rng(7);
  const paddings = (): unknown => pick(r, ['valid', 'same', int(r, 0, 1), [[int(r, 0, 2), int(r, 0, 2)], [int(r, 0, 2), int(r, 0, 2)]]]);
  const sweep: Case[] = [];
  for (let i = 0; i < 12; i++) {
    const dims = [int(r, 5, 10), int(r, 5, 10), int(r, 1, 4)];
    const k: [number, number] = [int(r, 1, 4), int(r, 1, 4)];
    const s: [number, number] = [int(r, 1, 3), int(r, 1, 3)];
    const d: [number, number] = [int(r, 1, 2), int(r, 1, 2)];
    sweep.push(layer('conv2d', dims, { filters: int(r, 1, 5), kernel: k, stride: s, dilation: d, padding: paddings() }));
    const p = pick(r, [0, 1, 'same']);
    const op = p === 'same' ? {} : { outputPadding: [int(r, 0, Math.max(s[0], d[0]) - 1), int(r, 0, Math.max(s[1], d[1]) - 1)] };
    sweep.push(layer('conv2dTranspose', dims, { filters: int(r, 1, 4), kernel: k, stride: s, dilation: d, padding: p, ...op }));
    const size: [number, number] = [int(r, 2, 3), int(r, 2, 3)];
    const pad = pick(r, [0, 1, 'same']);
    sweep.push(layer('maxPool2d', dims, { size, stride: [int(r, 1, 3), int(r, 1, 3)], padding: pad, ceilMode: r() < 0.5 && pad !== 'same' }));
    sweep.push(layer('avgPool2d', dims, { size, stride: [int(r, 1, 3), int(r, 1, 3)], padding: pad, ceilMode: r() < 0.5 && pad !== 'same', countIncludePad: r() < 0.5 }));
  }
  sweep.forEach((c, i) => {
    let m: any;
    const x = input(c.dims as number[]);
    try {
      m = model(x, c.build(x), { seed: i });
    } catch {
      return; // a configuration the shape rules reject (kernel larger than the input, …)
    }
    it(nameOf(c), async () => {
      randomizeWeights(m!, 200 + i);
      await expectSameAsOrt(m!, [batchOf(m!.inputShape, 2, i)], log, c.kind, nameOf(c));
    });
  });
});

describe('toOnnx: the graph boundary', () => {
  it('an unknown batch is the symbolic dim `batch`: one export runs batch 1 and 3', async () => {
    const x = input([6, 5, 3]);
    const m = model(x, x.conv2d({ filters: 4, kernel: 3 }).relu());
    const bytes = toOnnx(m);
    for (const batch of [1, 3]) {
      const feed = batchOf(m.inputShape, batch, batch);
      const [y] = await runOrt(bytes, { input: feed }, 'all');
      expect(y!.dims).toEqual([batch, 4, 3, 4]);
    }
  });

  it('a fixed batch is declared as is; names come from the options', async () => {
    const x = input([6, 5, 3], { batch: 2 });
    const m = model(x, x.conv2d({ filters: 4, kernel: 3 }).globalAvgPool2d());
    randomizeWeights(m, 1);
    await expectSameAsOrt(m, [batchOf(m.inputShape, 2, 1)], log, 'boundary', 'fixed batch 2', { inputName: 'image', outputName: 'logits' });
  });

  it('several inputs and outputs keep their order and layer names', async () => {
    const a = input([6, 6, 3], { name: 'left' });
    const b = input([6, 6, 2], { name: 'right' });
    const joined = concat([a.conv2d({ filters: 4, kernel: 3, padding: 'same' }), b]);
    const m = model([a, b], [joined.maxPool2d({ size: 2, name: 'pooled' }), joined.globalMaxPool2d({ name: 'summary' })]);
    randomizeWeights(m, 2);
    await expectSameAsOrt(m, [batchOf(a.shape, 2, 1), batchOf(b.shape, 2, 2)], log, 'boundary', 'two in, two out');
    const ort = await import('onnxruntime-node');
    const session = await ort.InferenceSession.create(toOnnx(m));
    expect([session.inputNames, session.outputNames]).toEqual([['left', 'right'], ['pooled', 'summary']]);
    await session.release();
  });

  it('opsets 17 to 21 load and agree; others are refused with a sentence', async () => {
    const x = input([5, 5, 2]);
    const m = model(x, x.conv2d({ filters: 3, kernel: 3, padding: 'same' }).hardSwish().upSampling2d({ interpolation: 'bilinear' }));
    randomizeWeights(m, 3);
    for (const opset of [18, 19, 20, 21]) await expectSameAsOrt(m, [batchOf(m.inputShape, 2, opset)], log, 'boundary', `opset ${opset}`, { opset });
    expect(() => toOnnx(m, { opset: 13 })).toThrow('toOnnx: opset is not supported (got 13, expected an integer from 17 to 21)');
  });

  it('every layer kind of the table exports; an unknown kind is refused with the full list', () => {
    expect(Object.keys(LAYERS).filter((k) => !ONNX_EXPORTABLE_KINDS.includes(k))).toEqual([]);
    const fake = (id: number, kind: string, inputs: any[]) => ({ id, kind, options: {}, inputs, shape: [-1, 4] });
    const x = fake(0, 'input', []);
    const a = fake(1, 'swish', [x]);
    const b = fake(2, 'layerNorm', [a]);
    const graph = [x, a, b].map((node, i) => ({ node, name: i === 0 ? 'input_1' : `${node.kind}_1` }));
    const call = () => toOnnx({ graph, inputIds: [0], outputIds: [2], weights: {} } as never);
    expect(call).toThrow(OnnxExportError);
    expect(call).toThrow(/2 layers have kinds ONNX export does not support \(got swish_1 \(swish\), layerNorm_1 \(layerNorm\), expected one of conv1d, /);
  });

  it('a value that is not a model is refused', () => {
    expect(() => toOnnx({} as never)).toThrow('toOnnx: not a convtype model (got object, expected the result of model(input, output))');
  });
});
