/**
 * The tfjs-layers front-end (src/import/tfjs.ts) and the runtime builder (src/import/build.ts): Keras-style
 * models built here with @tensorflow/tfjs-layers 4.22, given seeded weights, saved with `model.save` into an
 * in-memory model.json + shard, imported, run by convtype and compared with tfjs's `model.predict`
 * (relErr ≤ 1e-4, test/kernels/helpers.ts); the pinned upscaler model against tfjs loading the same files;
 * uint8-quantised shards against tfjs loading the same shards; and the errors: every unsupported layer
 * listed at once, open input sizes, missing weights, bad graphs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel, type BuiltModel } from '../../src/import/build.js';
import { ImportError, type ImportedGraph } from '../../src/import/ir.js';
import { importTfjsLayers } from '../../src/import/tfjs.js';
import { GraphError, tensor } from '../../src/index.js';
import { FormatError } from '../../src/io/errors.js';
import { ErrorLog, TOLERANCE, relErr } from '../kernels/helpers.js';
import { UPSCALER_JSON, loadInTfjs, predict, randomInput, readModelFiles, saveToMemory, seedWeights, tf, tfReady, tfl, type SavedModel } from './helpers.js';

const log = new ErrorLog('tfjs-layers import vs tfjs model.predict');

beforeAll(async () => {
  await tfReady();
});
afterAll(() => log.print());

/** convtype's output for one input tensor. */
function runConvtype(net: BuiltModel, shape: readonly number[], data: Float32Array): { shape: readonly number[]; data: Float32Array } {
  return (net as { run(x: unknown): { shape: readonly number[]; data: Float32Array } }).run(tensor(shape as never, data));
}

/** Saves `model` (seeded), imports it, runs both on a seeded input; returns the graph and the error. */
async function compare(model: tfl.LayersModel, seed: number): Promise<{ graph: ImportedGraph; error: number; saved: SavedModel }> {
  seedWeights(model, seed);
  const saved = await saveToMemory(model);
  const graph = importTfjsLayers(saved.json, saved.shards);
  const shape = [2, ...(model.inputs[0]!.shape.slice(1) as number[])];
  const x = randomInput(shape, seed + 1);
  const expected = predict(model, shape, x);
  const got = runConvtype(buildModel(graph), shape, x);
  expect([...got.shape]).toEqual(expected.shape);
  return { graph, error: log.add(relErr(got.data, expected.data)), saved };
}

