/**
 * Naive (and default fast) conv2d against real engines: onnxruntime-node `Conv` for every shape
 * (asymmetric pads, dilation with stride, groups, depthwise multipliers) and tfjs-core `conv2d` /
 * `depthwiseConv2d` (NHWC, explicit pads, dilation only at stride 1, as tfjs requires).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conv2d, conv2dScratchSize, packConv2dWeights } from '../../src/kernels/conv2d.js';
import { conv2dNaive } from '../../src/kernels/conv2d-naive.js';
import { hwioToOihw, nchwToNhwc, nhwcToNchw, runOnnxOp } from '../reference/onnx.js';
import { fromDense, tf, tfReady, tfRun } from '../reference/tfjs.js';
import { convArgs, convGeometry, convName, ErrorLog, int, onnxConvAttributes, randomData, randomWindow, relErr, rng, TOLERANCE, type ConvArgs } from './helpers.js';

const c = convArgs;

/** Named goldens: the shapes that matter (AlexNet-like stride, same-ish pads, groups, depthwise). */
const GOLDEN: ConvArgs[] = [
  c(1, 9, 9, 3, 8, 3, 2, 1, [[1, 0], [0, 1]]),
  c(1, 27, 27, 3, 6, 11, 4, 1, [[0, 0], [0, 0]]),
  c(2, 10, 12, 16, 16, 3, 1, 1, [[1, 1], [1, 1]]),
  c(1, 12, 11, 17, 18, 3, 1, 2, [[2, 2], [2, 2]]),
  c(1, 11, 13, 5, 7, 3, 2, 2, [[1, 2], [0, 3]]),
  c(1, 8, 8, 24, 12, 1, 1, 1, [[0, 0], [0, 0]]),
  c(2, 9, 9, 8, 16, 1, 2, 1, [[0, 0], [0, 0]]),
  c(1, 10, 9, 8, 12, [3, 5], [1, 2], [2, 1], [[2, 0], [1, 3]], 4),
  c(1, 12, 12, 6, 6, 3, 1, 1, [[1, 1], [1, 1]], 6),
  c(2, 11, 10, 4, 8, 3, 2, 1, [[0, 1], [1, 0]], 4),
  c(1, 9, 9, 5, 10, 5, 1, 2, [[4, 4], [4, 4]], 5),
  c(1, 7, 6, 12, 6, [1, 3], [3, 1], [1, 3], [[0, 2], [3, 0]], 3),
  // Strided kernels that regroup to 3×3 (the default method is space-to-depth + Winograd).
  c(1, 39, 37, 3, 16, 11, 4, 1, [[2, 1], [0, 2]]),
  c(2, 15, 14, 4, 16, 5, 2, 1, [[2, 2], [1, 2]]),
  c(1, 17, 20, 8, 24, [7, 5], [3, 2], 1, [[3, 0], [2, 2]]),
];

function randomArgs(r: () => number): ConvArgs {
  const window = randomWindow(r);
  const groups = [1, 1, 2, 3][int(r, 0, 3)]!;
  return { ...window, batch: int(r, 1, 2), c: groups * int(r, 1, 5), outC: groups * int(r, 1, 5), groups };
}

function data(a: ConvArgs, seed: number) {
  const g = convGeometry(a);
  const r = rng(seed);
  const x = randomData(r, g.batch * g.inH * g.inW * g.inC);
  const w = randomData(r, g.kernelH * g.kernelW * (g.inC / g.groups) * g.outC);
  const b = randomData(r, g.outC);
  return { g, x, w, b };
}

function fast(a: ConvArgs, x: Float32Array, w: Float32Array, b: Float32Array): Float32Array {
  const g = convGeometry(a);
  const y = new Float32Array(g.batch * g.outH * g.outW * g.outC);
  conv2d(packConv2dWeights(g, w, b), x, 0, y, 0, { kind: 'none' }, new Float32Array(conv2dScratchSize(g)));
  return y;
}

describe('conv2d vs onnxruntime-node Conv', () => {
  const log = new ErrorLog('conv2d vs ORT');
  afterAll(() => log.print());
  const r = rng(77);
  const cases = [...GOLDEN, ...Array.from({ length: 40 }, () => randomArgs(r))];
  cases.forEach((a, i) => {
    it(convName(a), async () => {
      const { g, x, w, b } = data(a, 1000 + i);
      const out = await runOnnxOp({
        opType: 'Conv',
        attributes: onnxConvAttributes(a, g),
        inputs: [{ name: 'x', ...nhwcToNchw({ dims: [g.batch, g.inH, g.inW, g.inC], data: x }) }],
        initializers: [
          { name: 'w', ...hwioToOihw({ dims: [g.kernelH, g.kernelW, g.inC / g.groups, g.outC], data: w }) },
          { name: 'b', dims: [g.outC], data: b },
        ],
      });
      const ref = nchwToNhwc(out);
      expect(ref.dims).toEqual([g.batch, g.outH, g.outW, g.outC]);
      expect(log.add(relErr(conv2dNaive(g, x, w, b), ref.data)), 'naive').toBeLessThanOrEqual(TOLERANCE);
      expect(log.add(relErr(fast(a, x, w, b), ref.data)), 'fast').toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

describe('conv2d vs tfjs-core conv2d / depthwiseConv2d', () => {
  const log = new ErrorLog('conv2d vs tfjs');
  beforeAll(() => tfReady());
  afterAll(() => log.print());
  // tfjs: no groups in conv2d, and dilation only at stride 1.
  const cases = GOLDEN.filter((a) => (a.groups === 1 || a.groups === a.c) && (a.s[0] * a.s[1] === 1 || a.d[0] * a.d[1] === 1));
  cases.forEach((a, i) => {
    it(convName(a), () => {
      const { g, x, w, b } = data(a, 2000 + i);
      const ref = tfRun(() => {
        const xt = fromDense({ dims: [g.batch, g.inH, g.inW, g.inC], data: x }) as tf.Tensor4D;
        const pad = [[0, 0], [a.p[0][0], a.p[0][1]], [a.p[1][0], a.p[1][1]], [0, 0]] as [[number, number], [number, number], [number, number], [number, number]];
        const bt = tf.tensor1d(b);
        if (g.groups === 1) {
          const wt = fromDense({ dims: [g.kernelH, g.kernelW, g.inC, g.outC], data: w }) as tf.Tensor4D;
          return tf.add(tf.conv2d(xt, wt, [g.strideH, g.strideW], pad, 'NHWC', [g.dilationH, g.dilationW]), bt);
        }
        // depthwise: our HWIO [kh, kw, 1, C·M] is tfjs's [kh, kw, C, M] with the same memory order.
        const wt = fromDense({ dims: [g.kernelH, g.kernelW, g.inC, g.outC / g.inC], data: w }) as tf.Tensor4D;
        return tf.add(tf.depthwiseConv2d(xt, wt, [g.strideH, g.strideW], pad, 'NHWC', [g.dilationH, g.dilationW]), bt);
      });
      expect(ref.dims).toEqual([g.batch, g.outH, g.outW, g.outC]);
      expect(log.add(relErr(conv2dNaive(g, x, w, b), ref.data)), 'naive').toBeLessThanOrEqual(TOLERANCE);
      expect(log.add(relErr(fast(a, x, w, b), ref.data)), 'fast').toBeLessThanOrEqual(TOLERANCE);
    });
  });
});
