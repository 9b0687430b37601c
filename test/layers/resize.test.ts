/**
 * The resize family at run time: globalAvgPool2d / globalMaxPool2d, adaptiveAvgPool2d, upSampling2d,
 * zeroPadding2d, reshape.
 * (a) the runtime twins throw exactly the sentences the type checker shows (test/diagnostics/fixtures/resize.ts
 *     pins the same sentences at compile time), blaming the same option;
 * (b) published shapes at run time, type-checked at the same call;
 * (c) each fast kernel vs its naive reference on random configurations (offsets into a guarded arena);
 * (d) the public API (`input(...)…; model(x, y).run(tensor(...))`) vs onnxruntime-node (GlobalAveragePool,
 *     GlobalMaxPool, AveragePool, Slice+ReduceMean+Concat, Resize, Pad, Reshape) and tfjs-core
 *     (resizeNearestNeighbor, resizeBilinear(halfPixelCenters), pad, reshape), plus a worked PyTorch example.
 * Error metric: max|a − b| / max(1, max|ref|) ≤ 1e-4 (test/kernels/helpers.ts).
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  ShapeError,
  adaptiveAvgPool2d as adaptiveSpec,
  globalAvgPool2d as gapSpec,
  input,
  model,
  reshape as reshapeSpec,
  sequential,
  tensor,
  upSampling2d as upSpec,
  zeroPadding2d as padSpec,
} from '../../src/index.js';
import { adaptiveAvgPool2d, adaptivePool2dGeometry } from '../../src/kernels/adaptive-pool.js';
import { adaptiveAvgPool2dNaive } from '../../src/kernels/adaptive-pool-naive.js';
import { globalAvgPool2d, globalMaxPool2d, type GlobalPool2dGeometry } from '../../src/kernels/global-pool.js';
import { globalAvgPool2dNaive, globalMaxPool2dNaive } from '../../src/kernels/global-pool-naive.js';
import { upSampling2d, upSampling2dGeometry } from '../../src/kernels/upsampling.js';
import { upSampling2dNaive } from '../../src/kernels/upsampling-naive.js';
import { zeroPadding2d, type ZeroPadding2dGeometry } from '../../src/kernels/zero-padding.js';
import { zeroPadding2dNaive } from '../../src/kernels/zero-padding-naive.js';
import { ErrorLog, int, randomData, relErr, rng, TOLERANCE } from '../kernels/helpers.js';
import { nchwToNhwc, nhwcToNchw, runOnnxGraph, runOnnxOp, type NamedTensor, type OnnxNode } from '../reference/onnx.js';
import { fromDense, tf, tfReady, tfRun } from '../reference/tfjs.js';

// ─── (a) the runtime twins throw the compile-time sentences ────────────────────────────────────────

interface LooseTensor {
  readonly shape: readonly number[];
  readonly [method: string]: unknown;
}
const looseInput = input as unknown as (dims: readonly number[]) => LooseTensor;

interface ErrorCase {
  readonly name: string;
  readonly input: readonly number[];
  readonly layer: string;
  readonly options: object | undefined;
  readonly message: string;
  readonly option: string | undefined;
}

/** Each sentence is also pinned at compile time, on the same call, by test/diagnostics/fixtures/resize.ts. */
const ERRORS: ErrorCase[] = [
  { name: 'globalAvgPool2d rank 2', input: [100], layer: 'globalAvgPool2d', options: undefined, option: undefined, message: 'globalAvgPool2d: input has the wrong rank (got [B, 100], expected rank 4 [B, H, W, C])' },
  { name: 'globalMaxPool2d rank 2 with options', input: [100], layer: 'globalMaxPool2d', options: { keepDims: true }, option: undefined, message: 'globalMaxPool2d: input has the wrong rank (got [B, 100], expected rank 4 [B, H, W, C])' },
  { name: 'globalAvgPool2d typo keepdims', input: [7, 7, 2048], layer: 'globalAvgPool2d', options: { keepdims: true }, option: 'keepdims', message: "globalAvgPool2d: unknown option 'keepdims' (expected one of keepDims, name)" },
  { name: 'adaptiveAvgPool2d rank 2', input: [9216], layer: 'adaptiveAvgPool2d', options: { outputSize: 6 }, option: undefined, message: 'adaptiveAvgPool2d: input has the wrong rank (got [B, 9216], expected rank 4 [B, H, W, C])' },
  { name: 'adaptiveAvgPool2d outputSize 0', input: [13, 13, 256], layer: 'adaptiveAvgPool2d', options: { outputSize: [6, 0] }, option: 'outputSize', message: 'adaptiveAvgPool2d: outputSize is not a positive integer (got 0, expected an integer ≥ 1)' },
  { name: 'adaptiveAvgPool2d outputSize 2.5', input: [13, 13, 256], layer: 'adaptiveAvgPool2d', options: { outputSize: 2.5 }, option: 'outputSize', message: 'adaptiveAvgPool2d: outputSize is not a positive integer (got 2.5, expected an integer ≥ 1)' },
  { name: 'adaptiveAvgPool2d typo output_size', input: [13, 13, 256], layer: 'adaptiveAvgPool2d', options: { outputSize: 6, output_size: 6 }, option: 'output_size', message: "adaptiveAvgPool2d: unknown option 'output_size' (expected one of outputSize, name)" },
  { name: 'upSampling2d rank 2', input: [100], layer: 'upSampling2d', options: undefined, option: undefined, message: 'upSampling2d: input has the wrong rank (got [B, 100], expected rank 4 [B, H, W, C])' },
  { name: 'upSampling2d size 0', input: [14, 14, 512], layer: 'upSampling2d', options: { size: 0 }, option: 'size', message: 'upSampling2d: size is not a positive integer (got 0, expected an integer ≥ 1)' },
  { name: 'upSampling2d size [2, 1.5]', input: [14, 14, 512], layer: 'upSampling2d', options: { size: [2, 1.5] }, option: 'size', message: 'upSampling2d: size is not a positive integer (got 1.5, expected an integer ≥ 1)' },
  { name: 'upSampling2d typo scale', input: [14, 14, 512], layer: 'upSampling2d', options: { scale: 2 }, option: 'scale', message: "upSampling2d: unknown option 'scale' (expected one of size, interpolation, name)" },
  { name: 'zeroPadding2d rank 2', input: [100], layer: 'zeroPadding2d', options: { padding: 1 }, option: undefined, message: 'zeroPadding2d: input has the wrong rank (got [B, 100], expected rank 4 [B, H, W, C])' },
  { name: 'zeroPadding2d padding -1', input: [224, 224, 3], layer: 'zeroPadding2d', options: { padding: -1 }, option: 'padding', message: 'zeroPadding2d: padding is not a non-negative integer (got -1, expected an integer ≥ 0)' },
  { name: 'zeroPadding2d explicit padding -2', input: [224, 224, 3], layer: 'zeroPadding2d', options: { padding: [[0, 1], [-2, 0]] }, option: 'padding', message: 'zeroPadding2d: padding is not a non-negative integer (got -2, expected an integer ≥ 0)' },
  { name: 'zeroPadding2d typo pad', input: [224, 224, 3], layer: 'zeroPadding2d', options: { padding: 1, pad: 1 }, option: 'pad', message: "zeroPadding2d: unknown option 'pad' (expected one of padding, name)" },
  { name: 'reshape count 25088 vs 20000', input: [7, 7, 512], layer: 'reshape', options: { shape: [100, 200] }, option: 'shape', message: "reshape: element count differs from the input's (got [B, 100, 200] with 20000 elements, expected 25088 as in [B, 7, 7, 512])" },
  { name: 'reshape -1 does not divide', input: [7, 7, 512], layer: 'reshape', options: { shape: [5, -1] }, option: 'shape', message: 'reshape: -1 cannot be inferred (got [B, 5, -1] with 5 known elements, expected a divisor of 25088 as in [B, 7, 7, 512])' },
  { name: 'reshape two -1', input: [7, 7, 512], layer: 'reshape', options: { shape: [-1, 7, -1] }, option: 'shape', message: 'reshape: shape has more than one -1 (got [B, -1, 7, -1], expected at most one dimension to infer)' },
  { name: 'reshape entry 0', input: [7, 7, 512], layer: 'reshape', options: { shape: [0, 25088] }, option: 'shape', message: 'reshape: shape has a dimension that is not a positive integer or -1 (got 0, expected an integer ≥ 1, or one -1)' },
  { name: 'reshape entry -2 after two -1', input: [7, 7, 512], layer: 'reshape', options: { shape: [-1, -1, -2] }, option: 'shape', message: 'reshape: shape has a dimension that is not a positive integer or -1 (got -2, expected an integer ≥ 1, or one -1)' },
  { name: 'reshape typo shapes', input: [7, 7, 512], layer: 'reshape', options: { shape: [25088], shapes: [1] }, option: 'shapes', message: "reshape: unknown option 'shapes' (expected one of shape, name)" },
];

