/** Sanity tests of the tfjs-core reference helpers, and one cross-engine agreement check with ONNX Runtime. */
import { beforeAll, describe, expect, it } from 'vitest';
import { hwioToOihw, nchwToNhwc, nhwcToNchw, runOnnxOp, sizeOf } from './onnx.js';
import { fromDense, tf, tfReady, tfRun } from './tfjs.js';

beforeAll(async () => {
  await tfReady();
});

describe('tfjs reference', () => {
  it('runs on the cpu backend', () => {
    expect(tf.getBackend()).toBe('cpu');
  });

  it('tfRun reads the result and disposes intermediates', () => {
    const before = tf.memory().numTensors;
    const y = tfRun(() => tf.relu(fromDense({ dims: [3], data: Float32Array.of(-1, 0, 2) })));
    expect([...y.data]).toEqual([0, 0, 2]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("agrees with ONNX Runtime on a 'same' strided conv (x=[1,9,11,3] f=[3,5,3,8] s=2 p=same)", async () => {
    const x = { dims: [1, 9, 11, 3], data: Float32Array.from({ length: 297 }, (_, i) => Math.sin(i)) };
    const w = { dims: [3, 5, 3, 8], data: Float32Array.from({ length: sizeOf([3, 5, 3, 8]) }, (_, i) => Math.cos(i) * 0.1) };
    const viaTf = tfRun(() => tf.conv2d(fromDense(x) as tf.Tensor4D, fromDense(w) as tf.Tensor4D, 2, 'same'));
    const viaOrt = nchwToNhwc(
      await runOnnxOp({
        opType: 'Conv',
        attributes: { kernel_shape: [3, 5], strides: [2, 2], auto_pad: 'SAME_UPPER' },
        inputs: [{ name: 'x', ...nhwcToNchw(x) }],
        initializers: [{ name: 'w', ...hwioToOihw(w) }],
      }),
    );
    expect(viaTf.dims).toEqual([1, 5, 6, 8]);
    expect(viaOrt.dims).toEqual(viaTf.dims);
    for (let i = 0; i < viaTf.data.length; i++) expect(viaOrt.data[i]).toBeCloseTo(viaTf.data[i], 4);
  });
});
