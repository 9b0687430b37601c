/**
 * Whole networks through `model().run()` against onnxruntime-node on identical weights, and identity tests
 * between layers (CONVENTIONS.md habit 9):
 * - a small CNN (conv → relu → maxpool → conv 'same' → relu → avgpool → flatten → dense → softmax), and a
 *   second one with stride-2 'same', groups, dilation, ceil mode and countIncludePad;
 * - the seed's AlexNet conv1 (227×227×3, 96 kernels 11×11, stride 4 → 55×55×96) on one deterministic image;
 * - the planner's harder cases: a conv that is both a model output and read by an activation (no fusion, no
 *   in-place overwrite), and a conv read by two activations joined by add;
 * - identities: a 1×1 conv = a dense layer per pixel; a conv whose kernel is the whole input = flatten +
 *   dense (NHWC flatten order, SEMANTICS.md §5); a conv with dilation d = a conv with the zero-inserted
 *   kernel (which also runs a dilated Winograd conv against a 5×5 GEMM conv).
 *
 * Engine comparisons use max|ours − ORT| / max(1, max|ORT|) ≤ 1e-4 (helpers.ts); identities compare two
 * convtype models with the same metric at 1e-5 (the two sides differ only in summation order).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { add, input, model, tensor, type Initializer } from '../../src/index.js';
import { nchwToNhwc, nhwcToNchw, runOnnxGraph, type NamedTensor, type OnnxNode } from '../reference/onnx.js';
import { convW, ErrorLog, pattern, randomData, relErr, rng, sizeOf, TOLERANCE, vec } from './helpers.js';

const log = new ErrorLog('networks.test.ts');
afterAll(() => log.print());

const BIAS: Initializer = { kind: 'truncatedNormal', stddev: 0.5 };
const IDENTITY_TOLERANCE = 1e-5;

type Out = { readonly shape: readonly number[]; readonly data: Float32Array };

/** Runs an ONNX graph on NHWC `x` (fed as NCHW 'x') and returns output `name`, NHWC if rank 4. */
async function ort(x: { dims: readonly number[]; data: Float32Array }, nodes: OnnxNode[], initializers: NamedTensor[], outputs: string[]) {
  const nchw = nhwcToNchw(x);
  const res = await runOnnxGraph({ nodes, inputs: [{ name: 'x', dims: nchw.dims, data: nchw.data }], initializers, outputs });
  return Object.fromEntries(outputs.map((o) => [o, res[o]!.dims.length === 4 ? nchwToNhwc(res[o]!) : res[o]!]));
}

function expectClose(kind: string, name: string, ours: Out, ref: { dims: readonly number[]; data: Float32Array }, bound = TOLERANCE): void {
  expect([...ours.shape]).toEqual([...ref.dims]);
  expect(log.add(kind, relErr(ours.data, ref.data), name)).toBeLessThanOrEqual(bound);
}

/** The weights of `m` as ONNX initializers: conv kernels OIHW, dense kernels as is, biases 1-D. */
function weight(m: { weights: Readonly<Record<string, { shape: readonly number[]; data: Float32Array }>> }, key: string, as: string): NamedTensor {
  const t = m.weights[key];
  if (!t) throw new Error(`no weight ${key} (have ${Object.keys(m.weights).join(', ')})`);
  if (t.shape.length === 4) return { ...convW(t), name: as };
  return { name: as, dims: t.shape, data: t.data };
}