describe('(a) the runtime twins throw the compile-time sentences', () => {
  it.each(ERRORS.map((c): [string, ErrorCase] => [c.name, c]))('%s', (_name, c) => {
    const x = looseInput(c.input);
    let error: unknown;
    try {
      (x[c.layer] as (this: LooseTensor, options?: object) => LooseTensor).call(x, c.options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).message).toBe(c.message);
    expect((error as ShapeError).layer).toBe(c.layer);
    expect((error as ShapeError).option).toBe(c.option);
  });

  it('upSampling2d interpolation outside the modes throws at run time (the option type rejects it at compile time)', () => {
    const x = looseInput([4, 4, 1]);
    expect(() => (x.upSampling2d as (this: LooseTensor, o: object) => LooseTensor).call(x, { interpolation: 'cubic' })).toThrow(
      new ShapeError("upSampling2d: interpolation is not a known mode (got cubic, expected 'nearest' or 'bilinear')", 'upSampling2d', 'interpolation'),
    );
  });

  it('spec factories check their options at once, and a spec that does not fit throws at apply', () => {
    const looseSpec = upSpec as unknown as (o: object) => unknown;
    expect(() => looseSpec({ size: 0 })).toThrow('upSampling2d: size is not a positive integer (got 0, expected an integer ≥ 1)');
    const flat = looseInput([7, 7, 512]);
    const spec = reshapeSpec({ shape: [100, 200] });
    expect(() => (flat.apply as (this: LooseTensor, s: unknown) => unknown).call(flat, spec)).toThrow(
      "reshape: element count differs from the input's (got [B, 100, 200] with 20000 elements, expected 25088 as in [B, 7, 7, 512])",
    );
  });
});

