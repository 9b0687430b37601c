/**
 * Dense: fast (packed GEMM, M = batch) vs naive on random sizes, including batch 1 and batches that
 * are not multiples of the micro-tile; naive vs onnxruntime-node `Gemm` and tfjs-core `matMul`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activation } from '../../src/kernels/activation.js';
import { dense, denseScratchSize, packDenseWeights } from '../../src/kernels/dense.js';
import { denseNaive } from '../../src/kernels/dense-naive.js';
import type { DenseGeometry } from '../../src/kernels/geometry.js';
import { runOnnxOp } from '../reference/onnx.js';
import { fromDense, tf, tfReady, tfRun } from '../reference/tfjs.js';
import { ErrorLog, int, randomData, relErr, rng, TOLERANCE } from './helpers.js';

const name = (g: DenseGeometry): string => `x=[${g.batch},${g.inFeatures}] w=[${g.inFeatures},${g.units}]`;

function data(g: DenseGeometry, seed: number) {
  const r = rng(seed);
  return { x: randomData(r, g.batch * g.inFeatures), w: randomData(r, g.inFeatures * g.units), b: randomData(r, g.units) };
}

function fast(g: DenseGeometry, x: Float32Array, w: Float32Array, b: Float32Array | null, act: Activation): Float32Array {
  const y = new Float32Array(g.batch * g.units + 3).fill(5);
  dense(packDenseWeights(g, w, b), x, 0, y, 1, act, new Float32Array(denseScratchSize(g)).fill(NaN));
  expect([y[0], y[y.length - 2], y[y.length - 1]]).toEqual([5, 5, 5]);
  return y.slice(1, 1 + g.batch * g.units);
}

describe('dense fast vs naive', () => {
  const log = new ErrorLog('dense fast vs naive');
  afterAll(() => log.print());
  const r = rng(555);
  const acts: Activation[] = [{ kind: 'none' }, { kind: 'relu' }, { kind: 'tanh' }, { kind: 'relu6' }];
  const cases: DenseGeometry[] = [{ batch: 1, inFeatures: 1, units: 1 }, { batch: 1, inFeatures: 300, units: 37 }];
  for (let i = 0; i < 60; i++) cases.push({ batch: int(r, 1, 8), inFeatures: int(r, 1, 70), units: int(r, 1, 30) });
  cases.forEach((g, i) => {
    const act = acts[i % acts.length];
    it(`${name(g)} ${act.kind}`, () => {
      const { x, w, b } = data(g, i);
      const bias = i % 2 ? b : null;
      expect(log.add(relErr(fast(g, x, w, bias, act), denseNaive(g, x, w, bias, act)))).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

describe('dense vs onnxruntime-node Gemm and tfjs-core matMul', () => {
  const log = new ErrorLog('dense vs ORT/tfjs');
  beforeAll(() => tfReady());
  afterAll(() => log.print());
  const cases: DenseGeometry[] = [
    { batch: 1, inFeatures: 256, units: 10 },
    { batch: 4, inFeatures: 100, units: 33 },
    { batch: 7, inFeatures: 9, units: 64 },
  ];
  cases.forEach((g, i) => {
    it(name(g), async () => {
      const { x, w, b } = data(g, 900 + i);
      const ort = await runOnnxOp({
        opType: 'Gemm',
        inputs: [{ name: 'x', dims: [g.batch, g.inFeatures], data: x }],
        initializers: [
          { name: 'w', dims: [g.inFeatures, g.units], data: w },
          { name: 'b', dims: [g.units], data: b },
        ],
      });
      const tfy = tfRun(() =>
        tf.add(tf.matMul(fromDense({ dims: [g.batch, g.inFeatures], data: x }) as tf.Tensor2D, fromDense({ dims: [g.inFeatures, g.units], data: w }) as tf.Tensor2D), tf.tensor1d(b)),
      );
      const naive = denseNaive(g, x, w, b);
      expect(ort.dims).toEqual([g.batch, g.units]);
      expect(log.add(relErr(naive, ort.data)), 'naive vs ORT').toBeLessThanOrEqual(TOLERANCE);
      expect(log.add(relErr(naive, tfy.data)), 'naive vs tfjs').toBeLessThanOrEqual(TOLERANCE);
      expect(log.add(relErr(fast(g, x, w, b, { kind: 'none' }), ort.data)), 'fast vs ORT').toBeLessThanOrEqual(TOLERANCE);
    });
  });
});