describe('Keras models built with tfjs-layers', () => {
  it('sequential: conv (strided, relu) → batchNorm → depthwise → separable → pools → padding/cropping → transposed → upsampling → GAP → dense softmax', async () => {
    const m = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [17, 15, 3], filters: 8, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }),
        tfl.layers.batchNormalization({ epsilon: 1e-3 }),
        tfl.layers.depthwiseConv2d({ kernelSize: [3, 2], depthMultiplier: 2, padding: 'same', activation: 'relu6' }),
        tfl.layers.separableConv2d({ filters: 12, kernelSize: 3, activation: 'elu' }),
        tfl.layers.maxPooling2d({ poolSize: 2, strides: 1 }),
        tfl.layers.averagePooling2d({ poolSize: 3, strides: 2, padding: 'same' }),
        tfl.layers.zeroPadding2d({ padding: [[1, 2], [0, 1]] }),
        tfl.layers.cropping2D({ cropping: [[0, 1], [1, 0]] }),
        tfl.layers.conv2dTranspose({ filters: 6, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh' }),
        tfl.layers.upSampling2d({ size: [2, 1] }),
        tfl.layers.globalAveragePooling2d({}),
        tfl.layers.dense({ units: 5, activation: 'softmax' }),
      ],
    });
    const { graph, error } = await compare(m, 10);
    expect(error).toBeLessThanOrEqual(TOLERANCE);
    expect(graph.layers.map((l) => l.kind)).toEqual([
      'conv2d', 'relu', 'batchNorm', 'depthwiseConv2d', 'relu6', 'separableConv2d', 'elu', 'maxPool2d', 'avgPool2d',
      'zeroPadding2d', 'cropping2d', 'conv2dTranspose', 'tanh', 'upSampling2d', 'globalAvgPool2d', 'dense', 'softmax',
    ]);
  });

  it('functional: branches, concatenate, add of three, multiply, Dense on a feature map (1×1 conv), flatten, dropout, reshape', async () => {
    const x = tfl.input({ shape: [12, 10, 4] });
    const stem = tfl.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same' }).apply(x) as tfl.SymbolicTensor;
    const a = tfl.layers.conv2d({ filters: 4, kernelSize: 1, activation: 'sigmoid' }).apply(stem) as tfl.SymbolicTensor;
    const b = tfl.layers.conv2d({ filters: 4, kernelSize: [3, 5], padding: 'same', dilationRate: 2 }).apply(stem) as tfl.SymbolicTensor;
    const joined = tfl.layers.concatenate({ axis: -1 }).apply([a, b]) as tfl.SymbolicTensor;
    const summed = tfl.layers.add().apply([joined, stem, tfl.layers.reLU().apply(stem) as tfl.SymbolicTensor]) as tfl.SymbolicTensor;
    const gated = tfl.layers.multiply().apply([summed, tfl.layers.activation({ activation: 'hardSigmoid' }).apply(summed) as tfl.SymbolicTensor]) as tfl.SymbolicTensor;
    const perPixel = tfl.layers.dense({ units: 6, activation: 'swish' }).apply(gated) as tfl.SymbolicTensor;
    const pooled = tfl.layers.maxPooling2d({ poolSize: [2, 2] }).apply(perPixel) as tfl.SymbolicTensor;
    const leaky = tfl.layers.leakyReLU({ alpha: 0.1 }).apply(pooled) as tfl.SymbolicTensor;
    const flat = tfl.layers.flatten().apply(leaky) as tfl.SymbolicTensor;
    const dropped = tfl.layers.dropout({ rate: 0.5 }).apply(flat) as tfl.SymbolicTensor;
    const hidden = tfl.layers.dense({ units: 12, activation: 'relu' }).apply(dropped) as tfl.SymbolicTensor;
    const out = tfl.layers.reshape({ targetShape: [3, 4] }).apply(hidden) as tfl.SymbolicTensor;
    const { graph, error } = await compare(tfl.model({ inputs: x, outputs: out }), 20);
    expect(error).toBeLessThanOrEqual(TOLERANCE);
    const kinds = graph.layers.map((l) => l.kind);
    expect(kinds.filter((k) => k === 'add')).toHaveLength(2); // a three-input Add is two joins
    expect(kinds).toContain('hardSigmoid');
    expect(graph.layers.find((l) => l.kind === 'conv2d' && l.options.filters === 6)?.weights.kernel?.shape).toEqual([1, 1, 8, 6]);
  });

  it('conv1d (strided, same) and Dense on a sequence (→ 1-wide conv1d), flatten, dense', async () => {
    const m = tfl.sequential({
      layers: [
        tfl.layers.conv1d({ inputShape: [20, 3], filters: 6, kernelSize: 5, strides: 2, padding: 'same', activation: 'relu' }),
        tfl.layers.dense({ units: 4, activation: 'tanh' }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 3 }),
      ],
    });
    const { graph, error } = await compare(m, 50);
    expect(error).toBeLessThanOrEqual(TOLERANCE);
    expect(graph.layers.map((l) => l.kind)).toEqual(['conv1d', 'relu', 'conv1d', 'tanh', 'flatten', 'dense']);
  });

  it('Rescaling (→ 1×1 depthwise conv: x·scale + offset exactly)', async () => {
    const m = tfl.sequential({
      layers: [tfl.layers.rescaling({ inputShape: [9, 8, 3], scale: 1 / 127.5, offset: -1 }), tfl.layers.conv2d({ filters: 2, kernelSize: 3 })],
    });
    const { graph, error } = await compare(m, 60);
    expect(error).toBeLessThanOrEqual(TOLERANCE);
    expect(graph.layers.map((l) => [l.kind, l.options])).toEqual([
      ['depthwiseConv2d', { kernel: 1 }],
      ['conv2d', { filters: 2, kernel: 3 }],
    ]);
  });

  it('ReLU (max_value 6), relu6, LeakyReLU, ELU layers on inputs in [−10, 10), where the clipping matters', async () => {
    const m = tfl.sequential({
      layers: [
        tfl.layers.rescaling({ inputShape: [5, 4, 2], scale: 20, offset: -10 }),
        tfl.layers.reLU({ maxValue: 6 }),
        tfl.layers.rescaling({ scale: 3, offset: -9 }),
        tfl.layers.activation({ activation: 'relu6' }),
        tfl.layers.rescaling({ scale: 2, offset: -6 }),
        tfl.layers.leakyReLU({ alpha: 0.25 }),
        tfl.layers.elu({}),
      ],
    });
    const { graph, error } = await compare(m, 65);
    expect(error).toBeLessThanOrEqual(TOLERANCE);
    expect(graph.layers.filter((l) => l.kind !== 'depthwiseConv2d').map((l) => [l.kind, l.options])).toEqual([
      ['relu6', {}],
      ['relu6', {}],
      ['leakyRelu', { alpha: 0.25 }],
      ['elu', { alpha: 1 }],
    ]);
  });

  it('CenterCrop 9×8 → 6×5 is the window starting at ⌊3/2⌋ = 1 (tf.slice as the reference)', () => {
    // tfjs-layers 4.22 cannot save a CenterCrop model (computeOutputShape overwrites the input's
    // batch_input_shape), so this model.json is written by hand, as Keras writes it.
    const json = {
      modelTopology: {
        class_name: 'Sequential',
        config: { name: 's', layers: [{ class_name: 'CenterCrop', config: { name: 'crop', height: 6, width: 5, batch_input_shape: [null, 9, 8, 3] } }] },
      },
      weightsManifest: [],
    };
    const graph = importTfjsLayers(json, []);
    const x = randomInput([1, 9, 8, 3], 70);
    const expected = tf.tidy(() => tf.slice(tf.tensor(x, [1, 9, 8, 3]), [0, 1, 1, 0], [1, 6, 5, 3]).dataSync().slice());
    expect(runConvtype(buildModel(graph), [1, 9, 8, 3], x).data).toEqual(expected);
  });

  it('a Keras 3 functional config (keras_history inbound nodes, batch_shape): y = relu(2a + 3b + 1)', () => {
    const kerasTensor = (layer: string) => ({ class_name: '__keras_tensor__', config: { shape: [null, 2], dtype: 'float32', keras_history: [layer, 0, 0] } });
    const json = {
      modelTopology: {
        class_name: 'Functional',
        config: {
          name: 'm',
          layers: [
            { class_name: 'InputLayer', name: 'x', config: { batch_shape: [null, 2], name: 'x' }, inbound_nodes: [] },
            { class_name: 'Dense', name: 'fc', config: { name: 'fc', units: 1, activation: 'relu' }, inbound_nodes: [{ args: [kerasTensor('x')], kwargs: {} }] },
          ],
          input_layers: [['x', 0, 0]],
          output_layers: ['fc', 0, 0],
        },
      },
      weightsManifest: [{ paths: ['w.bin'], weights: [{ name: 'fc/kernel', shape: [2, 1], dtype: 'float32' }, { name: 'fc/bias', shape: [1], dtype: 'float32' }] }],
    };
    const graph = importTfjsLayers(json, [new Uint8Array(Float32Array.of(2, 3, 1).buffer)]);
    const y = runConvtype(buildModel(graph), [2, 2], Float32Array.of(1, 1, 1, -2));
    expect([...y.data]).toEqual([6, 0]);
  });

  it('a nested Sequential base inside a functional model, and inside a Sequential (inlined)', async () => {
    const base = tfl.sequential({
      name: 'base',
      layers: [tfl.layers.conv2d({ inputShape: [10, 10, 3], filters: 4, kernelSize: 3, activation: 'relu', name: 'base_conv' }), tfl.layers.maxPooling2d({ poolSize: 2, name: 'base_pool' })],
    });
    const x = tfl.input({ shape: [10, 10, 3], name: 'pixels' });
    const features = base.apply(x) as tfl.SymbolicTensor;
    const head = tfl.layers.dense({ units: 3, name: 'head' }).apply(tfl.layers.flatten({ name: 'flat' }).apply(features) as tfl.SymbolicTensor) as tfl.SymbolicTensor;
    const { graph, error } = await compare(tfl.model({ inputs: x, outputs: head }), 80);
    expect(error).toBeLessThanOrEqual(TOLERANCE);
    expect(graph.layers.map((l) => l.name)).toEqual(['base_conv', 'base_conv_relu', 'base_pool', 'flat', 'head']);
    const inner = tfl.sequential({ name: 'inner', layers: [tfl.layers.dense({ inputShape: [6], units: 5, activation: 'tanh', name: 'd1' })] });
    const outer = tfl.sequential({ layers: [inner, tfl.layers.dense({ units: 2, name: 'd2' })] });
    expect((await compare(outer, 81)).error).toBeLessThanOrEqual(TOLERANCE);
  });

  it('several inputs and outputs', async () => {
    const img = tfl.input({ shape: [8, 8, 3], name: 'image' });
    const mask = tfl.input({ shape: [8, 8, 1], name: 'mask' });
    const both = tfl.layers.concatenate().apply([img, mask]) as tfl.SymbolicTensor;
    const f = tfl.layers.conv2d({ filters: 5, kernelSize: 3, name: 'features' }).apply(both) as tfl.SymbolicTensor;
    const logits = tfl.layers.dense({ units: 3, name: 'logits' }).apply(tfl.layers.globalMaxPooling2d({}).apply(f) as tfl.SymbolicTensor) as tfl.SymbolicTensor;
    const m = tfl.model({ inputs: [img, mask], outputs: [f, logits] });
    seedWeights(m, 30);
    const saved = await saveToMemory(m);
    const graph = importTfjsLayers(saved.json, saved.shards);
    expect(graph.inputs.map((i) => i.name)).toEqual(['image', 'mask']);
    const xs = [randomInput([1, 8, 8, 3], 31), randomInput([1, 8, 8, 1], 32)];
    const refs = tf.tidy(() => (m.predict([tf.tensor(xs[0]!, [1, 8, 8, 3]), tf.tensor(xs[1]!, [1, 8, 8, 1])]) as tf.Tensor[]).map((t) => t.dataSync().slice()));
    const outs = (buildModel(graph) as unknown as { run(x: unknown): readonly { data: Float32Array }[] }).run([tensor([1, 8, 8, 3], xs[0]!), tensor([1, 8, 8, 1], xs[1]!)]);
    outs.forEach((o, i) => expect(log.add(relErr(o.data, refs[i]!))).toBeLessThanOrEqual(TOLERANCE));
  });
});