// ─── (b) published shapes at run time ──────────────────────────────────────────────────────────────

describe('(b) published shapes, computed at run time by the calls whose types are checked here', () => {
  it('ResNet-50 head: [7, 7, 2048] → globalAvgPool2d → [B, 2048] (keepDims → [B, 1, 1, 2048])', () => {
    const x = input([7, 7, 2048]);
    const y = x.globalAvgPool2d();
    const k = x.globalMaxPool2d({ keepDims: true });
    expectTypeOf(y.shape).toEqualTypeOf<readonly [number, 2048]>();
    expectTypeOf(k.shape).toEqualTypeOf<readonly [number, 1, 1, 2048]>();
    expect(y.shape).toEqual([-1, 2048]);
    expect(k.shape).toEqual([-1, 1, 1, 2048]);
  });

  it('torchvision AlexNet on 256×256: features 7×7×256 → adaptiveAvgPool2d 6 → flatten 9216', () => {
    const features = input([7, 7, 256]).adaptiveAvgPool2d({ outputSize: 6 });
    const flat = features.flatten();
    expectTypeOf(flat.shape).toEqualTypeOf<readonly [number, 9216]>();
    expect(features.shape).toEqual([-1, 6, 6, 256]);
    expect(flat.shape).toEqual([-1, 9216]);
  });

  it('Keras ResNet50 stem: 224 → conv1_pad 230 → conv 7/2 112 → pool1_pad 114 → pool 3/2 56', () => {
    const pad1 = input([224, 224, 3]).zeroPadding2d({ padding: 3 });
    const conv1 = pad1.conv2d({ filters: 64, kernel: 7, stride: 2 });
    const pad2 = conv1.zeroPadding2d({ padding: [[1, 1], [1, 1]] });
    const pool = pad2.maxPool2d({ size: 3, stride: 2 });
    expectTypeOf(pool.shape).toEqualTypeOf<readonly [number, 56, 56, 64]>();
    expect([pad1.shape, conv1.shape, pad2.shape, pool.shape]).toEqual([
      [-1, 230, 230, 3],
      [-1, 112, 112, 64],
      [-1, 114, 114, 64],
      [-1, 56, 56, 64],
    ]);
  });

  it('U-Net decoder: upSampling2d 2× of [28, 28, 512] → [56, 56, 512]; [2, 3] on [5, 7, 1] → [10, 21, 1]', () => {
    const y = input([28, 28, 512]).upSampling2d();
    const z = input([5, 7, 1]).upSampling2d({ size: [2, 3], interpolation: 'bilinear' });
    expectTypeOf(y.shape).toEqualTypeOf<readonly [number, 56, 56, 512]>();
    expectTypeOf(z.shape).toEqualTypeOf<readonly [number, 10, 21, 1]>();
    expect([y.shape, z.shape]).toEqual([
      [-1, 56, 56, 512],
      [-1, 10, 21, 1],
    ]);
  });

  it('TF DCGAN generator: dense 7·7·256 → reshape [7, 7, 256]; VGG [7, 7, 512] → [49, -1] → [49, 512]', () => {
    const g = input([100]).dense({ units: 12544 }).reshape({ shape: [7, 7, 256] });
    const v = input([7, 7, 512]).reshape({ shape: [49, -1] });
    expectTypeOf(g.shape).toEqualTypeOf<readonly [number, 7, 7, 256]>();
    expectTypeOf(v.shape).toEqualTypeOf<readonly [number, 49, 512]>();
    expect([g.shape, v.shape]).toEqual([
      [-1, 7, 7, 256],
      [-1, 49, 512],
    ]);
  });

  it('unknown dims flow through (−1 at run time, number in the types)', () => {
    const n = 9 as number;
    const x = input([n, 6, 4]);
    const up = x.upSampling2d({ size: 3 });
    const pad = x.zeroPadding2d({ padding: 1 });
    const ad = x.adaptiveAvgPool2d({ outputSize: [2, 3] });
    const re = x.reshape({ shape: [-1, 4] });
    expectTypeOf(up.shape).toEqualTypeOf<readonly [number, number, 18, 4]>();
    expectTypeOf(pad.shape).toEqualTypeOf<readonly [number, number, 8, 4]>();
    expectTypeOf(ad.shape).toEqualTypeOf<readonly [number, 2, 3, 4]>();
    expectTypeOf(re.shape).toEqualTypeOf<readonly [number, number, 4]>();
    // At run time n is known (9): the runtime computes what the types could not.
    expect([up.shape, pad.shape, ad.shape, re.shape]).toEqual([
      [-1, 27, 18, 4],
      [-1, 11, 8, 4],
      [-1, 2, 3, 4],
      [-1, 54, 4],
    ]);
  });

  it('specs: sequential(zeroPadding2d, upSampling2d, globalAvgPool2d) applied to [5, 5, 8]', () => {
    const block = sequential(padSpec({ padding: 1 }), upSpec({ size: 2 }), adaptiveSpec({ outputSize: 3 }), gapSpec());
    const y = input([5, 5, 8]).apply(block);
    expectTypeOf(y.shape).toEqualTypeOf<readonly [number, 8]>();
    expect(y.shape).toEqual([-1, 8]);
  });

  it('no parameters, no MACs', () => {
    const x = input([8, 8, 3]);
    const m = model(x, x.zeroPadding2d({ padding: 1 }).upSampling2d().adaptiveAvgPool2d({ outputSize: 4 }).globalMaxPool2d().reshape({ shape: [3, 1] }));
    expect(m.params).toBe(0);
    expect(m.macs).toBe(0);
    expect(Object.keys(m.weights)).toEqual([]);
  });
});