describe('whole networks vs ORT', () => {
  it('small CNN x=[2,16,16,3]: conv 3×3 p=1 → relu → maxpool 2 → conv 3×3 same → relu → avgpool 2 → flatten → dense 10 → softmax', async () => {
    const x = input([16, 16, 3]);
    const y = x
      .conv2d({ filters: 8, kernel: 3, padding: 1, biasInitializer: BIAS })
      .relu()
      .maxPool2d({ size: 2 })
      .conv2d({ filters: 12, kernel: 3, padding: 'same', biasInitializer: BIAS })
      .relu()
      .avgPool2d({ size: 2 })
      .flatten()
      .dense({ units: 10, biasInitializer: BIAS })
      .softmax();
    const m = model(x, y, { seed: 11 });
    expect(y.shape).toEqual([-1, 10]);
    expect(Object.keys(m.weights)).toEqual(['conv2d_1/kernel', 'conv2d_1/bias', 'conv2d_2/kernel', 'conv2d_2/bias', 'dense_1/kernel', 'dense_1/bias']);
    const dims = [2, 16, 16, 3] as const;
    const data = randomData(rng(1), sizeOf(dims));
    const ours = m.run(tensor(dims, data));
    const ref = await ort(
      { dims, data },
      [
        { opType: 'Conv', inputs: ['x', 'w1', 'b1'], outputs: ['c1'], attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1] } },
        { opType: 'Relu', inputs: ['c1'], outputs: ['r1'] },
        { opType: 'MaxPool', inputs: ['r1'], outputs: ['p1'], attributes: { kernel_shape: [2, 2], strides: [2, 2] } },
        { opType: 'Conv', inputs: ['p1', 'w2', 'b2'], outputs: ['c2'], attributes: { kernel_shape: [3, 3], auto_pad: 'SAME_UPPER' } },
        { opType: 'Relu', inputs: ['c2'], outputs: ['r2'] },
        { opType: 'AveragePool', inputs: ['r2'], outputs: ['p2'], attributes: { kernel_shape: [2, 2], strides: [2, 2] } },
        { opType: 'Transpose', inputs: ['p2'], outputs: ['nhwc'], attributes: { perm: [0, 2, 3, 1] } },
        { opType: 'Flatten', inputs: ['nhwc'], outputs: ['flat'], attributes: { axis: 1 } },
        { opType: 'Gemm', inputs: ['flat', 'w3', 'b3'], outputs: ['logits'] },
        { opType: 'Softmax', inputs: ['logits'], outputs: ['y'], attributes: { axis: 1 } },
      ],
      [
        weight(m, 'conv2d_1/kernel', 'w1'), weight(m, 'conv2d_1/bias', 'b1'),
        weight(m, 'conv2d_2/kernel', 'w2'), weight(m, 'conv2d_2/bias', 'b2'),
        weight(m, 'dense_1/kernel', 'w3'), weight(m, 'dense_1/bias', 'b3'),
      ],
      ['y'],
    );
    expectClose('network', 'small CNN', ours, ref.y!);
    // the probabilities are not degenerate (a softmax of zeros would pass trivially)
    expect(Math.max(...ours.data)).toBeGreaterThan(0.11);
  });

  it('CNN x=[3,15,13,4]: conv 5×5 s=2 same → relu → maxpool 3 s=2 ceil → grouped conv d=2 → tanh → avgpool 2 p=1 countIncludePad → flatten → dense → sigmoid', async () => {
    const x = input([15, 13, 4]);
    const y = x
      .conv2d({ filters: 12, kernel: 5, stride: 2, padding: 'same', biasInitializer: BIAS }) // 8×7
      .relu()
      .maxPool2d({ size: 3, stride: 2, ceilMode: true }) // 4×3
      .conv2d({ filters: 6, kernel: [3, 2], dilation: 2, padding: [[2, 2], [1, 1]], groups: 3, biasInitializer: BIAS }) // 4×3
      .tanh()
      .avgPool2d({ size: 2, padding: 1, countIncludePad: true }) // 3×2
      .flatten()
      .dense({ units: 5, biasInitializer: BIAS })
      .sigmoid();
    const m = model(x, y, { seed: 12 });
    const dims = [3, 15, 13, 4] as const;
    const data = randomData(rng(2), sizeOf(dims));
    const ours = m.run(tensor(dims, data));
    const ref = await ort(
      { dims, data },
      [
        { opType: 'Conv', inputs: ['x', 'w1', 'b1'], outputs: ['c1'], attributes: { kernel_shape: [5, 5], strides: [2, 2], auto_pad: 'SAME_UPPER' } },
        { opType: 'Relu', inputs: ['c1'], outputs: ['r1'] },
        { opType: 'MaxPool', inputs: ['r1'], outputs: ['p1'], attributes: { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 } },
        { opType: 'Conv', inputs: ['p1', 'w2', 'b2'], outputs: ['c2'], attributes: { kernel_shape: [3, 2], dilations: [2, 2], pads: [2, 1, 2, 1], group: 3 } },
        { opType: 'Tanh', inputs: ['c2'], outputs: ['r2'] },
        { opType: 'AveragePool', inputs: ['r2'], outputs: ['p2'], attributes: { kernel_shape: [2, 2], strides: [2, 2], pads: [1, 1, 1, 1], count_include_pad: 1 } },
        { opType: 'Transpose', inputs: ['p2'], outputs: ['nhwc'], attributes: { perm: [0, 2, 3, 1] } },
        { opType: 'Flatten', inputs: ['nhwc'], outputs: ['flat'], attributes: { axis: 1 } },
        { opType: 'Gemm', inputs: ['flat', 'w3', 'b3'], outputs: ['logits'] },
        { opType: 'Sigmoid', inputs: ['logits'], outputs: ['y'] },
      ],
      [
        weight(m, 'conv2d_1/kernel', 'w1'), weight(m, 'conv2d_1/bias', 'b1'),
        weight(m, 'conv2d_2/kernel', 'w2'), weight(m, 'conv2d_2/bias', 'b2'),
        weight(m, 'dense_1/kernel', 'w3'), weight(m, 'dense_1/bias', 'b3'),
      ],
      ['y'],
    );
    expect([...ours.shape]).toEqual([3, 5]);
    expectClose('network', 'CNN with groups/dilation/ceil', ours, ref.y!);
  });

  it('AlexNet conv1 x=[1,227,227,3] k=[11,11] f=96 s=4 d=1 p=0 g=1 (→ 55×55×96), and with relu', async () => {
    const x = input([227, 227, 3]);
    const conv1 = x.conv2d({ filters: 96, kernel: 11, stride: 4, name: 'conv1', biasInitializer: BIAS });
    const plain = model(x, conv1, { seed: 2012 });
    const withRelu = model(x, conv1.relu(), { seed: 2012 });
    expect(plain.params).toBe(34_944);
    const dims = [1, 227, 227, 3] as const;
    const image = pattern(sizeOf(dims)); // one deterministic image
    const ours = plain.run(tensor(dims, image));
    const oursRelu = withRelu.run(tensor(dims, image));
    expect(ours.shape).toEqual([1, 55, 55, 96]);
    const ref = await ort(
      { dims, data: image },
      [
        { opType: 'Conv', inputs: ['x', 'w', 'b'], outputs: ['c'], attributes: { kernel_shape: [11, 11], strides: [4, 4] } },
        { opType: 'Relu', inputs: ['c'], outputs: ['r'] },
      ],
      [weight(plain, 'conv1/kernel', 'w'), weight(plain, 'conv1/bias', 'b')],
      ['c', 'r'],
    );
    expectClose('alexnet conv1', 'conv1', ours, ref.c!);
    expectClose('alexnet conv1', 'conv1+relu', oursRelu, ref.r!);
    // the same seed gave both models the same weights
    expect(withRelu.weights['conv1/kernel']!.data).toEqual(plain.weights['conv1/kernel']!.data);
  });
});

