/**
 * The WebAssembly depthwise kernel (src/kernels/wasm/depthwise.ts) against the naive reference and
 * onnxruntime-node `Conv` (group = C) + activation: odd channel counts (channel tails), multipliers 1–3,
 * kernels 1–5, strides, dilation, padding 0, 1, 'same' and asymmetric, batch 2, small and large images
 * (the four-outputs interior path and its column tails), every fused activation; also NaN/±∞, row-range
 * splits bit-identical to one call, and the packer's errors.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Activation } from '../../src/kernels/activation.js';
import { conv2dNaive } from '../../src/kernels/conv2d-naive.js';
import type { Conv2dGeometry } from '../../src/kernels/geometry.js';
import { isDepthwiseWasmShape, packDepthwiseWasm, runDepthwiseWasm } from '../../src/kernels/wasm/depthwise.js';
import { convGeometry, convName, ErrorLog, int, randomData, randomWindow, relErr, rng, TOLERANCE, type ConvArgs, type Pads } from './helpers.js';
import type { Heap } from '../../src/kernels/wasm/heap.js';
import { ACTS, bitDiff, ortConv, runInHeap, testHeap, unwritten } from './wasm-conv-harness.js';

const c = (
  batch: number, h: number, w: number, ch: number, mult: number,
  k: number | readonly [number, number], s: number | readonly [number, number], d: number | readonly [number, number], p: Pads,
): ConvArgs => {
  const two = (v: number | readonly [number, number]): readonly [number, number] => (typeof v === 'number' ? [v, v] : v);
  return { batch, h, w, c: ch, outC: ch * mult, k: two(k), s: two(s), d: two(d), p, groups: ch };
};

const GOLDEN: ConvArgs[] = [
  c(1, 12, 12, 8, 1, 3, 1, 1, [[1, 1], [1, 1]]), // MobileNet 3×3 'same': interior blocks of four
  c(2, 13, 17, 7, 1, 3, 1, 1, [[1, 1], [1, 1]]), // channel tail of 3, block column tails
  c(1, 14, 14, 32, 1, 3, 2, 1, [[0, 1], [0, 1]]), // stride 2 with TF's asymmetric 'same'
  c(1, 9, 9, 5, 1, 3, 1, 2, [[2, 2], [2, 2]]), // dilated
  c(1, 10, 11, 6, 2, 3, 1, 1, [[1, 1], [1, 1]]), // multiplier 2
  c(2, 9, 8, 3, 3, [3, 5], [1, 2], [2, 1], [[2, 0], [1, 3]]), // multiplier 3, rectangular, asymmetric
  c(1, 7, 7, 9, 1, 5, 1, 1, [[2, 2], [2, 2]]), // 5×5
  c(1, 6, 6, 4, 1, 1, 1, 1, [[0, 0], [0, 0]]), // 1×1
  c(1, 3, 3, 4, 1, 3, 1, 1, [[4, 4], [4, 4]]), // pixels made only of padding
  c(1, 2, 40, 5, 1, 3, 1, 1, [[1, 1], [1, 1]]), // a wide row: many blocks, no interior row
];

function randomArgs(r: () => number): ConvArgs {
  const { k, s, d, p, h, w } = randomWindow(r, 5, 14);
  const ch = [2, 3, 4, 5, 8, 9, 13, 16, 33][int(r, 0, 8)]!;
  return c(int(r, 1, 2), h, w, ch, [1, 1, 1, 2, 3][int(r, 0, 4)]!, k, s, d, p);
}

function data(g: Conv2dGeometry, seed: number) {
  const r = rng(seed);
  const x = randomData(r, g.batch * g.inH * g.inW * g.inC).map((v) => v * 3);
  const w = randomData(r, g.kernelH * g.kernelW * g.outC);
  const b = randomData(r, g.outC);
  return { x, w, b };
}

const plainHeap = testHeap();
const sharedHeap = testHeap(true);

function depthwise(
  g: Conv2dGeometry, x: Float32Array, w: Float32Array, b: Float32Array | null, act: Activation,
  ranges: readonly (readonly [number, number])[] = [[0, g.batch * g.outH]],
  heap: Heap = plainHeap,
): Float32Array {
  const packed = packDepthwiseWasm(heap, g, w, b);
  return runInHeap(heap, g, x, (p) => {
    for (const [begin, end] of ranges) runDepthwiseWasm(heap, packed, p.x, p.y, act, begin, end);
  });
}

describe('wasm depthwise vs the naive reference', () => {
  const log = new ErrorLog('wasm depthwise vs naive');
  afterAll(() => log.print());
  const r = rng(71);
  const cases = [...GOLDEN, ...Array.from({ length: 60 }, () => randomArgs(r))];
  cases.forEach((a, i) => {
    const g = convGeometry(a);
    const act = ACTS[i % ACTS.length];
    it(convName(a, ` act=${act.kind}`), () => {
      expect(isDepthwiseWasmShape(g)).toBe(true);
      const { x, w, b } = data(g, 100 + i);
      const bias = i % 5 === 4 ? null : b;
      expect(log.add(relErr(depthwise(g, x, w, bias, act), conv2dNaive(g, x, w, bias, act)))).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

describe('wasm depthwise vs onnxruntime-node Conv + activation', () => {
  const log = new ErrorLog('wasm depthwise vs ORT');
  afterAll(() => log.print());
  const r = rng(72);
  const cases = [...GOLDEN, ...Array.from({ length: 15 }, () => randomArgs(r)), c(1, 28, 28, 128, 1, 3, 1, 1, [[1, 1], [1, 1]])];
  cases.forEach((a, i) => {
    const g = convGeometry(a);
    const act = ACTS[(i + 2) % ACTS.length];
    it(convName(a, ` act=${act.kind}`), async () => {
      const { x, w, b } = data(g, 200 + i);
      expect(log.add(relErr(depthwise(g, x, w, b, act), await ortConv(a, g, x, w, b, act)))).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

describe('wasm depthwise: NaN and ±∞ reach exactly the outputs whose window holds them', () => {
  for (const a of [GOLDEN[1], GOLDEN[4]]) {
    const g = convGeometry(a);
    for (const act of [{ kind: 'none' }, { kind: 'relu6' }] as Activation[]) {
      it(convName(a, ` act=${act.kind}`), () => {
        const { x, w, b } = data(g, 5);
        x[0] = NaN;
        x[(5 * g.inW + 6) * g.inC + 1] = Infinity;
        x[(6 * g.inW + 6) * g.inC + 1] = -Infinity; // ∞ − ∞ in the outputs that see both
        x[(2 * g.inW + 9) * g.inC + g.inC - 1] = -Infinity;
        const ref = conv2dNaive(g, x, w, b, act);
        const y = depthwise(g, x, w, b, act);
        for (let i = 0; i < ref.length; i++) {
          if (Number.isFinite(ref[i])) expect(Math.abs(y[i] - ref[i]), `element ${i}`).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(ref[i])));
          else expect(y[i], `element ${i}`).toBe(ref[i]);
        }
        expect(ref.some((v) => Number.isNaN(v))).toBe(true);
        expect(ref.some((v) => v === Infinity || v === -Infinity || v === 6)).toBe(true);
      });
    }
  }
});

describe('wasm depthwise: row ranges split like threads (and shared memory) give the same bits', () => {
  const r = rng(73);
  const cases = [GOLDEN[0], GOLDEN[1], GOLDEN[2], GOLDEN[5], randomArgs(r), randomArgs(r)];
  cases.forEach((a, i) => {
    const g = convGeometry(a);
    const rows = g.batch * g.outH;
    it(convName(a), () => {
      const { x, w, b } = data(g, 300 + i);
      const act: Activation = { kind: 'relu' };
      const whole = depthwise(g, x, w, b, act);
      const cuts = [...new Set([0, 1, g.outH, int(r, 0, rows), int(r, 0, rows), rows])].sort((u, v) => u - v);
      const ranges = cuts.slice(1).map((end, k) => [cuts[k], end] as const);
      expect(bitDiff(depthwise(g, x, w, b, act, ranges), whole)).toEqual([]);
      expect(bitDiff(depthwise(g, x, w, b, act, ranges, sharedHeap), whole), 'shared memory').toEqual([]);
    });
  });

  it('writes only the rows of its range', () => {
    const g = convGeometry(GOLDEN[1]);
    const { x, w, b } = data(g, 5);
    const y = depthwise(g, x, w, b, { kind: 'none' }, [[2, 5]]);
    const row = g.outW * g.outC;
    y.forEach((v, i) => expect(unwritten(v), `element ${i}`).toBe(i < 2 * row || i >= 5 * row));
  });
});

describe('wasm depthwise: shapes and errors', () => {
  it('rejects what it does not compute', () => {
    const grouped = convGeometry({ ...c(1, 8, 8, 8, 1, 3, 1, 1, [[1, 1], [1, 1]]), groups: 4 });
    expect(isDepthwiseWasmShape(grouped)).toBe(false);
    expect(() => packDepthwiseWasm(plainHeap, grouped, new Float32Array(72), null)).toThrow(/groups = inC > 1 .* \(got groups 4, inC 8, outC 8\)/);
    const g = convGeometry(c(1, 8, 8, 4, 2, 3, 1, 1, [[1, 1], [1, 1]]));
    expect(() => packDepthwiseWasm(plainHeap, g, new Float32Array(10), null)).toThrow(/kernel has 10 values \(expected 3·3·1·8 = 72\)/);
    expect(() => packDepthwiseWasm(plainHeap, g, new Float32Array(72), new Float32Array(4))).toThrow(/bias has 4 values \(expected outC = 8\)/);
  });
});
