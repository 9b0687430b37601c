/**
 * conv1d, conv3d, depthwiseConv2d and separableConv2d at run time:
 * (a) the runtime twins throw exactly the sentences the type checker shows (test-d/conv-nd.test-d.ts and
 *     test/diagnostics/fixtures/conv-nd.ts check the same sentences at compile time), blaming the same option;
 * (b) shapes computed at run time equal the types at the same call;
 * (c) the fast kernels against their naive references on random configurations (conv1d through the conv2d
 *     kernels seen at height 1, every applicable conv2d method; conv3d's sum of conv2d planes);
 * (d) the layers through the public API (`input … model(x, y).run(tensor(…))`, weights via `setWeights`)
 *     against onnxruntime-node `Conv` (1-D, 3-D, group = C; auto_pad SAME_UPPER for 'same', so the engine
 *     computes TF's pads itself) and tfjs-core `conv1d`/`conv3d`/`depthwiseConv2d`/`separableConv2d`;
 * (e) parameters and MACs: SEMANTICS.md §6 by hand, and the published totals of MobileNet-v1 (569 M MACs,
 *     Keras: 4,231,976 trainable parameters) and Xception (Keras: 22,855,952 trainable parameters).
 * Error metric (test/kernels/helpers.ts): max|a − b| / max(1, max|ref|) ≤ 1e-4.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { add, input, model, ShapeError, tensor } from '../../src/index.js';
import { sequential } from '../../src/graph/spec.js';
import { conv1d, conv3d, depthwiseConv2d, separableConv2d } from '../../src/graph/specs-conv.js';
import { NO_ACTIVATION, type Activation } from '../../src/kernels/activation.js';
import { conv2d, conv2dMethodApplies, conv2dScratchSize, packConv2dWeights, type Conv2dMethod } from '../../src/kernels/conv2d.js';
import { conv2dNaive } from '../../src/kernels/conv2d-naive.js';
import { conv1dAsConv2d, type Conv1dGeometry } from '../../src/kernels/conv1d.js';
import { conv1dNaive } from '../../src/kernels/conv1d-naive.js';
import { conv3d as conv3dKernel, conv3dScratchSize, packConv3dWeights, type Conv3dGeometry } from '../../src/kernels/conv3d.js';
import { conv3dNaive } from '../../src/kernels/conv3d-naive.js';
import type { Conv2dGeometry } from '../../src/kernels/geometry.js';
import { hwioToOihw, nchwToNhwc, nhwcToNchw, runOnnxGraph, runOnnxOp, type AttributeValue } from '../reference/onnx.js';
import { fromDense, tf, tfReady, tfRun } from '../reference/tfjs.js';
import { ErrorLog, int, randomData, relErr, rng, TOLERANCE } from '../kernels/helpers.js';

/** The DSL seen loosely, so that deliberate mistakes and generated configurations reach the runtime. */
interface LooseTensor {
  readonly shape: readonly number[];
  readonly [method: string]: unknown;
}
const looseInput = input as unknown as (dims: readonly number[], options?: { readonly batch?: number }) => LooseTensor;
const call = (t: LooseTensor, layer: string, options?: object): LooseTensor => (t[layer] as (this: LooseTensor, o?: object) => LooseTensor).call(t, options);
const looseModel = model as unknown as (x: LooseTensor, y: LooseTensor) => {
  weights: Record<string, { shape: readonly number[]; data: Float32Array }>;
  setWeights(r: Record<string, { shape: readonly number[]; data: Float32Array }>): void;
  run(t: { shape: readonly number[]; data: Float32Array }): { shape: readonly number[]; data: Float32Array };
  params: number;
  macs: number;
};

// ─── (a) the sentences ─────────────────────────────────────────────────────────────────────────────

interface ErrorCase {
  readonly input: readonly number[];
  readonly layer: string;
  readonly options: object;
  readonly message: string;
  readonly option: string | undefined;
}

