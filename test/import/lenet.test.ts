/**
 * A LeNet trained in PyTorch (test/fixtures/lenet, made by scripts/make-lenet.py with Debian's PyTorch 1.13; synthetic
 * seven-segment digits, not MNIST) imported into the typed model of examples/lenet.ts, two ways:
 * - the state dict from `lenet.safetensors` (`readSafetensors`) through `loadPyTorchWeights`;
 * - the initializers of `lenet.onnx` (torch.onnx.export, names kept) through `loadOnnxWeights`.
 * Both then run the 8 fixed inputs (NCHW in the fixture, transposed to NHWC here) and must give PyTorch's
 * eval-mode logits: relErr = max|ours − PyTorch| / max(1, max|PyTorch|) ≤ 1e-4. ONNX Runtime on `lenet.onnx`
 * must give them too (a check of the fixture itself). Controls show the comparison can fail: without the
 * flatten reorder, or with convtype's default batch-norm ε, the logits are far off.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { batchNorm, conv2d, input, maxPool2d, model, relu, sequential, tensor, WeightError } from '../../src/index.js';
import { readSafetensors } from '../../src/io/safetensors.js';
import { loadPyTorchWeights } from '../../src/io/pytorch.js';
import { loadOnnxWeights, readOnnxInitializers } from '../../src/onnx/decode.js';
import { b1, b2, block1, classifier, image, lenet, logits } from '../../examples/lenet.js';
import { runOrt } from '../onnx/helpers.js';
import { ErrorLog, relErr, TOLERANCE } from '../model/helpers.js';
import { nchwToNhwc } from '../reference/layout.js';
import { expectSummaryShape, summaryRows } from '../zoo/helpers.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/lenet/${name}`, import.meta.url));
const f32 = (bytes: Buffer): Float32Array => new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));

interface Expected {
  readonly inputs: { readonly shape: number[] };
  readonly outputs: { readonly shape: number[] };
  readonly labels: number[];
  readonly predicted: number[];
  readonly logits: number[][];
}
const expected = JSON.parse(fixture('expected.json').toString('utf8')) as Expected;
const pytorchLogits = f32(fixture('expected.bin'));
const nchwInputs = f32(fixture('inputs.bin'));
const BATCH = 8;
/** The fixed inputs as our model takes them: NHWC [8, 28, 28, 1]. */
const nhwc = tensor([BATCH, 28, 28, 1] as const, nchwToNhwc({ dims: [BATCH, 1, 28, 28], data: nchwInputs }).data);

const log = new ErrorLog('LeNet from PyTorch');
afterAll(() => log.print());

/** Runs the 8 inputs through `m` and returns its logits, checked for shape. */
function run(m: ReturnType<typeof lenet>): Float32Array {
  const y = m.run(nhwc);
  expect([...y.shape]).toEqual([BATCH, 10]);
  return y.data;
}

const argmax = (data: Float32Array, row: number): number => {
  const r = data.subarray(row * 10, row * 10 + 10);
  return r.indexOf(Math.max(...r));
};

