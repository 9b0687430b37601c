/**
 * Pooling of every rank at run time (maxPool1d/3d, avgPool1d/3d, globalAvgPool1d/globalMaxPool1d,
 * adaptiveAvgPool1d, and the 2-D ones as the same N-d rule):
 * (a) the runtime twins throw the compile-time sentences (test/diagnostics/fixtures/pool-nd.ts checks the same
 *     sentences at compile time), blaming the same option;
 * (b) shapes at run time equal the types at the same call;
 * (c) the 3-D kernel (two 2-D passes) against its naive reference (direct 5-D loops) on random configurations;
 * (d) the layers through the public API against onnxruntime-node `MaxPool` / `AveragePool` / `GlobalAveragePool` /
 *     `GlobalMaxPool` with 1 and 3 spatial axes, attributes written here by hand (auto_pad SAME_UPPER for 'same',
 *     so the engine computes TF's pads itself), and PyTorch's AdaptiveAvgPool1d bins by hand;
 * (e) ONNX export (`toOnnx` → ORT) and import (`importOnnx` of hand-made NCL/NCDHW graphs → the same kinds,
 *     run by convtype and by ORT); parameters and MACs are 0.
 * Error metric (test/kernels/helpers.ts): max|a − b| / max(1, max|ref|) ≤ 1e-4.
 */
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import { buildModel } from '../../src/import/build.js';
import { importOnnx } from '../../src/import/onnx.js';
import { input, maxPool1d, maxPool3d, avgPool3d, globalAvgPool1d, adaptiveAvgPool1d, model, sequential, ShapeError, tensor } from '../../src/index.js';
import { pool3dNaive } from '../../src/kernels/pool3d-naive.js';
import { avgPool3d as avgPool3dKernel, maxPool3d as maxPool3dKernel } from '../../src/kernels/pool3d.js';
import { poolAxes, poolGeometry, type Pool3dGeometry, type PoolAxis } from '../../src/ops/pool-geometry.js';
import { encodeModel, permute, runOnnxOp, runOnnxGraph, type AttributeValue } from '../reference/onnx.js';
import { ErrorLog, int, randomData, relErr, rng, TOLERANCE } from '../kernels/helpers.js';
import { batchOf, expectSameAsOrt, randomizeWeights } from '../onnx/helpers.js';
import { ErrorLog as KindLog } from '../model/helpers.js';

const log = new ErrorLog('pool 1-D/3-D vs ORT and naive');
afterAll(() => log.print());

interface LooseTensor {
  readonly shape: readonly number[];
  readonly [method: string]: unknown;
}
const looseInput = input as unknown as (dims: readonly number[]) => LooseTensor;
const call = (t: LooseTensor, layer: string, options?: object): LooseTensor => (t[layer] as (this: LooseTensor, o?: object) => LooseTensor).call(t, options);
const looseModel = model as unknown as (x: LooseTensor, y: LooseTensor) => {
  run(t: { shape: readonly number[]; data: Float32Array }): { shape: readonly number[]; data: Float32Array };
  params: number;
  macs: number;
  summary(): string;
};

/** Channels-last `[N, ...S, C]` ↔ channels-first `[N, C, ...S]`. */
const toFirst = (dims: readonly number[], data: Float32Array) => {
  const r = dims.length;
  return permute({ dims, data }, [0, r - 1, ...Array.from({ length: r - 2 }, (_, i) => i + 1)]);
};
const toLast = (dims: readonly number[], data: Float32Array) => {
  const r = dims.length;
  return permute({ dims, data }, [0, ...Array.from({ length: r - 2 }, (_, i) => i + 2), 1]);
};

// ─── (a) the sentences ────────────────────────────────────────────────────────────────────────────────────