// ─── (c) fast kernels vs naive references ──────────────────────────────────────────────────────────

/** Runs `kernel` reading x at offset 2 of a guarded array and writing y at offset 3; reports whether the guards survived. */
function guarded(n: number, x: Float32Array, kernel: (x: Float32Array, xOff: number, y: Float32Array, yOff: number) => void): { y: Float32Array; untouched: boolean } {
  const xb = new Float32Array(x.length + 4).fill(555);
  xb.set(x, 2);
  const yb = new Float32Array(n + 6).fill(777);
  kernel(xb, 2, yb, 3);
  return { y: yb.slice(3, 3 + n), untouched: [...yb.subarray(0, 3), ...yb.subarray(3 + n)].every((v) => v === 777) };
}

/** The same kernel on ONE arena holding x then y (as the executor runs it). */
function inArena(n: number, x: Float32Array, kernel: (m: Float32Array, xOff: number, yOff: number) => void): Float32Array {
  const m = new Float32Array(x.length + n + 5).fill(333);
  m.set(x, 1);
  kernel(m, 1, x.length + 3);
  return m.slice(x.length + 3, x.length + 3 + n);
}

describe('(c) fast kernels vs naive references on random configurations', () => {
  const log = new ErrorLog('resize fast vs naive');
  afterAll(() => log.print());
  const r = rng(2024);

  for (let i = 0; i < 40; i++) {
    const kind = i % 2 ? 'max' : 'avg';
    const g: GlobalPool2dGeometry = { batch: int(r, 1, 3), pixels: int(r, 1, 40), channels: int(r, 1, 9) };
    it(`global${kind === 'avg' ? 'Avg' : 'Max'}Pool2d x=[${g.batch},${g.pixels} px,${g.channels}]`, () => {
      const x = randomData(rng(i), g.batch * g.pixels * g.channels);
      const ref = kind === 'avg' ? globalAvgPool2dNaive(g, x) : globalMaxPool2dNaive(g, x);
      const kernel = kind === 'avg' ? globalAvgPool2d : globalMaxPool2d;
      const { y, untouched } = guarded(ref.length, x, (a, ao, b, bo) => kernel(g, a, ao, b, bo));
      expect(untouched).toBe(true);
      expect(log.add(relErr(y, ref))).toBeLessThanOrEqual(1e-6);
      expect(log.add(relErr(inArena(ref.length, x, (m, xo, yo) => kernel(g, m, xo, m, yo)), ref))).toBeLessThanOrEqual(1e-6);
    });
  }

  for (let i = 0; i < 40; i++) {
    const shape = [int(r, 1, 2), int(r, 1, 12), int(r, 1, 12), int(r, 1, 5)];
    const out = [shape[0]!, int(r, 1, 14), int(r, 1, 14), shape[3]!]; // outputs larger than the input included
    it(`adaptiveAvgPool2d x=[${shape}] out=[${out[1]},${out[2]}]`, () => {
      const g = adaptivePool2dGeometry(shape, out);
      const x = randomData(rng(100 + i), shape.reduce((a, b) => a * b, 1));
      const ref = adaptiveAvgPool2dNaive(g, x);
      const { y, untouched } = guarded(ref.length, x, (a, ao, b, bo) => adaptiveAvgPool2d(g, a, ao, b, bo));
      expect(untouched).toBe(true);
      expect(log.add(relErr(y, ref))).toBeLessThanOrEqual(1e-6);
    });
  }

  for (let i = 0; i < 40; i++) {
    const shape = [int(r, 1, 2), int(r, 1, 7), int(r, 1, 7), int(r, 1, 5)];
    const sh = int(r, 1, 4);
    const sw = int(r, 1, 4);
    const mode = i % 2 ? 'bilinear' : 'nearest';
    it(`upSampling2d x=[${shape}] size=[${sh},${sw}] ${mode}`, () => {
      const g = upSampling2dGeometry(shape, sh, sw, mode);
      const x = randomData(rng(200 + i), shape.reduce((a, b) => a * b, 1));
      const ref = upSampling2dNaive(g, x);
      const { y, untouched } = guarded(ref.length, x, (a, ao, b, bo) => upSampling2d(g, a, ao, b, bo));
      expect(untouched).toBe(true);
      expect(log.add(relErr(y, ref))).toBeLessThanOrEqual(1e-6);
      expect(log.add(relErr(inArena(ref.length, x, (m, xo, yo) => upSampling2d(g, m, xo, m, yo)), ref))).toBeLessThanOrEqual(1e-6);
    });
  }

  for (let i = 0; i < 40; i++) {
    const g: ZeroPadding2dGeometry = {
      batch: int(r, 1, 2),
      inH: int(r, 1, 6),
      inW: int(r, 1, 6),
      channels: int(r, 1, 4),
      top: int(r, 0, 3),
      bottom: int(r, 0, 3),
      left: int(r, 0, 3),
      right: int(r, 0, 3),
    };
    it(`zeroPadding2d x=[${g.batch},${g.inH},${g.inW},${g.channels}] p=[[${g.top},${g.bottom}],[${g.left},${g.right}]]`, () => {
      const x = randomData(rng(300 + i), g.batch * g.inH * g.inW * g.channels);
      const ref = zeroPadding2dNaive(g, x);
      const { y, untouched } = guarded(ref.length, x, (a, ao, b, bo) => zeroPadding2d(g, a, ao, b, bo));
      expect(untouched).toBe(true);
      expect(relErr(y, ref)).toBe(0);
      expect(relErr(inArena(ref.length, x, (m, xo, yo) => zeroPadding2d(g, m, xo, m, yo)), ref)).toBe(0);
    });
  }
});

