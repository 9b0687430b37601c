/**
 * The WebAssembly GEMM paths (src/kernels/wasm/conv.ts: indirect GEMM, im2col chunks, dense) against the
 * naive references and onnxruntime-node `Conv`, on named and random shapes: odd channel counts (column
 * tails of the 8-wide panels, row tails of the 4-row tile), asymmetric pads, strides, dilation, groups,
 * batch > 1 and every fused activation. Also: NaN/±∞ propagation, the copy path (arrays outside the heap)
 * equal to the in-heap path bit for bit, and row-range splits (as threads make them) bit-identical to one
 * call, on plain and shared memory.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Activation } from '../../src/kernels/activation.js';
import { conv2dNaive } from '../../src/kernels/conv2d-naive.js';
import { denseNaive } from '../../src/kernels/dense-naive.js';
import type { Conv2dGeometry } from '../../src/kernels/geometry.js';
import { createWasmBackend } from '../../src/kernels/wasm/backend.js';
import { gemmMethod, packGemmConv, runGemmConv } from '../../src/kernels/wasm/conv.js';
import { ACTS, ortConv } from './wasm-conv-harness.js';
import { convArgs, convGeometry, convName, ErrorLog, int, randomData, randomWindow, relErr, rng, TOLERANCE, type ConvArgs } from './helpers.js';

const c = convArgs;

/** Named shapes: both methods, tails of the 4×8 tile, groups (also the grouped Winograd steps), the stems. */
const GOLDEN: ConvArgs[] = [
  c(1, 9, 9, 3, 8, 3, 2, 1, [[1, 0], [0, 1]]), // im2col, one full panel
  c(1, 27, 27, 3, 6, 11, 4, 1, [[0, 0], [0, 0]]), // AlexNet-like stem, column tail
  c(1, 23, 21, 3, 17, 7, 2, 1, [[3, 3], [3, 3]]), // ResNet-like stem
  c(2, 10, 12, 16, 16, 3, 1, 1, [[1, 1], [1, 1]]), // indirect
  c(1, 12, 11, 17, 18, 3, 1, 2, [[2, 2], [2, 2]]), // indirect, dilated, odd channels
  c(1, 11, 13, 20, 7, 3, 2, 2, [[1, 2], [0, 3]]), // indirect, stride with dilation
  c(1, 8, 8, 24, 12, 1, 1, 1, [[0, 0], [0, 0]]), // 1×1 = GEMM on the input
  c(2, 9, 9, 8, 16, 1, 2, 1, [[0, 0], [0, 0]]), // 1×1 stride 2
  c(1, 7, 5, 33, 9, 1, 1, 1, [[0, 0], [0, 0]]), // 35 pixels: row tail of 3
  c(1, 10, 9, 8, 12, [3, 5], [1, 2], [2, 1], [[2, 0], [1, 3]], 4), // groups, im2col
  c(2, 9, 9, 64, 24, 3, 1, 1, [[1, 1], [1, 1]], 2), // groups, indirect (12 outputs a group: under Winograd's 16)
  c(2, 13, 13, 96, 64, 3, 1, 1, [[1, 1], [1, 1]], 2), // groups of 48→32: Winograd group by group (AlexNet conv4-like)
  c(1, 10, 9, 48, 51, 3, 1, 1, [[0, 1], [1, 0]], 3), // groups of 16→17, asymmetric pads: Winograd group by group
  c(1, 7, 6, 12, 6, [1, 3], [3, 1], [1, 3], [[0, 2], [3, 0]], 3),
  c(1, 3, 3, 16, 8, 3, 1, 1, [[5, 5], [5, 5]]), // pixels made only of padding
];

function randomArgs(r: () => number): ConvArgs {
  const window = randomWindow(r);
  const groups = [1, 1, 2, 3][int(r, 0, 3)]!;
  // Per-group channels on both sides of the indirect/im2col threshold (16).
  const cin = [1, 3, 5, 13, 16, 19, 24][int(r, 0, 6)]!;
  return { ...window, batch: int(r, 1, 2), c: groups * cin, outC: groups * int(r, 1, 21), groups };
}

function data(g: Conv2dGeometry, seed: number) {
  const r = rng(seed);
  const x = randomData(r, g.batch * g.inH * g.inW * g.inC).map((v) => v * 3);
  const w = randomData(r, g.kernelH * g.kernelW * (g.inC / g.groups) * g.outC);
  const b = randomData(r, g.outC);
  return { x, w, b };
}

