/**
 * PyTorch → convtype layout conversion, checked against ONNX Runtime running the PyTorch-layout weights
 * as they are (OIHW, `[C·M, 1, kh, kw]`, `[I, O, kh, kw]`, Linear `[out, in]` through Gemm transB=1) on
 * NCHW data, while convtype runs the converted weights on NHWC data: max |ours − ORT| / max(1, max |ORT|)
 * ≤ 1e-4. The flatten reorder is shown to matter: without it a Linear after a conv stack differs.
 */
import { describe, expect, it } from 'vitest';
import { input, model, WeightError } from '../../src/index.js';
import { convertPyTorchWeights, loadPyTorchWeights } from '../../src/io/pytorch.js';
import { exportPyTorchWeights } from '../../src/io/pytorch-export.js';
import { readSafetensors, writeSafetensors } from '../../src/io/safetensors.js';
import { nchwToNhwc, nhwcToNchw, runOnnxGraph, type NamedTensor, type OnnxNode } from '../reference/onnx.js';
import { rng } from './build.js';

const TOLERANCE = 1e-4;
type T = { shape: number[]; data: Float32Array };

function random(shape: number[], seed: number, scale = 1): T {
  const r = rng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return { shape, data: Float32Array.from({ length: n }, () => (r() * 2 - 1) * scale) };
}

const init = (name: string, t: T): NamedTensor => ({ name, dims: t.shape, data: t.data });

function relErr(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  let ref = 1;
  for (let i = 0; i < a.length; i++) {
    max = Math.max(max, Math.abs(a[i]! - b[i]!));
    ref = Math.max(ref, Math.abs(b[i]!));
  }
  return max / ref;
}

/** ORT on NHWC `x` fed as NCHW; the output back in NHWC when rank 4. */
async function ort(x: T, nodes: OnnxNode[], initializers: NamedTensor[]): Promise<Float32Array> {
  const nchw = nhwcToNchw({ dims: x.shape, data: x.data });
  const res = await runOnnxGraph({ nodes, inputs: [{ name: 'x', dims: nchw.dims, data: nchw.data }], initializers, outputs: ['y'] });
  const y = res.y!;
  return y.dims.length === 4 ? nchwToNhwc(y).data : y.data;
}

