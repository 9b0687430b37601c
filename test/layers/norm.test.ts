/**
 * batchNorm, dropout, relu6/leakyRelu/elu/gelu/hardSigmoid/hardSwish and multiply at run time:
 * (a) the runtime twins throw the sentences the type checker shows (test/diagnostics/fixtures/norm.ts), blaming
 *     the same option, plus the checks only the runtime can make (NaN, strings from untyped code);
 * (b) every kernel against its naive reference on random configurations, erf/erfc against a series and
 *     continued-fraction reference, and the conv+BN fold against conv then BN;
 * (c) whole models through the public API against onnxruntime-node (BatchNormalization, Dropout, Clip,
 *     LeakyRelu, Elu, Gelu-20 and Erf-built GELU at opset 17, HardSigmoid α=1/6 β=0.5, HardSwish-14, Mul with
 *     broadcasting, in NCHW with layout conversions here) and tfjs-core as a second opinion;
 * (d) the planner fuses relu6/leakyRelu/dropout into the conv before them;
 * (e) Keras' MobileNet-v1 (224, α = 1): 4,231,976 trainable parameters (SEMANTICS.md §6), 4,253,864 weights
 *     in all (the 21,888 non-trainable are the batch norms' moving statistics), ≈ 569 M MACs (Howard et al. 2017).
 * Metric: relErr = max|a − b| / max(1, max|b|) ≤ 1e-4 (test/kernels/helpers.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchNorm as batchNormSpec, dropout as dropoutSpec, input, model, multiply, relu6 as relu6Spec, ShapeError, tensor } from '../../src/index.js';
import { activationNaive } from '../../src/kernels/activation-naive.js';
import type { Activation } from '../../src/kernels/activation.js';
import {
  activationExtra,
  activationExtraNaive,
  erf,
  erfc,
  erfcNaiveAll,
  erfNaive,
  type ExtraActivation,
} from '../../src/kernels/activation-extra.js';
import { batchNorm, batchNormNaive, batchNormScaleShift } from '../../src/kernels/batch-norm.js';
import { jsBackend } from '../../src/kernels/backend.js';
import { multiply as multiplyKernel, multiplyChannels, multiplyNaive } from '../../src/kernels/multiply.js';
import { foldBatchNormInto } from '../../src/layers/norm.js';
import { collectGraph } from '../../src/model/graph.js';
import { buildPlan } from '../../src/model/plan.js';
import { batchNormShape } from '../../src/shapes/batch-norm.js';
import { untyped } from '../../src/graph/tensor.js';
import { ErrorLog, int, randomData, relErr, rng, TOLERANCE } from '../kernels/helpers.js';
import { hwioToOihw, nchwToNhwc, nhwcToNchw, runOnnxGraph, runOnnxOp, type NamedTensor, type OnnxNode } from '../reference/onnx.js';
import { fromDense, tf, tfReady, tfRun } from '../reference/tfjs.js';

const log = new ErrorLog('norm layers vs ORT/tfjs');
afterAll(() => log.print());

/** The DSL seen loosely, so that deliberate mistakes reach the runtime checks. */
type Loose = { readonly shape: readonly number[] } & { readonly [method: string]: any };
const loose = (t: unknown): Loose => t as Loose;
const x28 = (): Loose => loose(input([28, 28, 64]));

