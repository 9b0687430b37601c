/**
 * The WebAssembly Winograd kernels (src/kernels/wasm/winograd.ts), F(2×2,3×3) and F(4×4,3×3), against the
 * naive reference and onnxruntime-node `Conv` + activation: odd channel counts (channel tails of the input
 * and output transforms, column tails of the 8-wide panels, row tails of the 4-tile GEMM), small and large
 * images (partial edge tiles), padding 0, 1, 'same' and asymmetric, batch 2, every fused activation, and
 * 256 channels (where F(4×4)'s larger transform constants cost the most precision; both errors printed).
 * Also NaN/±∞ (∞ in a tile turns its outputs into NaN, as documented), row-range splits bit-identical
 * to one call, and the packer's errors.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Activation } from '../../src/kernels/activation.js';
import { conv2dNaive } from '../../src/kernels/conv2d-naive.js';
import type { Conv2dGeometry } from '../../src/kernels/geometry.js';
import {
  isWinogradWasmShape, packWinogradWasm, runWinogradWasm, winogradWasmScratchBytes, winogradWasmTile, type WinogradTile,
} from '../../src/kernels/wasm/winograd.js';
import { convGeometry, convName, ErrorLog, int, randomData, relErr, rng, TOLERANCE, type ConvArgs } from './helpers.js';
import type { Heap } from '../../src/kernels/wasm/heap.js';
import { ACTS, bitDiff, ortConv, runInHeap, testHeap, unwritten } from './wasm-conv-harness.js';

type P = ConvArgs['p'];
const c = (batch: number, h: number, w: number, ch: number, outC: number, p: P): ConvArgs => ({
  batch, h, w, c: ch, outC, k: [3, 3], s: [1, 1], d: [1, 1], p,
});

const GOLDEN: ConvArgs[] = [
  c(1, 1, 1, 1, 1, [[1, 1], [1, 1]]), // one output, all padding but the centre
  c(1, 3, 3, 1, 1, [[0, 0], [0, 0]]), // one output, no padding
  c(2, 10, 12, 16, 16, [[1, 1], [1, 1]]), // 'same', batch 2
  c(1, 9, 7, 5, 7, [[1, 1], [1, 1]]), // odd sizes: partial tiles on both edges
  c(1, 12, 11, 17, 13, [[0, 0], [0, 0]]), // valid
  c(1, 8, 8, 3, 9, [[0, 1], [1, 0]]), // 'same' on an even input with TF's asymmetric split
  c(2, 11, 6, 33, 31, [[2, 0], [0, 2]]), // asymmetric, 33 → 31 channels
  c(1, 23, 19, 7, 40, [[1, 1], [1, 1]]), // several chunks' worth of tiles
  c(1, 4, 5, 9, 1, [[2, 2], [2, 2]]), // outputs made mostly of padding
];

function randomArgs(r: () => number): ConvArgs {
  const p: P = [[int(r, 0, 2), int(r, 0, 2)], [int(r, 0, 2), int(r, 0, 2)]];
  const size = (ax: 0 | 1): number => Math.max(1, 3 - p[ax][0] - p[ax][1]) + int(r, 0, 17);
  const cin = [1, 2, 3, 5, 8, 13, 17, 33][int(r, 0, 7)];
  const cout = [1, 3, 4, 7, 8, 9, 17, 31][int(r, 0, 7)];
  return c(int(r, 1, 2), size(0), size(1), cin, cout, p);
}

function data(g: Conv2dGeometry, seed: number) {
  const r = rng(seed);
  const x = randomData(r, g.batch * g.inH * g.inW * g.inC).map((v) => v * 3);
  const w = randomData(r, 9 * g.inC * g.outC);
  const b = randomData(r, g.outC);
  return { x, w, b };
}

const plainHeap = testHeap();
const sharedHeap = testHeap(true);

/** One whole call (or the rows [begin, end)) of the kernel with tile `tile`. */
function winograd(
  g: Conv2dGeometry, x: Float32Array, w: Float32Array, b: Float32Array | null, act: Activation, tile: WinogradTile,
  ranges: readonly (readonly [number, number])[] = [[0, g.batch * g.outH]],
  heap: Heap = plainHeap,
): Float32Array {
  const packed = packWinogradWasm(heap, g, w, b, tile);
  const scratch = heap.alloc(winogradWasmScratchBytes(g, tile));
  const y = runInHeap(heap, g, x, (p) => {
    for (const [begin, end] of ranges) runWinogradWasm(heap, packed, p.x, p.y, act, scratch, begin, end);
  });
  heap.free(scratch);
  return y;
}