describe('PyTorch layouts vs ONNX Runtime', () => {
  it('LeNet-style x=[2,8,8,2]: conv 3×3 (OIHW) → relu → maxpool 2 → flatten → Linear 36→5; the flatten reorder matters', async () => {
    const state = {
      'features.0.weight': random([4, 2, 3, 3], 1),
      'features.0.bias': random([4], 2),
      'classifier.weight': random([5, 36], 3),
      'classifier.bias': random([5], 4),
    };
    const x = random([2, 8, 8, 2], 5);
    const nodes: OnnxNode[] = [
      { opType: 'Conv', inputs: ['x', 'w1', 'b1'], outputs: ['c'], attributes: { kernel_shape: [3, 3] } },
      { opType: 'Relu', inputs: ['c'], outputs: ['r'] },
      { opType: 'MaxPool', inputs: ['r'], outputs: ['p'], attributes: { kernel_shape: [2, 2], strides: [2, 2] } },
      { opType: 'Flatten', inputs: ['p'], outputs: ['f'], attributes: { axis: 1 } },
      { opType: 'Gemm', inputs: ['f', 'w2', 'b2'], outputs: ['y'], attributes: { transB: 1 } },
    ];
    const ref = await ort(x, nodes, [
      init('w1', state['features.0.weight']),
      init('b1', state['features.0.bias']),
      init('w2', state['classifier.weight']),
      init('b2', state['classifier.bias']),
    ]);
    const build = () => {
      const i = input([8, 8, 2]);
      return model(i, i.conv2d({ filters: 4, kernel: 3 }).relu().maxPool2d({ size: 2 }).flatten().dense({ units: 5 }));
    };
    const map = { 'features.0': 'conv2d_1', classifier: 'dense_1' };
    const m = build();
    loadPyTorchWeights(m, state, map);
    expect(m.weights['conv2d_1/kernel']!.shape).toEqual([3, 3, 2, 4]);
    expect(m.weights['dense_1/kernel']!.shape).toEqual([36, 5]);
    expect(relErr(m.run(x).data, ref)).toBeLessThanOrEqual(TOLERANCE);
    const plain = build();
    loadPyTorchWeights(plain, state, map, { reorderFlatten: false });
    expect(relErr(plain.run(x).data, ref)).toBeGreaterThan(1e-2);
    // An explicit flattenFrom gives the same kernel as the inferred one.
    const explicit = convertPyTorchWeights(build(), state, map, { flattenFrom: { dense_1: [3, 3, 4] } });
    expect(explicit['dense_1/kernel']!.data).toEqual(m.weights['dense_1/kernel']!.data);
  });

  it('through safetensors: write the state dict → read → load gives the same outputs', async () => {
    const state = { 'conv.weight': random([3, 2, 2, 2], 11), 'conv.bias': random([3], 12), 'fc.weight': random([4, 27], 13) };
    const file = readSafetensors(writeSafetensors(state, { format: 'pt' }));
    const i = input([4, 4, 2]);
    const m = model(i, i.conv2d({ filters: 3, kernel: 2, name: 'conv' }).flatten().dense({ units: 4, useBias: false, name: 'fc' }));
    loadPyTorchWeights(m, file.tensors); // no map: modules named like the layers
    const x = random([1, 4, 4, 2], 14);
    const ref = await ort(
      x,
      [
        { opType: 'Conv', inputs: ['x', 'w', 'b'], outputs: ['c'], attributes: { kernel_shape: [2, 2] } },
        { opType: 'Flatten', inputs: ['c'], outputs: ['f'], attributes: { axis: 1 } },
        { opType: 'Gemm', inputs: ['f', 'fc'], outputs: ['y'], attributes: { transB: 1 } },
      ],
      [init('w', state['conv.weight']), init('b', state['conv.bias']), init('fc', state['fc.weight'])],
    );
    expect(relErr(m.run(x).data, ref)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('depthwise x=[1,6,6,3] k=3 M=2 p=1: [C·M, 1, kh, kw] → [kh, kw, C, M] vs Conv group=3', async () => {
    const state = { 'dw.weight': random([6, 1, 3, 3], 21), 'dw.bias': random([6], 22) };
    const x = random([1, 6, 6, 3], 23);
    const ref = await ort(x, [{ opType: 'Conv', inputs: ['x', 'w', 'b'], outputs: ['y'], attributes: { kernel_shape: [3, 3], group: 3, pads: [1, 1, 1, 1] } }], [
      init('w', state['dw.weight']),
      init('b', state['dw.bias']),
    ]);
    const i = input([6, 6, 3]);
    const m = model(i, i.depthwiseConv2d({ kernel: 3, depthMultiplier: 2, padding: 1, name: 'dw' }));
    loadPyTorchWeights(m, state);
    expect(m.weights['dw/kernel']!.shape).toEqual([3, 3, 3, 2]);
    expect(relErr(m.run(x).data, ref)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('grouped conv x=[1,5,5,4] k=[3,2] groups=2 s=2: OIHW [6, 2, 3, 2] → HWIO [3, 2, 2, 6]', async () => {
    const state = { 'g.weight': random([6, 2, 3, 2], 31), 'g.bias': random([6], 32) };
    const x = random([1, 5, 5, 4], 33);
    const ref = await ort(x, [{ opType: 'Conv', inputs: ['x', 'w', 'b'], outputs: ['y'], attributes: { kernel_shape: [3, 2], group: 2, strides: [2, 2] } }], [
      init('w', state['g.weight']),
      init('b', state['g.bias']),
    ]);
    const i = input([5, 5, 4]);
    const m = model(i, i.conv2d({ filters: 6, kernel: [3, 2], groups: 2, stride: 2, name: 'g' }));
    loadPyTorchWeights(m, state);
    expect(relErr(m.run(x).data, ref)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('transposed x=[1,4,4,3] k=3 s=2 → 5 filters: [I, O, kh, kw] → [kh, kw, O, I] vs ConvTranspose', async () => {
    const state = { 'up.weight': random([3, 5, 3, 3], 41), 'up.bias': random([5], 42) };
    const x = random([1, 4, 4, 3], 43);
    const ref = await ort(x, [{ opType: 'ConvTranspose', inputs: ['x', 'w', 'b'], outputs: ['y'], attributes: { kernel_shape: [3, 3], strides: [2, 2] } }], [
      init('w', state['up.weight']),
      init('b', state['up.bias']),
    ]);
    const i = input([4, 4, 3]);
    const m = model(i, i.conv2dTranspose({ filters: 5, kernel: 3, stride: 2, name: 'up' }));
    loadPyTorchWeights(m, state);
    expect(m.weights['up/kernel']!.shape).toEqual([3, 3, 5, 3]);
    expect(relErr(m.run(x).data, ref)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('conv → BatchNorm2d (running stats, ε=1e-5, num_batches_tracked skipped) vs BatchNormalization', async () => {
    const variance = random([4], 55);
    variance.data = variance.data.map((v) => 0.5 + Math.abs(v));
    const state = {
      'body.0.weight': random([4, 3, 3, 3], 51),
      'body.1.weight': random([4], 52),
      'body.1.bias': random([4], 53),
      'body.1.running_mean': random([4], 54),
      'body.1.running_var': variance,
      'body.1.num_batches_tracked': { shape: [], data: Float32Array.of(100) },
    };
    const x = random([2, 5, 5, 3], 56);
    const ref = await ort(
      x,
      [
        { opType: 'Conv', inputs: ['x', 'w'], outputs: ['c'], attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1] } },
        { opType: 'BatchNormalization', inputs: ['c', 'g', 'b', 'm', 'v'], outputs: ['y'], attributes: { epsilon: { float: 1e-5 } } },
      ],
      [
        init('w', state['body.0.weight']),
        init('g', state['body.1.weight']),
        init('b', state['body.1.bias']),
        init('m', state['body.1.running_mean']),
        init('v', state['body.1.running_var']),
      ],
    );
    const i = input([5, 5, 3]);
    const m = model(i, i.conv2d({ filters: 4, kernel: 3, padding: 1, useBias: false }).batchNorm({ epsilon: 1e-5 }));
    loadPyTorchWeights(m, state, (name) => (name.startsWith('body.0') ? 'conv2d_1' : name.startsWith('body.1') ? 'batchNorm_1' : undefined));
    expect(m.weights['batchNorm_1/movingVariance']!.data).toEqual(variance.data);
    expect(relErr(m.run(x).data, ref)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('separable x=[1,5,5,2] k=3 M=1 → 4 filters: depthwise + pointwise [F, C·M, 1, 1] vs Conv group=2 then Conv 1×1', async () => {
    const state = { 'dw.weight': random([2, 1, 3, 3], 71), 'pw.weight': random([4, 2, 1, 1], 72), 'pw.bias': random([4], 73) };
    const x = random([1, 5, 5, 2], 74);
    const ref = await ort(
      x,
      [
        { opType: 'Conv', inputs: ['x', 'dw'], outputs: ['d'], attributes: { kernel_shape: [3, 3], group: 2 } },
        { opType: 'Conv', inputs: ['d', 'pw', 'b'], outputs: ['y'], attributes: { kernel_shape: [1, 1] } },
      ],
      [init('dw', state['dw.weight']), init('pw', state['pw.weight']), init('b', state['pw.bias'])],
    );
    const i = input([5, 5, 2]);
    const m = model(i, i.separableConv2d({ filters: 4, kernel: 3, name: 'sep' }));
    loadPyTorchWeights(m, state, { 'dw.weight': 'sep/depthwiseKernel', 'pw.weight': 'sep/pointwiseKernel', 'pw.bias': 'sep/bias' });
    expect(relErr(m.run(x).data, ref)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('conv1d x=[1,7,2] k=3 → 3 filters: OIW → [k, I, O] vs Conv 1-D', async () => {
    const state = { 'c.weight': random([3, 2, 3], 61), 'c.bias': random([3], 62) };
    const x = random([1, 7, 2], 63);
    const res = await runOnnxGraph({
      nodes: [{ opType: 'Conv', inputs: ['x', 'w', 'b'], outputs: ['y'], attributes: { kernel_shape: [3] } }],
      inputs: [{ name: 'x', ...nhwcToNchw({ dims: x.shape, data: x.data }) }],
      initializers: [init('w', state['c.weight']), init('b', state['c.bias'])],
      outputs: ['y'],
    });
    const i = input([7, 2]);
    const m = model(i, i.conv1d({ filters: 3, kernel: 3, name: 'c' }));
    loadPyTorchWeights(m, state);
    expect(relErr(m.run(x).data, nchwToNhwc(res.y!).data)).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('name mapping and problems, all at once', () => {
  const build = () => {
    const i = input([8, 8, 1]);
    return model(i, i.conv2d({ filters: 6, kernel: 5, name: 'conv1' }).batchNorm({ name: 'bn1' }).flatten().dense({ units: 10, name: 'fc' }));
  };
  it('full-key and module maps mix; a layer name given for a full key takes its parameter from the kind', () => {
    const m = build();
    const out = convertPyTorchWeights(m, { 'a.weight': random([6, 1, 5, 5], 1), 'a.bias': random([6], 2), 'n.weight': random([6], 3), 'n.bias': random([6], 4), 'n.running_mean': random([6], 5), 'n.running_var': random([6], 6), 'h.weight': random([10, 96], 7), 'h.bias': random([10], 8) }, {
      'a.weight': 'conv1/kernel',
      'a.bias': 'conv1',
      n: 'bn1',
      h: 'fc',
    });
    expect(Object.keys(out).sort()).toEqual(['bn1/beta', 'bn1/gamma', 'bn1/movingMean', 'bn1/movingVariance', 'conv1/bias', 'conv1/kernel', 'fc/bias', 'fc/kernel']);
  });
  it('every problem of every layer in one WeightError, and nothing changes', () => {
    const m = build();
    const before = m.weights['conv1/kernel']!.data;
    let caught: unknown;
    try {
      loadPyTorchWeights(m, {
        'conv1.weight': random([6, 3, 5, 5], 1), // wrong in-channels
        'conv1.bias': random([6], 2),
        'bn1.weight': random([7], 3), // wrong size
        'fc.weight': random([96, 10], 4), // given as [in, out]
        'extra.weight': random([2], 5), // unmapped
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(WeightError);
    const problems = (caught as WeightError).problems;
    expect(problems).toEqual([
      "conv1: conv1/kernel ← 'conv1.weight' has the wrong shape (got [6, 3, 5, 5], expected [6, 1, 5, 5] = PyTorch OIHW of convtype [5, 5, 1, 6])",
      "bn1: bn1/gamma ← 'bn1.weight' has the wrong shape (got [7], expected [6])",
      "fc: fc/kernel ← 'fc.weight' has the wrong shape (got [96, 10], expected [10, 96] = PyTorch [out, in] of convtype [96, 10])",
      "extra.weight: no convtype weight is mapped to this PyTorch tensor (got no entry in the name map, expected '<layer>/<param>' or a layer name)",
      'bn1: bn1/beta is not given (got no PyTorch tensor mapped to it, expected every weight; pass { partial: true } to keep it)',
      'bn1: bn1/movingMean is not given (got no PyTorch tensor mapped to it, expected every weight; pass { partial: true } to keep it)',
      'bn1: bn1/movingVariance is not given (got no PyTorch tensor mapped to it, expected every weight; pass { partial: true } to keep it)',
      'fc: fc/bias is not given (got no PyTorch tensor mapped to it, expected every weight; pass { partial: true } to keep it)',
    ]);
    expect(m.weights['conv1/kernel']!.data).toEqual(before);
  });
  it('a flatten whose input is not the row before it asks for flattenFrom, which then works', () => {
    const x = input([4, 4, 2]);
    const a = x.conv2d({ filters: 3, kernel: 3, name: 'a' });
    const b = x.conv2d({ filters: 5, kernel: 1, name: 'b' });
    const y = a.flatten().dense({ units: 2, useBias: false, name: 'fc' });
    const m = model([x], [y, b]);
    const state = { 'fc.weight': random([2, 12], 1) };
    expect(() => convertPyTorchWeights(m, state, undefined, { partial: true })).toThrow(
      /fc: cannot tell what 'flatten_1' flattened \(got the row before it 'b' \[B, 4, 4, 5\], expected a channels-last shape of 12 elements; pass options.flattenFrom\['fc'\] = \[H, W, C\]\)/,
    );
    expect(() => convertPyTorchWeights(m, state, undefined, { partial: true, flattenFrom: { fc: [2, 2, 2] } })).toThrow(
      /fc: options.flattenFrom\['fc'\] does not fit the kernel \(got \[2,2,2\], expected \[H, W, C\] of 12 elements\)/,
    );
    const out = convertPyTorchWeights(m, state, undefined, { partial: true, flattenFrom: { fc: [2, 2, 3] } });
    // Row (h, w, c) of ours is PyTorch column c·4 + h·2 + w.
    const k = out['fc/kernel']!;
    for (let h = 0; h < 2; h++)
      for (let w = 0; w < 2; w++)
        for (let c = 0; c < 3; c++)
          for (let f = 0; f < 2; f++) expect(k.data[((h * 2 + w) * 3 + c) * 2 + f]).toBe(state['fc.weight'].data[f * 12 + c * 4 + h * 2 + w]);
  });
  it('partial and ignoreUnmapped; a map to a key the model lacks; a tensor given twice', () => {
    const m = build();
    loadPyTorchWeights(m, { 'conv1.bias': { shape: [6], data: new Float32Array(6).fill(3) }, 'junk.x': random([1], 1) }, undefined, { partial: true, ignoreUnmapped: true });
    expect([...m.weights['conv1/bias']!.data]).toEqual([3, 3, 3, 3, 3, 3]);
    expect(() => convertPyTorchWeights(m, { w: random([6], 1) }, { w: 'conv9/bias' }, { partial: true })).toThrow(/w: mapped to conv9\/bias, which the model does not have/);
    expect(() => convertPyTorchWeights(m, { a: random([6], 1), b: random([6], 1) }, { a: 'conv1/bias', b: 'conv1/bias' }, { partial: true })).toThrow(
      /conv1: conv1\/bias is given twice \(got 'a' and 'b'/,
    );
  });
});

describe('export: convtype → PyTorch', () => {
  it('LeNet-style x=[2,8,8,2]: exported OIHW conv and [out, in] Linear (NCHW flatten order) run in ORT like ours', async () => {
    const i = input([8, 8, 2]);
    const m = model(i, i.conv2d({ filters: 4, kernel: 3, biasInitializer: { kind: 'truncatedNormal', stddev: 0.5 } }).relu().maxPool2d({ size: 2 }).flatten().dense({ units: 5 }), { seed: 9 });
    const state = exportPyTorchWeights(m, { conv2d_1: 'features.0', dense_1: 'classifier' });
    expect(Object.keys(state)).toEqual(['features.0.weight', 'features.0.bias', 'classifier.weight', 'classifier.bias']);
    expect(state['features.0.weight']!.shape).toEqual([4, 2, 3, 3]);
    expect(state['classifier.weight']!.shape).toEqual([5, 36]);
    const x = random([2, 8, 8, 2], 10);
    const ref = await ort(
      x,
      [
        { opType: 'Conv', inputs: ['x', 'w1', 'b1'], outputs: ['c'], attributes: { kernel_shape: [3, 3] } },
        { opType: 'Relu', inputs: ['c'], outputs: ['r'] },
        { opType: 'MaxPool', inputs: ['r'], outputs: ['p'], attributes: { kernel_shape: [2, 2], strides: [2, 2] } },
        { opType: 'Flatten', inputs: ['p'], outputs: ['f'], attributes: { axis: 1 } },
        { opType: 'Gemm', inputs: ['f', 'w2', 'b2'], outputs: ['y'], attributes: { transB: 1 } },
      ],
      [
        { name: 'w1', dims: state['features.0.weight']!.shape, data: state['features.0.weight']!.data },
        { name: 'b1', dims: state['features.0.bias']!.shape, data: state['features.0.bias']!.data },
        { name: 'w2', dims: state['classifier.weight']!.shape, data: state['classifier.weight']!.data },
        { name: 'b2', dims: state['classifier.bias']!.shape, data: state['classifier.bias']!.data },
      ],
    );
    expect(relErr(m.run(x).data, ref)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('every layout round-trips exactly: export → safetensors → load into a model with other weights', () => {
    const build = (seed: number) => {
      const i = input([6, 6, 3]);
      const y = i
        .conv2d({ filters: 4, kernel: 3, padding: 1, groups: 1 })
        .batchNorm({})
        .depthwiseConv2d({ kernel: 3, depthMultiplier: 2 })
        .separableConv2d({ filters: 5, kernel: 1 })
        .conv2dTranspose({ filters: 3, kernel: 2, stride: 2 })
        .conv2d({ filters: 6, kernel: 2, groups: 3, stride: 2 })
        .flatten()
        .dense({ units: 7 })
        .dense({ units: 2 });
      return model(i, y, { seed });
    };
    const a = build(1);
    const b = build(2);
    const file = writeSafetensors(exportPyTorchWeights(a));
    const back = readSafetensors(file).tensors;
    expect(back['depthwiseConv2d_1.weight']!.shape).toEqual([8, 1, 3, 3]);
    expect(back['conv2dTranspose_1.weight']!.shape).toEqual([5, 3, 2, 2]);
    expect(back['batchNorm_1.running_var']!.shape).toEqual([4]);
    loadPyTorchWeights(b, back); // no map: modules are the layer names, parameters named by kind or as is
    for (const key of Object.keys(a.weights)) expect(b.weights[key]!.data).toEqual(a.weights[key]!.data);
    const x = random([1, 6, 6, 3], 3);
    expect(b.run(x).data).toEqual(a.run(x).data);
  });
});