/** What `fn` throws (or undefined). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

// ─── (a) sentences ──────────────────────────────────────────────────────────────────────────────
interface SentenceCase {
  readonly name: string;
  readonly run: () => unknown;
  readonly layer: string;
  readonly option: string | undefined;
  readonly message: string;
}

const gate = (): Loose => x28().avgPool2d({ size: 28 });

/** The compile-time sentences of test/diagnostics/fixtures/norm.ts, thrown at run time by the same calls. */
const COMPILE_TIME: SentenceCase[] = [
  { name: 'batchNorm epsilon=-1e-3', run: () => x28().batchNorm({ epsilon: -1e-3 }), layer: 'batchNorm', option: 'epsilon', message: 'batchNorm: epsilon is not a positive number (got -0.001, expected a finite number > 0)' },
  { name: 'batchNorm epsilon=0', run: () => x28().batchNorm({ epsilon: 0 }), layer: 'batchNorm', option: 'epsilon', message: 'batchNorm: epsilon is not a positive number (got 0, expected a finite number > 0)' },
  { name: 'batchNorm momentum', run: () => x28().batchNorm({ epsilon: 1e-3, momentum: 0.99 }), layer: 'batchNorm', option: 'momentum', message: "batchNorm: unknown option 'momentum' (expected one of epsilon, name)" },
  { name: 'batchNorm x=[B] (twin)', run: () => batchNormShape([-1], {}), layer: 'batchNorm', option: undefined, message: 'batchNorm: input has the wrong rank (got [B], expected rank ≥ 2 [B, …, C])' },
  { name: 'dropout rate=1', run: () => x28().dropout({ rate: 1 }), layer: 'dropout', option: 'rate', message: 'dropout: rate is out of range (got 1, expected 0 ≤ rate < 1)' },
  { name: 'dropout rate=50', run: () => x28().dropout({ rate: 50 }), layer: 'dropout', option: 'rate', message: 'dropout: rate is out of range (got 50, expected 0 ≤ rate < 1)' },
  { name: 'dropout rate=-0.1', run: () => x28().dropout({ rate: -0.1 }), layer: 'dropout', option: 'rate', message: 'dropout: rate is out of range (got -0.1, expected 0 ≤ rate < 1)' },
  { name: 'dropout rate=1.5', run: () => x28().dropout({ rate: 1.5 }), layer: 'dropout', option: 'rate', message: 'dropout: rate is out of range (got 1.5, expected 0 ≤ rate < 1)' },
  { name: 'dropout p', run: () => x28().dropout({ rate: 0.5, p: 0.5 }), layer: 'dropout', option: 'p', message: "dropout: unknown option 'p' (expected one of rate, name)" },
  { name: 'relu6 max', run: () => x28().relu6({ name: 'r6', max: 6 }), layer: 'relu6', option: 'max', message: "relu6: unknown option 'max' (expected one of name)" },
  { name: 'leakyRelu slope', run: () => x28().leakyRelu({ alpha: 0.1, slope: 0.1 }), layer: 'leakyRelu', option: 'slope', message: "leakyRelu: unknown option 'slope' (expected one of alpha, name)" },
  { name: 'elu beta', run: () => x28().elu({ alpha: 1, beta: 1 }), layer: 'elu', option: 'beta', message: "elu: unknown option 'beta' (expected one of alpha, name)" },
  { name: 'gelu approx', run: () => x28().gelu({ name: 'g', approx: 'tanh' }), layer: 'gelu', option: 'approx', message: "gelu: unknown option 'approx' (expected one of approximate, name)" },
  { name: 'hardSigmoid slope', run: () => x28().hardSigmoid({ name: 'hs', slope: 0.2 }), layer: 'hardSigmoid', option: 'slope', message: "hardSigmoid: unknown option 'slope' (expected one of alpha, beta, name)" },
  { name: 'hardSwish inplace', run: () => x28().hardSwish({ name: 'hs', inplace: true }), layer: 'hardSwish', option: 'inplace', message: "hardSwish: unknown option 'inplace' (expected one of name)" },
  {
    name: 'multiply a=[B,28,28,64] b=[B,1,1,32]',
    run: () => multiply(x28() as never, gate().conv2d({ filters: 32, kernel: 1 }) as never),
    layer: 'multiply',
    option: undefined,
    message: 'multiply: b does not broadcast over a (got a [B, 28, 28, 64] and b [B, 1, 1, 32], expected b [B, 28, 28, 64], [B, 1, 1, 64] or [B, 64])',
  },
  {
    name: 'multiply a=[B,28,28,64] b=[B,2,2,64]',
    run: () => multiply(x28() as never, x28().avgPool2d({ size: 14 }) as never),
    layer: 'multiply',
    option: undefined,
    message: 'multiply: b does not broadcast over a (got a [B, 28, 28, 64] and b [B, 2, 2, 64], expected b [B, 28, 28, 64], [B, 1, 1, 64] or [B, 64])',
  },
  {
    name: 'multiply a=[B,1,1,64] b=[B,28,28,64]',
    run: () => multiply(gate() as never, x28() as never),
    layer: 'multiply',
    option: undefined,
    message: 'multiply: b does not broadcast over a (got a [B, 1, 1, 64] and b [B, 28, 28, 64], expected b [B, 1, 1, 64], [B, 1, 1, 64] or [B, 64])',
  },
  {
    name: 'multiply a=[B,28,28,64] b=[B,50176]',
    run: () => multiply(x28() as never, x28().flatten() as never),
    layer: 'multiply',
    option: undefined,
    message: 'multiply: b does not broadcast over a (got a [B, 28, 28, 64] and b [B, 50176], expected b [B, 28, 28, 64], [B, 1, 1, 64] or [B, 64])',
  },
  {
    name: 'multiply a=[4,7,7,8] b=[2,1,1,8]',
    run: () => multiply(input([7, 7, 8], { batch: 4 }) as never, input([1, 1, 8], { batch: 2 }) as never),
    layer: 'multiply',
    option: undefined,
    message: 'multiply: b does not broadcast over a (got a [4, 7, 7, 8] and b [2, 1, 1, 8], expected b [4, 7, 7, 8], [4, 1, 1, 8] or [4, 8])',
  },
  {
    name: 'multiply a=[B,10,64] b=[B,10,32]',
    run: () => multiply(input([10, 64]) as never, input([10, 32]) as never),
    layer: 'multiply',
    option: undefined,
    message: 'multiply: b does not broadcast over a (got a [B, 10, 64] and b [B, 10, 32], expected b [B, 10, 64])',
  },
];

/** Mistakes only the runtime can see (values that are not literals of the option's type). */
const RUN_TIME_ONLY: SentenceCase[] = [
  { name: 'batchNorm momentum alone', run: () => x28().batchNorm({ momentum: 0.99 }), layer: 'batchNorm', option: 'momentum', message: "batchNorm: unknown option 'momentum' (expected one of epsilon, name)" },
  { name: 'batchNorm epsilon=NaN', run: () => x28().batchNorm({ epsilon: NaN }), layer: 'batchNorm', option: 'epsilon', message: 'batchNorm: epsilon is not a positive number (got NaN, expected a finite number > 0)' },
  { name: 'batchNorm epsilon=Infinity', run: () => x28().batchNorm({ epsilon: Infinity }), layer: 'batchNorm', option: 'epsilon', message: 'batchNorm: epsilon is not a positive number (got Infinity, expected a finite number > 0)' },
  { name: "batchNorm epsilon='1e-3'", run: () => x28().batchNorm({ epsilon: '1e-3' }), layer: 'batchNorm', option: 'epsilon', message: 'batchNorm: epsilon is not a positive number (got 1e-3, expected a finite number > 0)' },
  { name: 'dropout rate=NaN', run: () => x28().dropout({ rate: NaN }), layer: 'dropout', option: 'rate', message: 'dropout: rate is out of range (got NaN, expected 0 ≤ rate < 1)' },
  { name: 'dropout without rate', run: () => x28().dropout({}), layer: 'dropout', option: 'rate', message: 'dropout: rate is out of range (got undefined, expected 0 ≤ rate < 1)' },
  { name: 'dropout() (no options)', run: () => x28().dropout(), layer: 'dropout', option: 'rate', message: 'dropout: rate is out of range (got undefined, expected 0 ≤ rate < 1)' },
  { name: 'leakyRelu alpha=NaN', run: () => x28().leakyRelu({ alpha: NaN }), layer: 'leakyRelu', option: 'alpha', message: 'leakyRelu: alpha is not a finite number (got NaN, expected a finite number)' },
  { name: "elu alpha='1'", run: () => x28().elu({ alpha: '1' }), layer: 'elu', option: 'alpha', message: 'elu: alpha is not a finite number (got 1, expected a finite number)' },
  { name: 'hardSigmoid alpha=Infinity', run: () => x28().hardSigmoid({ alpha: Infinity }), layer: 'hardSigmoid', option: 'alpha', message: 'hardSigmoid: alpha is not a finite number (got Infinity, expected a finite number)' },
  { name: 'hardSigmoid beta=NaN', run: () => x28().hardSigmoid({ beta: NaN }), layer: 'hardSigmoid', option: 'beta', message: 'hardSigmoid: beta is not a finite number (got NaN, expected a finite number)' },
  { name: "gelu approximate='erf'", run: () => x28().gelu({ approximate: 'erf' }), layer: 'gelu', option: 'approximate', message: "gelu: approximate is not a known form (got erf, expected 'none' or 'tanh')" },
  { name: 'batchNorm spec epsilon=-1', run: () => (batchNormSpec as (o: unknown) => unknown)({ epsilon: -1 }), layer: 'batchNorm', option: 'epsilon', message: 'batchNorm: epsilon is not a positive number (got -1, expected a finite number > 0)' },
  { name: 'dropout spec rate=1', run: () => (dropoutSpec as (o: unknown) => unknown)({ rate: 1 }), layer: 'dropout', option: 'rate', message: 'dropout: rate is out of range (got 1, expected 0 ≤ rate < 1)' },
];