/** Every mistake the type checker reports for these layers (same sentences as the fixture), plus the untyped-only forms. */
const ERRORS: ErrorCase[] = [
  { input: [28, 28, 3], layer: 'conv1d', options: { filters: 8, kernel: 3 }, option: undefined, message: 'conv1d: input has the wrong rank (got [B, 28, 28, 3], expected rank 3 [B, L, C])' },
  { input: [10, 4], layer: 'conv1d', options: { filters: 8, kernel: 30 }, option: 'kernel', message: 'conv1d: kernel 30 (dilated 30) does not fit the padded input length 10 (input [B, 10, 4]); to fit, add padding 10 on each side of the length or use kernel ≤ 10' },
  { input: [10, 4], layer: 'conv1d', options: { filters: 8, kernel: 3, dilation: 5, padding: [[0, 0]] }, option: 'kernel', message: 'conv1d: kernel 3 (dilated 11) does not fit the padded input length 10 (input [B, 10, 4]); to fit, add padding 1 on each side of the length or use kernel ≤ 2 or dilation ≤ 4' },
  { input: [100, 16], layer: 'conv1d', options: { filters: 8, kernel: 3, inChannels: 8 }, option: 'inChannels', message: "conv1d: inChannels 8 does not match the input's 16 channels (input [B, 100, 16]); write inChannels: 16" },
  { input: [100, 16], layer: 'conv1d', options: { filters: 8, kernel: 3, groups: 3 }, option: 'groups', message: 'conv1d: groups 3 does not divide the input channels 16 (got 16 % 3 ≠ 0, expected a divisor)' },
  { input: [100, 16], layer: 'conv1d', options: { filters: 8, kernel: 3, stride: 0 }, option: 'stride', message: 'conv1d: stride is not a positive integer (got 0, expected an integer ≥ 1)' },
  { input: [100, 16], layer: 'conv1d', options: { filters: 8, kernel: 3, size: 3 }, option: 'size', message: "conv1d: unknown option 'size' (expected one of filters, kernel, stride, padding, dilation, groups, useBias, inChannels, kernelInitializer, biasInitializer, name)" },
  { input: [32, 32, 3], layer: 'conv3d', options: { filters: 8, kernel: 3 }, option: undefined, message: 'conv3d: input has the wrong rank (got [B, 32, 32, 3], expected rank 5 [B, D, H, W, C])' },
  { input: [2, 32, 32, 3], layer: 'conv3d', options: { filters: 8, kernel: 3 }, option: 'kernel', message: 'conv3d: kernel 3 (dilated 3) does not fit the padded input depth 2 (input [B, 2, 32, 32, 3]); to fit, add padding 1 on each side of the depth or use kernel ≤ 2' },
  { input: [8, 8, 4, 3], layer: 'conv3d', options: { filters: 8, kernel: [1, 1, 7], padding: [[0, 0], [0, 0], [1, 1]] }, option: 'kernel', message: 'conv3d: kernel 7 (dilated 7) does not fit the padded input width 6 (input [B, 8, 8, 4, 3]); to fit, add padding 1 on each side of the width or use kernel ≤ 6' },
  { input: [8, 8, 8, 4], layer: 'conv3d', options: { filters: 6, kernel: 3, groups: 4 }, option: 'groups', message: 'conv3d: groups 4 does not divide the filters 6 (got 6 % 4 ≠ 0, expected a divisor)' },
  { input: [8, 8, 8, 4], layer: 'conv3d', options: { filters: 8, kernel: 3, padding: [1, -1, 1] }, option: 'padding', message: 'conv3d: padding is not a non-negative integer (got -1, expected an integer ≥ 0)' },
  { input: [8, 8, 8, 4], layer: 'conv3d', options: { filters: 8, kernel: 3, dilation: [1, 1.5, 1] }, option: 'dilation', message: 'conv3d: dilation is not a positive integer (got 1.5, expected an integer ≥ 1)' },
  { input: [8, 8, 8, 4], layer: 'conv3d', options: { filters: 8, kernel: 3, inChannels: 3 }, option: 'inChannels', message: "conv3d: inChannels 3 does not match the input's 4 channels (input [B, 8, 8, 8, 4]); write inChannels: 4" },
  { input: [100, 16], layer: 'depthwiseConv2d', options: { kernel: 3 }, option: undefined, message: 'depthwiseConv2d: input has the wrong rank (got [B, 100, 16], expected rank 4 [B, H, W, C])' },
  { input: [2, 2, 8], layer: 'depthwiseConv2d', options: { kernel: 3 }, option: 'kernel', message: 'depthwiseConv2d: kernel 3 (dilated 3) does not fit the padded input height 2 (input [B, 2, 2, 8]); to fit, add padding 1 on each side of the height or use kernel ≤ 2' },
  { input: [8, 8, 8], layer: 'depthwiseConv2d', options: { kernel: 3, depthMultiplier: 0 }, option: 'depthMultiplier', message: 'depthwiseConv2d: depthMultiplier is not a positive integer (got 0, expected an integer ≥ 1)' },
  { input: [8, 8, 8], layer: 'depthwiseConv2d', options: { kernel: 3, filters: 16 }, option: 'filters', message: "depthwiseConv2d: unknown option 'filters' (expected one of kernel, depthMultiplier, stride, padding, dilation, useBias, kernelInitializer, biasInitializer, name)" },
  { input: [8, 8, 8], layer: 'separableConv2d', options: { filters: 0, kernel: 3 }, option: 'filters', message: 'separableConv2d: filters is not a positive integer (got 0, expected an integer ≥ 1)' },
  { input: [9, 4, 8], layer: 'separableConv2d', options: { filters: 16, kernel: 3, dilation: [1, 2] }, option: 'kernel', message: 'separableConv2d: kernel 3 (dilated 5) does not fit the padded input width 4 (input [B, 9, 4, 8]); to fit, add padding 1 on each side of the width or use kernel ≤ 2 or dilation ≤ 1' },
  { input: [8, 8, 8], layer: 'separableConv2d', options: { filters: 16, kernel: 3, groups: 2 }, option: 'groups', message: "separableConv2d: unknown option 'groups' (expected one of filters, kernel, depthMultiplier, stride, padding, dilation, useBias, name)" },
  { input: [4, 9, 4, 8], layer: 'separableConv2d', options: { filters: 16, kernel: 3 }, option: undefined, message: 'separableConv2d: input has the wrong rank (got [B, 4, 9, 4, 8], expected rank 4 [B, H, W, C])' },
  // Only reachable from untyped code (the option types reject these forms at compile time).
  { input: [10, 4], layer: 'conv1d', options: { filters: 8, kernel: [3, 3] }, option: 'kernel', message: 'conv1d: kernel has the wrong form (got [3, 3], expected a number or [k])' },
  { input: [8, 8, 8, 4], layer: 'conv3d', options: { filters: 8, kernel: 3, padding: [1, 1] }, option: 'padding', message: "conv3d: padding has the wrong form (got [1, 1], expected a number, [d, h, w], [[front, back], [top, bottom], [left, right]], 'valid' or 'same')" },
  { input: [8, 8, 8], layer: 'depthwiseConv2d', options: { kernel: 3, padding: 'full' }, option: 'padding', message: "depthwiseConv2d: padding has the wrong form (got 'full', expected a number, [h, w], [[top, bottom], [left, right]], 'valid' or 'same')" },
  // conv2d is the same N-d rule at rank 2: these passed silently before it was (the padding gave [B, 8, 10, 4]).
  { input: [8, 8, 3], layer: 'conv2d', options: { filters: 4, kernel: 3, padding: [1, 2, 3] }, option: 'padding', message: "conv2d: padding has the wrong form (got [1, 2, 3], expected a number, [h, w], [[top, bottom], [left, right]], 'valid' or 'same')" },
  { input: [8, 8, 3], layer: 'conv2d', options: { filters: 4, kernel: [3, 3, 3] }, option: 'kernel', message: 'conv2d: kernel has the wrong form (got [3, 3, 3], expected a number or [h, w])' },
  { input: [8, 8, 8], layer: 'separableConv2d', options: { filters: 4, kernel: 3, stride: [1, 1, 1] }, option: 'stride', message: 'separableConv2d: stride has the wrong form (got [1, 1, 1], expected a number or [h, w])' },
];

describe('(a) the runtime twins throw the compile-time sentences', () => {
  it.each(ERRORS.map((c): [string, ErrorCase] => [c.message, c]))('%s', (_name, c) => {
    let error: unknown;
    try {
      call(looseInput(c.input), c.layer, c.options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).message).toBe(c.message);
    expect((error as ShapeError).layer).toBe(c.layer);
    expect((error as ShapeError).option).toBe(c.option);
  });

  it('spec factories check options before any input (on unknown sizes)', () => {
    expect(() => conv1d({ filters: 8, kernel: 3, stride: 0 } as never)).toThrow('conv1d: stride is not a positive integer (got 0, expected an integer ≥ 1)');
    expect(() => depthwiseConv2d({ kernel: 3, filters: 2 } as never)).toThrow("depthwiseConv2d: unknown option 'filters'");
    expect(conv3d({ filters: 8, kernel: 3 }).kind).toBe('conv3d');
  });
});

// ─── (b) shapes at run time equal the types ────────────────────────────────────────────────────────