const logs = { 2: new ErrorLog('wasm winograd F(2×2) vs naive'), 4: new ErrorLog('wasm winograd F(4×4) vs naive') };
const ortLogs = { 2: new ErrorLog('wasm winograd F(2×2) vs ORT'), 4: new ErrorLog('wasm winograd F(4×4) vs ORT') };
afterAll(() => [logs[2], logs[4], ortLogs[2], ortLogs[4]].forEach((l) => l.print()));

describe('wasm winograd vs the naive reference', () => {
  const r = rng(61);
  const cases = [...GOLDEN, ...Array.from({ length: 40 }, () => randomArgs(r))];
  cases.forEach((a, i) => {
    const g = convGeometry(a);
    const act = ACTS[i % ACTS.length];
    for (const tile of [2, 4] as const) {
      it(convName(a, ` F(${tile}×${tile}) act=${act.kind}`), () => {
        expect(isWinogradWasmShape(g)).toBe(true);
        const { x, w, b } = data(g, 100 + i);
        const bias = i % 5 === 4 ? null : b;
        const y = winograd(g, x, w, bias, act, tile);
        expect(logs[tile].add(relErr(y, conv2dNaive(g, x, w, bias, act)))).toBeLessThanOrEqual(TOLERANCE);
      });
    }
  });
});

