/**
 * The WebAssembly backend inside the executor: models on `backend: 'wasm'` (arena and scratch in the wasm
 * memory, every conv path: im2col stem, Winograd 3×3, indirect stride 2, depthwise, 1×1, dense) against
 * ONNX Runtime on `toOnnx` of the same model, and against the plain-TS backend; several models and batch
 * sizes on one plain (non-shared) memory, whose growth detaches earlier views, still give the same results;
 * a dropped model's heap blocks are freed once collected; a bad backend name is a GraphError sentence.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { conv2d, GraphError, input, model, relu, residual, sequential, tensor, type ModelOptions } from '../../src/index.js';
import { createWasmBackend } from '../../src/kernels/wasm/backend.js';
import { wasmSimdSupported } from '../../src/kernels/wasm/detect.js';
import { ErrorLog, relErr, TOLERANCE } from '../model/helpers.js';
import { batchOf, expectSameAsOrt, randomizeWeights } from '../onnx/helpers.js';

/** A small CNN touching every wasm conv path and the JS kernels that run on the heap's views. */
function cnn(backend: ModelOptions['backend']) {
  const x = input([19, 17, 3], { name: 'x' });
  const y = x
    .conv2d({ filters: 20, kernel: 5, stride: 2, padding: 2, name: 'stem' }) // im2col (3 channels)
    .batchNorm()
    .relu()
    .conv2d({ filters: 24, kernel: 3, padding: 1, name: 'wino' }) // Winograd 3×3
    .relu6()
    .depthwiseConv2d({ kernel: 3, padding: 1, name: 'dw' })
    .conv2d({ filters: 17, kernel: 3, stride: 2, padding: 1, name: 'down' }) // indirect, stride 2
    .leakyRelu({ alpha: 0.2 })
    .conv2d({ filters: 33, kernel: 1, name: 'pw' }) // 1×1 = GEMM on the input
    .maxPool2d({ size: 2 })
    .flatten()
    .dense({ units: 10, name: 'fc' })
    .softmax();
  return model(x, y, { seed: 3, backend });
}

describe('models on the wasm backend', () => {
  const log = new ErrorLog('wasm model vs ORT');
  afterAll(() => log.print());
  it('reports SIMD support on this runtime', () => {
    expect(wasmSimdSupported()).toBe(true);
  });
  for (const batch of [1, 3]) {
    it(`small CNN x=[${batch},19,17,3] vs ONNX Runtime and the js backend`, async () => {
      const m = cnn('wasm');
      randomizeWeights(m, 11);
      const x = batchOf([-1, 19, 17, 3], batch, 12);
      await expectSameAsOrt(m, [x], log, 'cnn', `batch ${batch}`);
      const js = cnn('js');
      js.setWeights(m.weights as never);
      expect(relErr(m.run(tensor(x.shape as [number, 19, 17, 3], x.data)).data, js.run(tensor(x.shape as [number, 19, 17, 3], x.data)).data)).toBeLessThanOrEqual(TOLERANCE);
    });
  }

  it('a residual block (add with its relu fused, on the wasm kernel) vs ONNX Runtime and the js backend', async () => {
    const build = (backend: ModelOptions['backend']) => {
      const x = input([9, 7, 20], { name: 'x' });
      const body = sequential(conv2d({ filters: 20, kernel: 3, padding: 1 }), relu(), conv2d({ filters: 20, kernel: 1 }));
      return model(x, x.apply(residual(body)).relu(), { seed: 4, backend });
    };
    const m = build('wasm');
    randomizeWeights(m, 5);
    const x = batchOf([-1, 9, 7, 20], 2, 6);
    await expectSameAsOrt(m, [x], log, 'residual', 'batch 2');
    const js = build('js');
    js.setWeights(m.weights as never);
    const t = tensor(x.shape as [number, 9, 7, 20], x.data);
    expect(relErr(m.run(t).data, js.run(t).data)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('several models and batch sizes on one plain memory: growth detaches views, results stay the same', () => {
    const backend = createWasmBackend({ shared: false });
    const a = cnn(backend);
    const xa = batchOf([-1, 19, 17, 3], 2, 1);
    const first = a.run(tensor([2, 19, 17, 3], xa.data)).data.slice();
    const bufferBefore = backend.heap.memory.buffer;
    // A second model and other batch sizes allocate plans in the same memory and grow it.
    const b = cnn(backend);
    for (const n of [1, 8, 16]) b.run(tensor([n, 19, 17, 3], batchOf([-1, 19, 17, 3], n, n).data));
    expect(backend.heap.memory.buffer).not.toBe(bufferBefore);
    expect(bufferBefore.byteLength).toBe(0); // detached by the growth
    expect(a.run(tensor([2, 19, 17, 3], xa.data)).data).toEqual(first);
  });

  it("a dropped model's plans and packed weights go back to the heap once collected", async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const backend = createWasmBackend({ shared: false });
    const idle = backend.heap.usedBytes();
    const runOnce = (): number => {
      const m = cnn(backend);
      m.run(tensor([4, 19, 17, 3], batchOf([-1, 19, 17, 3], 4, 2).data));
      return backend.heap.usedBytes();
    };
    const inUse = runOnce();
    expect(inUse).toBeGreaterThan(idle);
    for (let i = 0; i < 20 && backend.heap.usedBytes() > idle; i++) {
      gc();
      await new Promise((done) => setTimeout(done, 10));
    }
    expect(backend.heap.usedBytes()).toBe(idle);
    // The freed blocks are reused: another model of the same size does not grow the memory.
    const size = backend.heap.memory.buffer.byteLength;
    runOnce();
    expect(backend.heap.memory.buffer.byteLength).toBe(size);
  });

  it('a bad backend name is a GraphError sentence', () => {
    const x = input([4, 4, 1]);
    expect(() => model(x, x.flatten(), { backend: 'gpu' as never })).toThrow(GraphError);
    expect(() => model(x, x.flatten(), { backend: 'gpu' as never })).toThrow("model: unknown backend (got 'gpu', expected 'js', 'wasm' or a Backend)");
  });
});