/** The model's float32 weights re-encoded as uint8 (`q·scale + min`, as the tfjs converter's --quantize_uint8 writes them). */
function quantizeUint8(saved: SavedModel): SavedModel {
  const json = structuredClone(saved.json) as { weightsManifest: { paths: string[]; weights: { shape: number[]; quantization?: object }[] }[] };
  const source = saved.shards[0]!;
  const floats = new Float32Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength));
  const bytes: number[] = [];
  let at = 0;
  for (const spec of json.weightsManifest[0]!.weights) {
    const data = floats.subarray(at, (at += spec.shape.reduce((a, b) => a * b, 1)));
    const min = Math.min(...data);
    const scale = (Math.max(...data) - min) / 255 || 1;
    for (const v of data) bytes.push(Math.round((v - min) / scale));
    spec.quantization = { dtype: 'uint8', scale, min };
  }
  return { json: json as unknown as Record<string, unknown>, shards: [Uint8Array.from(bytes)] };
}

describe('quantised weights', () => {
  it('uint8-quantised shards: convtype matches tfjs-layers loading the same quantised files', async () => {
    const m = tfl.sequential({
      layers: [tfl.layers.conv2d({ inputShape: [8, 8, 3], filters: 6, kernelSize: 3, activation: 'relu' }), tfl.layers.flatten(), tfl.layers.dense({ units: 4 })],
    });
    seedWeights(m, 90);
    const quantized = quantizeUint8(await saveToMemory(m));
    const x = randomInput([1, 8, 8, 3], 91);
    const expected = predict(await loadInTfjs(quantized), [1, 8, 8, 3], x);
    const got = runConvtype(buildModel(importTfjsLayers(quantized.json, quantized.shards)), [1, 8, 8, 3], x);
    expect(log.add(relErr(got.data, expected.data))).toBeLessThanOrEqual(TOLERANCE);
    // The quantisation changed the numbers: the float model's output differs from both.
    expect(relErr(predict(m, [1, 8, 8, 3], x).data, expected.data)).toBeGreaterThan(1e-3);
  });
});