describe('(b) run-time shapes equal the compile-time shapes', () => {
  it('conv1d: Keras Conv1D(32, 5, strides=2) on 100 steps → 48; same → ⌈100/2⌉ = 50', () => {
    const a = input([100, 16]).conv1d({ filters: 32, kernel: 5, stride: 2 });
    expectTypeOf(a.shape).toEqualTypeOf<readonly [number, 48, 32]>();
    expect(a.shape).toEqual([-1, 48, 32]);
    const b = input([100, 16]).conv1d({ filters: 32, kernel: 5, stride: 2, padding: 'same' });
    expectTypeOf(b.shape).toEqualTypeOf<readonly [number, 50, 32]>();
    expect(b.shape).toEqual([-1, 50, 32]);
  });
  it('conv3d: C3D conv1 (16×112×112×3, 3×3×3, pad 1) keeps the size; pool-free stride 2 same → 8×56×56', () => {
    const a = input([16, 112, 112, 3]).conv3d({ filters: 64, kernel: 3, padding: 1 });
    expectTypeOf(a.shape).toEqualTypeOf<readonly [number, 16, 112, 112, 64]>();
    expect(a.shape).toEqual([-1, 16, 112, 112, 64]);
    const b = a.conv3d({ filters: 128, kernel: 3, stride: 2, padding: 'same' });
    expectTypeOf(b.shape).toEqualTypeOf<readonly [number, 8, 56, 56, 128]>();
    expect(b.shape).toEqual([-1, 8, 56, 56, 128]);
  });
  it('depthwiseConv2d: MobileNet-v1 block 2 (112×112×64, stride 2, same) → 56×56×64; multiplier 3 → C·3', () => {
    const a = input([112, 112, 64]).depthwiseConv2d({ kernel: 3, stride: 2, padding: 'same', useBias: false });
    expectTypeOf(a.shape).toEqualTypeOf<readonly [number, 56, 56, 64]>();
    expect(a.shape).toEqual([-1, 56, 56, 64]);
    const b = input([9, 7, 5], { batch: 2 }).depthwiseConv2d({ kernel: [3, 2], depthMultiplier: 3, padding: [[1, 0], [0, 2]], dilation: [2, 1] });
    expectTypeOf(b.shape).toEqualTypeOf<readonly [2, 6, 8, 15]>();
    expect(b.shape).toEqual([2, 6, 8, 15]);
  });
  it('separableConv2d: Xception entry flow (147×147×64 → 147×147×128, same)', () => {
    const a = input([147, 147, 64]).separableConv2d({ filters: 128, kernel: 3, padding: 'same', useBias: false });
    expectTypeOf(a.shape).toEqualTypeOf<readonly [number, 147, 147, 128]>();
    expect(a.shape).toEqual([-1, 147, 147, 128]);
  });
  it('specs: sequential(conv1d, conv1d) applied to a sequence', () => {
    const block = sequential(conv1d({ filters: 16, kernel: 3, padding: 'same' }), conv1d({ filters: 8, kernel: 3, dilation: 2 }));
    const y = input([50, 4]).apply(block);
    expectTypeOf(y.shape).toEqualTypeOf<readonly [number, 46, 8]>();
    expect(y.shape).toEqual([-1, 46, 8]);
    const z = input([28, 28, 8]).apply(separableConv2d({ filters: 4, kernel: 3, stride: 2 }));
    expectTypeOf(z.shape).toEqualTypeOf<readonly [number, 13, 13, 4]>();
    expect(z.shape).toEqual([-1, 13, 13, 4]);
  });
});

// ─── (c) fast kernels vs naive references ──────────────────────────────────────────────────────────

const ACTS: Activation[] = [NO_ACTIVATION, { kind: 'relu' }, { kind: 'leakyRelu', alpha: 0.1 }];

function randomConv1dGeometry(r: () => number): Conv1dGeometry {
  const kernel = int(r, 1, 6), stride = int(r, 1, 3), dilation = int(r, 1, 3);
  const padBegin = int(r, 0, 3), padEnd = int(r, 0, 3);
  const groups = [1, 1, 2, 3][int(r, 0, 3)]!;
  const inC = groups * int(r, 1, 5);
  const depthwise = r() < 0.25; // groups = inC: conv2d's direct depthwise path
  const g = depthwise ? inC : groups;
  const outC = g * int(r, 1, 4);
  const inL = Math.max(1, dilation * (kernel - 1) + 1 - padBegin - padEnd) + int(r, 0, 12);
  const outL = Math.floor((inL + padBegin + padEnd - dilation * (kernel - 1) - 1) / stride) + 1;
  return { batch: int(r, 1, 3), inL, inC, outL, outC, kernel, stride, dilation, padBegin, groups: g };
}

function randomConv3dGeometry(r: () => number): Conv3dGeometry {
  const k = [int(r, 1, 3), int(r, 1, 3), int(r, 1, 3)], s = [int(r, 1, 2), int(r, 1, 3), int(r, 1, 2)], d = [int(r, 1, 2), int(r, 1, 2), int(r, 1, 2)];
  const pb = [int(r, 0, 3), int(r, 0, 2), int(r, 0, 2)], pe = [int(r, 0, 3), int(r, 0, 2), int(r, 0, 2)];
  const groups = [1, 1, 2, 4][int(r, 0, 3)]!;
  const inC = groups * int(r, 1, 3), outC = groups * int(r, 1, 3);
  const size = (i: number) => Math.max(1, d[i]! * (k[i]! - 1) + 1 - pb[i]! - pe[i]!) + int(r, 0, 5);
  const ins = [size(0), size(1), size(2)];
  const out = (i: number) => Math.floor((ins[i]! + pb[i]! + pe[i]! - d[i]! * (k[i]! - 1) - 1) / s[i]!) + 1;
  return {
    batch: int(r, 1, 2), inD: ins[0]!, inH: ins[1]!, inW: ins[2]!, inC, outD: out(0), outH: out(1), outW: out(2), outC,
    kernelD: k[0]!, kernelH: k[1]!, kernelW: k[2]!, strideD: s[0]!, strideH: s[1]!, strideW: s[2]!,
    dilationD: d[0]!, dilationH: d[1]!, dilationW: d[2]!, padFront: pb[0]!, padTop: pb[1]!, padLeft: pb[2]!, groups,
  };
}

const name1d = (g: Conv1dGeometry): string =>
  `x=[${g.batch},${g.inL},${g.inC}] f=[${g.kernel},${g.inC / g.groups},${g.outC}] s=${g.stride} d=${g.dilation} pB=${g.padBegin} outL=${g.outL} g=${g.groups}`;
