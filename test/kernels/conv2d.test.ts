/**
 * Fast conv2d (every applicable method) against the naive reference on random configurations, plus
 * identity tests: a 1×1 conv is a dense layer per pixel; a dilated conv is a conv with a zero-inserted
 * kernel. Error metric and bound: helpers.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Activation } from '../../src/kernels/activation.js';
import { conv2d, conv2dMethodApplies, conv2dScratchSize, packConv2dWeights, type Conv2dMethod } from '../../src/kernels/conv2d.js';
import { conv2dNaive } from '../../src/kernels/conv2d-naive.js';
import { dense, denseScratchSize, packDenseWeights } from '../../src/kernels/dense.js';
import { convGeometry, convName, ErrorLog, int, randomData, relErr, rng, TOLERANCE, type ConvArgs } from './helpers.js';

const ACTIVATIONS: readonly Activation[] = [
  { kind: 'none' },
  { kind: 'relu' },
  { kind: 'relu6' },
  { kind: 'leakyRelu', alpha: 0.2 },
  { kind: 'sigmoid' },
  { kind: 'tanh' },
];
const METHODS: readonly Conv2dMethod[] = ['gemm', 'winograd', 'spaceToDepth', 'depthwise'];

function divisors(n: number): number[] {
  const out: number[] = [];
  for (let i = 1; i <= n; i++) if (n % i === 0) out.push(i);
  return out;
}

/** A random valid config; `kind` biases it towards the Winograd or depthwise shapes. */
function randomConv(r: () => number, kind: 'any' | 'winograd' | 'depthwise' | 'large'): ConvArgs {
  const large = kind === 'large';
  const k: [number, number] = kind === 'winograd' ? [3, 3] : [int(r, 1, 5), int(r, 1, 5)];
  const s: [number, number] = kind === 'winograd' ? [1, 1] : [int(r, 1, 3), int(r, 1, 3)];
  const d: [number, number] = r() < 0.6 ? [1, 1] : [int(r, 1, 3), int(r, 1, 3)];
  const p: [[number, number], [number, number]] = [
    [int(r, 0, 3), int(r, 0, 3)],
    [int(r, 0, 3), int(r, 0, 3)],
  ];
  const ke = (ax: 0 | 1): number => d[ax] * (k[ax] - 1) + 1;
  const size = (ax: 0 | 1): number => Math.max(1, ke(ax) - p[ax][0] - p[ax][1]) + int(r, 0, large ? 24 : 9);
  let c = int(r, 1, large ? 24 : 12);
  let outC = int(r, 1, large ? 24 : 12);
  let groups = 1;
  if (kind === 'depthwise') {
    c = int(r, 2, 12);
    groups = c;
    outC = c * int(r, 1, 3);
  } else if (kind === 'winograd') {
    c = int(r, 1, 20);
    outC = int(r, 1, 20);
  } else if (r() < 0.3) {
    const g = divisors(c)[int(r, 0, divisors(c).length - 1)];
    groups = g;
    outC = g * int(r, 1, 4);
  }
  return { batch: int(r, 1, large ? 3 : 2), h: size(0), w: size(1), c, outC, k, s, d, p, groups };
}

/** Runs the fast kernel inside larger buffers at odd offsets, with NaN-filled scratch and sentinels. */
function runFast(args: ConvArgs, method: Conv2dMethod, x: Float32Array, w: Float32Array, b: Float32Array | null, act: Activation) {
  const g = convGeometry(args);
  const p = packConv2dWeights(g, w, b, method);
  const xBuf = new Float32Array(x.length + 7);
  xBuf.set(x, 3);
  const yLen = g.batch * g.outH * g.outW * g.outC;
  const yBuf = new Float32Array(yLen + 10).fill(12345);
  const scratch = new Float32Array(conv2dScratchSize(g, method)).fill(NaN);
  conv2d(p, xBuf, 3, yBuf, 5, act, scratch);
  const untouched = [...yBuf.subarray(0, 5), ...yBuf.subarray(5 + yLen)].every((v) => v === 12345);
  return { y: yBuf.slice(5, 5 + yLen), untouched };
}