describe('the real model: @upscalerjs/default-model 1.0.0 (Keras 2.10 RDN, tfjs converter 1.2.6)', () => {
  it('imports at 32×32×3 and matches tfjs-layers loading the same files', async () => {
    const saved = readModelFiles(UPSCALER_JSON);
    const graph = importTfjsLayers(saved.json, saved.shards, { inputShapes: [[32, 32, 3]] });
    expect(graph.layers).toHaveLength(23);
    const x = randomInput([1, 32, 32, 3], 7);
    const expected = predict(await loadInTfjs(saved), [1, 32, 32, 3], x);
    const got = runConvtype(buildModel(graph), [1, 32, 32, 3], x);
    expect([...got.shape]).toEqual([1, 64, 64, 3]);
    expect(expected.shape).toEqual([1, 64, 64, 3]);
    const error = log.add(relErr(got.data, expected.data));
    console.log(`upscaler 32×32×3: relErr vs tfjs-layers ${error.toExponential(2)}`);
    expect(error).toBeLessThanOrEqual(TOLERANCE);
  });

  it('an open input size without inputShapes is listed, with what to pass', () => {
    const saved = readModelFiles(UPSCALER_JSON);
    expect(() => importTfjsLayers(saved.json, saved.shards)).toThrow(/LR \(InputLayer\): its size is open \(\[B, \?, \?, 3\]\).*--input 32x32x3/);
    expect(() => importTfjsLayers(saved.json, saved.shards, { inputShapes: { LR: [32, 32, 4] } })).toThrow(/does not fit the declared \[B, \?, \?, 3\]/);
  });
});