/** Every mistake the fixture test/diagnostics/fixtures/pool-nd.ts shows at compile time, plus the untyped-only forms. */
const ERRORS: { input: number[]; layer: string; options?: object; option: string | undefined; message: string }[] = [
  { input: [28, 28, 3], layer: 'maxPool1d', options: { size: 2 }, option: undefined, message: 'maxPool1d: input has the wrong rank (got [B, 28, 28, 3], expected rank 3 [B, L, C])' },
  { input: [4, 8], layer: 'maxPool1d', options: { size: 5 }, option: 'size', message: 'maxPool1d: window 5 (dilated 5) leaves no output on the padded input length 4 (input [B, 4, 8]); to fit, add padding 1 on each side of the length or use size ≤ 4' },
  { input: [10, 8], layer: 'avgPool1d', options: { size: 3, padding: 2 }, option: 'padding', message: 'avgPool1d: padding 2 is more than half the window length (got 2, expected ≤ 1)' },
  { input: [10, 8], layer: 'avgPool1d', options: { size: 2, dilation: 2 }, option: 'dilation', message: "avgPool1d: unknown option 'dilation' (expected one of size, stride, padding, ceilMode, countIncludePad, name)" },
  { input: [10, 8], layer: 'maxPool1d', options: { size: 2, stride: 0 }, option: 'stride', message: 'maxPool1d: stride is not a positive integer (got 0, expected an integer ≥ 1)' },
  { input: [8, 8, 3], layer: 'maxPool3d', options: { size: 2 }, option: undefined, message: 'maxPool3d: input has the wrong rank (got [B, 8, 8, 3], expected rank 5 [B, D, H, W, C])' },
  { input: [1, 8, 8, 3], layer: 'maxPool3d', options: { size: 2 }, option: 'size', message: 'maxPool3d: window 2 (dilated 2) leaves no output on the padded input depth 1 (input [B, 1, 8, 8, 3]); to fit, add padding 1 on each side of the depth or use size ≤ 1' },
  { input: [4, 8, 8, 3], layer: 'avgPool3d', options: { size: [2, 2, 3], padding: [0, 0, 2] }, option: 'padding', message: 'avgPool3d: padding 2 is more than half the window width (got 2, expected ≤ 1)' },
  { input: [28, 28, 3], layer: 'globalAvgPool1d', options: {}, option: undefined, message: 'globalAvgPool1d: input has the wrong rank (got [B, 28, 28, 3], expected rank 3 [B, L, C])' },
  { input: [10, 3], layer: 'globalMaxPool1d', options: { keepdims: true }, option: 'keepdims', message: "globalMaxPool1d: unknown option 'keepdims' (expected one of keepDims, name)" },
  { input: [10, 3], layer: 'adaptiveAvgPool1d', options: { outputSize: 0 }, option: 'outputSize', message: 'adaptiveAvgPool1d: outputSize is not a positive integer (got 0, expected an integer ≥ 1)' },
  // Only reachable from untyped code (the option types reject these forms at compile time).
  { input: [10, 3], layer: 'maxPool1d', options: { size: [2, 2] }, option: 'size', message: 'maxPool1d: size has the wrong form (got [2, 2], expected a number or [k])' },
  { input: [8, 8, 3], layer: 'maxPool2d', options: { size: 2, padding: [1, 0, 1] }, option: 'padding', message: "maxPool2d: padding has the wrong form (got [1, 0, 1], expected a number, [h, w], [[top, bottom], [left, right]], 'valid' or 'same')" },
  { input: [4, 8, 8, 3], layer: 'avgPool3d', options: { size: 2, stride: [1, 1] }, option: 'stride', message: 'avgPool3d: stride has the wrong form (got [1, 1], expected a number or [d, h, w])' },
];

describe('(a) the runtime twins throw the compile-time sentences', () => {
  it.each(ERRORS.map((c) => [c.message, c] as const))('%s', (_name, c) => {
    let error: unknown;
    try {
      call(looseInput(c.input), c.layer, c.options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).message).toBe(c.message);
    expect((error as ShapeError).option).toBe(c.option);
  });

  it('a spec is checked where it is applied, with the layer sentence', () => {
    expect(() => call(looseInput([8, 8, 3]), 'apply', maxPool3d({ size: 2 }))).toThrow('maxPool3d: input has the wrong rank (got [B, 8, 8, 3], expected rank 5 [B, D, H, W, C])');
  });
});

// ─── (b) shapes: the type and the runtime value at the same call ──────────────────────────────────────────

