/**
 * Pooling: fast vs naive on random configurations (pads, strides, dilation, ceil mode,
 * count_include_pad), and naive vs onnxruntime-node `MaxPool` / `AveragePool` (ceil_mode,
 * count_include_pad, dilations), plus tfjs-core `maxPool` / `avgPool` on 'valid' windows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool2dGeometry } from '../../src/kernels/geometry.js';
import { avgPool2d, maxPool2d } from '../../src/kernels/pool.js';
import { avgPool2dNaive, maxPool2dNaive } from '../../src/kernels/pool-naive.js';
import { nchwToNhwc, nhwcToNchw, runOnnxOp } from '../reference/onnx.js';
import { fromDense, tf, tfReady, tfRun } from '../reference/tfjs.js';
import { ErrorLog, poolGeometry, randomData, randomPool, relErr, rng, TOLERANCE, type PoolArgs } from './helpers.js';


const name = (kind: string, a: PoolArgs): string =>
  `${kind} x=[${a.batch},${a.h},${a.w},${a.c}] k=[${a.k}] s=[${a.s}] d=[${a.d}] p=[[${a.p[0]}],[${a.p[1]}]]` +
  `${a.ceil ? ' ceil' : ''}${a.countIncludePad ? ' countIncludePad' : ''}`;

function run(kind: 'max' | 'avg', g: Pool2dGeometry, x: Float32Array): { y: Float32Array; untouched: boolean } {
  const n = g.batch * g.outH * g.outW * g.channels;
  const xb = new Float32Array(x.length + 4);
  xb.set(x, 2);
  const yb = new Float32Array(n + 6).fill(777);
  (kind === 'max' ? maxPool2d : avgPool2d)(g, xb, 2, yb, 3);
  return { y: yb.slice(3, 3 + n), untouched: [...yb.subarray(0, 3), ...yb.subarray(3 + n)].every((v) => v === 777) };
}

describe('pooling fast vs naive', () => {
  const log = new ErrorLog('pool fast vs naive');
  afterAll(() => log.print());
  const r = rng(4242);
  for (let i = 0; i < 200; i++) {
    const kind = i % 2 ? 'max' : 'avg';
    const a = randomPool(r, i % 4 === 1);
    it(name(kind, a), () => {
      const g = poolGeometry(a);
      const x = randomData(rng(i), g.batch * g.inH * g.inW * g.channels);
      const ref = kind === 'max' ? maxPool2dNaive(g, x) : avgPool2dNaive(g, x);
      const { y, untouched } = run(kind, g, x);
      expect(untouched).toBe(true);
      expect(log.add(relErr(y, ref))).toBeLessThanOrEqual(1e-6);
    });
  }
});

describe('pooling vs onnxruntime-node MaxPool / AveragePool', () => {
  const log = new ErrorLog('pool vs ORT');
  afterAll(() => log.print());
  const golden: [string, PoolArgs][] = [
    ['max', { batch: 1, h: 5, w: 5, c: 2, k: [2, 2], s: [2, 2], d: [1, 1], p: [[1, 1], [1, 1]], ceil: true, countIncludePad: false }],
    ['avg', { batch: 1, h: 5, w: 5, c: 2, k: [2, 2], s: [2, 2], d: [1, 1], p: [[1, 1], [1, 1]], ceil: true, countIncludePad: true }],
    ['avg', { batch: 1, h: 5, w: 5, c: 2, k: [2, 2], s: [2, 2], d: [1, 1], p: [[1, 1], [1, 1]], ceil: true, countIncludePad: false }],
    ['max', { batch: 2, h: 14, w: 14, c: 3, k: [3, 3], s: [2, 2], d: [1, 1], p: [[0, 0], [0, 0]], ceil: true, countIncludePad: false }],
    ['avg', { batch: 1, h: 7, w: 8, c: 3, k: [3, 3], s: [2, 2], d: [1, 1], p: [[1, 0], [0, 1]], ceil: true, countIncludePad: true }],
    ['avg', { batch: 1, h: 1, w: 1, c: 2, k: [2, 2], s: [2, 2], d: [1, 1], p: [[0, 0], [0, 0]], ceil: true, countIncludePad: true }],
    ['max', { batch: 1, h: 9, w: 10, c: 2, k: [3, 2], s: [1, 2], d: [2, 3], p: [[2, 1], [0, 1]], ceil: false, countIncludePad: false }],
    ['max', { batch: 1, h: 9, w: 10, c: 2, k: [3, 2], s: [2, 2], d: [2, 2], p: [[1, 2], [1, 0]], ceil: true, countIncludePad: false }],
  ];
  const r = rng(99);
  const cases: [string, PoolArgs][] = [...golden];
  for (let i = 0; i < 40; i++) cases.push(i % 2 ? ['max', randomPool(r, true, true)] : ['avg', randomPool(r, false, true)]);
  cases.forEach(([kind, a], i) => {
    it(name(kind, a), async () => {
      const g = poolGeometry(a);
      const x = randomData(rng(500 + i), g.batch * g.inH * g.inW * g.channels);
      const attributes: Record<string, number | number[]> = {
        kernel_shape: [...a.k],
        strides: [...a.s],
        pads: [a.p[0][0], a.p[1][0], a.p[0][1], a.p[1][1]],
        ceil_mode: a.ceil ? 1 : 0,
      };
      if (kind === 'max') attributes.dilations = [...a.d];
      else attributes.count_include_pad = a.countIncludePad ? 1 : 0;
      const out = await runOnnxOp({
        opType: kind === 'max' ? 'MaxPool' : 'AveragePool',
        attributes,
        inputs: [{ name: 'x', ...nhwcToNchw({ dims: [g.batch, g.inH, g.inW, g.channels], data: x }) }],
        opset: 19,
      });
      const ref = nchwToNhwc(out);
      expect(ref.dims).toEqual([g.batch, g.outH, g.outW, g.channels]);
      const naive = kind === 'max' ? maxPool2dNaive(g, x) : avgPool2dNaive(g, x);
      expect(log.add(relErr(naive, ref.data)), 'naive').toBeLessThanOrEqual(TOLERANCE);
      expect(log.add(relErr(run(kind as 'max' | 'avg', g, x).y, ref.data)), 'fast').toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

describe('pooling vs tfjs-core maxPool / avgPool (valid)', () => {
  const log = new ErrorLog('pool vs tfjs');
  beforeAll(() => tfReady());
  afterAll(() => log.print());
  for (const [k, s] of [[3, 2], [2, 2], [3, 1]] as const) {
    for (const kind of ['max', 'avg'] as const) {
      const a: PoolArgs = { batch: 2, h: 11, w: 10, c: 3, k: [k, k], s: [s, s], d: [1, 1], p: [[0, 0], [0, 0]], ceil: false, countIncludePad: false };
      it(name(kind, a), () => {
        const g = poolGeometry(a);
        const x = randomData(rng(k * 10 + s), g.batch * g.inH * g.inW * g.channels);
        const ref = tfRun(() => {
          const xt = fromDense({ dims: [g.batch, g.inH, g.inW, g.channels], data: x }) as tf.Tensor4D;
          return kind === 'max' ? tf.maxPool(xt, k, s, 'valid') : tf.avgPool(xt, k, s, 'valid');
        });
        const naive = kind === 'max' ? maxPool2dNaive(g, x) : avgPool2dNaive(g, x);
        expect(log.add(relErr(naive, ref.data))).toBeLessThanOrEqual(TOLERANCE);
      });
    }
  }
});
