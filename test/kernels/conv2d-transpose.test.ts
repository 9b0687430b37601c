/**
 * Transposed conv: fast (GEMM + col2im) vs naive on random configurations, naive vs
 * onnxruntime-node `ConvTranspose` (asymmetric pads, output_padding, dilations), and vs tfjs-core
 * `conv2dTranspose` with 'valid' padding (tfjs has no explicit pads for it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activation } from '../../src/kernels/activation.js';
import { conv2dTranspose, conv2dTransposeScratchSize, packConv2dTransposeWeights } from '../../src/kernels/conv2d-transpose.js';
import { conv2dTransposeNaive } from '../../src/kernels/conv2d-transpose-naive.js';
import type { Conv2dTransposeGeometry } from '../../src/kernels/geometry.js';
import { convTransposeKernelToOnnx, nchwToNhwc, nhwcToNchw, runOnnxOp } from '../reference/onnx.js';
import { fromDense, tf, tfReady, tfRun } from '../reference/tfjs.js';
import { convName, convTransposeGeometry, ErrorLog, int, randomData, relErr, rng, TOLERANCE, type ConvArgs } from './helpers.js';

type Args = ConvArgs & { readonly op: readonly [number, number] };
const name = (a: Args): string => convName(a, ` op=[${a.op}]`).replace(/ g=1$/, '');

function randomArgs(r: () => number): Args {
  const k: [number, number] = [int(r, 1, 4), int(r, 1, 4)];
  const s: [number, number] = [int(r, 1, 3), int(r, 1, 3)];
  const d: [number, number] = [int(r, 1, 2), int(r, 1, 2)];
  // PyTorch: op < max(s, d); ONNX Runtime also rejects op > 0 at stride 1.
  const op: [number, number] = [s[0] > 1 ? int(r, 0, Math.max(s[0], d[0]) - 1) : 0, s[1] > 1 ? int(r, 0, Math.max(s[1], d[1]) - 1) : 0];
  const pad = (ax: 0 | 1): [number, number] => {
    const ke = d[ax] * (k[ax] - 1) + 1;
    return [int(r, 0, Math.floor((ke - 1) / 2)), int(r, 0, Math.floor((ke - 1) / 2))];
  };
  return { batch: int(r, 1, 2), h: int(r, 1, 7), w: int(r, 1, 7), c: int(r, 1, 7), outC: int(r, 1, 7), k, s, d, p: [pad(0), pad(1)], op };
}

function data(g: Conv2dTransposeGeometry, seed: number) {
  const r = rng(seed);
  return {
    x: randomData(r, g.batch * g.inH * g.inW * g.inC),
    w: randomData(r, g.kernelH * g.kernelW * g.outC * g.inC),
    b: randomData(r, g.outC),
  };
}

function fast(g: Conv2dTransposeGeometry, x: Float32Array, w: Float32Array, b: Float32Array | null, act: Activation) {
  const n = g.batch * g.outH * g.outW * g.outC;
  const yb = new Float32Array(n + 8).fill(-9);
  const scratch = new Float32Array(conv2dTransposeScratchSize(g)).fill(NaN);
  conv2dTranspose(packConv2dTransposeWeights(g, w, b), x, 0, yb, 4, act, scratch);
  return { y: yb.slice(4, 4 + n), untouched: [...yb.subarray(0, 4), ...yb.subarray(4 + n)].every((v) => v === -9) };
}

describe('conv2dTranspose fast vs naive', () => {
  const log = new ErrorLog('conv2dTranspose fast vs naive');
  afterAll(() => log.print());
  const r = rng(31337);
  const acts: Activation[] = [{ kind: 'none' }, { kind: 'relu' }, { kind: 'leakyRelu', alpha: 0.1 }, { kind: 'sigmoid' }];
  const cases: Args[] = Array.from({ length: 200 }, () => randomArgs(r));
  // Several GEMM chunks.
  cases.push({ batch: 2, h: 30, w: 31, c: 24, outC: 20, k: [3, 3], s: [2, 2], d: [1, 1], p: [[1, 1], [1, 1]], op: [1, 1] });
  cases.forEach((a, i) => {
    const act = acts[i % acts.length];
    it(`${name(a)} ${act.kind}`, () => {
      const g = convTransposeGeometry(a);
      const { x, w, b } = data(g, i);
      const bias = i % 3 ? b : null;
      const { y, untouched } = fast(g, x, w, bias, act);
      expect(untouched).toBe(true);
      expect(log.add(relErr(y, conv2dTransposeNaive(g, x, w, bias, act)))).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

describe('conv2dTranspose vs onnxruntime-node ConvTranspose', () => {
  const log = new ErrorLog('conv2dTranspose vs ORT');
  afterAll(() => log.print());
  const golden: Args[] = [
    { batch: 1, h: 4, w: 4, c: 8, outC: 3, k: [3, 3], s: [2, 2], d: [1, 1], p: [[1, 1], [1, 1]], op: [1, 1] },
    { batch: 2, h: 5, w: 3, c: 4, outC: 6, k: [4, 4], s: [2, 2], d: [1, 1], p: [[1, 1], [1, 1]], op: [0, 0] },
    { batch: 1, h: 3, w: 5, c: 5, outC: 2, k: [3, 2], s: [3, 2], d: [2, 1], p: [[2, 0], [0, 1]], op: [2, 1] },
    { batch: 1, h: 6, w: 6, c: 3, outC: 4, k: [3, 3], s: [1, 1], d: [2, 2], p: [[1, 2], [2, 0]], op: [0, 0] },
  ];
  const r = rng(8080);
  const cases = [...golden, ...Array.from({ length: 30 }, () => randomArgs(r))];
  cases.forEach((a, i) => {
    it(name(a), async () => {
      const g = convTransposeGeometry(a);
      const { x, w, b } = data(g, 100 + i);
      const out = await runOnnxOp({
        opType: 'ConvTranspose',
        attributes: {
          kernel_shape: [...a.k],
          strides: [...a.s],
          dilations: [...a.d],
          pads: [a.p[0][0], a.p[1][0], a.p[0][1], a.p[1][1]],
          output_padding: [...a.op],
        },
        inputs: [{ name: 'x', ...nhwcToNchw({ dims: [g.batch, g.inH, g.inW, g.inC], data: x }) }],
        initializers: [
          { name: 'w', ...convTransposeKernelToOnnx({ dims: [g.kernelH, g.kernelW, g.outC, g.inC], data: w }) },
          { name: 'b', dims: [g.outC], data: b },
        ],
      });
      const ref = nchwToNhwc(out);
      expect(ref.dims).toEqual([g.batch, g.outH, g.outW, g.outC]);
      expect(log.add(relErr(conv2dTransposeNaive(g, x, w, b), ref.data)), 'naive').toBeLessThanOrEqual(TOLERANCE);
      expect(log.add(relErr(fast(g, x, w, b, { kind: 'none' }).y, ref.data)), 'fast').toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

describe('conv2dTranspose vs tfjs-core conv2dTranspose (valid)', () => {
  const log = new ErrorLog('conv2dTranspose vs tfjs');
  beforeAll(() => tfReady());
  afterAll(() => log.print());
  for (const [k, s] of [[3, 2], [2, 2], [4, 3], [3, 1]] as const) {
    const a: Args = { batch: 2, h: 5, w: 4, c: 6, outC: 5, k: [k, k], s: [s, s], d: [1, 1], p: [[0, 0], [0, 0]], op: [0, 0] };
    it(name(a), () => {
      const g = convTransposeGeometry(a);
      const { x, w } = data(g, k * 7 + s);
      const ref = tfRun(() => {
        const xt = fromDense({ dims: [g.batch, g.inH, g.inW, g.inC], data: x }) as tf.Tensor4D;
        const wt = fromDense({ dims: [k, k, g.outC, g.inC], data: w }) as tf.Tensor4D;
        return tf.conv2dTranspose(xt, wt, [g.batch, g.outH, g.outW, g.outC], s, 'valid');
      });
      expect(ref.dims).toEqual([g.batch, g.outH, g.outW, g.outC]);
      expect(log.add(relErr(conv2dTransposeNaive(g, x, w, null), ref.data))).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});