describe('planner cases vs ORT', () => {
  it('conv x=[2,6,6,3] is a model output AND read by relu: no fusion, no in-place overwrite', async () => {
    const x = input([6, 6, 3]);
    const c = x.conv2d({ filters: 4, kernel: 3, padding: 1, biasInitializer: BIAS });
    const m = model([x], [c, c.relu()], { seed: 21 });
    const dims = [2, 6, 6, 3] as const;
    const data = randomData(rng(3), sizeOf(dims));
    const [conv, relu] = m.run([tensor(dims, data)]) as unknown as [Out, Out];
    const ref = await ort(
      { dims, data },
      [
        { opType: 'Conv', inputs: ['x', 'w', 'b'], outputs: ['c'], attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1] } },
        { opType: 'Relu', inputs: ['c'], outputs: ['r'] },
      ],
      [weight(m, 'conv2d_1/kernel', 'w'), weight(m, 'conv2d_1/bias', 'b')],
      ['c', 'r'],
    );
    expect(conv.data.some((v) => v < 0)).toBe(true); // a relu applied in place would show
    expectClose('planner', 'conv output', conv, ref.c!);
    expectClose('planner', 'relu output', relu, ref.r!);
  });

  it('conv x=[2,7,5,4] read by relu and sigmoid, joined by add', async () => {
    const x = input([7, 5, 4]);
    const c = x.conv2d({ filters: 6, kernel: 3, stride: [1, 2], padding: 'same', biasInitializer: BIAS });
    const m = model(x, add(c.relu(), c.sigmoid()), { seed: 22 });
    const dims = [2, 7, 5, 4] as const;
    const data = randomData(rng(4), sizeOf(dims));
    const ours = m.run(tensor(dims, data));
    const ref = await ort(
      { dims, data },
      [
        { opType: 'Conv', inputs: ['x', 'w', 'b'], outputs: ['c'], attributes: { kernel_shape: [3, 3], strides: [1, 2], auto_pad: 'SAME_UPPER' } },
        { opType: 'Relu', inputs: ['c'], outputs: ['r'] },
        { opType: 'Sigmoid', inputs: ['c'], outputs: ['s'] },
        { opType: 'Add', inputs: ['r', 's'], outputs: ['y'] },
      ],
      [weight(m, 'conv2d_1/kernel', 'w'), weight(m, 'conv2d_1/bias', 'b')],
      ['y'],
    );
    expectClose('planner', 'relu + sigmoid of one conv', ours, ref.y!);
  });
});

