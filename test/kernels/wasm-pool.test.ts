/**
 * The WebAssembly pooling and activation kernels (assembly/pool.ts) through the wasm backend: max and
 * average pooling vs the naive references on random configurations (pads, strides, dilation, ceil mode,
 * count_include_pad, channel counts on both sides of a v128) and vs onnxruntime-node `MaxPool` on ±∞
 * (IEEE max: max(−∞, 1) = 1) and NaN (a NaN in a window makes that output NaN, PyTorch's rule); activations vs their textbook definitions, NaN and ±∞ included, in place and
 * out of place, in the heap and copied.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Activation } from '../../src/kernels/activation.js';
import { activationNaive } from '../../src/kernels/activation-naive.js';
import { avgPool2dNaive, maxPool2dNaive } from '../../src/kernels/pool-naive.js';
import { createWasmBackend } from '../../src/kernels/wasm/backend.js';
import { nchwToNhwc, nhwcToNchw, runOnnxOp } from '../reference/onnx.js';
import { ErrorLog, poolGeometry, randomData, randomPool, relErr, rng, type PoolArgs } from './helpers.js';

const backend = createWasmBackend({ threads: 1 } as never);

const name = (kind: string, a: PoolArgs): string =>
  `${kind} x=[${a.batch},${a.h},${a.w},${a.c}] k=[${a.k}] s=[${a.s}] d=[${a.d}] p=[[${a.p[0]}],[${a.p[1]}]]` +
  `${a.ceil ? ' ceil' : ''}${a.countIncludePad ? ' countIncludePad' : ''}`;

/** In the heap (zero copy) and copied (plain arrays at offsets): both must give the same bits. */
function pool(kind: 'max' | 'avg', a: PoolArgs, x: Float32Array): Float32Array {
  const g = poolGeometry(a);
  const n = g.batch * g.outH * g.outW * g.channels;
  const f = kind === 'max' ? backend.maxPool2d : backend.avgPool2d;
  const xv = backend.allocate(x.length);
  const yv = backend.allocate(n);
  xv().set(x);
  f(g, xv(), 0, yv(), 0);
  const xb = new Float32Array(x.length + 2);
  xb.set(x, 2);
  const yb = new Float32Array(n + 3);
  f(g, xb, 2, yb, 3);
  expect(yb.slice(3)).toEqual(yv());
  return yv().slice();
}

describe('wasm pooling vs naive', () => {
  const log = new ErrorLog('wasm pool vs naive');
  afterAll(() => log.print());
  const r = rng(5151);
  for (let i = 0; i < 120; i++) {
    const kind = i % 2 ? 'max' : 'avg';
    const a = randomPool(r, i % 4 === 1, false, 13); // channels on both sides of a v128
    it(name(kind, a), () => {
      const g = poolGeometry(a);
      const x = randomData(rng(i), g.batch * g.inH * g.inW * g.channels);
      const ref = kind === 'max' ? maxPool2dNaive(g, x) : avgPool2dNaive(g, x);
      expect(log.add(relErr(pool(kind, a, x), ref))).toBeLessThanOrEqual(1e-6);
    });
  }
});

describe('wasm max pooling on ±∞ (vs onnxruntime-node MaxPool) and NaN (a NaN in a window makes it NaN, as PyTorch)', () => {
  for (const c of [1, 4, 6]) {
    it(`x=[1,4,4,${c}] k=2 s=2 with +∞, −∞ and NaN cells`, async () => {
      const a: PoolArgs = { batch: 1, h: 4, w: 4, c, k: [2, 2], s: [2, 2], d: [1, 1], p: [[0, 0], [0, 0]], ceil: false, countIncludePad: false };
      const x = randomData(rng(c), 16 * c);
      for (let ch = 0; ch < c; ch++) {
        x[ch] = Infinity; // window (0, 0): +∞ wins
        x[(2 * 4 + 0) * c + ch] = -Infinity; // window (1, 0): −∞ loses
        x[(2 * 4 + 1) * c + ch] = -Infinity;
      }
      const out = await runOnnxOp({ opType: 'MaxPool', attributes: { kernel_shape: [2, 2], strides: [2, 2] }, inputs: [{ name: 'x', ...nhwcToNchw({ dims: [1, 4, 4, c], data: x }) }] });
      expect(pool('max', a, x)).toEqual(nchwToNhwc(out).data);
      // A NaN in window (1, 1) of channel 0, last in the window's order and first: the output is NaN either way.
      for (const at of [(3 * 4 + 3) * c, (2 * 4 + 2) * c]) {
        const withNaN = x.slice();
        withNaN[at] = NaN;
        const y = pool('max', a, withNaN);
        expect(y[(1 * 2 + 1) * c]).toBeNaN();
        expect(y.filter((v) => Number.isNaN(v)).length).toBe(1);
      }
    });
  }
});

describe('wasm activations vs their definitions', () => {
  const acts: Activation[] = [{ kind: 'none' }, { kind: 'relu' }, { kind: 'relu6' }, { kind: 'leakyRelu', alpha: 0.3 }, { kind: 'sigmoid' }, { kind: 'tanh' }];
  for (const act of acts) {
    for (const n of [1, 7, 64]) {
      it(`${act.kind} n=${n} (NaN, ±∞ included), in place and copied`, () => {
        const x = randomData(rng(n), n).map((v) => v * 10);
        x[0] = n > 1 ? NaN : x[0]!;
        if (n > 2) x[1] = Infinity;
        if (n > 3) x[n - 1] = -Infinity;
        const ref = Float32Array.from(x, (v) => activationNaive(act, v));
        const v = backend.allocate(n);
        v().set(x);
        backend.activation(act, v(), 0, v(), 0, n);
        const tol = act.kind === 'none' || act.kind === 'relu' || act.kind === 'relu6' ? 0 : 1e-6; // float32 α·x, exp, tanh
        const same = (y: Float32Array): void => {
          for (let i = 0; i < n; i++) {
            if (Number.isNaN(ref[i])) expect(y[i]).toBeNaN();
            else if (y[i] !== ref[i]) expect(Math.abs(y[i]! - ref[i]!)).toBeLessThanOrEqual(tol);
          }
        };
        same(v());
        const y = new Float32Array(n + 1);
        backend.activation(act, x, 0, y, 1, n);
        same(y.subarray(1));
      });
    }
  }
});
