/**
 * tfjs layers format: decoding checked against tfjs-core's own `tf.io.decodeWeights` (float32, int32, bool,
 * uint8/uint16/float16 quantisation, weights straddling shards), a Keras-named model round trip, default Keras
 * names translated to convtype's, and one sentence per kind of bad manifest or shard.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { input, model, WeightError } from '../../src/index.js';
import { FormatError } from '../../src/io/errors.js';
import { convertTfjsWeights, loadTfjsIntoModel, loadTfjsWeights } from '../../src/io/tfjs.js';
import { tf, tfReady } from '../reference/tfjs.js';
import { rng } from './build.js';

beforeAll(tfReady);

type Spec = { name: string; shape: number[]; dtype: string; quantization?: Record<string, unknown> };

/** Random specs and their packed bytes (quantised values stored as the quantised dtype). */
function randomWeights(seed: number, count: number): { specs: Spec[]; bytes: Uint8Array } {
  const r = rng(seed);
  const specs: Spec[] = [];
  const parts: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const shape = Array.from({ length: 1 + Math.floor(r() * 3) }, () => 1 + Math.floor(r() * 4));
    const n = shape.reduce((a, b) => a * b, 1);
    const kind = ['float32', 'int32', 'bool', 'uint8', 'uint16', 'float16', 'int32q'][i % 7]!;
    const name = `layer${i}/w`;
    if (kind === 'float32') parts.push(new Uint8Array(Float32Array.from({ length: n }, () => r() * 10 - 5).buffer)), specs.push({ name, shape, dtype: 'float32' });
    else if (kind === 'int32') parts.push(new Uint8Array(Int32Array.from({ length: n }, () => Math.floor(r() * 2000 - 1000)).buffer)), specs.push({ name, shape, dtype: 'int32' });
    else if (kind === 'bool') parts.push(Uint8Array.from({ length: n }, () => (r() < 0.5 ? 0 : 1))), specs.push({ name, shape, dtype: 'bool' });
    else if (kind === 'uint8') {
      parts.push(Uint8Array.from({ length: n }, () => Math.floor(r() * 256)));
      specs.push({ name, shape, dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.0123, min: -1.5 } });
    } else if (kind === 'uint16') {
      parts.push(new Uint8Array(Uint16Array.from({ length: n }, () => Math.floor(r() * 65536)).buffer));
      specs.push({ name, shape, dtype: 'float32', quantization: { dtype: 'uint16', scale: 3.1e-5, min: -0.75 } });
    } else if (kind === 'float16') {
      parts.push(new Uint8Array(Uint16Array.from({ length: n }, () => Math.floor(r() * 65536)).buffer));
      specs.push({ name, shape, dtype: 'float32', quantization: { dtype: 'float16' } });
    } else {
      parts.push(Uint8Array.from({ length: n }, () => Math.floor(r() * 256)));
      specs.push({ name, shape, dtype: 'int32', quantization: { dtype: 'uint8', scale: 0.37, min: -20 } });
    }
  }
  const bytes = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) bytes.set(p, at), (at += p.length);
  return { specs, bytes };
}

const copy = (b: Uint8Array): ArrayBuffer => b.slice().buffer;

describe('decoding vs tf.io.decodeWeights', () => {
  it.each([1, 2, 3])('seed %i: 28 weights of every dtype and quantisation, split into 3 uneven shards', async (seed) => {
    const { specs, bytes } = randomWeights(seed, 28);
    const ref = tf.io.decodeWeights(copy(bytes), specs as never);
    const cuts = [Math.floor(bytes.length / 3) + 1, Math.floor((2 * bytes.length) / 3) - 1];
    const shards = [bytes.subarray(0, cuts[0]), bytes.subarray(cuts[0], cuts[1]), bytes.subarray(cuts[1])].map(copy);
    const ours = loadTfjsWeights({ weightsManifest: [{ paths: ['a', 'b', 'c'], weights: specs }] }, shards);
    for (const s of specs) {
      const expected = await ref[s.name]!.data();
      expect(ours[s.name]!.shape).toEqual(s.shape);
      expect(ours[s.name]!.data).toEqual(Float32Array.from(expected as ArrayLike<number>));
    }
    Object.values(ref).forEach((t) => t.dispose());
  });
  it('two groups, model.json given as text, typed-array shards', () => {
    const a = Float32Array.of(1, 2, 3);
    const b = Uint8Array.of(0, 255);
    const json = JSON.stringify({
      format: 'layers-model',
      weightsManifest: [
        { paths: ['g1.bin'], weights: [{ name: 'x', shape: [3], dtype: 'float32' }] },
        { paths: ['g2.bin'], weights: [{ name: 'y', shape: [2], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.5, min: -1 } }] },
      ],
    });
    const w = loadTfjsWeights(json, [a, b]);
    expect([...w.x!.data]).toEqual([1, 2, 3]);
    expect([...w.y!.data]).toEqual([-1, 126.5]);
  });
});