// ─── (d) the public API vs onnxruntime-node and tfjs-core ──────────────────────────────────────────

type Dims4 = [number, number, number, number];
const nhwc = (dims: readonly number[], data: Float32Array) => ({ dims, data });
const sizeOf = (dims: readonly number[]): number => dims.reduce((a, b) => a * b, 1);

/** Builds `input([h, w, c])`, applies `layer` and runs the model on `x` (NHWC). */
function runLayer(dims: Dims4, x: Float32Array, layer: (t: ReturnType<typeof image>) => { readonly shape: readonly number[] }) {
  const t = image(dims);
  const y = layer(t);
  return model(t, y as never).run(tensor(dims, x) as never) as unknown as { shape: readonly number[]; data: Float32Array };
}
const image = (dims: Dims4) => input([dims[1], dims[2], dims[3]] as [number, number, number]);

describe('(d) globalAvgPool2d / globalMaxPool2d vs onnxruntime-node GlobalAveragePool / GlobalMaxPool', () => {
  const log = new ErrorLog('global pool vs ORT');
  afterAll(() => log.print());
  const r = rng(7);
  const cases: [Dims4, 'avg' | 'max', boolean][] = [
    [[1, 7, 7, 32], 'avg', false],
    [[2, 7, 7, 32], 'max', true],
    [[3, 1, 1, 5], 'avg', true],
  ];
  for (let i = 0; i < 10; i++) cases.push([[int(r, 1, 3), int(r, 1, 9), int(r, 1, 9), int(r, 1, 17)], i % 2 ? 'max' : 'avg', r() < 0.5]);
  cases.forEach(([dims, kind, keepDims], i) => {
    it(`global${kind === 'avg' ? 'Avg' : 'Max'}Pool2d x=[${dims}]${keepDims ? ' keepDims' : ''}`, async () => {
      const x = randomData(rng(400 + i), sizeOf(dims));
      const ours = runLayer(dims, x, (t) => (kind === 'avg' ? t.globalAvgPool2d({ keepDims }) : t.globalMaxPool2d({ keepDims })));
      expect(ours.shape).toEqual(keepDims ? [dims[0], 1, 1, dims[3]] : [dims[0], dims[3]]);
      const out = await runOnnxOp({ opType: kind === 'avg' ? 'GlobalAveragePool' : 'GlobalMaxPool', inputs: [{ name: 'x', ...nhwcToNchw(nhwc(dims, x)) }] });
      expect(out.dims).toEqual([dims[0], dims[3], 1, 1]);
      expect(log.add(relErr(ours.data, nchwToNhwc(out).data))).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

/** PyTorch's bins, written out here from its documented formula: `[⌊i·in/out⌋, ⌈(i+1)·in/out⌉)`. */
const torchBins = (inLen: number, outLen: number): [number, number][] =>
  Array.from({ length: outLen }, (_, i) => [Math.floor((i * inLen) / outLen), Math.ceil(((i + 1) * inLen) / outLen)]);

/** An ONNX graph of adaptive average pooling: one Slice + ReduceMean per bin, Concat along W then H (NCHW). */
function adaptiveOnnxGraph(dims: Dims4, oh: number, ow: number): { nodes: OnnxNode[]; initializers: NamedTensor[]; output: string } {
  const nodes: OnnxNode[] = [];
  const initializers: NamedTensor[] = [{ name: 'axes', dims: [2], data: BigInt64Array.of(2n, 3n) }];
  const rowNames: string[] = [];
  torchBins(dims[1], oh).forEach(([r0, r1], i) => {
    const cells: string[] = [];
    torchBins(dims[2], ow).forEach(([c0, c1], j) => {
      initializers.push({ name: `s${i}_${j}`, dims: [2], data: BigInt64Array.of(BigInt(r0), BigInt(c0)) });
      initializers.push({ name: `e${i}_${j}`, dims: [2], data: BigInt64Array.of(BigInt(r1), BigInt(c1)) });
      nodes.push({ opType: 'Slice', inputs: ['x', `s${i}_${j}`, `e${i}_${j}`, 'axes'], outputs: [`slice${i}_${j}`] });
      nodes.push({ opType: 'ReduceMean', inputs: [`slice${i}_${j}`], outputs: [`mean${i}_${j}`], attributes: { axes: [2, 3], keepdims: 1 } });
      cells.push(`mean${i}_${j}`);
    });
    nodes.push({ opType: 'Concat', inputs: cells, outputs: [`row${i}`], attributes: { axis: 3 } });
    rowNames.push(`row${i}`);
  });
  nodes.push({ opType: 'Concat', inputs: rowNames, outputs: ['y'], attributes: { axis: 2 } });
  return { nodes, initializers, output: 'y' };
}

describe('(d) adaptiveAvgPool2d vs onnxruntime-node (AveragePool when out divides in; Slice+ReduceMean+Concat otherwise)', () => {
  const log = new ErrorLog('adaptive pool vs ORT');
  afterAll(() => log.print());

  it('worked PyTorch example: in=5 → out=3 bins [0,2) [1,4) [3,5) on 0..4 give 0.5, 2, 3.5 (both axes)', () => {
    const x = Float32Array.from({ length: 25 }, (_, k) => Math.floor(k / 5) * 10 + (k % 5)); // x[i, j] = 10 i + j
    const y = runLayer([1, 5, 5, 1], x, (t) => t.adaptiveAvgPool2d({ outputSize: 3 }));
    // y[i, j] = 10·m_i + m_j with bin means m = {0.5, 2, 3.5}
    expect([...y.data]).toEqual([5.5, 7, 8.5, 20.5, 22, 23.5, 35.5, 37, 38.5]);
  });

  const divisible: [Dims4, number, number][] = [
    [[1, 12, 12, 3], 6, 6],
    [[2, 8, 6, 4], 4, 3],
    [[1, 7, 7, 2], 1, 1],
  ];
  divisible.forEach(([dims, oh, ow], i) => {
    it(`x=[${dims}] out=[${oh},${ow}] vs AveragePool k=s=[${dims[1] / oh},${dims[2] / ow}]`, async () => {
      const x = randomData(rng(500 + i), sizeOf(dims));
      const ours = runLayer(dims, x, (t) => t.adaptiveAvgPool2d({ outputSize: [oh, ow] }));
      const k = [dims[1] / oh, dims[2] / ow];
      const out = await runOnnxOp({ opType: 'AveragePool', attributes: { kernel_shape: k, strides: k }, inputs: [{ name: 'x', ...nhwcToNchw(nhwc(dims, x)) }] });
      expect(ours.shape).toEqual([dims[0], oh, ow, dims[3]]);
      expect(log.add(relErr(ours.data, nchwToNhwc(out).data))).toBeLessThanOrEqual(TOLERANCE);
    });
  });

  const r = rng(11);
  const overlapping: [Dims4, number, number][] = [
    [[1, 7, 7, 4], 6, 6], // torchvision AlexNet on 256×256
    [[2, 13, 13, 3], 6, 6],
    [[1, 5, 3, 2], 3, 2],
    [[1, 2, 3, 2], 5, 4], // output larger than the input: bins repeat cells
  ];
  for (let i = 0; i < 8; i++) overlapping.push([[int(r, 1, 2), int(r, 1, 10), int(r, 1, 10), int(r, 1, 4)], int(r, 1, 8), int(r, 1, 8)]);
  overlapping.forEach(([dims, oh, ow], i) => {
    it(`x=[${dims}] out=[${oh},${ow}] vs Slice+ReduceMean`, async () => {
      const x = randomData(rng(600 + i), sizeOf(dims));
      const ours = runLayer(dims, x, (t) => t.adaptiveAvgPool2d({ outputSize: [oh, ow] }));
      const g = adaptiveOnnxGraph(dims, oh, ow);
      const res = await runOnnxGraph({ nodes: g.nodes, initializers: g.initializers, inputs: [{ name: 'x', ...nhwcToNchw(nhwc(dims, x)) }], outputs: [g.output] });
      const ref = nchwToNhwc(res[g.output]!);
      expect(ref.dims).toEqual([dims[0], oh, ow, dims[3]]);
      expect(log.add(relErr(ours.data, ref.data))).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

describe('(d) upSampling2d vs onnxruntime-node Resize and tfjs-core resizeNearestNeighbor / resizeBilinear', () => {
  const ortLog = new ErrorLog('upsampling vs ORT');
  const tfLog = new ErrorLog('upsampling vs tfjs');
  beforeAll(() => tfReady());
  afterAll(() => {
    ortLog.print();
    tfLog.print();
  });
  const r = rng(13);
  const cases: [Dims4, number, number, 'nearest' | 'bilinear'][] = [
    [[1, 2, 2, 1], 2, 2, 'bilinear'],
    [[1, 4, 4, 3], 2, 2, 'nearest'],
    [[2, 3, 5, 2], 3, 2, 'bilinear'],
    [[1, 1, 1, 2], 4, 3, 'bilinear'],
    [[1, 5, 4, 2], 1, 3, 'bilinear'],
  ];
  for (let i = 0; i < 14; i++) cases.push([[int(r, 1, 2), int(r, 1, 8), int(r, 1, 8), int(r, 1, 5)], int(r, 1, 4), int(r, 1, 4), i % 2 ? 'bilinear' : 'nearest']);
  cases.forEach(([dims, sh, sw, mode], i) => {
    it(`x=[${dims}] size=[${sh},${sw}] ${mode}`, async () => {
      const x = randomData(rng(700 + i), sizeOf(dims));
      const ours = runLayer(dims, x, (t) => t.upSampling2d({ size: [sh, sw], interpolation: mode }));
      const outDims = [dims[0], dims[1] * sh, dims[2] * sw, dims[3]];
      expect(ours.shape).toEqual(outDims);
      const attributes: Record<string, string> =
        mode === 'nearest'
          ? { mode: 'nearest', coordinate_transformation_mode: 'asymmetric', nearest_mode: 'floor' }
          : { mode: 'linear', coordinate_transformation_mode: 'half_pixel' };
      const out = await runOnnxOp({
        opType: 'Resize',
        attributes,
        inputs: [{ name: 'x', ...nhwcToNchw(nhwc(dims, x)) }],
        initializers: [{ name: 'scales', dims: [4], data: Float32Array.of(1, 1, sh, sw) }],
        nodeInputs: ['x', '', 'scales'],
        opset: 13,
      });
      const ref = nchwToNhwc(out);
      expect(ref.dims).toEqual(outDims);
      expect(ortLog.add(relErr(ours.data, ref.data)), 'vs ORT').toBeLessThanOrEqual(TOLERANCE);
      const tfRef = tfRun(() => {
        const xt = fromDense(nhwc(dims, x)) as tf.Tensor4D;
        const size: [number, number] = [outDims[1]!, outDims[2]!];
        return mode === 'nearest' ? tf.image.resizeNearestNeighbor(xt, size, false, false) : tf.image.resizeBilinear(xt, size, false, true);
      });
      expect(tfLog.add(relErr(ours.data, tfRef.data)), 'vs tfjs').toBeLessThanOrEqual(TOLERANCE);
    });
  });

  it('worked example: [0, 4] × 2 bilinear (half-pixel, edge clamped) → [0, 1, 3, 4]; nearest → [0, 0, 4, 4]', () => {
    const x = Float32Array.of(0, 4);
    expect([...runLayer([1, 1, 2, 1], x, (t) => t.upSampling2d({ size: [1, 2], interpolation: 'bilinear' })).data]).toEqual([0, 1, 3, 4]);
    expect([...runLayer([1, 1, 2, 1], x, (t) => t.upSampling2d({ size: [1, 2] })).data]).toEqual([0, 0, 4, 4]);
  });
});

describe('(d) zeroPadding2d vs onnxruntime-node Pad and tfjs-core pad', () => {
  const log = new ErrorLog('zero padding vs ORT/tfjs');
  beforeAll(() => tfReady());
  afterAll(() => log.print());
  const r = rng(17);
  const cases: [Dims4, [[number, number], [number, number]]][] = [
    [[1, 224, 224, 3], [[3, 3], [3, 3]]],
    [[2, 3, 4, 2], [[0, 1], [2, 0]]],
  ];
  for (let i = 0; i < 8; i++) cases.push([[int(r, 1, 2), int(r, 1, 6), int(r, 1, 6), int(r, 1, 4)], [[int(r, 0, 3), int(r, 0, 3)], [int(r, 0, 3), int(r, 0, 3)]]]);
  cases.forEach(([dims, [[t, b], [l, rt]]], i) => {
    it(`x=[${dims}] p=[[${t},${b}],[${l},${rt}]]`, async () => {
      const x = randomData(rng(800 + i), sizeOf(dims));
      const ours = runLayer(dims, x, (tn) => tn.zeroPadding2d({ padding: [[t, b], [l, rt]] }));
      expect(ours.shape).toEqual([dims[0], t + dims[1] + b, l + dims[2] + rt, dims[3]]);
      const out = await runOnnxOp({
        opType: 'Pad',
        inputs: [{ name: 'x', ...nhwcToNchw(nhwc(dims, x)) }],
        initializers: [{ name: 'pads', dims: [8], data: BigInt64Array.from([0, 0, t, l, 0, 0, b, rt].map(BigInt)) }],
      });
      expect(log.add(relErr(ours.data, nchwToNhwc(out).data)), 'vs ORT').toBeLessThanOrEqual(0);
      const tfRef = tfRun(() => tf.pad(fromDense(nhwc(dims, x)), [[0, 0], [t, b], [l, rt], [0, 0]]));
      expect(log.add(relErr(ours.data, tfRef.data)), 'vs tfjs').toBeLessThanOrEqual(0);
    });
  });
});

describe('(d) reshape vs onnxruntime-node Reshape and tfjs-core reshape (NHWC memory order), on every planner path', () => {
  beforeAll(() => tfReady());
  const cases: [Dims4, number[]][] = [
    [[2, 7, 7, 8], [49, 8]],
    [[2, 7, 7, 8], [-1, 14]],
    [[1, 2, 3, 4], [4, -1, 2]],
    [[3, 4, 4, 2], [32]],
  ];
  cases.forEach(([dims, target], i) => {
    it(`x=[${dims}] shape=[${target}] (model input, copied)`, async () => {
      const x = randomData(rng(900 + i), sizeOf(dims));
      const ours = runLayer(dims, x, (t) => t.reshape({ shape: target }));
      const out = await runOnnxOp({
        opType: 'Reshape',
        inputs: [{ name: 'x', dims, data: x }],
        initializers: [{ name: 'shape', dims: [target.length + 1], data: BigInt64Array.from([dims[0], ...target].map(BigInt)) }],
      });
      expect(ours.shape).toEqual(out.dims);
      expect(relErr(ours.data, out.data)).toBe(0);
      const tfRef = tfRun(() => tf.reshape(fromDense(nhwc(dims, x)), [dims[0], ...target]));
      expect(ours.shape).toEqual(tfRef.dims);
      expect(relErr(ours.data, tfRef.data)).toBe(0);
    });
  });

  it('x=[2,4,4,3] relu → reshape [48] (sole reader: shares the buffer) and a second reader (copied)', () => {
    const dims: Dims4 = [2, 4, 4, 3];
    const x = randomData(rng(950), sizeOf(dims));
    const relu = Float32Array.from(x, (v) => Math.max(v, 0));
    const t = image(dims);
    const shared = model(t, t.relu().reshape({ shape: [48] }));
    expect([...(shared.run(tensor(dims, x)) as { data: Float32Array }).data]).toEqual([...relu]);
    const r = t.relu();
    const copied = model([t], [r.reshape({ shape: [16, 3] }), r.globalMaxPool2d()]);
    const [a, b] = copied.run([tensor(dims, x)]) as unknown as { shape: readonly number[]; data: Float32Array }[];
    expect(a!.shape).toEqual([2, 16, 3]);
    expect([...a!.data]).toEqual([...relu]);
    expect(b!.shape).toEqual([2, 3]);
  });
});