describe('identities', () => {
  it('a 1×1 conv x=[2,5,6,9] f=7 equals dense (units 7) applied to every pixel, with the same weights', () => {
    const x = input([5, 6, 9]);
    const convModel = model(x, x.conv2d({ filters: 7, kernel: 1, biasInitializer: BIAS }), { seed: 31 });
    const pixel = input([9]);
    const denseModel = model(pixel, pixel.dense({ units: 7 }), { seed: 32 });
    const k = convModel.weights['conv2d_1/kernel']!;
    expect([...k.shape]).toEqual([1, 1, 9, 7]);
    denseModel.setWeights({
      'dense_1/kernel': { shape: [9, 7], data: k.data },
      'dense_1/bias': convModel.weights['conv2d_1/bias']!,
    });
    const data = randomData(rng(5), 2 * 5 * 6 * 9);
    const a = convModel.run(tensor([2, 5, 6, 9], data));
    const b = denseModel.run(tensor([60, 9], data)); // NHWC: every pixel is a row of 9 channels
    expect(log.add('identity', relErr(a.data, b.data), '1×1 conv = dense per pixel')).toBeLessThanOrEqual(IDENTITY_TOLERANCE);
  });

  it('a conv whose kernel is its input (x=[3,6,6,8] k=6 f=10 → 1×1×10) equals flatten + dense with the same weights', () => {
    const x = input([6, 6, 8]);
    const asConv = model(x, x.conv2d({ filters: 10, kernel: 6, biasInitializer: BIAS }).flatten(), { seed: 41 });
    const asDense = model(x, x.flatten().dense({ units: 10, inFeatures: 288 }), { seed: 42 });
    const k = asConv.weights['conv2d_1/kernel']!;
    // HWIO [6, 6, 8, 10] is, element for element, the dense kernel [288, 10] of the NHWC flatten order h·W·C + w·C + c
    asDense.setWeights({ 'dense_1/kernel': { shape: [288, 10], data: k.data }, 'dense_1/bias': asConv.weights['conv2d_1/bias']! });
    const data = randomData(rng(6), 3 * 6 * 6 * 8);
    const a = asConv.run(tensor([3, 6, 6, 8], data));
    const b = asDense.run(tensor([3, 6, 6, 8], data));
    expect(a.shape).toEqual([3, 10]);
    expect(log.add('identity', relErr(a.data, b.data), 'kernel = input ⇔ flatten + dense')).toBeLessThanOrEqual(IDENTITY_TOLERANCE);
  });

  /** Kernel `[kh, kw, I, O]` with (d − 1) zero rows/columns between taps: `[d(kh−1)+1, d(kw−1)+1, I, O]`. */
  function zeroInserted(k: { shape: readonly number[]; data: Float32Array }, dh: number, dw: number) {
    const [kh, kw, ci, co] = k.shape as [number, number, number, number];
    const eh = dh * (kh - 1) + 1;
    const ew = dw * (kw - 1) + 1;
    const out = new Float32Array(eh * ew * ci * co);
    for (let i = 0; i < kh; i++)
      for (let j = 0; j < kw; j++)
        out.set(k.data.subarray((i * kw + j) * ci * co, (i * kw + j + 1) * ci * co), (i * dh * ew + j * dw) * ci * co);
    return { shape: [eh, ew, ci, co], data: out };
  }

  const dilationCases = [
    { x: [2, 11, 10, 3], k: [3, 3], d: [2, 2], s: [1, 1], p: 0 as const, f: 4 },
    { x: [1, 12, 13, 5], k: [3, 2], d: [2, 3], s: [2, 1], p: 'same' as const, f: 6 },
    { x: [2, 9, 9, 4], k: [2, 3], d: [3, 2], s: [1, 2], p: [[1, 2], [3, 0]] as const, f: 3 },
    { x: [1, 10, 10, 16], k: [3, 3], d: [2, 2], s: [1, 1], p: 2 as const, f: 16 }, // dilated Winograd vs 5×5 GEMM
  ];
  for (const c of dilationCases) {
    it(`dilation d=${JSON.stringify(c.d)} equals the zero-inserted kernel: x=[${c.x}] k=[${c.k}] s=[${c.s}] p=${JSON.stringify(c.p)} f=${c.f}`, () => {
      const [b, h, w, ch] = c.x as [number, number, number, number];
      const x = input([h, w, ch]);
      const dilated = model(x, x.conv2d({ filters: c.f, kernel: c.k as [number, number], dilation: c.d as [number, number], stride: c.s as [number, number], padding: c.p, biasInitializer: BIAS }), { seed: 51 });
      const ke: [number, number] = [c.d[0]! * (c.k[0]! - 1) + 1, c.d[1]! * (c.k[1]! - 1) + 1];
      const plain = model(x, x.conv2d({ filters: c.f, kernel: ke, stride: c.s as [number, number], padding: c.p }), { seed: 52 });
      plain.setWeights({ 'conv2d_1/kernel': zeroInserted(dilated.weights['conv2d_1/kernel']!, c.d[0]!, c.d[1]!), 'conv2d_1/bias': dilated.weights['conv2d_1/bias']! });
      const data = randomData(rng(7), b * h * w * ch);
      const a = dilated.run(tensor([b, h, w, ch], data));
      const z = plain.run(tensor([b, h, w, ch], data));
      expect(a.shape).toEqual(z.shape);
      expect(log.add('identity', relErr(a.data, z.data), `dilation ${JSON.stringify(c)}`)).toBeLessThanOrEqual(IDENTITY_TOLERANCE);
    });
  }
});