describe('errors', () => {
  it('lists every unsupported layer in one ImportError', async () => {
    const x = tfl.input({ shape: [6, 6, 3] });
    const a = tfl.layers.conv2d({ filters: 4, kernelSize: 3, activation: 'selu', name: 'conv_selu' }).apply(x) as tfl.SymbolicTensor;
    const p = tfl.layers.permute({ dims: [2, 1, 3], name: 'transpose' }).apply(a) as tfl.SymbolicTensor;
    const r = tfl.layers.reshape({ targetShape: [16, 4] }).apply(p) as tfl.SymbolicTensor;
    const rnn = tfl.layers.simpleRNN({ units: 3, name: 'rnn', recurrentInitializer: 'glorotUniform' }).apply(r) as tfl.SymbolicTensor;
    const out = tfl.layers.dense({ units: 2 }).apply(rnn) as tfl.SymbolicTensor;
    const saved = await saveToMemory(tfl.model({ inputs: x, outputs: out }));
    let error: unknown;
    try {
      importTfjsLayers(saved.json, saved.shards);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    const list = (error as ImportError).unsupported.map((u) => `${u.node} ${u.op}`);
    expect(list).toEqual(['conv_selu Conv2D', 'transpose Permute', 'rnn SimpleRNN']);
    expect((error as ImportError).message).toMatch(/^import tfjs-layers model: 3 unsupported operations:\n {2}conv_selu \(Conv2D\): activation 'selu'/);
  });

  it('a shared layer (one layer applied twice) is listed', async () => {
    const a = tfl.input({ shape: [4], name: 'a' });
    const b = tfl.input({ shape: [4], name: 'b' });
    const shared = tfl.layers.dense({ units: 2, name: 'shared' });
    const out = tfl.layers.add({ name: 'sum' }).apply([shared.apply(a) as tfl.SymbolicTensor, shared.apply(b) as tfl.SymbolicTensor]) as tfl.SymbolicTensor;
    const saved = await saveToMemory(tfl.model({ inputs: [a, b], outputs: out }));
    expect(() => importTfjsLayers(saved.json, saved.shards)).toThrow(/1 unsupported operation:\n {2}shared \(Dense\): a shared layer applied 2 times/);
  });

  it('a missing weight, a malformed model.json, a graph that does not build', async () => {
    const m = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [4], units: 2, name: 'fc' })] });
    const saved = await saveToMemory(m);
    const json = structuredClone(saved.json) as { weightsManifest: { weights: { name: string }[] }[] };
    json.weightsManifest[0]!.weights[1]!.name = 'other/bias';
    expect(() => importTfjsLayers(json, saved.shards)).toThrow(FormatError);
    expect(() => importTfjsLayers(json, saved.shards)).toThrow(/1 weight missing from the shards: fc\/bias/);
    expect(() => importTfjsLayers({ modelTopology: { nodes: [] }, weightsManifest: [] }, [])).toThrow(/modelTopology has no class_name.*graph model/);
    const graph = importTfjsLayers(saved.json, saved.shards);
    const broken = { ...graph, layers: [{ ...graph.layers[0]!, kind: 'lstm' }] };
    expect(() => buildModel(broken)).toThrow(GraphError);
    expect(() => buildModel(broken)).toThrow(/buildModel: layer 'fc' \(Dense fc\): unknown layer kind 'lstm'/);
    const wrongInput = { ...graph, layers: [{ ...graph.layers[0]!, inputs: ['nowhere'] }] };
    expect(() => buildModel(wrongInput)).toThrow(/input 'nowhere' is neither a graph input nor an earlier layer/);
    const misfit = { ...graph, inputs: [{ name: graph.inputs[0]!.name, shape: [5] }] };
    expect(() => buildModel(misfit)).toThrow(/buildModel: layer 'fc' \(Dense fc\): setWeights|fc\/kernel has the wrong shape/);
  });
});
