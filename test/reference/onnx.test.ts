/**
 * Sanity tests of the reference harness itself: the protobuf writer, the ONNX encoder and runners,
 * and the layout helpers (checked against naive NHWC/HWIO loops, the layouts convtype computes in).
 */
import { describe, expect, it } from 'vitest';
import {
  convTransposeKernelFromOnnx,
  convTransposeKernelToOnnx,
  hwioToOihw,
  nchwToNhwc,
  nhwcToNchw,
  oihwToHwio,
  permute,
  runOnnxGraph,
  runOnnxOp,
  sizeOf,
} from './onnx.js';
import type { DenseTensor } from './onnx.js';
import { Message } from './protobuf.js';

/** Deterministic small floats (not random: the tests must not depend on a seed). */
function ramp(dims: readonly number[], scale = 0.1): DenseTensor {
  const data = Float32Array.from({ length: sizeOf(dims) }, (_, i) => (((i * 7) % 11) - 5) * scale);
  return { dims, data };
}

function expectClose(actual: Float32Array, expected: Float32Array, tol = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    if (Math.abs(actual[i] - expected[i]) > tol) {
      throw new Error(`element ${i}: got ${actual[i]}, expected ${expected[i]} (tolerance ${tol})`);
    }
  }
}

/** Naive NHWC conv, HWIO kernel `[kh, kw, C/groups, O]`, symmetric padding. */
function naiveConv(x: DenseTensor, w: DenseTensor, stride: number, pad: number, groups: number): DenseTensor {
  const [n, h, wd, c] = x.dims;
  const [kh, kw, cg, o] = w.dims;
  const og = o / groups;
  const oh = Math.floor((h + 2 * pad - kh) / stride) + 1;
  const ow = Math.floor((wd + 2 * pad - kw) / stride) + 1;
  const y = new Float32Array(n * oh * ow * o);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let f = 0; f < o; f++) {
          const g = Math.floor(f / og);
          let acc = 0;
          for (let p = 0; p < kh; p++)
            for (let q = 0; q < kw; q++) {
              const hi = i * stride + p - pad;
              const wi = j * stride + q - pad;
              if (hi < 0 || hi >= h || wi < 0 || wi >= wd) continue;
              for (let ci = 0; ci < cg; ci++) {
                acc += x.data[((b * h + hi) * wd + wi) * c + g * cg + ci] * w.data[((p * kw + q) * cg + ci) * o + f];
              }
            }
          y[((b * oh + i) * ow + j) * o + f] = acc;
        }
  return { dims: [n, oh, ow, o], data: y };
}

/** Naive NHWC transposed conv (scatter form), kernel `[kh, kw, O, I]`, no padding. */
function naiveConvTranspose(x: DenseTensor, w: DenseTensor, stride: number): DenseTensor {
  const [n, h, wd, ci] = x.dims;
  const [kh, kw, o] = w.dims;
  const oh = (h - 1) * stride + kh;
  const ow = (wd - 1) * stride + kw;
  const y = new Float32Array(n * oh * ow * o);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < h; i++)
      for (let j = 0; j < wd; j++)
        for (let c = 0; c < ci; c++) {
          const v = x.data[((b * h + i) * wd + j) * ci + c];
          for (let p = 0; p < kh; p++)
            for (let q = 0; q < kw; q++)
              for (let f = 0; f < o; f++) {
                y[((b * oh + i * stride + p) * ow + j * stride + q) * o + f] += v * w.data[((p * kw + q) * o + f) * ci + c];
              }
        }
  return { dims: [n, oh, ow, o], data: y };
}

describe('protobuf writer', () => {
  it('encodes varints as protobuf does (150 → 96 01; −1 → ten bytes)', () => {
    expect([...new Message().varint(1, 150).encode()]).toEqual([0x08, 0x96, 0x01]);
    expect([...new Message().varint(1, -1).encode()]).toEqual([0x08, ...new Array(9).fill(0xff), 0x01]);
  });

  it('encodes strings, floats and nested messages length-delimited', () => {
    expect([...new Message().string(2, 'ab').encode()]).toEqual([0x12, 2, 0x61, 0x62]);
    expect([...new Message().float(2, 1).encode()]).toEqual([0x15, 0, 0, 0x80, 0x3f]);
    const inner = new Message().varint(1, 3);
    expect([...new Message().message(7, inner).encode()]).toEqual([0x3a, 2, 0x08, 3]);
  });
});

