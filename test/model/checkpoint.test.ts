/**
 * loadCheckpoint at run time, the twin of the compile-time check (test-d/weights.test-d.ts,
 * test/diagnostics/fixtures/checkpoint.ts):
 * - the manifest `convtype weights-types --pytorch` wrote from the LeNet fixture is exactly `net.weights`' names,
 *   order and shapes, and loading the converted state dict through it reproduces PyTorch's logits (expected.bin);
 * - the small ResNet's automatic names (`conv2d_4` for the projection shortcut, …), which WeightsOf computes at the
 *   type level, are the model's names at run time;
 * - the wrong ResNet checkpoint throws one WeightError whose message is the compile-time sentence, and nothing changes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { block1, block2, classifier, lenet } from '../../examples/lenet.js';
import { model, sequential, tensor, WeightError } from '../../src/index.js';
import { loadCheckpoint } from '../../src/checkpoint-entry.js';
import { convertPyTorchWeights } from '../../src/io/pytorch.js';
import { readSafetensors } from '../../src/io/safetensors.js';
import { resnetInput, resnetManifest, resnetSpec, wrongManifest } from '../fixtures/checkpoints/resnet.js';
import { resnet50Input, resnet50Spec } from '../fixtures/checkpoints/resnet50.js';
import { manifest as resnet50Manifest } from '../fixtures/checkpoints/resnet50.weights.js';
import { manifest as lenetManifest } from '../fixtures/lenet/lenet.weights.js';
import { nchwToNhwc } from '../reference/layout.js';
import { relErr } from './helpers.js';
import { checkpointProblems, checkpointMessage } from '../../src/model/checkpoint.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/lenet/${name}`, import.meta.url));
const f32 = (bytes: Buffer): Float32Array => new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
const entriesOf = (weights: Readonly<Record<string, { readonly shape: readonly number[] }>>) =>
  Object.entries(weights).map(([name, t]) => [name, [...t.shape]]);
const zeros = (manifest: readonly (readonly [string, readonly number[]])[]) =>
  Object.fromEntries(manifest.map(([name, shape]) => [name, tensor(shape)]));

describe('loadCheckpoint: LeNet (test/fixtures/lenet)', () => {
  it("the generated manifest is net.weights' names, order and shapes", () => {
    expect(lenetManifest.map(([n, s]) => [n, [...s]])).toEqual(entriesOf(lenet().weights));
  });

  it("loads the PyTorch state dict through the manifest: PyTorch's logits within 1e-4", () => {
    const net = lenet();
    const converted = convertPyTorchWeights(net, readSafetensors(fixture('lenet.safetensors')).tensors);
    loadCheckpoint(net, [block1, block2, classifier], lenetManifest, converted);
    const x = tensor([8, 28, 28, 1] as const, nchwToNhwc({ dims: [8, 1, 28, 28], data: f32(fixture('inputs.bin')) }).data);
    expect(relErr(net.run(x).data, f32(fixture('expected.bin')))).toBeLessThan(1e-4);
  });
});

describe('loadCheckpoint: a small ResNet with automatic names', () => {
  const net = () => model(resnetInput, resnetInput.apply(resnetSpec), { seed: 3 });

  it('the names and shapes WeightsOf computes are the run-time ones', () => {
    expect(resnetManifest.map(([n, s]) => [n, [...s]])).toEqual(entriesOf(net().weights));
  });

  it('the wrong checkpoint throws one WeightError with the compile-time sentence, and nothing changes', () => {
    const m = net();
    const before = m.weights['conv2d_1/kernel']!.data;
    let error: unknown;
    try {
      loadCheckpoint(m, resnetSpec, wrongManifest as never, zeros(wrongManifest));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WeightError);
    expect((error as WeightError).message).toBe(
      'checkpoint: 3 entries do not fit the model: conv2d_3/kernel has the wrong shape (got [3, 3, 16, 32], expected [3, 3, 32, 32]); ' +
        'batchNorm_4/movingVariance is missing (expected [32]); fc/bias is not a weight of the model (got [10])',
    );
    expect((error as WeightError).problems).toHaveLength(3);
    expect(m.weights['conv2d_1/kernel']!.data).toEqual(before);
  });

  it('the right checkpoint loads; tensors that disagree with their manifest are reported', () => {
    const m = net();
    const tensors = zeros(resnetManifest);
    loadCheckpoint(m, resnetSpec, resnetManifest, tensors);
    expect(Array.from(m.weights['conv2d_1/kernel']!.data).every((v) => v === 0)).toBe(true);
    const { 'dense_1/bias': _dropped, ...partial } = tensors;
    expect(() => loadCheckpoint(m, resnetSpec, resnetManifest, { ...partial, 'dense_1/kernel': tensor([10, 32]) })).toThrowError(
      'checkpoint: 2 entries do not fit the model: dense_1/kernel has another shape in the tensors than in the manifest (got [10, 32], expected [32, 10]); dense_1/bias is in the manifest but not in the tensors (expected [10])',
    );
  });
});

describe('loadCheckpoint: ResNet-50 (test/fixtures/checkpoints/resnet50.ts)', () => {
  const net = model(resnet50Input, resnet50Input.apply(sequential(...resnet50Spec)));

  it('has the published 25,557,032 parameters, and its weights are the committed manifest (which WeightsOf computes)', () => {
    expect(net.params).toBe(25_557_032);
    expect(resnet50Manifest.map(([n, s]) => [n, [...s]])).toEqual(entriesOf(net.weights));
  });

  it("the wrong checkpoint of the diagnostics fixture gets the fixture's sentence at run time", () => {
    const wrong = [
      ...resnet50Manifest.filter(([n]) => n !== 'batchNorm_20/beta').map(([n, s]) => [n, n === 'conv2d_7/kernel' ? [256, 64, 1, 1] : s] as const),
      ['fc.weight', [1000, 2048]] as const,
    ];
    const error = (() => {
      try {
        loadCheckpoint(net, resnet50Spec, wrong as never, zeros(wrong));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WeightError);
    expect((error as WeightError).message).toBe(
      'checkpoint: 3 entries do not fit the model: conv2d_7/kernel has the wrong shape (got [256, 64, 1, 1], expected [1, 1, 64, 256]); ' +
        'batchNorm_20/beta is missing (expected [128]); fc.weight is not a weight of the model (got [1000, 2048])',
    );
  });
});

describe('checkpointProblems (the twin of WeightsFit; the same cases in test-d/weights.test-d.ts)', () => {
  const expected = new Map<string, readonly number[]>([['conv2d_1/kernel', [3, 3, 2, 4]], ['conv2d_1/bias', [4]]]);
  it('out of order with an extra entry first: wrong and missing in model order, then extras', () => {
    expect(checkpointMessage(checkpointProblems(expected, [['extra', [1]], ['conv2d_1/bias', [5]], ['conv2d_1/kernel', [3, 3, 2, 4]]]))).toBe(
      'checkpoint: 2 entries do not fit the model: conv2d_1/bias has the wrong shape (got [5], expected [4]); extra is not a weight of the model (got [1])',
    );
    expect(checkpointMessage(checkpointProblems(expected, [['conv2d_1/bias', [4]]]))).toBe(
      'checkpoint: 1 entry does not fit the model: conv2d_1/kernel is missing (expected [3, 3, 2, 4])',
    );
    expect(checkpointProblems(expected, [['conv2d_1/bias', [4]], ['conv2d_1/kernel', [3, 3, 2, 4]]])).toEqual([]);
  });
});