describe('(a) the runtime twins throw the compile-time sentences', () => {
  it.each([...COMPILE_TIME, ...RUN_TIME_ONLY].map((c): [string, SentenceCase] => [c.name, c]))('%s', (_name, c) => {
    const error = thrown(c.run);
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).message).toBe(c.message);
    expect((error as ShapeError).layer).toBe(c.layer);
    expect((error as ShapeError).option).toBe(c.option);
  });

  it('valid calls keep the shape (rank 2, 3, 4; unknown batch −1) and broadcast SE gates', () => {
    expect(input([4096]).batchNorm().dropout({ rate: 0.5 }).shape).toEqual([-1, 4096]);
    expect(input([197, 768]).gelu().batchNorm({ epsilon: 1e-5 }).shape).toEqual([-1, 197, 768]);
    const x = input([56, 56, 256], { batch: 2 });
    expect(multiply(x, x.avgPool2d({ size: 56 }).conv2d({ filters: 256, kernel: 1 }).sigmoid()).shape).toEqual([2, 56, 56, 256]);
    expect(multiply(x, x.avgPool2d({ size: 56 }).flatten().dense({ units: 256 }).sigmoid()).shape).toEqual([2, 56, 56, 256]);
    expect(multiply(input([7, 7, 8]), input([1, 1, 8], { batch: 3 })).shape).toEqual([3, 7, 7, 8]);
    expect(input([8, 8, 3]).apply(relu6Spec()).shape).toEqual([-1, 8, 8, 3]);
  });
});

// ─── (b) kernels against their naive references ─────────────────────────────────────────────────
const FUSED: Activation[] = [{ kind: 'none' }, { kind: 'relu' }, { kind: 'relu6' }, { kind: 'leakyRelu', alpha: 0.3 }, { kind: 'sigmoid' }];

describe('(b) batchNorm kernel vs naive', () => {
  for (let seed = 1; seed <= 24; seed++) {
    const r = rng(seed);
    const rows = int(r, 1, 60);
    const channels = int(r, 1, 37);
    const epsilon = [1e-3, 1e-5, 0.1][seed % 3]!;
    const act = FUSED[seed % FUSED.length]!;
    it(`rows=${rows} C=${channels} ε=${epsilon} act=${act.kind}${seed % 2 ? ' in place' : ''}`, () => {
      const x = randomData(r, rows * channels).map((v) => v * 5);
      const gamma = randomData(r, channels).map((v) => v * 2);
      const beta = randomData(r, channels);
      const mean = randomData(r, channels);
      const variance = randomData(r, channels).map((v) => v * v * 3 + 0.01);
      const scale = new Float64Array(channels);
      const shift = new Float64Array(channels);
      batchNormScaleShift(gamma, beta, mean, variance, epsilon, scale, shift);
      const ref = batchNormNaive(x, channels, gamma, beta, mean, variance, epsilon).map((v) => activationNaive(act, v));
      const arena = new Float32Array(rows * channels * 2 + 7);
      arena.set(x, 3);
      const yOff = seed % 2 ? 3 : 3 + rows * channels;
      batchNorm(arena, 3, arena, yOff, rows, channels, scale, shift, act);
      expect(relErr(arena.subarray(yOff, yOff + rows * channels), ref)).toBeLessThanOrEqual(1e-6);
    });
  }
});

const EXTRA: ExtraActivation[] = [
  { kind: 'elu', alpha: 1 },
  { kind: 'elu', alpha: 0.5 },
  { kind: 'gelu', approximate: 'none' },
  { kind: 'gelu', approximate: 'tanh' },
  { kind: 'hardSigmoid', alpha: 1 / 6, beta: 0.5 },
  { kind: 'hardSigmoid', alpha: 0.2, beta: 0.5 },
  { kind: 'hardSigmoid', alpha: -0.3, beta: 0.25 },
  { kind: 'hardSwish' },
];
const label = (a: ExtraActivation): string => ('alpha' in a ? `${a.kind} α=${a.alpha}` : 'approximate' in a ? `${a.kind} ${a.approximate}` : a.kind);

describe('(b) extra activation kernels vs naive', () => {
  const SPECIAL = [0, -0, 1e-30, -1e-30, 1e-4, -1e-4, -3, 3, -2.9999, 3.0001, 6, -6, 30, -30, -88, 88];
  for (const [i, act] of EXTRA.entries()) {
    for (const n of [1, 17, 300]) {
      it(`${label(act)} n=${n} at offsets and in place`, () => {
        const r = rng(100 + i * 7 + n);
        const x = Float32Array.from([...randomData(r, n).map((v) => v * 8), ...SPECIAL]);
        const ref = Array.from(x, (v) => activationExtraNaive(act, v));
        const y = new Float32Array(x.length + 5);
        activationExtra(act, x, 0, y, 5, x.length);
        expect(relErr(y.subarray(5), ref)).toBeLessThanOrEqual(1e-6);
        const z = x.slice();
        activationExtra(act, z, 0, z, 0, z.length);
        expect(relErr(z, ref)).toBeLessThanOrEqual(1e-6);
      });
    }
  }

  it('gelu keeps its relative accuracy in the left tail (x = −3 … −9): ≤ 2e-7', () => {
    for (let v = -3; v >= -9; v -= 0.25) {
      const y = new Float32Array(1);
      activationExtra({ kind: 'gelu', approximate: 'none' }, Float32Array.of(v), 0, y, 0, 1);
      const ref = activationExtraNaive({ kind: 'gelu', approximate: 'none' }, v);
      expect(Math.abs(y[0]! - ref) / Math.abs(ref)).toBeLessThanOrEqual(2e-7);
    }
  });

  it('erf ≤ 6e-8 and erfc ≤ 1.2e-7 relative error on a 1e-4 grid over [−6, 6] (vs series / continued fraction)', () => {
    let worstErf = 0;
    let worstErfc = 0;
    for (let i = -60000; i <= 60000; i++) {
      const z = i / 10000;
      const r = erfNaive(z);
      if (r !== 0) worstErf = Math.max(worstErf, Math.abs(erf(z) - r) / Math.abs(r));
      const rc = erfcNaiveAll(z);
      worstErfc = Math.max(worstErfc, Math.abs(erfc(z) - rc) / rc);
    }
    expect(worstErf).toBeLessThanOrEqual(6e-8);
    expect(worstErfc).toBeLessThanOrEqual(1.2e-7);
  });

  it('the naive erf matches published values (A&S Table 7.1): erf(0.5), erf(1), erf(2), erfc(4)', () => {
    expect(erfNaive(0.5)).toBeCloseTo(0.5204998778130465, 14);
    expect(erfNaive(1)).toBeCloseTo(0.8427007929497149, 14);
    expect(erfNaive(2)).toBeCloseTo(0.9953222650189527, 14);
    expect(erfcNaiveAll(4) / 1.541725790028002e-8).toBeCloseTo(1, 12);
  });
});