describe('wasm winograd vs onnxruntime-node Conv + activation', () => {
  const r = rng(62);
  const cases = [...GOLDEN, ...Array.from({ length: 12 }, () => randomArgs(r))];
  cases.forEach((a, i) => {
    const g = convGeometry(a);
    const act = ACTS[(i + 1) % ACTS.length];
    it(convName(a, ` act=${act.kind}`), async () => {
      const { x, w, b } = data(g, 200 + i);
      const ref = await ortConv(a, g, x, w, b, act);
      for (const tile of [2, 4] as const) {
        expect(ortLogs[tile].add(relErr(winograd(g, x, w, b, act, tile), ref)), `F(${tile}×${tile})`).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  });
});

describe('wasm winograd: realistic channel counts (the precision of F(4×4))', () => {
  const cases = [c(1, 14, 14, 256, 256, [[1, 1], [1, 1]]), c(1, 28, 28, 128, 128, [[1, 1], [1, 1]])];
  for (const a of cases) {
    it(convName(a), async () => {
      const g = convGeometry(a);
      const { x, w, b } = data(g, 7);
      // He-style weight scale (std √(2/fan-in)), as in trained VGG/ResNet layers, so outputs stay O(1).
      const scale = Math.sqrt(6 / (9 * g.inC));
      const ws = w.map((v) => v * scale);
      const naive = conv2dNaive(g, x, ws, b);
      const ref = await ortConv(a, g, x, ws, b, { kind: 'none' });
      expect(relErr(naive, ref)).toBeLessThanOrEqual(TOLERANCE);
      const errors: string[] = [];
      for (const tile of [2, 4] as const) {
        const y = winograd(g, x, ws, b, { kind: 'none' }, tile);
        const e = logs[tile].add(relErr(y, naive));
        expect(e, `F(${tile}×${tile})`).toBeLessThanOrEqual(TOLERANCE);
        expect(ortLogs[tile].add(relErr(y, ref)), `F(${tile}×${tile}) vs ORT`).toBeLessThanOrEqual(TOLERANCE);
        errors.push(`F(${tile}×${tile}) ${e.toExponential(2)}`);
      }
      console.log(`[wasm winograd ${convName(a)}] relErr vs naive: ${errors.join(', ')}`);
    });
  }
});

describe('wasm winograd: NaN and ±∞', () => {
  // A non-finite input can only reach the outputs of the tiles whose input window holds it; there the
  // transforms' subtractions make ∞ − ∞ = NaN. Everything else is finite and matches the reference.
  const a = c(1, 12, 13, 6, 9, [[1, 1], [1, 1]]);
  const g = convGeometry(a);
  const spots = [[0, 0, 0], [5, 7, 1], [11, 12, 5]] as const; // (iy, ix, channel)
  for (const tile of [2, 4] as const) {
    for (const [what, value] of [['NaN', NaN], ['+∞', Infinity], ['−∞', -Infinity]] as const) {
      it(`${convName(a)} F(${tile}×${tile}) input ${what}`, () => {
        const { x, w, b } = data(g, 11);
        for (const [iy, ix, ch] of spots) x[(iy * g.inW + ix) * g.inC + ch] = value;
        const act: Activation = { kind: 'relu' };
        const ref = conv2dNaive(g, x, w, b, act);
        const y = winograd(g, x, w, b, act, tile);
        const touched = (oy: number, ox: number): boolean =>
          spots.some(([iy, ix]) => {
            const ty = Math.floor(oy / tile), tx = Math.floor(ox / tile);
            const y0 = ty * tile - g.padTop, x0 = tx * tile - g.padLeft;
            return iy >= y0 && iy < y0 + tile + 2 && ix >= x0 && ix < x0 + tile + 2;
          });
        let nonFinite = 0;
        for (let oy = 0; oy < g.outH; oy++) {
          for (let ox = 0; ox < g.outW; ox++) {
            for (let co = 0; co < g.outC; co++) {
              const i = (oy * g.outW + ox) * g.outC + co;
              if (!touched(oy, ox)) {
                expect(Math.abs(y[i] - ref[i]), `(${oy}, ${ox}, ${co})`).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(ref[i])));
                continue;
              }
              // Inside a touched tile: NaN where the reference is non-finite (or the reference's value).
              if (!Number.isFinite(ref[i])) {
                nonFinite++;
                expect(Number.isNaN(y[i]) || y[i] === ref[i], `(${oy}, ${ox}, ${co}) ${y[i]} vs ${ref[i]}`).toBe(true);
              } else {
                expect(Number.isNaN(y[i]) || Math.abs(y[i] - ref[i]) <= TOLERANCE * Math.max(1, Math.abs(ref[i])), `(${oy}, ${ox}, ${co})`).toBe(true);
              }
            }
          }
        }
        expect(nonFinite).toBeGreaterThan(0);
      });
    }
  }
});

describe('wasm winograd: row ranges split like threads (and shared memory) give the same bits', () => {
  const r = rng(63);
  const cases = [GOLDEN[2], GOLDEN[3], GOLDEN[6], GOLDEN[7], randomArgs(r), randomArgs(r)];
  cases.forEach((a, i) => {
    const g = convGeometry(a);
    const rows = g.batch * g.outH;
    for (const tile of [2, 4] as const) {
      it(convName(a, ` F(${tile}×${tile})`), () => {
        const { x, w, b } = data(g, 300 + i);
        const act: Activation = { kind: 'leakyRelu', alpha: 0.2 };
        const whole = winograd(g, x, w, b, act, tile);
        // Cuts inside tiles (odd rows), at image boundaries and random, plus every single row.
        const cuts = [...new Set([0, 1, Math.min(rows, 3), g.outH, int(r, 0, rows), int(r, 0, rows), rows])].sort((u, v) => u - v);
        const ranges = cuts.slice(1).map((end, k) => [cuts[k], end] as const);
        expect(bitDiff(winograd(g, x, w, b, act, tile, ranges), whole)).toEqual([]);
        const single = Array.from({ length: rows }, (_, k) => [k, k + 1] as const);
        expect(bitDiff(winograd(g, x, w, b, act, tile, single), whole)).toEqual([]);
        expect(bitDiff(winograd(g, x, w, b, act, tile, ranges, sharedHeap), whole), 'shared memory').toEqual([]);
      });
    }
  });

  it('writes only the rows of its range', () => {
    const a = GOLDEN[3];
    const g = convGeometry(a);
    const { x, w, b } = data(g, 5);
    const y = winograd(g, x, w, b, { kind: 'none' }, 4, [[3, 6]]);
    const row = g.outW * g.outC;
    y.forEach((v, i) => expect(unwritten(v), `element ${i}`).toBe(i < 3 * row || i >= 6 * row));
  });
});

describe('wasm winograd: shapes and errors', () => {
  it('picks F(4×4) unless the output is too small for 4×4 tiles', () => {
    expect(winogradWasmTile(convGeometry(c(1, 56, 56, 128, 256, [[1, 1], [1, 1]])))).toBe(4);
    expect(winogradWasmTile(convGeometry(c(1, 7, 7, 512, 512, [[1, 1], [1, 1]])))).toBe(4);
    expect(winogradWasmTile(convGeometry(c(1, 4, 4, 256, 256, [[1, 1], [1, 1]])))).toBe(2);
    expect(winogradWasmTile(convGeometry(c(4, 4, 4, 256, 256, [[1, 1], [1, 1]])))).toBe(4);
  });
  it('rejects what it does not compute', () => {
    const strided = convGeometry({ ...c(1, 8, 8, 4, 4, [[1, 1], [1, 1]]), s: [2, 2] });
    expect(isWinogradWasmShape(strided)).toBe(false);
    expect(() => packWinogradWasm(plainHeap, strided, new Float32Array(9 * 16), null)).toThrow(/3×3 stride-1 dilation-1 ungrouped conv \(got kernel 3×3, stride 2×2/);
    const g = convGeometry(c(1, 8, 8, 4, 4, [[1, 1], [1, 1]]));
    expect(() => packWinogradWasm(plainHeap, g, new Float32Array(10), null)).toThrow(/kernel has 10 values \(expected 3·3·4·4 = 144\)/);
    expect(() => packWinogradWasm(plainHeap, g, new Float32Array(144), new Float32Array(3))).toThrow(/bias has 3 values/);
  });
});