describe('LeNet fixture (test/fixtures/lenet)', () => {
  it('inputs.bin is [8, 1, 28, 28], expected.bin [8, 10] and equal to expected.json', () => {
    expect(expected.inputs.shape).toEqual([BATCH, 1, 28, 28]);
    expect(nchwInputs.length).toBe(BATCH * 28 * 28);
    expect(expected.outputs.shape).toEqual([BATCH, 10]);
    expect(Array.from(pytorchLogits)).toEqual(expected.logits.flat());
  });

  it('the safetensors and ONNX files hold the same tensors under the state-dict names', () => {
    const st = readSafetensors(fixture('lenet.safetensors')).tensors;
    const onnx = readOnnxInitializers(fixture('lenet.onnx'));
    expect(Object.keys(st)).toEqual([
      'conv1.weight', 'conv1.bias', 'conv2.weight', 'conv2.bias',
      'bn2.weight', 'bn2.bias', 'bn2.running_mean', 'bn2.running_var', 'bn2.num_batches_tracked',
      'fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias', 'fc3.weight', 'fc3.bias',
    ]);
    expect(st['conv2.weight']!.shape).toEqual([16, 6, 5, 5]);
    expect(st['fc1.weight']!.shape).toEqual([120, 400]);
    for (const [name, t] of Object.entries(onnx)) {
      expect(Object.keys(st), name).toContain(name);
      expect(t.dims, name).toEqual([...st[name]!.shape]);
      expect(t.data, name).toEqual(st[name]!.data);
    }
    expect(Object.keys(onnx).sort()).toEqual(Object.keys(st).filter((n) => !n.endsWith('num_batches_tracked')).sort());
  });

  it('ONNX Runtime on lenet.onnx gives PyTorch\'s logits (optimisations off and all)', async () => {
    for (const level of ['disabled', 'all'] as const) {
      const [y] = await runOrt(fixture('lenet.onnx'), { input: { shape: [BATCH, 1, 28, 28], data: nchwInputs } }, level);
      expect(y!.dims).toEqual([BATCH, 10]);
      const err = log.add('onnxruntime', relErr(y!.data, pytorchLogits), `lenet.onnx (${level})`);
      expect(err).toBeLessThanOrEqual(TOLERANCE);
    }
    // The batch dimension is dynamic: the first 3 inputs alone give the first 3 rows.
    const [y3] = await runOrt(fixture('lenet.onnx'), { input: { shape: [3, 1, 28, 28], data: nchwInputs.subarray(0, 3 * 784) } }, 'disabled');
    expect(y3!.dims).toEqual([3, 10]);
    expect(relErr(y3!.data, pytorchLogits.subarray(0, 30))).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('LeNet imported into examples/lenet.ts', () => {
  it('summary shapes = type-level shapes; 61,738 trainable parameters as in PyTorch', () => {
    const m = lenet();
    const row = summaryRows(m, [image], [logits]);
    expectSummaryShape(row, image, [-1, 28, 28, 1]);
    expectSummaryShape(row, b1, [-1, 14, 14, 6]);
    expectSummaryShape(row, b2, [-1, 5, 5, 16]);
    expectSummaryShape(row, logits, [-1, 10]);
    expect(m.params).toBe(61_738);
  });

  it('from lenet.safetensors (loadPyTorchWeights, no name map): PyTorch\'s logits within 1e-4', () => {
    const m = lenet();
    loadPyTorchWeights(m, readSafetensors(fixture('lenet.safetensors')).tensors);
    const ours = run(m);
    const err = log.add('safetensors', relErr(ours, pytorchLogits), 'lenet.safetensors');
    expect(err).toBeLessThanOrEqual(TOLERANCE);
    expect(Array.from({ length: BATCH }, (_, i) => argmax(ours, i))).toEqual(expected.predicted);
  });

  it('from the lenet.onnx initializers (loadOnnxWeights): PyTorch\'s logits within 1e-4', () => {
    const m = lenet();
    loadOnnxWeights(m, fixture('lenet.onnx'));
    const err = log.add('onnx initializers', relErr(run(m), pytorchLogits), 'lenet.onnx');
    expect(err).toBeLessThanOrEqual(TOLERANCE);
  });

  it('controls: no flatten reorder, or the default batch-norm ε, miss by far more than 1e-4', () => {
    const state = readSafetensors(fixture('lenet.safetensors')).tensors;
    const unordered = lenet();
    loadPyTorchWeights(unordered, state, undefined, { reorderFlatten: false });
    expect(log.add('control: no reorder', relErr(run(unordered), pytorchLogits), 'reorderFlatten: false')).toBeGreaterThan(1e-2);

    // The same network with convtype's default ε (Keras' 1e-3) instead of PyTorch's 1e-5.
    const x = input([28, 28, 1]);
    const keras = x
      .apply(block1)
      .apply(sequential(conv2d({ filters: 16, kernel: 5, name: 'conv2' }), batchNorm({ name: 'bn2' }), relu(), maxPool2d({ size: 2 })))
      .apply(classifier);
    const m = model(x, keras);
    loadPyTorchWeights(m, state);
    expect(log.add('control: ε 1e-3', relErr(m.run(nhwc).data, pytorchLogits), 'batchNorm() default ε')).toBeGreaterThan(TOLERANCE);
  });

  it('a missing tensor is one WeightError naming the layer', () => {
    const { 'fc2.bias': _dropped, ...rest } = readSafetensors(fixture('lenet.safetensors')).tensors;
    expect(() => loadPyTorchWeights(lenet(), rest)).toThrowError(WeightError);
    expect(() => loadPyTorchWeights(lenet(), rest)).toThrowError(/fc2/);
  });
});