describe('(b) multiply kernels vs naive broadcasting', () => {
  for (let seed = 1; seed <= 18; seed++) {
    const r = rng(200 + seed);
    const [n, h, w, c] = [int(r, 1, 3), int(r, 1, 9), int(r, 1, 9), int(r, 1, 20)];
    const mode = (['equal', 'gate [B,1,1,C]', 'gate [B,C]'] as const)[seed % 3]!;
    const act = FUSED[seed % FUSED.length]!;
    const inPlace = seed % 4 === 0;
    it(`a=[${n},${h},${w},${c}] ${mode} act=${act.kind}${inPlace ? ' in place' : ''}`, () => {
      const size = n * h * w * c;
      const bSize = mode === 'equal' ? size : n * c;
      const a = randomData(r, size).map((v) => v * 3);
      const b = randomData(r, bSize).map((v) => v * 3);
      const ref = multiplyNaive(a, [n, h, w, c], b, mode === 'equal' ? [n, h, w, c] : [n, 1, 1, c]).map((v) => activationNaive(act, v));
      const m = new Float32Array(2 + size + bSize + size);
      const [aOff, bOff] = [2, 2 + size];
      const yOff = inPlace ? aOff : 2 + size + bSize;
      m.set(a, aOff);
      m.set(b, bOff);
      if (mode === 'equal') multiplyKernel(m, aOff, bOff, yOff, size, act);
      else multiplyChannels(m, aOff, bOff, yOff, n, h * w, c, act);
      expect(relErr(m.subarray(yOff, yOff + size), ref)).toBeLessThanOrEqual(1e-6);
    });
  }
});

// ─── helpers for whole-model comparisons ─────────────────────────────────────────────────────────
const T = (name: string, dims: readonly number[], data: Float32Array): NamedTensor => ({ name, dims, data });
const scalar = (name: string, v: number): NamedTensor => T(name, [], Float32Array.of(v));

/** Random γ, β, μ, σ² for a batch norm named `name` with C channels; returned in our weight record form. */
function bnWeights(name: string, channels: number, seed: number): Record<string, { shape: number[]; data: Float32Array }> {
  const r = rng(seed);
  const w = (data: Float32Array) => ({ shape: [channels], data });
  return {
    [`${name}/gamma`]: w(randomData(r, channels).map((v) => v * 2)),
    [`${name}/beta`]: w(randomData(r, channels)),
    [`${name}/movingMean`]: w(randomData(r, channels).map((v) => v * 2)),
    [`${name}/movingVariance`]: w(randomData(r, channels).map((v) => v * v * 2 + 0.05)),
  };
}

/** The ONNX BatchNormalization node and initializers for the weights of batch norm `name`. */
function bnNode(weights: Record<string, { data: Float32Array }>, name: string, inp: string, out: string, epsilon: number): { node: OnnxNode; inits: NamedTensor[] } {
  const parts = ['gamma', 'beta', 'movingMean', 'movingVariance'];
  const inits = parts.map((p) => T(`${name}_${p}`, [weights[`${name}/${p}`]!.data.length], weights[`${name}/${p}`]!.data));
  return { node: { opType: 'BatchNormalization', inputs: [inp, ...inits.map((t) => t.name)], outputs: [out], attributes: { epsilon: { float: epsilon } } }, inits };
}

/** Our model's weights as a plain record (to read kernels and set batch-norm statistics). */
const weightsOf = (m: { weights: Readonly<Record<string, { shape: readonly number[]; data: Float32Array }>> }) => m.weights;

/** ONNX Conv node + initializers from our HWIO kernel/bias of layer `name`. */
function convNode(
  m: { weights: Readonly<Record<string, { shape: readonly number[]; data: Float32Array }>> },
  name: string,
  inp: string,
  out: string,
  attributes: Record<string, number | number[]>,
): { node: OnnxNode; inits: NamedTensor[] } {
  const k = m.weights[`${name}/kernel`]!;
  const oihw = hwioToOihw({ dims: k.shape, data: k.data });
  const inits = [T(`${name}_W`, oihw.dims, oihw.data)];
  const b = m.weights[`${name}/bias`];
  if (b) inits.push(T(`${name}_B`, b.shape, b.data));
  return { node: { opType: 'Conv', inputs: [inp, ...inits.map((t) => t.name)], outputs: [out], attributes }, inits };
}

function compare(ours: { shape: readonly number[]; data: Float32Array }, ref: { dims: readonly number[]; data: Float32Array }): number {
  expect([...ours.shape]).toEqual([...ref.dims]);
  return log.add(relErr(ours.data, ref.data));
}