describe('into a model', () => {
  const build = (names: boolean, seed: number) => {
    const x = input([6, 6, 2]);
    const n = (s: string) => (names ? { name: s } : {});
    const y = x
      .conv2d({ filters: 3, kernel: 3, ...n('conv2d') })
      .batchNorm({ ...n('batch_normalization') })
      .relu()
      .depthwiseConv2d({ kernel: 3, ...n('depthwise_conv2d') })
      .flatten()
      .dense({ units: 4, ...n('dense') });
    return model(x, y, { seed });
  };
  /** The model's weights as a Keras-style tfjs manifest (names `<layer>/<snake_param>`) plus one shard. */
  async function exportAsKeras(m: ReturnType<typeof build>, rename: (layer: string) => string) {
    const snake = (p: string) => p.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const named: tf.NamedTensorMap = {};
    for (const [key, t] of Object.entries(m.weights)) {
      const [layer, param] = key.split('/') as [string, string];
      const kind = m.layers.find((l) => l.name === layer)!.kind;
      named[`sequential/${rename(layer)}/${kind === 'depthwiseConv2d' && param === 'kernel' ? 'depthwise_kernel' : snake(param)}`] = tf.tensor(t.data, [...t.shape]);
    }
    const { data, specs } = await tf.io.encodeWeights(named);
    Object.values(named).forEach((t) => t.dispose());
    return { modelJson: { format: 'layers-model', weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: specs }] }, shard: data as ArrayBuffer };
  }
  it('Keras-named layers: model.json + shard → a second model with other weights gives the same outputs', async () => {
    const source = build(true, 1);
    const { modelJson, shard } = await exportAsKeras(source, (l) => l);
    const target = build(true, 2);
    const x = { shape: [1, 6, 6, 2], data: Float32Array.from({ length: 72 }, (_, i) => Math.sin(i)) };
    expect(target.run(x).data).not.toEqual(source.run(x).data);
    loadTfjsIntoModel(target, modelJson, [shard]);
    expect(target.run(x).data).toEqual(source.run(x).data);
  });
  it("Keras's default names (conv2d, batch_normalization, …) map to convtype's (conv2d_1, batchNorm_1, …)", async () => {
    const source = build(false, 3);
    const { modelJson, shard } = await exportAsKeras(source, (l) => ({ conv2d_1: 'conv2d', batchNorm_1: 'batch_normalization', depthwiseConv2d_1: 'depthwise_conv2d', dense_1: 'dense' })[l]!);
    const target = build(false, 4);
    loadTfjsIntoModel(target, modelJson, [shard]);
    expect(target.weights['batchNorm_1/movingVariance']!.data).toEqual(source.weights['batchNorm_1/movingVariance']!.data);
    expect(target.weights['depthwiseConv2d_1/kernel']!.data).toEqual(source.weights['depthwiseConv2d_1/kernel']!.data);
  });
  it('a user map (full key or layer) and every problem in one WeightError', () => {
    const m = build(false, 5);
    const w = (shape: number[]) => ({ shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) });
    const ok = convertTfjsWeights(m, { 'c/kernel': w([3, 3, 2, 3]), 'c/bias': w([3]) }, { 'c/kernel': 'conv2d_1/kernel', 'c/bias': 'conv2d_1' }, { partial: true });
    expect(Object.keys(ok)).toEqual(['conv2d_1/kernel', 'conv2d_1/bias']);
    let caught: unknown;
    try {
      loadTfjsIntoModel(m, { weightsManifest: [{ paths: ['a'], weights: [{ name: 'conv2d_9/kernel', shape: [1], dtype: 'float32' }, { name: 'dense/kernel', shape: [2], dtype: 'float32' }] }] }, [new ArrayBuffer(12)], undefined, { partial: true });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(WeightError);
    expect((caught as WeightError).problems).toEqual([
      "conv2d_9/kernel: no convtype weight is mapped to this tfjs weight (got no layer of that name, expected '<layer>/<param>')",
      "dense_1: dense_1/kernel ← 'dense/kernel' has the wrong shape (got [2], expected [12, 4])",
    ]);
  });
});