describe('(b) runtime shapes equal the types', () => {
  it('1-D: maxPool1d, avgPool1d (ceil, same), global and adaptive', () => {
    const x = input([100, 16]);
    const a = x.maxPool1d({ size: 3, stride: 2, padding: 1 });
    expectTypeOf(a.shape).toEqualTypeOf<readonly [number, 50, 16]>();
    expect(a.shape).toEqual([-1, 50, 16]);
    const b = x.avgPool1d({ size: 3, stride: 2, ceilMode: true });
    expectTypeOf(b.shape).toEqualTypeOf<readonly [number, 50, 16]>();
    expect(b.shape).toEqual([-1, 50, 16]);
    const c = x.avgPool1d({ size: 4, stride: 3, padding: 'same' });
    expectTypeOf(c.shape).toEqualTypeOf<readonly [number, 34, 16]>();
    expect(c.shape).toEqual([-1, 34, 16]);
    const g = x.globalAvgPool1d();
    expectTypeOf(g.shape).toEqualTypeOf<readonly [number, 16]>();
    expect(g.shape).toEqual([-1, 16]);
    const k = x.globalMaxPool1d({ keepDims: true });
    expectTypeOf(k.shape).toEqualTypeOf<readonly [number, 1, 16]>();
    expect(k.shape).toEqual([-1, 1, 16]);
    const p = x.adaptiveAvgPool1d({ outputSize: 7 });
    expectTypeOf(p.shape).toEqualTypeOf<readonly [number, 7, 16]>();
    expect(p.shape).toEqual([-1, 7, 16]);
  });

  it('3-D: C3D pool1 [1, 2, 2] and pool5 ceil; specs through sequential', () => {
    const x = input([16, 112, 112, 64]);
    const a = x.maxPool3d({ size: [1, 2, 2] });
    expectTypeOf(a.shape).toEqualTypeOf<readonly [number, 16, 56, 56, 64]>();
    expect(a.shape).toEqual([-1, 16, 56, 56, 64]);
    const b = input([2, 7, 7, 512]).maxPool3d({ size: 2, stride: 2, padding: [0, 1, 1] });
    expectTypeOf(b.shape).toEqualTypeOf<readonly [number, 1, 4, 4, 512]>();
    expect(b.shape).toEqual([-1, 1, 4, 4, 512]);
    const c = input([5, 9, 9, 3]).avgPool3d({ size: 3, stride: 2, padding: 1, ceilMode: true, countIncludePad: true });
    expectTypeOf(c.shape).toEqualTypeOf<readonly [number, 3, 5, 5, 3]>();
    expect(c.shape).toEqual([-1, 3, 5, 5, 3]);
    const d = input([100, 16]).apply(sequential(maxPool1d({ size: 2 }), globalAvgPool1d()));
    expectTypeOf(d.shape).toEqualTypeOf<readonly [number, 16]>();
    expect(d.shape).toEqual([-1, 16]);
    const e = input([8, 8, 8, 2]).apply(sequential(avgPool3d({ size: 2 }), maxPool3d({ size: 2 })));
    expectTypeOf(e.shape).toEqualTypeOf<readonly [number, 2, 2, 2, 2]>();
    expect(e.shape).toEqual([-1, 2, 2, 2, 2]);
    const f = input([10, 4]).apply(adaptiveAvgPool1d({ outputSize: [3] }));
    expectTypeOf(f.shape).toEqualTypeOf<readonly [number, 3, 4]>();
  });
});

// ─── (c) the 3-D kernel vs its naive reference ────────────────────────────────────────────────────────────

describe('(c) 3-D pooling (two 2-D passes) vs pool3dNaive on random configurations', () => {
  const r = rng(31);
  for (let i = 0; i < 24; i++) {
    const dims = [int(r, 1, 2), int(r, 2, 7), int(r, 2, 7), int(r, 2, 7), int(r, 1, 5)];
    const size = [int(r, 1, 3), int(r, 1, 3), int(r, 1, 3)];
    const max = r() < 0.5;
    const dilation = max ? [int(r, 1, 2), 1, int(r, 1, 2)] : [1, 1, 1];
    const padding = r() < 0.3 ? 'same' : size.map((k, a) => int(r, 0, Math.floor((dilation[a]! * (k - 1) + 1) / 2)));
    const options = { size, stride: [int(r, 1, 3), int(r, 1, 3), int(r, 1, 2)], padding, ceilMode: padding !== 'same' && r() < 0.5, ...(max ? { dilation } : { countIncludePad: r() < 0.5 }) };
    const layer = max ? 'maxPool3d' : 'avgPool3d';
    let out: readonly number[];
    try {
      out = call(looseInput(dims.slice(1)), layer, options).shape.map((d, a) => (a === 0 ? dims[0]! : d));
    } catch {
      continue; // a window the rules reject
    }
    it(`${layer} x=[${dims}] ${JSON.stringify(options)}`, () => {
      const g = poolGeometry(layer, dims, out, options) as Pool3dGeometry;
      const axes = poolAxes(layer, dims, out, options) as [PoolAxis, PoolAxis, PoolAxis];
      const x = randomData(rng(i), dims.reduce((a, b) => a * b, 1));
      const ref = pool3dNaive({ batch: dims[0]!, channels: dims[4]!, axes, countIncludePad: 'countIncludePad' in options && options.countIncludePad === true }, x, max ? 'max' : 'avg');
      const y = new Float32Array(ref.length + 3).fill(Number.NaN);
      const scratch = new Float32Array(g.scratchSize).fill(Number.NaN);
      (max ? maxPool3dKernel : avgPool3dKernel)(g, x, 0, y, 1, scratch);
      expect(y[0]).toBeNaN();
      expect(log.add(relErr(y.subarray(1, 1 + ref.length), ref))).toBeLessThanOrEqual(TOLERANCE);
      expect(y[1 + ref.length]).toBeNaN();
    });
  }
});