describe('conv2d fast vs naive', () => {
  const log = new ErrorLog('conv2d fast vs naive');
  afterAll(() => log.print());
  const r = rng(20261127);
  const kinds = ['any', 'any', 'winograd', 'depthwise'] as const;
  const configs: { args: ConvArgs; act: Activation; bias: boolean }[] = [];
  for (let i = 0; i < 240; i++) {
    configs.push({ args: randomConv(r, kinds[i % 4]), act: ACTIVATIONS[int(r, 0, ACTIVATIONS.length - 1)], bias: r() < 0.8 });
  }
  for (let i = 0; i < 8; i++) configs.push({ args: randomConv(r, i % 2 ? 'large' : 'winograd'), act: { kind: 'relu' }, bias: true });
  // Depthwise stride-1 3-wide windows (the four-outputs-at-a-time path): widths around multiples of 4,
  // asymmetric pads, kernel heights 1–5, dilated rows.
  for (let i = 0; i < 16; i++) {
    const c = int(r, 2, 9);
    const p: [[number, number], [number, number]] = [[int(r, 0, 2), int(r, 0, 2)], [int(r, 0, 2), int(r, 0, 2)]];
    const kh = int(r, 1, 5), dh = int(r, 1, 2);
    const h = Math.max(1, dh * (kh - 1) + 1 - p[0][0] - p[0][1]) + int(r, 0, 6);
    const args: ConvArgs = { batch: int(r, 1, 2), h, w: int(r, 3, 17), c, outC: c, k: [kh, 3], s: [int(r, 1, 2), 1], d: [dh, 1], p, groups: c };
    configs.push({ args, act: ACTIVATIONS[i % ACTIVATIONS.length], bias: true });
  }
  // Strided kernels that regroup to 3×3 (space-to-depth): k ∈ [2s + 1, 3s] per axis, any pads.
  for (let i = 0; i < 16; i++) {
    const s: [number, number] = [int(r, 1, 4), int(r, 2, 4)];
    const k: [number, number] = [int(r, 2 * s[0] + 1, 3 * s[0]), int(r, 2 * s[1] + 1, 3 * s[1])];
    const p: [[number, number], [number, number]] = [[int(r, 0, 3), int(r, 0, 3)], [int(r, 0, 3), int(r, 0, 3)]];
    const size = (ax: 0 | 1): number => Math.max(1, k[ax] - p[ax][0] - p[ax][1]) + int(r, 0, 12);
    const args: ConvArgs = { batch: int(r, 1, 2), h: size(0), w: size(1), c: int(r, 1, 5), outC: int(r, 1, 20), k, s, d: [1, 1], p };
    configs.push({ args, act: ACTIVATIONS[i % ACTIVATIONS.length], bias: i % 3 > 0 });
  }
  // Big enough to need several im2col / Winograd chunks.
  configs.push({ args: { batch: 2, h: 22, w: 21, c: 16, outC: 20, k: [3, 3], s: [1, 1], d: [1, 1], p: [[1, 1], [1, 1]] }, act: { kind: 'none' }, bias: true });
  configs.push({ args: { batch: 2, h: 30, w: 29, c: 24, outC: 9, k: [3, 3], s: [1, 1], d: [2, 2], p: [[2, 1], [0, 2]] }, act: { kind: 'tanh' }, bias: true });

  for (const { args, act, bias } of configs) {
    const g = convGeometry(args);
    const methods = METHODS.filter((m) => conv2dMethodApplies(g, m));
    it(`${convName(args)} ${act.kind} bias=${bias} [${methods.join(', ')}]`, () => {
      const rr = rng(g.inH * 1000 + g.inC * 10 + g.outC);
      const x = randomData(rr, g.batch * g.inH * g.inW * g.inC);
      const w = randomData(rr, g.kernelH * g.kernelW * (g.inC / g.groups) * g.outC);
      const b = bias ? randomData(rr, g.outC) : null;
      const ref = conv2dNaive(g, x, w, b, act);
      for (const m of methods) {
        const { y, untouched } = runFast(args, m, x, w, b, act);
        expect(untouched, `${m} wrote outside y`).toBe(true);
        expect(log.add(relErr(y, ref)), m).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  }

  it('has at least 200 configurations', () => {
    expect(configs.length).toBeGreaterThanOrEqual(200);
  });
});

describe('conv2d identities', () => {
  const log = new ErrorLog('conv2d identities');
  afterAll(() => log.print());

  it('1×1 conv = dense per pixel: x=[2,5,7,6] f=[1,1,6,9]', () => {
    const r = rng(1);
    const args: ConvArgs = { batch: 2, h: 5, w: 7, c: 6, outC: 9, k: [1, 1], s: [1, 1], d: [1, 1], p: [[0, 0], [0, 0]] };
    const g = convGeometry(args);
    const x = randomData(r, 2 * 5 * 7 * 6), w = randomData(r, 6 * 9), b = randomData(r, 9);
    const { y } = runFast(args, 'gemm', x, w, b, { kind: 'relu' });
    const dg = { batch: g.batch * g.inH * g.inW, inFeatures: 6, units: 9 };
    const yd = new Float32Array(dg.batch * 9);
    dense(packDenseWeights(dg, w, b), x, 0, yd, 0, { kind: 'relu' }, new Float32Array(denseScratchSize(dg)));
    expect(log.add(relErr(y, yd))).toBeLessThanOrEqual(1e-6);
  });

  for (const [dh, dw] of [[2, 2], [3, 1], [2, 3]] as const) {
    it(`dilation = zero-inserted kernel: x=[1,13,12,16] f=[3,3,16,16] d=[${dh},${dw}]`, () => {
      const r = rng(dh * 10 + dw);
      const base = { batch: 1, h: 13, w: 12, c: 16, outC: 16, s: [1, 1], p: [[2, 1], [1, 2]] } as const;
      const dilated: ConvArgs = { ...base, k: [3, 3], d: [dh, dw] };
      const kh = 2 * dh + 1, kw = 2 * dw + 1;
      const inserted: ConvArgs = { ...base, k: [kh, kw], d: [1, 1] };
      const x = randomData(r, 13 * 12 * 16), w = randomData(r, 9 * 16 * 16);
      const wz = new Float32Array(kh * kw * 16 * 16);
      for (let ky = 0; ky < 3; ky++) {
        for (let kx = 0; kx < 3; kx++) {
          wz.set(w.subarray((ky * 3 + kx) * 256, (ky * 3 + kx + 1) * 256), (ky * dh * kw + kx * dw) * 256);
        }
      }
      const ref = runFast(inserted, 'gemm', x, wz, null, { kind: 'none' }).y;
      for (const m of ['gemm', 'winograd'] as const) {
        expect(log.add(relErr(runFast(dilated, m, x, w, null, { kind: 'none' }).y, ref)), m).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  }
});