const name3d = (g: Conv3dGeometry): string =>
  `x=[${g.batch},${g.inD},${g.inH},${g.inW},${g.inC}] f=[${g.kernelD},${g.kernelH},${g.kernelW},${g.inC / g.groups},${g.outC}] ` +
  `s=[${g.strideD},${g.strideH},${g.strideW}] d=[${g.dilationD},${g.dilationH},${g.dilationW}] ` +
  `p0=[${g.padFront},${g.padTop},${g.padLeft}] out=[${g.outD},${g.outH},${g.outW}] g=${g.groups}`;

describe('(c) conv1d through the conv2d kernels (height 1) vs conv1dNaive', () => {
  const log = new ErrorLog('conv1d fast vs naive');
  afterAll(() => log.print());
  const r = rng(101);
  Array.from({ length: 40 }, () => randomConv1dGeometry(r)).forEach((g, i) => {
    const plane = conv1dAsConv2d(g);
    const methods = (['gemm', 'depthwise', 'winograd'] as Conv2dMethod[]).filter((m) => conv2dMethodApplies(plane, m));
    it(`${name1d(g)} methods=${methods.join(',')}`, () => {
      const rr = rng(5000 + i);
      const x = randomData(rr, g.batch * g.inL * g.inC);
      const w = randomData(rr, g.kernel * (g.inC / g.groups) * g.outC);
      const b = randomData(rr, g.outC);
      const act = ACTS[i % ACTS.length]!;
      const ref = conv1dNaive(g, x, w, b, act);
      for (const method of methods) {
        const y = new Float32Array(ref.length);
        conv2d(packConv2dWeights(plane, w, b, method), x, 0, y, 0, act, new Float32Array(conv2dScratchSize(plane, method)));
        expect(log.add(relErr(y, ref)), method).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  });
});

describe('(c) conv3d (conv2d planes summed over depth taps) vs conv3dNaive', () => {
  const log = new ErrorLog('conv3d fast vs naive');
  afterAll(() => log.print());
  const r = rng(202);
  const cases = Array.from({ length: 40 }, () => randomConv3dGeometry(r));
  // Depth taps entirely in the padding (front pad ≥ dilated kernel): the plane is bias alone.
  cases.push({ ...randomConv3dGeometry(rng(9)), inD: 2, kernelD: 1, strideD: 1, dilationD: 1, padFront: 2, outD: 6 });
  cases.forEach((g, i) => {
    it(name3d(g), () => {
      const rr = rng(6000 + i);
      const x = randomData(rr, g.batch * g.inD * g.inH * g.inW * g.inC);
      const w = randomData(rr, g.kernelD * g.kernelH * g.kernelW * (g.inC / g.groups) * g.outC);
      const b = i % 4 === 3 ? null : randomData(rr, g.outC);
      const act = ACTS[i % ACTS.length]!;
      const ref = conv3dNaive(g, x, w, b, act);
      const y = new Float32Array(ref.length).fill(Number.NaN);
      // A scratch larger than needed and reused across calls, as the planner provides it.
      const scratch = new Float32Array(conv3dScratchSize(g) + 7).fill(Number.NaN);
      const packed = packConv3dWeights(g, w, b);
      conv3dKernel(packed, x, 0, y, 0, act, scratch);
      conv3dKernel(packed, x, 0, y, 0, act, scratch);
      expect(log.add(relErr(y, ref))).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

// ─── (d) the layers through the public API vs real engines ────────────────────────────────────────

/** Builds `input(dims).<layer>(options)` (then relu when asked), sets random weights, runs a random batch. */
function runLayer(layer: string, dims: readonly number[], batch: number, options: object, seed: number, relu = false) {
  const x = looseInput(dims);
  let y = call(x, layer, options);
  if (relu) y = call(y, 'relu');
  const m = looseModel(x, y);
  const r = rng(seed);
  const weights: Record<string, Float32Array> = {};
  const record: Record<string, { shape: readonly number[]; data: Float32Array }> = {};
  for (const [key, t] of Object.entries(m.weights)) {
    const data = randomData(r, t.data.length);
    weights[key.slice(key.indexOf('/') + 1)] = data;
    record[key] = { shape: t.shape, data };
  }
  m.setWeights(record);
  const xData = randomData(r, batch * dims.reduce((a, b) => a * b, 1));
  const out = m.run(tensor([batch, ...dims], xData));
  return { out, x: xData, weights, shape: y.shape };
}

type Padding = number | readonly number[] | readonly (readonly [number, number])[] | 'valid' | 'same';

/**
 * ONNX Conv attributes for per-axis options. 'same' becomes auto_pad SAME_UPPER, so ORT derives TF's pads
 * itself; ORT refuses SAME_UPPER with dilation, so there the pads come by hand from SEMANTICS.md §1
 * (T = max((⌈in/s⌉ − 1)·s + ke − in, 0), ⌊T/2⌋ at the beginning).
 */
function onnxConvAttributes(
  spatial: readonly number[],
  o: { kernel: number | readonly number[]; stride?: number | readonly number[]; dilation?: number | readonly number[]; padding?: Padding },
  group: number,
): Record<string, AttributeValue> {
  const rank = spatial.length;
  const axes = (v: number | readonly number[] | undefined): number[] => (v === undefined ? Array(rank).fill(1) : typeof v === 'number' ? Array(rank).fill(v) : [...v]);
  const [k, s, d] = [axes(o.kernel), axes(o.stride), axes(o.dilation)];
  const attributes: Record<string, AttributeValue> = { kernel_shape: k, strides: s, dilations: d, group };
  const p = o.padding;
  if (p === 'same' && d.every((v) => v === 1)) {
    attributes.auto_pad = 'SAME_UPPER';
    return attributes;
  }
  const pairs: [number, number][] =
    p === 'same'
      ? spatial.map((len, i) => {
          const t = Math.max((Math.ceil(len / s[i]!) - 1) * s[i]! + d[i]! * (k[i]! - 1) + 1 - len, 0);
          return [Math.floor(t / 2), t - Math.floor(t / 2)];
        })
      : p === undefined || p === 'valid'
        ? Array(rank).fill([0, 0])
        : typeof p === 'number'
          ? Array(rank).fill([p, p])
          : (p as readonly unknown[]).map((v) => (typeof v === 'number' ? [v, v] : (v as [number, number])));
  attributes.pads = [...pairs.map((q) => q[0]), ...pairs.map((q) => q[1])];
  return attributes;
}

const fmt = (v: unknown): string => (Array.isArray(v) ? `[${v.map(fmt).join(',')}]` : String(v));
const configName = (dims: readonly number[], batch: number, o: object): string =>
  `x=[${batch},${dims.join(',')}] ${Object.entries(o).map(([k, v]) => `${k}=${fmt(v)}`).join(' ')}`;

interface ConvCase {
  readonly dims: number[];
  readonly batch: number;
  readonly options: { filters: number; kernel: number | number[]; stride?: number | number[]; dilation?: number | number[]; padding?: Padding; groups?: number };
}

function randomPadding(r: () => number, rank: number): Padding {
  switch (int(r, 0, 4)) {
    case 0: return 'same';
    case 1: return 'valid';
    case 2: return int(r, 0, 2);
    case 3: return Array.from({ length: rank }, () => int(r, 0, 2));
    default: return Array.from({ length: rank }, () => [int(r, 0, 3), int(r, 0, 3)] as [number, number]);
  }
}

/** A conv1d/conv3d configuration whose kernel fits (each axis gets room for the dilated kernel). */
function randomConvCase(r: () => number, rank: 1 | 3): ConvCase {
  const kernel = Array.from({ length: rank }, () => int(r, 1, rank === 1 ? 6 : 3));
  const stride = Array.from({ length: rank }, () => int(r, 1, 3));
  const dilation = Array.from({ length: rank }, () => int(r, 1, 2));
  const padding = randomPadding(r, rank);
  const groups = [1, 1, 2, 3][int(r, 0, 3)]!;
  const c = groups * int(r, 1, 3);
  const dims = kernel.map((k, i) => dilation[i]! * (k - 1) + 1 + int(r, 0, rank === 1 ? 12 : 4));
  const scalar = (v: number[]) => (v.every((x) => x === v[0]) && r() < 0.5 ? v[0]! : v);
  return { dims: [...dims, c], batch: int(r, 1, 2), options: { filters: groups * int(r, 1, 3), kernel: scalar(kernel), stride: scalar(stride), dilation: scalar(dilation), padding, groups } };
}

const CONV1D_GOLDEN: ConvCase[] = [
  { dims: [100, 16], batch: 1, options: { filters: 32, kernel: 5, stride: 2 } },
  { dims: [17, 6], batch: 2, options: { filters: 8, kernel: 3, stride: 2, padding: 'same', groups: 2 } },
  { dims: [20, 4], batch: 1, options: { filters: 4, kernel: 4, dilation: 3, stride: 2, padding: [[2, 5]] } },
  { dims: [9, 5], batch: 3, options: { filters: 10, kernel: 3, padding: 'same', dilation: 2, groups: 5 } },
  { dims: [7, 3], batch: 1, options: { filters: 2, kernel: 1, stride: 3, padding: 'same' } },
];
const CONV3D_GOLDEN: ConvCase[] = [
  { dims: [6, 8, 8, 3], batch: 1, options: { filters: 8, kernel: 3, padding: 1 } },
  { dims: [7, 9, 6, 4], batch: 2, options: { filters: 6, kernel: [3, 1, 2], stride: [2, 1, 3], padding: 'same', groups: 2 } },
  { dims: [5, 6, 7, 2], batch: 1, options: { filters: 4, kernel: [2, 3, 3], dilation: [2, 1, 2], stride: [1, 2, 1], padding: [[1, 0], [0, 2], [3, 1]] } },
  { dims: [4, 4, 4, 16], batch: 1, options: { filters: 16, kernel: 3, padding: 1 } },
  { dims: [4, 5, 6, 3], batch: 1, options: { filters: 3, kernel: 1, stride: 2, padding: 'same', groups: 3 } },
];

function describeConvNd(layer: 'conv1d' | 'conv3d', rank: 1 | 3, golden: ConvCase[], seed: number) {
  describe(`(d) ${layer} through model.run vs onnxruntime-node Conv`, () => {
    const log = new ErrorLog(`${layer} vs ORT`);
    afterAll(() => log.print());
    const r = rng(seed);
    const cases = [...golden, ...Array.from({ length: 30 }, () => randomConvCase(r, rank))];
    cases.forEach((c, i) => {
      it(configName(c.dims, c.batch, c.options), async () => {
        const { out, x, weights } = runLayer(layer, c.dims, c.batch, c.options, 300 + i, i % 3 === 2);
        const cIn = c.dims[rank]!;
        const groups = c.options.groups ?? 1;
        const kernel = (typeof c.options.kernel === 'number' ? Array(rank).fill(c.options.kernel) : c.options.kernel) as number[];
        const ref = await runOnnxGraph({
          nodes: [
            { opType: 'Conv', inputs: ['x', 'w', 'b'], outputs: ['c'], attributes: onnxConvAttributes(c.dims.slice(0, rank), c.options, groups) },
            ...(i % 3 === 2 ? [{ opType: 'Relu', inputs: ['c'], outputs: ['y'] }] : []),
          ],
          inputs: [{ name: 'x', ...nhwcToNchw({ dims: [c.batch, ...c.dims], data: x }) }],
          initializers: [
            { name: 'w', ...hwioToOihw({ dims: [...kernel, cIn / groups, c.options.filters], data: weights.kernel! }) },
            { name: 'b', dims: [c.options.filters], data: weights.bias! },
          ],
          outputs: [i % 3 === 2 ? 'y' : 'c'],
        });
        const expected = nchwToNhwc(Object.values(ref)[0]!);
        expect(out.shape).toEqual(expected.dims);
        expect(log.add(relErr(out.data, expected.data))).toBeLessThanOrEqual(TOLERANCE);
      });
    });
  });
}
describeConvNd('conv1d', 1, CONV1D_GOLDEN, 11);
describeConvNd('conv3d', 3, CONV3D_GOLDEN, 12);

interface DepthwiseCase {
  readonly dims: number[];
  readonly batch: number;
  readonly options: { kernel: number | number[]; depthMultiplier?: number; stride?: number | number[]; dilation?: number | number[]; padding?: Padding; filters?: number };
}

function randomDepthwiseCase(r: () => number, separable: boolean): DepthwiseCase {
  const kernel = [int(r, 1, 4), int(r, 1, 4)], stride = [int(r, 1, 3), int(r, 1, 3)], dilation = [int(r, 1, 2), int(r, 1, 2)];
  const dims = [...kernel.map((k, i) => dilation[i]! * (k - 1) + 1 + int(r, 0, 7)), int(r, 1, 6)];
  const options: DepthwiseCase['options'] = { kernel, stride, dilation, padding: randomPadding(r, 2), depthMultiplier: int(r, 1, 3) };
  return { dims, batch: int(r, 1, 2), options: separable ? { filters: int(r, 1, 6), ...options } : options };
}

const DEPTHWISE_GOLDEN: DepthwiseCase[] = [
  { dims: [14, 14, 8], batch: 1, options: { kernel: 3, padding: 'same' } },
  { dims: [15, 15, 8], batch: 2, options: { kernel: 3, stride: 2, padding: 'same' } },
  { dims: [9, 11, 3], batch: 1, options: { kernel: [3, 5], depthMultiplier: 2, stride: [2, 1], padding: [[1, 0], [2, 2]] } },
  { dims: [10, 10, 4], batch: 1, options: { kernel: 3, depthMultiplier: 4, dilation: 2, stride: 2, padding: 'same' } },
  { dims: [6, 7, 1], batch: 3, options: { kernel: 2, depthMultiplier: 3 } },
];
const SEPARABLE_GOLDEN: DepthwiseCase[] = [
  { dims: [19, 19, 16], batch: 1, options: { filters: 32, kernel: 3, padding: 'same' } },
  { dims: [12, 13, 3], batch: 2, options: { filters: 5, kernel: [3, 2], depthMultiplier: 2, stride: 2, padding: 'same' } },
  { dims: [9, 9, 4], batch: 1, options: { filters: 6, kernel: 3, dilation: [2, 1], padding: [1, 0], depthMultiplier: 3 } },
];

/** Our `[kh, kw, C, M]` is ONNX's depthwise `[C·M, 1, kh, kw]` after viewing it as HWIO `[kh, kw, 1, C·M]`. */
const depthwiseToOnnx = (kernel: readonly number[], c: number, m: number, data: Float32Array) =>
  hwioToOihw({ dims: [kernel[0]!, kernel[1]!, 1, c * m], data });

describe('(d) depthwiseConv2d / separableConv2d through model.run vs onnxruntime-node Conv (group = C)', () => {
  const log = new ErrorLog('depthwise/separable vs ORT');
  afterAll(() => log.print());
  const r = rng(13);
  const cases: [string, DepthwiseCase][] = [
    ...DEPTHWISE_GOLDEN.map((c): [string, DepthwiseCase] => ['depthwiseConv2d', c]),
    ...SEPARABLE_GOLDEN.map((c): [string, DepthwiseCase] => ['separableConv2d', c]),
    ...Array.from({ length: 20 }, (): [string, DepthwiseCase] => ['depthwiseConv2d', randomDepthwiseCase(r, false)]),
    ...Array.from({ length: 20 }, (): [string, DepthwiseCase] => ['separableConv2d', randomDepthwiseCase(r, true)]),
  ];
  cases.forEach(([layer, c], i) => {
    it(`${layer} ${configName(c.dims, c.batch, c.options)}`, async () => {
      const relu = i % 3 === 1;
      const { out, x, weights } = runLayer(layer, c.dims, c.batch, c.options, 700 + i, relu);
      const ch = c.dims[2]!, m = c.options.depthMultiplier ?? 1;
      const kernel = typeof c.options.kernel === 'number' ? [c.options.kernel, c.options.kernel] : c.options.kernel;
      const separable = layer === 'separableConv2d';
      const dwAttributes = onnxConvAttributes(c.dims.slice(0, 2), c.options, ch);
      const ref = await runOnnxGraph({
        nodes: separable
          ? [
              { opType: 'Conv', inputs: ['x', 'dw'], outputs: ['d'], attributes: dwAttributes },
              { opType: 'Conv', inputs: ['d', 'pw', 'b'], outputs: ['c'], attributes: { kernel_shape: [1, 1] } },
              ...(relu ? [{ opType: 'Relu', inputs: ['c'], outputs: ['y'] }] : []),
            ]
          : [
              { opType: 'Conv', inputs: ['x', 'dw', 'b'], outputs: ['c'], attributes: dwAttributes },
              ...(relu ? [{ opType: 'Relu', inputs: ['c'], outputs: ['y'] }] : []),
            ],
        inputs: [{ name: 'x', ...nhwcToNchw({ dims: [c.batch, ...c.dims], data: x }) }],
        initializers: separable
          ? [
              { name: 'dw', ...depthwiseToOnnx(kernel, ch, m, weights.depthwiseKernel!) },
              { name: 'pw', ...hwioToOihw({ dims: [1, 1, ch * m, c.options.filters!], data: weights.pointwiseKernel! }) },
              { name: 'b', dims: [c.options.filters!], data: weights.bias! },
            ]
          : [
              { name: 'dw', ...depthwiseToOnnx(kernel, ch, m, weights.kernel!) },
              { name: 'b', dims: [ch * m], data: weights.bias! },
            ],
        outputs: [relu ? 'y' : 'c'],
      });
      const expected = nchwToNhwc(Object.values(ref)[0]!);
      expect(out.shape).toEqual(expected.dims);
      expect(log.add(relErr(out.data, expected.data))).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

describe('(d) the four layers through model.run vs tfjs-core', () => {
  const log = new ErrorLog('conv-nd vs tfjs');
  beforeAll(() => tfReady());
  afterAll(() => log.print());
  // tfjs: no groups, no dilation with stride > 1, conv3d without dilation, separable only 'valid'/'same'.
  const check = (name: string, layer: string, dims: number[], batch: number, options: object, reference: (x: tf.Tensor, w: Record<string, tf.Tensor>) => tf.Tensor) => {
    it(`${layer} ${name}`, () => {
      const { out, x, weights } = runLayer(layer, dims, batch, options, dims.reduce((a, b) => a * 7 + b, 3));
      const ref = tfRun(() => {
        const xt = fromDense({ dims: [batch, ...dims], data: x });
        const ws: Record<string, tf.Tensor> = {};
        for (const [k, data] of Object.entries(weights)) ws[k] = tf.tensor(data, weightShape(layer, dims, options as Record<string, unknown>, k));
        return reference(xt, ws);
      });
      expect(out.shape).toEqual(ref.dims);
      expect(log.add(relErr(out.data, ref.data))).toBeLessThanOrEqual(TOLERANCE);
    });
  };
  check('k=5 s=2 valid', 'conv1d', [40, 6], 2, { filters: 8, kernel: 5, stride: 2 }, (x, w) =>
    tf.add(tf.conv1d(x as tf.Tensor3D, w.kernel as tf.Tensor3D, 2, 'valid'), w.bias!));
  check('k=4 s=3 same', 'conv1d', [31, 3], 1, { filters: 5, kernel: 4, stride: 3, padding: 'same' }, (x, w) =>
    tf.add(tf.conv1d(x as tf.Tensor3D, w.kernel as tf.Tensor3D, 3, 'same'), w.bias!));
  check('k=3 d=4 same', 'conv1d', [25, 4], 1, { filters: 4, kernel: 3, dilation: 4, padding: 'same' }, (x, w) =>
    tf.add(tf.conv1d(x as tf.Tensor3D, w.kernel as tf.Tensor3D, 1, 'same', 'NWC', 4), w.bias!));
  check('k=3 s=1 same', 'conv3d', [5, 6, 7, 3], 2, { filters: 4, kernel: 3, padding: 'same' }, (x, w) =>
    tf.add(tf.conv3d(x as tf.Tensor5D, w.kernel as tf.Tensor5D, 1, 'same'), w.bias!));
  // Kernel ≥ stride on every axis: tfjs's conv3d 'same' does not clamp T at 0 when ke < s (SEMANTICS.md §7;
  // ORT covers those configurations above).
  check('k=[2,3,3] s=[2,1,2] same', 'conv3d', [7, 5, 8, 2], 1, { filters: 3, kernel: [2, 3, 3], stride: [2, 1, 2], padding: 'same' }, (x, w) =>
    tf.add(tf.conv3d(x as tf.Tensor5D, w.kernel as tf.Tensor5D, [2, 1, 2], 'same'), w.bias!));
  check('k=3 s=2 valid', 'conv3d', [6, 7, 8, 4], 1, { filters: 5, kernel: 3, stride: 2 }, (x, w) =>
    tf.add(tf.conv3d(x as tf.Tensor5D, w.kernel as tf.Tensor5D, 2, 'valid'), w.bias!));
  check('k=3 m=2 s=2 same', 'depthwiseConv2d', [11, 12, 3], 2, { kernel: 3, depthMultiplier: 2, stride: 2, padding: 'same' }, (x, w) =>
    tf.add(tf.depthwiseConv2d(x as tf.Tensor4D, w.kernel as tf.Tensor4D, 2, 'same'), w.bias!));
  check('k=[3,5] m=3 d=2 explicit', 'depthwiseConv2d', [12, 13, 2], 1, { kernel: [3, 5], depthMultiplier: 3, dilation: 2, padding: [[1, 2], [0, 3]] }, (x, w) =>
    tf.add(tf.depthwiseConv2d(x as tf.Tensor4D, w.kernel as tf.Tensor4D, 1, [[0, 0], [1, 2], [0, 3], [0, 0]], 'NHWC', 2), w.bias!));
  check('k=3 m=1 s=1 same f=16', 'separableConv2d', [10, 10, 8], 1, { filters: 16, kernel: 3, padding: 'same' }, (x, w) =>
    tf.add(tf.separableConv2d(x as tf.Tensor4D, w.depthwiseKernel as tf.Tensor4D, w.pointwiseKernel as tf.Tensor4D, 1, 'same'), w.bias!));
  check('k=[3,2] m=2 s=2 valid f=5', 'separableConv2d', [9, 10, 3], 2, { filters: 5, kernel: [3, 2], depthMultiplier: 2, stride: 2 }, (x, w) =>
    tf.add(tf.separableConv2d(x as tf.Tensor4D, w.depthwiseKernel as tf.Tensor4D, w.pointwiseKernel as tf.Tensor4D, 2, 'valid'), w.bias!));
});

/** The TF-layout shape of weight `k` of `layer` (what `m.weights` reports; checked in (e)). */
function weightShape(layer: string, dims: readonly number[], o: Record<string, unknown>, k: string): number[] {
  const c = dims[dims.length - 1]!;
  const axes = (v: unknown, rank: number): number[] => (typeof v === 'number' ? Array(rank).fill(v) : (v as number[]));
  const m = (o.depthMultiplier as number | undefined) ?? 1;
  if (layer === 'conv1d' || layer === 'conv3d') {
    const rank = layer === 'conv1d' ? 1 : 3;
    return k === 'kernel' ? [...axes(o.kernel, rank), c / ((o.groups as number | undefined) ?? 1), o.filters as number] : [o.filters as number];
  }
  const kk = axes(o.kernel, 2);
  if (k === 'kernel' || k === 'depthwiseKernel') return [kk[0]!, kk[1]!, c, m];
  if (k === 'pointwiseKernel') return [1, 1, c * m, o.filters as number];
  return [layer === 'depthwiseConv2d' ? c * m : (o.filters as number)];
}

// ─── (c') depthwise/separable through model.run vs conv2dNaive compositions ─────────────────────────

describe('(c) depthwiseConv2d / separableConv2d through model.run vs conv2dNaive (groups = C, then 1×1)', () => {
  const log = new ErrorLog('depthwise/separable vs naive');
  afterAll(() => log.print());
  const r = rng(31);
  Array.from({ length: 30 }, (_, i): [string, DepthwiseCase] => [i % 2 === 0 ? 'depthwiseConv2d' : 'separableConv2d', randomDepthwiseCase(r, i % 2 === 1)]).forEach(([layer, c], i) => {
    it(`${layer} ${configName(c.dims, c.batch, c.options)}`, () => {
      const { out, x, weights, shape } = runLayer(layer, c.dims, c.batch, c.options, 900 + i);
      const ch = c.dims[2]!, m = c.options.depthMultiplier ?? 1;
      const kernel = typeof c.options.kernel === 'number' ? [c.options.kernel, c.options.kernel] : c.options.kernel;
      const pair = (v: number | number[] | undefined): number[] => (v === undefined ? [1, 1] : typeof v === 'number' ? [v, v] : v);
      const [sh, sw] = pair(c.options.stride), [dh, dw] = pair(c.options.dilation);
      const [oh, ow] = [shape[1]!, shape[2]!];
      // Leading pads by hand from SEMANTICS.md §1 ('same': ⌊T/2⌋ with T = max((⌈in/s⌉ − 1)·s + ke − in, 0)).
      const begin = (axis: 0 | 1, s: number, d: number): number => {
        const p = c.options.padding;
        const inLen = c.dims[axis]!, ke = d * (kernel[axis]! - 1) + 1;
        if (p === 'same') return Math.floor(Math.max((Math.ceil(inLen / s) - 1) * s + ke - inLen, 0) / 2);
        if (p === undefined || p === 'valid') return 0;
        if (typeof p === 'number') return p;
        const v = (p as readonly unknown[])[axis];
        return typeof v === 'number' ? v : (v as [number, number])[0];
      };
      const g: Conv2dGeometry = {
        batch: c.batch, inH: c.dims[0]!, inW: c.dims[1]!, inC: ch, outH: oh, outW: ow, outC: ch * m,
        kernelH: kernel[0]!, kernelW: kernel[1]!, strideH: sh!, strideW: sw!, dilationH: dh!, dilationW: dw!,
        padTop: begin(0, sh!, dh!), padLeft: begin(1, sw!, dw!), groups: ch,
      };
      let ref: Float32Array;
      if (layer === 'depthwiseConv2d') ref = conv2dNaive(g, x, weights.kernel!, weights.bias!);
      else {
        const mid = conv2dNaive(g, x, weights.depthwiseKernel!, null);
        const f = c.options.filters!;
        const pw: Conv2dGeometry = { ...g, inH: oh, inW: ow, inC: ch * m, outC: f, kernelH: 1, kernelW: 1, strideH: 1, strideW: 1, dilationH: 1, dilationW: 1, padTop: 0, padLeft: 0, groups: 1 };
        ref = conv2dNaive(pw, mid, weights.pointwiseKernel!, weights.bias!);
      }
      expect(log.add(relErr(out.data, ref))).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

// ─── (e) parameters and MACs ───────────────────────────────────────────────────────────────────────

describe('(e) parameters and MACs (SEMANTICS.md §6)', () => {
  it('conv1d: k·(C/g)·F + F weights, OL·F·(C/g)·k MACs', () => {
    const x = input([100, 16]);
    const m = model(x, x.conv1d({ filters: 32, kernel: 5, stride: 2, groups: 4 }));
    expect(m.weights['conv1d_1/kernel']!.shape).toEqual([5, 4, 32]);
    expect(m.params).toBe(5 * 4 * 32 + 32);
    expect(m.macs).toBe(48 * 32 * 4 * 5);
  });
  it('conv3d: C3D conv1 (3×3×3×3×64 + 64 = 5,248 params; 16·112·112·64·81 MACs)', () => {
    const x = input([16, 112, 112, 3]);
    const m = model(x, x.conv3d({ filters: 64, kernel: 3, padding: 1 }));
    expect(m.weights['conv3d_1/kernel']!.shape).toEqual([3, 3, 3, 3, 64]);
    expect(m.params).toBe(5248);
    expect(m.macs).toBe(16 * 112 * 112 * 64 * 81);
  });
  it('depthwiseConv2d: kernel [kh, kw, C, M], C·M·kh·kw + C·M params, OH·OW·C·M·kh·kw MACs', () => {
    const x = input([10, 10, 4]);
    const m = model(x, x.depthwiseConv2d({ kernel: [3, 5], depthMultiplier: 2, padding: 'same' }));
    expect(m.weights['depthwiseConv2d_1/kernel']!.shape).toEqual([3, 5, 4, 2]);
    expect(m.weights['depthwiseConv2d_1/bias']!.shape).toEqual([8]);
    expect(m.params).toBe(4 * 2 * 15 + 8);
    expect(m.macs).toBe(10 * 10 * 8 * 15);
  });
  it('separableConv2d: depthwiseKernel [kh, kw, C, M], pointwiseKernel [1, 1, C·M, F], bias [F]', () => {
    const x = input([10, 10, 4]);
    const m = model(x, x.separableConv2d({ filters: 6, kernel: 3, depthMultiplier: 2 }));
    expect(Object.fromEntries(Object.entries(m.weights).map(([k, t]) => [k, t.shape]))).toEqual({
      'separableConv2d_1/depthwiseKernel': [3, 3, 4, 2],
      'separableConv2d_1/pointwiseKernel': [1, 1, 8, 6],
      'separableConv2d_1/bias': [6],
    });
    expect(m.params).toBe(9 * 8 + 8 * 6 + 6);
    expect(m.macs).toBe(8 * 8 * (8 * 9 + 8 * 6));
  });

  it('MobileNet-v1 (224): 568,740,352 MACs ≈ the paper\'s 569 M; 4,231,976 − 21,888 BN = 4,210,088 conv/FC params (Keras)', () => {
    const blocks: [number, 1 | 2][] = [[64, 1], [128, 2], [128, 1], [256, 2], [256, 1], [512, 2], [512, 1], [512, 1], [512, 1], [512, 1], [512, 1], [1024, 2], [1024, 1]];
    const x = input([224, 224, 3]);
    let y = call(x as unknown as LooseTensor, 'conv2d', { filters: 32, kernel: 3, stride: 2, padding: 'same', useBias: false });
    for (const [filters, stride] of blocks) {
      y = call(call(y, 'depthwiseConv2d', { kernel: 3, stride, padding: 'same', useBias: false }), 'relu');
      y = call(call(y, 'conv2d', { filters, kernel: 1, useBias: false }), 'relu');
    }
    expect(y.shape).toEqual([-1, 7, 7, 1024]);
    y = call(call(y, 'globalAvgPool2d'), 'dense', { units: 1000 });
    const m = looseModel(x as unknown as LooseTensor, y);
    // Keras MobileNet(alpha=1): trainable 4,231,976, of which the 27 batch norms hold 2·10,944 = 21,888.
    expect(m.params).toBe(4_231_976 - 21_888);
    expect(m.macs).toBe(568_740_352);
    expect(Math.round(m.macs / 1e6)).toBe(569);
  });

  it('Xception (299): 22,855,952 − 54,528 BN = 22,801,424 conv/FC params (Keras); entry/exit sizes 147, 74, 37, 19, 10', () => {
    const x = input([299, 299, 3]);
    const sep = (t: LooseTensor, f: number): LooseTensor => call(t, 'separableConv2d', { filters: f, kernel: 3, padding: 'same', useBias: false });
    const relu = (t: LooseTensor): LooseTensor => call(t, 'relu');
    let y = relu(call(x as unknown as LooseTensor, 'conv2d', { filters: 32, kernel: 3, stride: 2, useBias: false }));
    y = relu(call(y, 'conv2d', { filters: 64, kernel: 3, useBias: false }));
    expect(y.shape).toEqual([-1, 147, 147, 64]);
    const down = (t: LooseTensor, f1: number, f2: number, preRelu: boolean): LooseTensor => {
      const shortcut = call(t, 'conv2d', { filters: f2, kernel: 1, stride: 2, padding: 'same', useBias: false });
      let b = sep(preRelu ? relu(t) : t, f1);
      b = call(sep(relu(b), f2), 'maxPool2d', { size: 3, stride: 2, padding: 'same' });
      return add(b as never, shortcut as never) as unknown as LooseTensor;
    };
    y = down(y, 128, 128, false);
    expect(y.shape).toEqual([-1, 74, 74, 128]);
    y = down(y, 256, 256, true);
    expect(y.shape).toEqual([-1, 37, 37, 256]);
    y = down(y, 728, 728, true);
    expect(y.shape).toEqual([-1, 19, 19, 728]);
    for (let i = 0; i < 8; i++) y = add(sep(relu(sep(relu(sep(relu(y), 728)), 728)), 728) as never, y as never) as unknown as LooseTensor;
    y = down(y, 728, 1024, true);
    expect(y.shape).toEqual([-1, 10, 10, 1024]);
    y = relu(sep(relu(sep(y, 1536)), 2048));
    y = call(call(y, 'globalAvgPool2d'), 'dense', { units: 1000 });
    const m = looseModel(x as unknown as LooseTensor, y);
    // Keras Xception: trainable 22,855,952, of which the 40 batch norms hold 2·27,264 = 54,528.
    expect(m.params).toBe(22_855_952 - 54_528);
  });
});