const backend = createWasmBackend({ shared: false });
const sharedBackend = createWasmBackend({ shared: true });

/** The backend's conv on arrays in its heap (the executor's zero-copy path). */
function inHeap(be: typeof backend, g: Conv2dGeometry, x: Float32Array, w: Float32Array, b: Float32Array | null, act: Activation): Float32Array {
  const p = be.packConv2d(g, w, b);
  const xv = be.allocate(x.length);
  const yv = be.allocate(g.batch * g.outH * g.outW * g.outC);
  const sv = be.allocate(be.conv2dScratchSize(g));
  xv().set(x);
  be.conv2d(p, xv(), 0, yv(), 0, act, sv());
  return yv().slice();
}

/** The backend's conv on plain arrays at offsets (the copy path). */
function copied(be: typeof backend, g: Conv2dGeometry, x: Float32Array, w: Float32Array, b: Float32Array | null, act: Activation): Float32Array {
  const p = be.packConv2d(g, w, b);
  const xs = new Float32Array(x.length + 5);
  xs.set(x, 5);
  const ys = new Float32Array(g.batch * g.outH * g.outW * g.outC + 3);
  be.conv2d(p, xs, 5, ys, 3, act, new Float32Array(be.conv2dScratchSize(g)));
  return ys.slice(3);
}

/**
 * max|y − ref| / max(1, max|the conv's output before its activation|): a conv's rounding error scales with its
 * own output, and a saturating activation (tanh, sigmoid) does not shrink it where the output crosses zero —
 * measured against tanh's [−1, 1] scale, F(4×4)'s 5e-6 of an output of ±85 reads as 2.8e-4.
 */
function convErr(y: Float32Array, ref: Float32Array, preActivation: Float32Array): number {
  let diff = 0;
  let scale = 1;
  for (let i = 0; i < ref.length; i++) {
    diff = Math.max(diff, Math.abs(y[i]! - ref[i]!));
    scale = Math.max(scale, Math.abs(preActivation[i]!));
  }
  return Number.isNaN(diff) ? Infinity : diff / scale;
}

describe('wasm conv vs the naive reference', () => {
  const log = new ErrorLog('wasm conv vs naive');
  afterAll(() => log.print());
  const r = rng(606);
  const cases = [...GOLDEN, ...Array.from({ length: 60 }, () => randomArgs(r))];
  cases.forEach((a, i) => {
    const g = convGeometry(a);
    const act = ACTS[i % ACTS.length]!;
    it(convName(a, ` ${gemmMethod(g)} act=${act.kind}`), () => {
      const { x, w, b } = data(g, 100 + i);
      const ref = conv2dNaive(g, x, w, i % 5 === 4 ? null : b, act);
      const bias = i % 5 === 4 ? null : b;
      const y = inHeap(backend, g, x, w, bias, act);
      expect(log.add(convErr(y, ref, conv2dNaive(g, x, w, bias, { kind: 'none' })))).toBeLessThanOrEqual(TOLERANCE);
      // Copy path and shared memory: the same operations, so the same bits.
      expect(copied(backend, g, x, w, bias, act)).toEqual(y);
      expect(inHeap(sharedBackend, g, x, w, bias, act)).toEqual(y);
    });
  });
});