// ─── (d) through model.run vs onnxruntime-node, attributes by hand ───────────────────────────────────────

interface OrtCase {
  readonly layer: string;
  readonly dims: number[];
  readonly options?: object;
  readonly opType: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

const ORT_CASES: OrtCase[] = [
  { layer: 'maxPool1d', dims: [11, 3], options: { size: 3, stride: 2, padding: 1, ceilMode: true }, opType: 'MaxPool', attributes: { kernel_shape: [3], strides: [2], pads: [1, 1], ceil_mode: 1 } },
  // TF 'same' with dilation as explicit pads (T = (6 − 1)·2 + 3 − 12 = 1 → [0, 1]): ORT's SAME_UPPER with dilations gives 5, not ⌈12/2⌉.
  { layer: 'maxPool1d', dims: [12, 2], options: { size: 2, dilation: 2, padding: 'same' }, opType: 'MaxPool', attributes: { kernel_shape: [2], strides: [2], dilations: [2], pads: [0, 1] } },
  { layer: 'maxPool1d', dims: [9, 4], options: { size: 2, stride: 1 }, opType: 'MaxPool', attributes: { kernel_shape: [2], strides: [1] } },
  { layer: 'avgPool1d', dims: [10, 3], options: { size: 3, stride: 2, padding: [[1, 0]], countIncludePad: true }, opType: 'AveragePool', attributes: { kernel_shape: [3], strides: [2], pads: [1, 0], count_include_pad: 1 } },
  { layer: 'avgPool1d', dims: [5, 2], options: { size: 2, stride: 2, padding: 1, ceilMode: true }, opType: 'AveragePool', attributes: { kernel_shape: [2], strides: [2], pads: [1, 1], ceil_mode: 1 } },
  { layer: 'avgPool1d', dims: [11, 3], options: { size: 3, stride: 2, padding: 'same' }, opType: 'AveragePool', attributes: { kernel_shape: [3], strides: [2], auto_pad: 'SAME_UPPER' } },
  { layer: 'maxPool3d', dims: [5, 6, 7, 3], options: { size: [2, 3, 3], stride: 2, padding: [0, 1, 1], ceilMode: true }, opType: 'MaxPool', attributes: { kernel_shape: [2, 3, 3], strides: [2, 2, 2], pads: [0, 1, 1, 0, 1, 1], ceil_mode: 1 } },
  { layer: 'maxPool3d', dims: [4, 7, 6, 2], options: { size: 2, stride: 1, dilation: [1, 2, 1] }, opType: 'MaxPool', attributes: { kernel_shape: [2, 2, 2], strides: [1, 1, 1], dilations: [1, 2, 1] } },
  { layer: 'maxPool3d', dims: [4, 7, 6, 2], options: { size: 3, stride: 2, padding: 'same' }, opType: 'MaxPool', attributes: { kernel_shape: [3, 3, 3], strides: [2, 2, 2], auto_pad: 'SAME_UPPER' } },
  { layer: 'avgPool3d', dims: [5, 7, 6, 3], options: { size: 3, stride: 2, padding: 1, ceilMode: true, countIncludePad: true }, opType: 'AveragePool', attributes: { kernel_shape: [3, 3, 3], strides: [2, 2, 2], pads: [1, 1, 1, 1, 1, 1], ceil_mode: 1, count_include_pad: 1 } },
  { layer: 'avgPool3d', dims: [4, 6, 7, 2], options: { size: [2, 2, 3], stride: [1, 2, 2], padding: 'same' }, opType: 'AveragePool', attributes: { kernel_shape: [2, 2, 3], strides: [1, 2, 2], auto_pad: 'SAME_UPPER' } },
  { layer: 'avgPool3d', dims: [4, 6, 6, 2], options: { size: 2 }, opType: 'AveragePool', attributes: { kernel_shape: [2, 2, 2], strides: [2, 2, 2] } },
  { layer: 'globalAvgPool1d', dims: [9, 4], options: { keepDims: true }, opType: 'GlobalAveragePool', attributes: {} },
  { layer: 'globalMaxPool1d', dims: [9, 4], options: { keepDims: true }, opType: 'GlobalMaxPool', attributes: {} },
];

const caseName = (c: { layer: string; dims: number[]; options?: object }) => `${c.layer} x=[2,${c.dims.join(',')}] ${JSON.stringify(c.options ?? {})}`;

describe('(d) through model.run vs onnxruntime-node', () => {
  ORT_CASES.forEach((c, i) => {
    it(caseName(c), async () => {
      const x = looseInput(c.dims);
      const m = looseModel(x, call(x, c.layer, c.options));
      const dims = [2, ...c.dims];
      const data = randomData(rng(50 + i), dims.reduce((a, b) => a * b, 1));
      const ours = m.run(tensor(dims, data));
      const first = toFirst(dims, data);
      const ref = await runOnnxOp({ opType: c.opType, attributes: c.attributes, inputs: [{ name: 'x', dims: first.dims, data: first.data }] });
      const theirs = toLast(ref.dims, ref.data as Float32Array);
      expect([...ours.shape]).toEqual([...theirs.dims]);
      expect(log.add(relErr(ours.data, theirs.data))).toBeLessThanOrEqual(TOLERANCE);
      expect(m.params).toBe(0);
      expect(m.macs).toBe(0);
    });
  });

  it('globalAvgPool1d without keepDims is [B, C]; adaptiveAvgPool1d follows PyTorch bins (L=5 → 3: [0,2), [1,4), [3,5))', () => {
    const x = input([5, 1]);
    const g = model(x, x.globalAvgPool1d()).run(tensor([1, 5, 1], Float32Array.of(1, 2, 3, 4, 5)));
    expect([...g.shape]).toEqual([1, 1]);
    expect([...g.data]).toEqual([3]);
    const a = model(x, x.adaptiveAvgPool1d({ outputSize: 3 })).run(tensor([1, 5, 1], Float32Array.of(1, 2, 3, 4, 5)));
    expect([...a.shape]).toEqual([1, 3, 1]);
    expect([...a.data]).toEqual([1.5, 3, 4.5]);
  });
});

// ─── (e) ONNX export and import ───────────────────────────────────────────────────────────────────────────

describe('(e) toOnnx → onnxruntime-node, and importOnnx of NCL / NCDHW pools', () => {
  const exportCases = [
    ...ORT_CASES.map((c) => ({ layer: c.layer, dims: c.dims, options: c.options })),
    { layer: 'globalAvgPool1d', dims: [9, 4], options: {} },
    { layer: 'globalMaxPool1d', dims: [9, 4], options: {} },
    { layer: 'adaptiveAvgPool1d', dims: [12, 3], options: { outputSize: 4 } },
    { layer: 'adaptiveAvgPool1d', dims: [10, 3], options: { outputSize: 4 } },
  ];
  const exportLog = new KindLog('pool 1-D/3-D toOnnx vs ORT');
  afterAll(() => exportLog.print());
  exportCases.forEach((c, i) => {
    it(`export ${caseName(c)}`, async () => {
      const x = looseInput(c.dims);
      const m = looseModel(x, call(x, c.layer, c.options));
      randomizeWeights(m as never, i);
      await expectSameAsOrt(m as never, [batchOf([-1, ...c.dims], 2, i)], exportLog, c.layer, caseName(c));
    });
  });

  ORT_CASES.forEach((c, i) => {
    it(`import ${c.opType} on [2, C, ${c.dims.slice(0, -1).join(', ')}] → ${c.layer}`, async () => {
      const channels = c.dims[c.dims.length - 1]!;
      const onnxDims = [2, channels, ...c.dims.slice(0, -1)];
      const node = { opType: c.opType, inputs: ['x'], outputs: ['y'], attributes: c.attributes };
      const declared = ['N', ...onnxDims.slice(1)];
      const bytes = encodeModel({ nodes: [node], inputs: [{ name: 'x', dims: onnxDims, data: new Float32Array(onnxDims.reduce((a, b) => a * b, 1)), declaredDims: declared }], initializers: [], outputs: ['y'] });
      const graph = importOnnx(bytes);
      expect(graph.layers.map((l) => l.kind)).toEqual([c.layer]);
      const data = randomData(rng(70 + i), onnxDims.reduce((a, b) => a * b, 1));
      const ref = (await runOnnxGraph({ nodes: [node], inputs: [{ name: 'x', dims: onnxDims, data, declaredDims: declared }], initializers: [], outputs: ['y'] })).y!;
      const m = buildModel(graph) as unknown as { run(x: unknown): { shape: readonly number[]; data: Float32Array } };
      const last = toLast(onnxDims, data);
      const ours = m.run(tensor(last.dims as number[], last.data));
      const theirs = toLast(ref.dims, ref.data as Float32Array);
      expect([...ours.shape]).toEqual([...theirs.dims]);
      expect(log.add(relErr(ours.data, theirs.data))).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});
