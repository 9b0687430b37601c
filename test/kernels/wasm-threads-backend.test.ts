// createWasmBackend with kernel threads: every conv path (im2col stem, indirect k×k and 1×1, grouped,
// Winograd F(2×2)/F(4×4), depthwise) and dense, run with 2 and 3 threads once the workers are up, give the
// same bits as one thread, and match ONNX Runtime's Conv within the suite's tolerance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activation } from '../../src/kernels/activation.js';
import { createWasmBackend, type WasmBackend } from '../../src/kernels/wasm/backend.js';
import { convGeometry, convName, ErrorLog, randomData, relErr, rng, TOLERANCE, type ConvArgs } from './helpers.js';
import { bitDiff, ortConv } from './wasm-conv-harness.js';

const backends = new Map<number, WasmBackend>();
beforeAll(async () => {
  for (const threads of [1, 2, 3]) {
    const b = createWasmBackend({ shared: true, relaxed: false, threads });
    expect(await b.threads.whenReady()).toBe(threads);
    backends.set(threads, b);
  }
});
afterAll(() => backends.forEach((b) => b.dispose()));
const log = new ErrorLog('wasm threads vs ORT');
afterAll(() => log.print());

/** One layer on backend `b` (weights packed there, arrays allocated in its heap). */
function convOn(b: WasmBackend, a: ConvArgs, x: Float32Array, w: Float32Array, bias: Float32Array, act: Activation): Float32Array {
  const g = convGeometry(a);
  const p = b.packConv2d(g, w, bias);
  const xv = b.allocate(x.length);
  const yv = b.allocate(g.batch * g.outH * g.outW * g.outC);
  const sv = b.allocate(b.conv2dScratchSize(g));
  xv().set(x);
  yv().fill(Number.NaN);
  b.conv2d(p, xv(), 0, yv(), 0, act, sv());
  return yv().slice();
}

const pad = (t: number, b: number, l: number, r: number): ConvArgs['p'] => [[t, b], [l, r]];
const CASES: readonly (ConvArgs & { readonly act: Activation; readonly path: string })[] = [
  { path: 'im2col stem', batch: 1, h: 47, w: 45, c: 3, outC: 24, k: [7, 7], s: [2, 2], d: [1, 1], p: pad(3, 3, 3, 3), act: { kind: 'relu' } },
  { path: 'im2col stem', batch: 2, h: 31, w: 29, c: 3, outC: 16, k: [11, 11], s: [4, 4], d: [1, 1], p: pad(0, 0, 0, 0), act: { kind: 'none' } },
  { path: 'indirect 3×3 stride 2', batch: 1, h: 29, w: 27, c: 32, outC: 40, k: [3, 3], s: [2, 2], d: [1, 1], p: pad(1, 1, 1, 1), act: { kind: 'relu6' } },
  { path: 'indirect dilated', batch: 1, h: 24, w: 24, c: 24, outC: 24, k: [3, 3], s: [1, 1], d: [2, 2], p: pad(2, 2, 2, 2), act: { kind: 'leakyRelu', alpha: 0.1 } },
  { path: '1×1', batch: 3, h: 14, w: 13, c: 64, outC: 37, k: [1, 1], s: [1, 1], d: [1, 1], p: pad(0, 0, 0, 0), act: { kind: 'tanh' } },
  { path: 'grouped (4 calls per job)', batch: 1, h: 17, w: 19, c: 64, outC: 64, k: [3, 3], s: [1, 1], d: [1, 1], p: pad(1, 1, 1, 1), groups: 4, act: { kind: 'relu' } },
  { path: 'Winograd', batch: 1, h: 30, w: 28, c: 32, outC: 48, k: [3, 3], s: [1, 1], d: [1, 1], p: pad(1, 1, 1, 1), act: { kind: 'relu' } },
  { path: 'Winograd, outH not a multiple of the tile', batch: 2, h: 19, w: 21, c: 16, outC: 24, k: [3, 3], s: [1, 1], d: [1, 1], p: pad(1, 1, 1, 1), act: { kind: 'sigmoid' } },
  { path: 'depthwise', batch: 1, h: 33, w: 31, c: 48, outC: 48, k: [3, 3], s: [1, 1], d: [1, 1], p: pad(1, 1, 1, 1), groups: 48, act: { kind: 'relu6' } },
];

describe('wasm backend on threads', () => {
  CASES.forEach((a, i) => {
    it(`${convName(a)} (${a.path}): 2 and 3 threads = 1 thread bit for bit, ≈ ORT`, async () => {
      const g = convGeometry(a);
      const r = rng(100 + i);
      const x = randomData(r, g.batch * g.inH * g.inW * g.inC);
      const w = randomData(r, g.kernelH * g.kernelW * (g.inC / g.groups) * g.outC);
      const bias = randomData(r, g.outC);
      const one = convOn(backends.get(1)!, a, x, w, bias, a.act);
      for (const threads of [2, 3]) {
        expect(backends.get(threads)!.threads.readyThreads()).toBe(threads);
        expect(bitDiff(convOn(backends.get(threads)!, a, x, w, bias, a.act), one)).toEqual([]);
      }
      expect(log.add(relErr(one, await ortConv(a, g, x, w, bias, a.act)))).toBeLessThanOrEqual(TOLERANCE);
    });
  });

  // batch 9: the GEMM split by rows; batch 1 and 3: gemvPanels split by 8-column panels.
  it.each([[9, 70, 21], [1, 301, 45], [3, 64, 130]])('dense batch=%i inFeatures=%i units=%i relu: 2 threads = 1 thread bit for bit, = the plain loop within tolerance', (batch, inFeatures, units) => {
    const g = { batch, inFeatures, units };
    const r = rng(7);
    const x = randomData(r, g.batch * g.inFeatures);
    const w = randomData(r, g.inFeatures * g.units);
    const bias = randomData(r, g.units);
    const run = (b: WasmBackend): Float32Array => {
      const p = b.packDense(g, w, bias);
      const xv = b.allocate(x.length);
      const yv = b.allocate(g.batch * g.units);
      xv().set(x);
      b.dense(p, xv(), 0, yv(), 0, { kind: 'relu' }, b.allocate(1)());
      return yv().slice();
    };
    const one = run(backends.get(1)!);
    expect(bitDiff(run(backends.get(2)!), one)).toEqual([]);
    const ref = new Float32Array(g.batch * g.units);
    for (let n = 0; n < g.batch; n++) {
      for (let j = 0; j < g.units; j++) {
        let s = bias[j]!;
        for (let k = 0; k < g.inFeatures; k++) s += x[n * g.inFeatures + k]! * w[k * g.units + j]!;
        ref[n * g.units + j] = Math.max(0, s);
      }
    }
    expect(relErr(one, ref)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('conv2dScratchSize holds one block per thread', () => {
    const g = convGeometry(CASES[0]!);
    expect(backends.get(2)!.conv2dScratchSize(g)).toBe(2 * backends.get(1)!.conv2dScratchSize(g));
  });
});