describe('wasm conv vs onnxruntime-node Conv + activation', () => {
  const log = new ErrorLog('wasm conv vs ORT');
  afterAll(() => log.print());
  const r = rng(707);
  const cases = [...GOLDEN, ...Array.from({ length: 20 }, () => randomArgs(r))];
  cases.forEach((a, i) => {
    const g = convGeometry(a);
    it(convName(a, ` ${gemmMethod(g)}`), async () => {
      const { x, w, b } = data(g, 300 + i);
      const act = ACTS[i % ACTS.length]!;
      const ref = await ortConv(a, g, x, w, b, act);
      expect(log.add(convErr(inHeap(backend, g, x, w, b, act), ref, conv2dNaive(g, x, w, b, { kind: 'none' })))).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

describe('wasm dense vs the naive reference', () => {
  const log = new ErrorLog('wasm dense vs naive');
  afterAll(() => log.print());
  // batch ≤ 3 takes gemvPanels (odd and even k, column tails, many panels), batch ≥ 4 the 4×8 GEMM.
  for (const [batch, inFeatures, units] of [[1, 1, 1], [1, 37, 10], [3, 64, 17], [5, 129, 8], [2, 300, 41], [1, 1001, 77], [2, 2, 3], [3, 130, 64], [4, 33, 9]] as const) {
    it(`x=[${batch},${inFeatures}] w=[${inFeatures},${units}]`, () => {
      const g = { batch, inFeatures, units };
      const r = rng(batch * 1000 + units);
      const x = randomData(r, batch * inFeatures);
      const w = randomData(r, inFeatures * units);
      const b = randomData(r, units);
      const ref = denseNaive(g, x, w, b, { kind: 'relu' });
      const p = backend.packDense(g, w, b);
      const y = new Float32Array(batch * units);
      backend.dense(p, x, 0, y, 0, { kind: 'relu' }, new Float32Array(0));
      expect(log.add(relErr(y, ref))).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});

describe('wasm conv: NaN and ±∞', () => {
  for (const a of [c(1, 6, 6, 3, 9, 3, 1, 1, [[1, 1], [1, 1]]), c(1, 6, 6, 17, 9, 3, 1, 1, [[1, 1], [1, 1]]), c(1, 5, 5, 20, 9, 1, 1, 1, [[0, 0], [0, 0]])]) {
    const g = convGeometry(a);
    for (const act of [{ kind: 'none' }, { kind: 'relu' }, { kind: 'relu6' }] as Activation[]) {
      it(convName(a, ` ${gemmMethod(g)} act=${act.kind}`), () => {
        const { x, w, b } = data(g, 5);
        x[0] = NaN;
        x[g.inC * 7 + 1] = Infinity;
        x[g.inC * 20 + 2] = -Infinity;
        const ref = conv2dNaive(g, x, w, b, act);
        const y = inHeap(backend, g, x, w, b, act);
        for (let i = 0; i < ref.length; i++) {
          if (Number.isFinite(ref[i])) expect(Math.abs(y[i]! - ref[i]!)).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(ref[i]!)));
          else expect(y[i], `element ${i}`).toBe(ref[i]);
        }
        expect(ref.some((v) => Number.isNaN(v))).toBe(true);
      });
    }
  }
});

describe('wasm conv: row ranges split like threads give the same bits', () => {
  const r = rng(808);
  for (const a of [GOLDEN[1]!, GOLDEN[4]!, GOLDEN[6]!, GOLDEN[10]!, randomArgs(r), randomArgs(r)]) {
    const g = convGeometry(a);
    it(convName(a, ` ${gemmMethod(g)}`), () => {
      const heap = backend.heap;
      const { x, w, b } = data(g, 9);
      const p = packGemmConv(heap, g, w, b);
      const n = g.batch * g.outH * g.outW * g.outC;
      const xv = backend.allocate(x.length);
      const whole = backend.allocate(n);
      const split = backend.allocate(n);
      const scratch = backend.allocate(backend.conv2dScratchSize(g));
      xv().set(x);
      const ptr = (v: () => Float32Array): number => heap.pointerOf(v(), 0);
      const rows = g.batch * g.outH;
      runGemmConv(heap, p, ptr(xv), ptr(whole), { kind: 'relu' }, ptr(scratch), 0, rows);
      const cuts = [0, int(r, 0, rows), int(r, 0, rows), rows].sort((u, v) => u - v);
      for (let i = 0; i + 1 < cuts.length; i++) runGemmConv(heap, p, ptr(xv), ptr(split), { kind: 'relu' }, ptr(scratch), cuts[i]!, cuts[i + 1]!);
      expect(split()).toEqual(whole());
    });
  }
});

describe('wasm backend: errors', () => {
  it('rejects weights packed by another backend', () => {
    const g = convGeometry(GOLDEN[0]!);
    const other = sharedBackend.packConv2d(g, new Float32Array(g.kernelH * g.kernelW * g.inC * g.outC), null);
    expect(() => backend.conv2d({ ...other, backend: 'js' }, new Float32Array(1), 0, new Float32Array(1), 0, { kind: 'none' }, new Float32Array(0))).toThrow(
      /packed by backend 'js'/,
    );
  });
  it('rejects a kernel of the wrong size', () => {
    const g = convGeometry(GOLDEN[0]!);
    expect(() => backend.packConv2d(g, new Float32Array(3), null)).toThrow(/conv2d: kernel has 3 elements/);
  });
});
