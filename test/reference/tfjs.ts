/**
 * tfjs-core reference engine for tests, on the plain-JS cpu backend.
 *
 * Contract: call `await tfReady()` (idempotent) before any tf op; tensors cross the boundary as dense
 * row-major `{ dims, data }` in tfjs's own layouts, which are convtype's (NHWC activations, HWIO
 * kernels), so no layout conversion is needed. tfjs refuses stride > 1 together with dilation > 1
 * and has known shape bugs (SEMANTICS.md §7): use it as a second opinion, with ONNX Runtime primary.
 *
 * @example
 * await tfReady();
 * const y = tfRun(() => tf.relu(fromDense({ dims: [3], data: Float32Array.of(-1, 0, 2) })));
 * y.data //=> Float32Array [0, 0, 2]
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { DenseTensor } from './layout.js';

export { tf };

/** tfjs-core version string, for recording which engine produced a result. */
export const TFJS_VERSION: string = tf.version_core;

let ready: Promise<void> | undefined;

/** Selects the cpu backend once and waits for it; later calls return the same promise. */
export function tfReady(): Promise<void> {
  ready ??= (async () => {
    // tfjs's own test mode: silences the "install tfjs-node" banner and checks kernels for leaks.
    tf.env().set('IS_TEST', true);
    if (!(await tf.setBackend('cpu'))) throw new Error('tfjs: the cpu backend failed to initialise');
    await tf.ready();
  })();
  return ready;
}

/** Wraps a dense tensor as a tf.Tensor (the data is copied by tfjs). */
export function fromDense(x: DenseTensor): tf.Tensor {
  return tf.tensor(x.data, [...x.dims], 'float32');
}

/** Reads a tf.Tensor back as a dense float tensor (synchronous; fine on the cpu backend). */
export function toDense(t: tf.Tensor): { dims: number[]; data: Float32Array } {
  return { dims: [...t.shape], data: Float32Array.from(t.dataSync()) };
}

/**
 * Runs `fn` inside `tf.tidy`, reads its result as a dense tensor and disposes every intermediate.
 * @example tfRun(() => tf.conv2d(x4d, w4d, 2, 'same')).dims //=> [1, 5, 6, 8] for x [1, 9, 11, 3], w [3, 5, 3, 8]
 */
export function tfRun(fn: () => tf.Tensor): { dims: number[]; data: Float32Array } {
  const t = tf.tidy(fn);
  try {
    return toDense(t);
  } finally {
    t.dispose();
  }
}