// ─── (c) against onnxruntime-node ────────────────────────────────────────────────────────────────
describe('(c) batchNorm vs ORT BatchNormalization (NCHW)', () => {
  const cases: [number[], number | undefined][] = [
    [[2, 5, 7, 6], undefined],
    [[1, 9, 4, 13], 1e-5],
    [[3, 10], undefined],
    [[2, 9, 5], 0.1],
  ];
  for (const [dims, epsilon] of cases) {
    it(`x=[${dims}] ε=${epsilon ?? 'default (1e-3)'}`, async () => {
      const [n, ...rest] = dims as [number, ...number[]];
      const x = input(rest);
      const m = model(x, x.batchNorm({ name: 'bn', ...(epsilon === undefined ? {} : { epsilon }) }));
      const w = bnWeights('bn', dims.at(-1)!, dims.length * 11 + dims[1]!);
      m.setWeights(w);
      const data = randomData(rng(dims[1]! + 5), dims.reduce((a, b) => a * b, 1)).map((v) => v * 4);
      const ours = m.run(tensor([n, ...rest], data) as never);
      const { node, inits } = bnNode(w, 'bn', 'x', 'y', epsilon ?? 1e-3);
      const nchw = nhwcToNchw({ dims, data });
      const ref = await runOnnxGraph({ nodes: [node], inputs: [{ name: 'x', ...nchw }], initializers: inits, outputs: ['y'] });
      expect(compare(ours, nchwToNhwc({ dims: ref.y!.dims, data: ref.y!.data }))).toBeLessThanOrEqual(TOLERANCE);
    });
  }

  it('conv2d k=3 p=1 (no bias) → batchNorm → relu, x=[2,9,8,5] f=7', async () => {
    const x = input([9, 8, 5]);
    const m = model(x, x.conv2d({ filters: 7, kernel: 3, padding: 1, useBias: false, name: 'conv' }).batchNorm({ name: 'bn' }).relu(), { seed: 3 });
    const w = bnWeights('bn', 7, 42);
    m.setWeights(w);
    const data = randomData(rng(9), 2 * 9 * 8 * 5);
    const ours = m.run(tensor([2, 9, 8, 5], data));
    const conv = convNode(m, 'conv', 'x', 'c', { kernel_shape: [3, 3], pads: [1, 1, 1, 1] });
    const bn = bnNode(w, 'bn', 'c', 'b', 1e-3);
    const ref = await runOnnxGraph({
      nodes: [conv.node, bn.node, { opType: 'Relu', inputs: ['b'], outputs: ['y'] }],
      inputs: [{ name: 'x', ...nhwcToNchw({ dims: [2, 9, 8, 5], data }) }],
      initializers: [...conv.inits, ...bn.inits],
      outputs: ['y'],
    });
    expect(compare(ours, nchwToNhwc({ dims: ref.y!.dims, data: ref.y!.data }))).toBeLessThanOrEqual(TOLERANCE);
  });

  it('depthwise conv2d k=3 s=2 groups=C → batchNorm ε=1e-5 → relu6 (MobileNet), x=[1,11,10,6]', async () => {
    const x = input([11, 10, 6]);
    const y = x.conv2d({ filters: 6, kernel: 3, stride: 2, padding: 1, groups: 6, useBias: false, name: 'dw' }).batchNorm({ name: 'bn', epsilon: 1e-5 }).relu6();
    const m = model(x, y, { seed: 4 });
    const w = bnWeights('bn', 6, 43);
    m.setWeights(w);
    const data = randomData(rng(10), 11 * 10 * 6).map((v) => v * 3);
    const ours = m.run(tensor([1, 11, 10, 6], data));
    const conv = convNode(m, 'dw', 'x', 'c', { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [2, 2], group: 6 });
    const bn = bnNode(w, 'bn', 'c', 'b', 1e-5);
    const ref = await runOnnxGraph({
      nodes: [conv.node, bn.node, { opType: 'Clip', inputs: ['b', 'lo', 'hi'], outputs: ['y'] }],
      inputs: [{ name: 'x', ...nhwcToNchw({ dims: [1, 11, 10, 6], data }) }],
      initializers: [...conv.inits, ...bn.inits, scalar('lo', 0), scalar('hi', 6)],
      outputs: ['y'],
    });
    expect(compare(ours, nchwToNhwc({ dims: ref.y!.dims, data: ref.y!.data }))).toBeLessThanOrEqual(TOLERANCE);
  });

  it('dense 20→12 → batchNorm → leakyRelu (default α 0.3), x=[4,20]', async () => {
    const x = input([20]);
    const m = model(x, x.dense({ units: 12, name: 'fc' }).batchNorm({ name: 'bn' }).leakyRelu(), { seed: 5 });
    const w = bnWeights('bn', 12, 44);
    m.setWeights(w);
    const data = randomData(rng(11), 4 * 20);
    const ours = m.run(tensor([4, 20], data));
    const kw = weightsOf(m)['fc/kernel']!;
    const bw = weightsOf(m)['fc/bias']!;
    const bn = bnNode(w, 'bn', 'h', 'b', 1e-3);
    const ref = await runOnnxGraph({
      nodes: [
        { opType: 'Gemm', inputs: ['x', 'W', 'B'], outputs: ['h'] },
        bn.node,
        { opType: 'LeakyRelu', inputs: ['b'], outputs: ['y'], attributes: { alpha: { float: 0.3 } } },
      ],
      inputs: [T('x', [4, 20], data)],
      initializers: [T('W', kw.shape, kw.data), T('B', bw.shape, bw.data), ...bn.inits],
      outputs: ['y'],
    });
    expect(compare(ours, ref.y!)).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('(c) dropout vs ORT Dropout (inference: the identity)', () => {
  it('conv2d k=3 → dropout rate=0.5 → relu, x=[2,7,7,3] f=4', async () => {
    const x = input([7, 7, 3]);
    const m = model(x, x.conv2d({ filters: 4, kernel: 3, name: 'conv' }).dropout({ rate: 0.5 }).relu(), { seed: 6 });
    const data = randomData(rng(12), 2 * 7 * 7 * 3);
    const ours = m.run(tensor([2, 7, 7, 3], data));
    const conv = convNode(m, 'conv', 'x', 'c', { kernel_shape: [3, 3] });
    const ref = await runOnnxGraph({
      nodes: [conv.node, { opType: 'Dropout', inputs: ['c', 'ratio'], outputs: ['d'] }, { opType: 'Relu', inputs: ['d'], outputs: ['y'] }],
      inputs: [{ name: 'x', ...nhwcToNchw({ dims: [2, 7, 7, 3], data }) }],
      initializers: [...conv.inits, scalar('ratio', 0.5)],
      outputs: ['y'],
    });
    expect(compare(ours, nchwToNhwc({ dims: ref.y!.dims, data: ref.y!.data }))).toBeLessThanOrEqual(TOLERANCE);
  });

  it('dropout rate=0.2 as the model output (its input is the model input), x=[3,10]', async () => {
    const x = input([10]);
    const m = model(x, x.dropout({ rate: 0.2 }));
    const data = randomData(rng(13), 30);
    const ours = m.run(tensor([3, 10], data));
    const ref = await runOnnxOp({ opType: 'Dropout', inputs: [T('x', [3, 10], data)] });
    expect(Array.from(ours.data)).toEqual(Array.from(ref.data));
  });
});

type OrtCall = Parameters<typeof runOnnxOp>[0];
/** Each added activation, the layer call on a tensor, and the ORT operator that defines it. */
const ACTIVATIONS: [string, (t: Loose) => Loose, (x: NamedTensor) => OrtCall][] = [
  ['relu6', (t) => t.relu6(), (x) => ({ opType: 'Clip', inputs: [x], initializers: [scalar('lo', 0), scalar('hi', 6)] })],
  ['leakyRelu (default α 0.3)', (t) => t.leakyRelu(), (x) => ({ opType: 'LeakyRelu', inputs: [x], attributes: { alpha: { float: 0.3 } } })],
  ['leakyRelu α=0.01 (ONNX default)', (t) => t.leakyRelu({ alpha: 0.01 }), (x) => ({ opType: 'LeakyRelu', inputs: [x] })],
  ['elu (default α 1 = ONNX default)', (t) => t.elu(), (x) => ({ opType: 'Elu', inputs: [x] })],
  ['elu α=0.5', (t) => t.elu({ alpha: 0.5 }), (x) => ({ opType: 'Elu', inputs: [x], attributes: { alpha: { float: 0.5 } } })],
  ['gelu (exact) vs Gelu-20', (t) => t.gelu(), (x) => ({ opType: 'Gelu', inputs: [x], opset: 20 })],
  ['gelu tanh vs Gelu-20 approximate=tanh', (t) => t.gelu({ approximate: 'tanh' }), (x) => ({ opType: 'Gelu', inputs: [x], attributes: { approximate: 'tanh' }, opset: 20 })],
  ['hardSigmoid vs HardSigmoid α=1/6 β=0.5', (t) => t.hardSigmoid(), (x) => ({ opType: 'HardSigmoid', inputs: [x], attributes: { alpha: { float: 1 / 6 }, beta: { float: 0.5 } } })],
  ['hardSigmoid α=0.2 vs HardSigmoid (ONNX default α=0.2 β=0.5)', (t) => t.hardSigmoid({ alpha: 0.2 }), (x) => ({ opType: 'HardSigmoid', inputs: [x] })],
  ['hardSigmoid α=-0.3 β=0.25 vs HardSigmoid', (t) => t.hardSigmoid({ alpha: -0.3, beta: 0.25 }), (x) => ({ opType: 'HardSigmoid', inputs: [x], attributes: { alpha: { float: -0.3 }, beta: { float: 0.25 } } })],
  ['hardSwish vs HardSwish-14', (t) => t.hardSwish(), (x) => ({ opType: 'HardSwish', inputs: [x], opset: 14 })],
];

describe('(c) activations vs ORT, through model.run', () => {
  const dims = [2, 5, 5, 7];
  const data = Float32Array.from([...randomData(rng(21), 2 * 5 * 5 * 7 - 6).map((v) => v * 8), -3, 3, 0, -6, 6, -0.5]);
  for (const [name, call, ort] of ACTIVATIONS) {
    it(`${name} x=[${dims}]`, async () => {
      const x = input([5, 5, 7]);
      const m = model(x, call(loose(x)) as never);
      const ours = m.run(tensor(dims, data) as never) as { shape: readonly number[]; data: Float32Array };
      // Elementwise: the layout does not matter, the same flat data goes to ORT.
      const ref = await runOnnxOp(ort(T('x', dims, data)));
      expect(compare(ours, { dims, data: ref.data })).toBeLessThanOrEqual(TOLERANCE);
    });
  }

  it('gelu (exact) vs GELU built from Erf, Div, Add, Mul at opset 17', async () => {
    const x = input([5, 5, 7]);
    const ours = model(x, x.gelu()).run(tensor(dims, data) as never);
    const ref = await runOnnxGraph({
      nodes: [
        { opType: 'Div', inputs: ['x', 'sqrt2'], outputs: ['u'] },
        { opType: 'Erf', inputs: ['u'], outputs: ['e'] },
        { opType: 'Add', inputs: ['e', 'one'], outputs: ['p'] },
        { opType: 'Mul', inputs: ['x', 'p'], outputs: ['q'] },
        { opType: 'Mul', inputs: ['q', 'half'], outputs: ['y'] },
      ],
      inputs: [T('x', dims, data)],
      initializers: [scalar('sqrt2', Math.SQRT2), scalar('one', 1), scalar('half', 0.5)],
      outputs: ['y'],
    });
    expect(compare(ours as never, { dims, data: ref.y!.data })).toBeLessThanOrEqual(TOLERANCE);
  });

  for (const [act, ortAct] of [
    ['relu6', (i: string) => ({ node: { opType: 'Clip', inputs: [i, 'lo', 'hi'], outputs: ['y'] } as OnnxNode, inits: [scalar('lo', 0), scalar('hi', 6)] })],
    ['leakyRelu', (i: string) => ({ node: { opType: 'LeakyRelu', inputs: [i], outputs: ['y'], attributes: { alpha: { float: 0.3 } } } as OnnxNode, inits: [] })],
  ] as const) {
    it(`conv2d k=3 p=1 → ${act} (fused into the conv epilogue), x=[1,6,6,4] f=5`, async () => {
      const x = input([6, 6, 4]);
      const m = model(x, loose(x.conv2d({ filters: 5, kernel: 3, padding: 1, name: 'conv' }))[act]() as never, { seed: 8 });
      const d = randomData(rng(22), 6 * 6 * 4).map((v) => v * 4);
      const ours = m.run(tensor([1, 6, 6, 4], d) as never) as { shape: readonly number[]; data: Float32Array };
      const conv = convNode(m as never, 'conv', 'x', 'c', { kernel_shape: [3, 3], pads: [1, 1, 1, 1] });
      const a = ortAct('c');
      const ref = await runOnnxGraph({
        nodes: [conv.node, a.node],
        inputs: [{ name: 'x', ...nhwcToNchw({ dims: [1, 6, 6, 4], data: d }) }],
        initializers: [...conv.inits, ...a.inits],
        outputs: ['y'],
      });
      expect(compare(ours, nchwToNhwc({ dims: ref.y!.dims, data: ref.y!.data }))).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});

describe('(c) multiply vs ORT Mul (squeeze-and-excitation)', () => {
  it('SE gate [B,1,1,C]: avgPool 6×5 → conv 1×1 8→3 → relu → conv 1×1 3→8 → sigmoid → multiply → relu (fused), x=[2,6,5,8]', async () => {
    const x = input([6, 5, 8]);
    const g = x.avgPool2d({ size: [6, 5] }).conv2d({ filters: 3, kernel: 1, name: 'squeeze' }).relu().conv2d({ filters: 8, kernel: 1, name: 'excite' }).sigmoid();
    const m = model(x, multiply(x, g).relu(), { seed: 9 });
    const data = randomData(rng(23), 2 * 6 * 5 * 8).map((v) => v * 3);
    const ours = m.run(tensor([2, 6, 5, 8], data));
    const sq = convNode(m, 'squeeze', 'p', 's', { kernel_shape: [1, 1] });
    const ex = convNode(m, 'excite', 'r', 'e', { kernel_shape: [1, 1] });
    const ref = await runOnnxGraph({
      nodes: [
        { opType: 'AveragePool', inputs: ['x'], outputs: ['p'], attributes: { kernel_shape: [6, 5] } },
        sq.node,
        { opType: 'Relu', inputs: ['s'], outputs: ['r'] },
        ex.node,
        { opType: 'Sigmoid', inputs: ['e'], outputs: ['g'] },
        { opType: 'Mul', inputs: ['x', 'g'], outputs: ['z'] },
        { opType: 'Relu', inputs: ['z'], outputs: ['y'] },
      ],
      inputs: [{ name: 'x', ...nhwcToNchw({ dims: [2, 6, 5, 8], data }) }],
      initializers: [...sq.inits, ...ex.inits],
      outputs: ['y'],
    });
    expect(compare(ours, nchwToNhwc({ dims: ref.y!.dims, data: ref.y!.data }))).toBeLessThanOrEqual(TOLERANCE);
  });

  it('SE gate [B,C]: global average → dense 8→4 → relu → dense 4→8 → hardSigmoid → multiply, x=[3,4,4,8]', async () => {
    const x = input([4, 4, 8]);
    const g = x.avgPool2d({ size: 4 }).flatten().dense({ units: 4, name: 'fc1' }).relu().dense({ units: 8, name: 'fc2' }).hardSigmoid();
    const m = model(x, multiply(x, g), { seed: 10 });
    const data = randomData(rng(24), 3 * 4 * 4 * 8).map((v) => v * 3);
    const ours = m.run(tensor([3, 4, 4, 8], data));
    const w = weightsOf(m);
    const ref = await runOnnxGraph({
      nodes: [
        { opType: 'GlobalAveragePool', inputs: ['x'], outputs: ['p'] },
        { opType: 'Flatten', inputs: ['p'], outputs: ['f'] },
        { opType: 'Gemm', inputs: ['f', 'W1', 'B1'], outputs: ['h'] },
        { opType: 'Relu', inputs: ['h'], outputs: ['r'] },
        { opType: 'Gemm', inputs: ['r', 'W2', 'B2'], outputs: ['e'] },
        { opType: 'HardSigmoid', inputs: ['e'], outputs: ['g'], attributes: { alpha: { float: 1 / 6 }, beta: { float: 0.5 } } },
        { opType: 'Unsqueeze', inputs: ['g', 'axes'], outputs: ['g4'] },
        { opType: 'Mul', inputs: ['x', 'g4'], outputs: ['y'] },
      ],
      inputs: [{ name: 'x', ...nhwcToNchw({ dims: [3, 4, 4, 8], data }) }],
      initializers: [
        T('W1', w['fc1/kernel']!.shape, w['fc1/kernel']!.data),
        T('B1', w['fc1/bias']!.shape, w['fc1/bias']!.data),
        T('W2', w['fc2/kernel']!.shape, w['fc2/kernel']!.data),
        T('B2', w['fc2/bias']!.shape, w['fc2/bias']!.data),
        { name: 'axes', dims: [2], data: BigInt64Array.of(2n, 3n) },
      ],
      outputs: ['y'],
    });
    expect(compare(ours, nchwToNhwc({ dims: ref.y!.dims, data: ref.y!.data }))).toBeLessThanOrEqual(TOLERANCE);
  });

  it('equal shapes (a gated linear unit): conv a · sigmoid(conv b), x=[2,5,5,3] f=4', async () => {
    const x = input([5, 5, 3]);
    const a = x.conv2d({ filters: 4, kernel: 3, name: 'ca' });
    const b = x.conv2d({ filters: 4, kernel: 3, name: 'cb' }).sigmoid();
    const m = model(x, multiply(a, b), { seed: 11 });
    const data = randomData(rng(25), 2 * 5 * 5 * 3);
    const ours = m.run(tensor([2, 5, 5, 3], data));
    const ca = convNode(m, 'ca', 'x', 'a', { kernel_shape: [3, 3] });
    const cb = convNode(m, 'cb', 'x', 'b', { kernel_shape: [3, 3] });
    const ref = await runOnnxGraph({
      nodes: [ca.node, cb.node, { opType: 'Sigmoid', inputs: ['b'], outputs: ['s'] }, { opType: 'Mul', inputs: ['a', 's'], outputs: ['y'] }],
      inputs: [{ name: 'x', ...nhwcToNchw({ dims: [2, 5, 5, 3], data }) }],
      initializers: [...ca.inits, ...cb.inits],
      outputs: ['y'],
    });
    expect(compare(ours, nchwToNhwc({ dims: ref.y!.dims, data: ref.y!.data }))).toBeLessThanOrEqual(TOLERANCE);
  });

  it('two inputs, a=[2,3,4,5] · b=[2,1,1,5] (in place over a copy of a)', async () => {
    const a = input([3, 4, 5]);
    const b = input([1, 1, 5]);
    const m = model([a, b], [multiply(a.relu(), b)]);
    const da = randomData(rng(26), 2 * 3 * 4 * 5);
    const db = randomData(rng(27), 2 * 5);
    const [ours] = m.run([tensor([2, 3, 4, 5], da), tensor([2, 1, 1, 5], db)]);
    const ref = await runOnnxGraph({
      nodes: [{ opType: 'Relu', inputs: ['a'], outputs: ['r'] }, { opType: 'Mul', inputs: ['r', 'b'], outputs: ['y'] }],
      inputs: [T('a', [2, 3, 4, 5], da), T('b', [2, 1, 1, 5], db)], // NHWC: numpy broadcasting works in any layout
      outputs: ['y'],
    });
    expect(compare(ours!, ref.y!)).toBeLessThanOrEqual(TOLERANCE);
  });
});

// ─── (c) tfjs-core as a second opinion ───────────────────────────────────────────────────────────
describe('(c) vs tfjs-core (NHWC, no conversion)', () => {
  beforeAll(tfReady);
  const dims = [2, 4, 3, 6];
  const data = randomData(rng(31), 2 * 4 * 3 * 6).map((v) => v * 5);

  it('batchNorm ε=1e-3 vs tf.batchNorm, x=[2,4,3,6]', () => {
    const x = input([4, 3, 6]);
    const m = model(x, x.batchNorm({ name: 'bn' }));
    const w = bnWeights('bn', 6, 77);
    m.setWeights(w);
    const ours = m.run(tensor(dims, data) as never) as { shape: readonly number[]; data: Float32Array };
    const v = (k: string) => tf.tensor1d(w[`bn/${k}`]!.data);
    const ref = tfRun(() => tf.batchNorm(fromDense({ dims, data }), v('movingMean'), v('movingVariance'), v('beta'), v('gamma'), 1e-3));
    expect(compare(ours, ref)).toBeLessThanOrEqual(TOLERANCE);
  });

  for (const [name, call, reference] of [
    ['relu6 vs tf.relu6', (t: Loose) => t.relu6(), (x: ReturnType<typeof fromDense>) => tf.relu6(x)],
    ['leakyRelu vs tf.leakyRelu(x, 0.3)', (t: Loose) => t.leakyRelu(), (x: ReturnType<typeof fromDense>) => tf.leakyRelu(x, 0.3)],
    ['elu vs tf.elu', (t: Loose) => t.elu(), (x: ReturnType<typeof fromDense>) => tf.elu(x)],
  ] as const) {
    it(`${name}, x=[${dims}]`, () => {
      const x = input([4, 3, 6]);
      const ours = model(x, call(loose(x)) as never).run(tensor(dims, data) as never) as { shape: readonly number[]; data: Float32Array };
      expect(compare(ours, tfRun(() => reference(fromDense({ dims, data }))))).toBeLessThanOrEqual(TOLERANCE);
    });
  }

  it('multiply by an SE gate vs tf.mul broadcasting [2,1,1,6], x=[2,4,3,6]', () => {
    const a = input([4, 3, 6]);
    const b = input([1, 1, 6]);
    const db = randomData(rng(32), 12);
    const [ours] = model([a, b], [multiply(a, b)]).run([tensor(dims, data), tensor([2, 1, 1, 6], db)]);
    const ref = tfRun(() => tf.mul(fromDense({ dims, data }), fromDense({ dims: [2, 1, 1, 6], data: db })));
    expect(compare(ours!, ref)).toBeLessThanOrEqual(TOLERANCE);
  });
});

// ─── (b) the conv + batch-norm fold ───────────────────────────────────────────────────────────────
describe('(b) foldBatchNormInto: conv with folded weights = conv then batchNorm', () => {
  for (const [label, groups, useBias] of [
    ['groups=1 bias', 1, true],
    ['groups=1 no bias', 1, false],
    ['depthwise groups=6', 6, false],
    ['groups=2 bias', 2, true],
  ] as const) {
    it(`conv2d k=3 f=6 ${label} → batchNorm ε=1e-5, x=[2,7,6,6]`, () => {
      const x = input([7, 6, 6]);
      const conv = x.conv2d({ filters: 6, kernel: 3, groups, useBias, name: 'conv' });
      const withBn = model(x, conv.batchNorm({ name: 'bn', epsilon: 1e-5 }), { seed: 12 });
      const w = bnWeights('bn', 6, 90 + groups);
      withBn.setWeights(w);
      const plain = model(x, x.conv2d({ filters: 6, kernel: 3, groups, name: 'conv' }), { seed: 12 });
      const cw = withBn.weights;
      const folded = foldBatchNormInto(
        { kernel: cw['conv/kernel']!.data, ...(useBias ? { bias: cw['conv/bias']!.data } : {}) },
        Object.fromEntries(Object.entries(w).map(([k, v]) => [k.slice(3), v.data])),
        { epsilon: 1e-5 },
      );
      plain.setWeights({ 'conv/kernel': { shape: cw['conv/kernel']!.shape, data: folded.kernel }, 'conv/bias': { shape: [6], data: folded.bias } });
      const data = randomData(rng(33 + groups), 2 * 7 * 6 * 6).map((v) => v * 2);
      const a = withBn.run(tensor([2, 7, 6, 6], data));
      const b = plain.run(tensor([2, 7, 6, 6], data));
      expect(relErr(b.data, a.data)).toBeLessThanOrEqual(1e-5);
    });
  }
});

// ─── (d) the planner ──────────────────────────────────────────────────────────────────────────────
describe('(d) the planner folds relu6, leakyRelu and dropout into the conv before them', () => {
  for (const tail of ['relu6', 'leakyRelu', 'dropout'] as const) {
    it(`conv2d → ${tail}: one step`, () => {
      const x = input([6, 6, 3]);
      const c = loose(x.conv2d({ filters: 4, kernel: 3 }));
      const y = tail === 'dropout' ? c.dropout({ rate: 0.1 }) : c[tail]();
      const weights = new Map(Object.entries(model(x, y as never).weights).map(([k, t]) => [k, t.data]));
      const graph = collectGraph([untyped(x).node], [untyped(y).node]);
      const plan = buildPlan(graph, [untyped(x).node.id], [untyped(y).node.id], 1, weights, jsBackend);
      expect(plan.steps.map((s) => s.name)).toEqual(['conv2d_1']);
    });
  }
});

// ─── (e) published totals ─────────────────────────────────────────────────────────────────────────
describe('(e) MobileNet-v1 (Keras, 224, α = 1)', () => {
  it('4,231,976 trainable params; 4,253,864 weights (21,888 BN moving statistics); ≈ 569 M MACs', () => {
    const x = input([224, 224, 3]);
    const block = (t: Loose, filters: number, stride: number): Loose =>
      t
        .conv2d({ filters: t.shape[3], kernel: 3, stride, padding: 'same', groups: t.shape[3], useBias: false })
        .batchNorm()
        .relu6()
        .conv2d({ filters, kernel: 1, useBias: false })
        .batchNorm()
        .relu6();
    let t = loose(x).conv2d({ filters: 32, kernel: 3, stride: 2, padding: 'same', useBias: false }).batchNorm().relu6();
    const plan: [number, number][] = [[64, 1], [128, 2], [128, 1], [256, 2], [256, 1], [512, 2], [512, 1], [512, 1], [512, 1], [512, 1], [512, 1], [1024, 2], [1024, 1]];
    for (const [f, s] of plan) t = block(t, f, s);
    expect(t.shape).toEqual([-1, 7, 7, 1024]);
    const y = t.avgPool2d({ size: 7 }).dropout({ rate: 1e-3 }).conv2d({ filters: 1000, kernel: 1 }).flatten().softmax();
    const m = model(x, y as never);
    expect(m.params).toBe(4_231_976);
    const all = Object.values(m.weights).reduce((a, w) => a + w.data.length, 0);
    expect(all).toBe(4_253_864);
    expect(all - m.params).toBe(21_888);
    expect(m.macs / 1e6).toBeGreaterThan(568.5);
    expect(m.macs / 1e6).toBeLessThan(569.5);
  });
});
