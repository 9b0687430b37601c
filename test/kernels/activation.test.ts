/**
 * Elementwise activations and softmax against onnxruntime-node (Relu, Clip, LeakyRelu, Sigmoid, Tanh,
 * Softmax over the last axis), in place and at offsets; softmax stays finite on huge logits.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { activateRows, activation, type Activation } from '../../src/kernels/activation.js';
import { softmax } from '../../src/kernels/softmax.js';
import { runOnnxOp } from '../reference/onnx.js';
import { ErrorLog, randomData, relErr, rng, TOLERANCE } from './helpers.js';

const log = new ErrorLog('activations vs ORT');
afterAll(() => log.print());

/** Values spread over [−8, 8), where every activation has its interesting regions. */
const X = randomData(rng(3), 257).map((v) => v * 8);

const ONNX: [Activation, Parameters<typeof runOnnxOp>[0]][] = [
  [{ kind: 'relu' }, { opType: 'Relu', inputs: [{ name: 'x', dims: [257], data: X }] }],
  [
    { kind: 'relu6' },
    {
      opType: 'Clip',
      inputs: [{ name: 'x', dims: [257], data: X }],
      initializers: [
        { name: 'lo', dims: [], data: Float32Array.of(0) },
        { name: 'hi', dims: [], data: Float32Array.of(6) },
      ],
    },
  ],
  [{ kind: 'leakyRelu', alpha: 0.2 }, { opType: 'LeakyRelu', attributes: { alpha: { float: 0.2 } }, inputs: [{ name: 'x', dims: [257], data: X }] }],
  [{ kind: 'sigmoid' }, { opType: 'Sigmoid', inputs: [{ name: 'x', dims: [257], data: X }] }],
  [{ kind: 'tanh' }, { opType: 'Tanh', inputs: [{ name: 'x', dims: [257], data: X }] }],
];

describe('activations vs onnxruntime-node', () => {
  for (const [act, call] of ONNX) {
    it(`${act.kind} x=[257]`, async () => {
      const ref = await runOnnxOp(call);
      const y = new Float32Array(260);
      activation(act, X, 0, y, 2, 257);
      expect(log.add(relErr(y.subarray(2, 259), ref.data))).toBeLessThanOrEqual(TOLERANCE);
      // In place, on a copy.
      const z = X.slice();
      activation(act, z, 0, z, 0, 257);
      expect(relErr(z, ref.data)).toBeLessThanOrEqual(TOLERANCE);
    });
  }

  it("none copies (and is a no-op in place)", () => {
    const y = new Float32Array(257);
    activation({ kind: 'none' }, X, 0, y, 0, 257);
    expect(y).toEqual(X);
  });

  it('activateRows touches only the block', () => {
    const c = Float32Array.from({ length: 12 }, (_, i) => -i);
    activateRows({ kind: 'relu' }, c, 1, 2, 2, 5); // rows at 1..3 and 6..8
    expect([...c]).toEqual([-0, 0, 0, -3, -4, -5, 0, 0, -8, -9, -10, -11]);
  });
});

describe('softmax (last axis)', () => {
  it('x=[7,19] vs ORT Softmax axis=-1', async () => {
    const x = randomData(rng(8), 7 * 19).map((v) => v * 10);
    const ref = await runOnnxOp({ opType: 'Softmax', attributes: { axis: -1 }, inputs: [{ name: 'x', dims: [7, 19], data: x }], opset: 13 });
    const y = new Float32Array(7 * 19);
    softmax(x, 0, y, 0, 7, 19);
    expect(log.add(relErr(y, ref.data))).toBeLessThanOrEqual(TOLERANCE);
    softmax(x, 0, x, 0, 7, 19); // in place
    expect(relErr(x, ref.data)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('is stable on huge logits: [1000, 1001, 1002]', () => {
    const y = new Float32Array(3);
    softmax(Float32Array.of(1000, 1001, 1002), 0, y, 0, 1, 3);
    const e = [1, Math.E, Math.E * Math.E];
    const s = e[0] + e[1] + e[2];
    expect(relErr(y, e.map((v) => v / s))).toBeLessThanOrEqual(1e-6);
  });
});