describe('bad manifests and shards: one sentence each', () => {
  const f32 = (name: string, shape: number[]) => ({ name, shape, dtype: 'float32' });
  const manifest = (weights: unknown[], paths = ['a']) => ({ weightsManifest: [{ paths, weights }] });
  it.each<[string, unknown, ArrayBuffer[], RegExp]>([
    ['not JSON', '{"weightsManifest": [', [], /model.json is not valid JSON/],
    ['deeply nested JSON', '['.repeat(10_000) + ']'.repeat(10_000), [], /nested deeper than 256/],
    ['no manifest', { modelTopology: {} }, [], /no weightsManifest array/],
    ['fewer shards than paths', manifest([f32('w', [1])], ['a', 'b']), [new ArrayBuffer(4)], /lists at least 2 shard paths but 1 shards were given/],
    ['more shards than paths', manifest([f32('w', [1])]), [new ArrayBuffer(4), new ArrayBuffer(4)], /lists 1 shard paths but 2 shards were given/],
    ['truncated shard', manifest([f32('w', [2, 2])]), [new ArrayBuffer(15)], /tensor 'w': needs bytes up to 16 of group 0 but its 1 shard\(s\) hold 15/],
    ['extra bytes', manifest([f32('w', [2])]), [new ArrayBuffer(9)], /hold 9 bytes but its weights need 8/],
    ['absurd dims', manifest([f32('w', [2 ** 40, 2 ** 40])]), [new ArrayBuffer(4)], /tensor 'w': shape \[1099511627776, 1099511627776\] has an absurd number of elements/],
    ['negative dim', manifest([f32('w', [-1])]), [new ArrayBuffer(4)], /tensor 'w': shape has an invalid dim/],
    ['string dtype', manifest([{ name: 'w', shape: [1], dtype: 'string' }]), [new ArrayBuffer(4)], /tensor 'w': unsupported dtype \(got "string"/],
    ['unknown quantization', manifest([{ ...f32('w', [1]), quantization: { dtype: 'int4' } }]), [new ArrayBuffer(1)], /unknown quantization dtype \(got "int4"/],
    ['uint8 without scale', manifest([{ ...f32('w', [1]), quantization: { dtype: 'uint8', min: 0 } }]), [new ArrayBuffer(1)], /needs finite scale and min \(got scale undefined, min 0\)/],
    ['float16 of int32', manifest([{ name: 'w', shape: [1], dtype: 'int32', quantization: { dtype: 'float16' } }]), [new ArrayBuffer(2)], /float16 quantization of a "int32" weight/],
    ['duplicate names', manifest([f32('w', [1]), f32('w', [1])]), [new ArrayBuffer(8)], /tensor 'w': appears twice/],
    ['weight without a name', manifest([{ shape: [1], dtype: 'float32' }]), [new ArrayBuffer(4)], /weights\[0\] has no name/],
    ['shard not bytes', manifest([f32('w', [1])]), ['abc' as unknown as ArrayBuffer], /shard 0 is not bytes/],
  ])('%s', (_name, json, shards, pattern) => {
    let caught: unknown;
    try {
      loadTfjsWeights(json, shards);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FormatError);
    expect((caught as Error).message).toMatch(pattern);
  });
});