describe('layout helpers', () => {
  it('permute matches a hand-written 2×3 transpose', () => {
    const t = permute({ dims: [2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) }, [1, 0]);
    expect(t.dims).toEqual([3, 2]);
    expect([...t.data]).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('round-trips activations and kernels', () => {
    const x = ramp([2, 3, 4, 5]);
    expect(nhwcToNchw(x).dims).toEqual([2, 5, 3, 4]);
    expect(nchwToNhwc(nhwcToNchw(x))).toEqual(x);
    const w = ramp([3, 2, 4, 6]);
    expect(hwioToOihw(w).dims).toEqual([6, 4, 3, 2]);
    expect(oihwToHwio(hwioToOihw(w))).toEqual(w);
    expect(convTransposeKernelToOnnx(w).dims).toEqual([6, 4, 3, 2]);
    expect(convTransposeKernelFromOnnx(convTransposeKernelToOnnx(w))).toEqual(w);
  });

  it('rejects a perm that is not a permutation', () => {
    expect(() => permute(ramp([2, 2]), [0, 0])).toThrow(/permutation/);
  });
});

describe('runOnnxOp on onnxruntime-node', () => {
  it('Relu', async () => {
    const y = await runOnnxOp({ opType: 'Relu', inputs: [{ name: 'x', dims: [4], data: Float32Array.of(-2, -0.5, 0, 3) }] });
    expect(y.dims).toEqual([4]);
    expect([...y.data]).toEqual([0, 0, 0, 3]);
  });

  it('MaxPool 2×2/2 on a known 4×4 input', async () => {
    const x = { name: 'x', dims: [1, 1, 4, 4], data: Float32Array.from({ length: 16 }, (_, i) => i) };
    const y = await runOnnxOp({ opType: 'MaxPool', attributes: { kernel_shape: [2, 2], strides: [2, 2] }, inputs: [x] });
    expect(y.dims).toEqual([1, 1, 2, 2]);
    expect([...y.data]).toEqual([5, 7, 13, 15]);
  });

  it('a 1×1 Conv equals a per-pixel matmul (NHWC/HWIO converted with the helpers)', async () => {
    const x = ramp([1, 2, 2, 3]);
    const w = ramp([1, 1, 3, 2], 0.25);
    const expected = new Float32Array(2 * 2 * 2);
    for (let p = 0; p < 4; p++)
      for (let o = 0; o < 2; o++)
        for (let c = 0; c < 3; c++) expected[p * 2 + o] += x.data[p * 3 + c] * w.data[c * 2 + o];
    const y = await runOnnxOp({
      opType: 'Conv',
      attributes: { kernel_shape: [1, 1] },
      inputs: [{ name: 'x', ...nhwcToNchw(x) }],
      initializers: [{ name: 'w', ...hwioToOihw(w) }],
    });
    const yNhwc = nchwToNhwc(y);
    expect(yNhwc.dims).toEqual([1, 2, 2, 2]);
    expectClose(yNhwc.data, expected);
  });

  it('a grouped 3×3 Conv with stride and padding matches a naive NHWC loop', async () => {
    const x = ramp([2, 5, 6, 4]);
    const w = ramp([3, 3, 2, 6], 0.05); // groups 2: in/groups = 2, out = 6
    const expected = naiveConv(x, w, 2, 1, 2);
    const y = await runOnnxOp({
      opType: 'Conv',
      attributes: { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1], group: 2 },
      inputs: [{ name: 'x', ...nhwcToNchw(x) }],
      initializers: [{ name: 'w', ...hwioToOihw(w) }],
    });
    const yNhwc = nchwToNhwc(y);
    expect(yNhwc.dims).toEqual(expected.dims);
    expectClose(yNhwc.data, expected.data);
  });

  it('ConvTranspose with our [kh, kw, out, in] kernel matches a naive scatter loop', async () => {
    const x = ramp([1, 3, 2, 3]);
    const w = ramp([2, 3, 4, 3], 0.05); // out 4, in 3
    const expected = naiveConvTranspose(x, w, 2);
    const y = await runOnnxOp({
      opType: 'ConvTranspose',
      attributes: { kernel_shape: [2, 3], strides: [2, 2] },
      inputs: [{ name: 'x', ...nhwcToNchw(x) }],
      initializers: [{ name: 'w', ...convTransposeKernelToOnnx(w) }],
    });
    const yNhwc = nchwToNhwc(y);
    expect(yNhwc.dims).toEqual(expected.dims);
    expectClose(yNhwc.data, expected.data);
  });

  it('encodes FLOAT attributes and refuses a non-integer plain number', async () => {
    const x = { name: 'x', dims: [2], data: Float32Array.of(-1, 2) };
    const y = await runOnnxOp({ opType: 'LeakyRelu', attributes: { alpha: { float: 0.25 } }, inputs: [x] });
    expect([...y.data]).toEqual([-0.25, 2]);
    await expect(runOnnxOp({ opType: 'LeakyRelu', attributes: { alpha: 0.25 }, inputs: [x] })).rejects.toThrow(/float/);
  });

  it('accepts symbolic and unknown declared dims', async () => {
    const x = { name: 'x', dims: [2, 3], declaredDims: ['N', null], data: Float32Array.of(-1, 1, -2, 2, -3, 3) };
    const y = await runOnnxOp({ opType: 'Relu', inputs: [x] });
    expect(y.dims).toEqual([2, 3]);
  });
});

describe('runOnnxGraph', () => {
  it('runs several nodes with an int64 initializer and returns every requested output', async () => {
    const x = { name: 'x', dims: [1, 2, 2, 2], data: Float32Array.of(1, -2, 3, -4, 5, -6, 7, -8) };
    const out = await runOnnxGraph({
      nodes: [
        { opType: 'Relu', inputs: ['x'], outputs: ['r'] },
        { opType: 'Reshape', inputs: ['r', 'shape'], outputs: ['flat'] },
        { opType: 'Gemm', inputs: ['flat', 'w'], outputs: ['y'], attributes: { alpha: { float: 2 } } },
      ],
      inputs: [x],
      initializers: [
        { name: 'shape', dims: [2], data: BigInt64Array.of(1n, -1n) },
        { name: 'w', dims: [8, 1], data: new Float32Array(8).fill(1) },
      ],
      outputs: ['flat', 'y'],
    });
    expect(out.flat.dims).toEqual([1, 8]);
    expect([...out.flat.data]).toEqual([1, 0, 3, 0, 5, 0, 7, 0]);
    expect(out.y.dims).toEqual([1, 1]);
    expect(out.y.data[0]).toBeCloseTo(32);
  });
});
