/**
 * readOnnxInitializers / loadOnnxWeights: round trips through our encoder (raw_data and hand-written
 * typed fields, packed and not, every supported element type), a `toOnnx` export read back (OIHW kernels
 * against the model's HWIO weights permuted), a LeNet-like model through exportPyTorchWeights → ONNX →
 * loadOnnxWeights giving the same `run` output, malformed inputs each refused with a FormatError naming
 * the tensor, and a seeded fuzzer of truncations and byte flips (each parses or throws FormatError, fast).
 */
import { describe, expect, it } from 'vitest';
import { input, model } from '../../src/index.js';
import { FormatError } from '../../src/io/errors.js';
import { exportPyTorchWeights } from '../../src/io/pytorch-export.js';
import { encodeModel, loadOnnxWeights, readOnnxInitializers, toOnnx, type NamedTensor } from '../../src/onnx/index.js';
import { Message } from '../../src/onnx/proto.js';
import { rng } from '../io/build.js';
import { fuzzFormat } from './mutants.js';

const emptyGraph = { nodes: [], inputs: [], outputs: [], opset: 17, irVersion: 8 };
const withInitializers = (initializers: NamedTensor[]): Uint8Array => encodeModel({ ...emptyGraph, initializers });
/** A ModelProto whose graph holds the given TensorProto messages (and an ir_version before it). */
const modelOf = (...tensors: Message[]): Uint8Array => {
  const graph = new Message().string(2, 'g');
  for (const t of tensors) graph.message(5, t);
  return new Message().varint(1, 8).message(7, graph).encode();
};
const f32Bytes = (xs: number[]): Uint8Array => new Uint8Array(Float32Array.from(xs).buffer);
const f64Bytes = (xs: number[]): Uint8Array => new Uint8Array(Float64Array.from(xs).buffer);
/** Packed varints (int64 semantics), as a payload. */
const packedVarints = (xs: (number | bigint)[]): Uint8Array => {
  const out: number[] = [];
  for (const x of xs) {
    let v = BigInt.asUintN(64, BigInt(x));
    while (v >= 0x80n) {
      out.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(Number(v));
  }
  return Uint8Array.from(out);
};
const halfBits = (x: number): number => {
  // exact for the values used (powers of two and small sums)
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer)[0]!;
  const sign = (u >>> 16) & 0x8000;
  const exp = ((u >>> 23) & 0xff) - 127 + 15;
  const mant = (u >>> 13) & 0x3ff;
  return x === 0 ? sign : sign | (exp << 10) | mant;
};

function expectFormatError(bytes: Uint8Array, pattern: RegExp, tensor?: string): void {
  let caught: unknown;
  try {
    readOnnxInitializers(bytes);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(FormatError);
  expect((caught as Error).message).toMatch(pattern);
  expect((caught as FormatError).tensor).toBe(tensor);
}

describe('round trip with encodeModel', () => {
  it('raw_data of float32, int32 and int64 (negatives, a scalar, an empty tensor)', () => {
    const bytes = withInitializers([
      { name: 'w', dims: [2, 3], data: Float32Array.of(1, -2.5, 3e-8, 4, 1e30, -0) },
      { name: 'i32', dims: [4], data: Int32Array.of(0, -1, 2147483647, -2147483648) },
      { name: 'i64', dims: [2, 2], data: BigInt64Array.of(-1n, 5n, 1n << 40n, -(1n << 33n)) },
      { name: 'scalar', dims: [], data: Float32Array.of(0.5) },
      { name: 'empty', dims: [0, 3], data: new Float32Array(0) },
    ]);
    const r = readOnnxInitializers(bytes);
    expect(Object.keys(r)).toEqual(['w', 'i32', 'i64', 'scalar', 'empty']);
    expect(r.w).toEqual({ dims: [2, 3], data: Float32Array.of(1, -2.5, 3e-8, 4, 1e30, -0) });
    expect(r.i32).toEqual({ dims: [4], data: Float32Array.of(0, -1, 2147483647, -2147483648) });
    expect(r.i64).toEqual({ dims: [2, 2], data: Float32Array.of(-1, 5, 2 ** 40, -(2 ** 33)) });
    expect(r.scalar).toEqual({ dims: [], data: Float32Array.of(0.5) });
    expect(r.empty).toEqual({ dims: [0, 3], data: new Float32Array(0) });
    // An ArrayBuffer and an unaligned view read the same.
    expect(readOnnxInitializers(bytes.slice().buffer)).toEqual(r);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(readOnnxInitializers(shifted.subarray(1))).toEqual(r);
  });

  it('typed fields, packed and not: float_data, int32_data, int64_data, double_data, FLOAT16 (raw and int32_data), DOUBLE raw', () => {
    const bytes = modelOf(
      // float_data packed, dims packed
      new Message().bytes(1, packedVarints([2, 2])).varint(2, 1).bytes(4, f32Bytes([1, 2, 3, 4])).string(8, 'packedF'),
      // float_data unpacked (fixed32 one by one), name first, dims unpacked
      new Message().string(8, 'unpackedF').varint(1, 3).varint(2, 1).float(4, 0.25).float(4, -1).float(4, 7),
      // int32_data packed with negatives (10-byte varints)
      new Message().varint(1, 3).varint(2, 6).bytes(5, packedVarints([-7, 0, 123456])).string(8, 'i32'),
      // int64_data unpacked, several packed runs merged
      new Message().varint(1, 4).varint(2, 7).varint(7, -3).bytes(7, packedVarints([1n << 50n])).varint(7, 9).bytes(7, packedVarints([])).varint(7, 0).string(8, 'i64'),
      // double_data packed + unpacked fixed64 is not expressible with Message.float; packed only
      new Message().varint(1, 2).varint(2, 11).bytes(10, f64Bytes([0.1, -1e300])).string(8, 'f64'),
      new Message().varint(1, 2).varint(2, 11).bytes(9, f64Bytes([2.5, 1e-50])).string(8, 'f64raw'),
      // FLOAT16 via int32_data (bit patterns) and via raw_data
      new Message().varint(1, 3).varint(2, 10).bytes(5, packedVarints([halfBits(1.5), halfBits(-2), halfBits(0.000061035156)])).string(8, 'f16'),
      new Message().varint(1, 3).varint(2, 10).bytes(9, new Uint8Array(Uint16Array.of(halfBits(1.5), 0x7c00, 0xfc00).buffer)).string(8, 'f16raw'),
    );
    const r = readOnnxInitializers(bytes);
    expect(r.packedF).toEqual({ dims: [2, 2], data: Float32Array.of(1, 2, 3, 4) });
    expect(r.unpackedF).toEqual({ dims: [3], data: Float32Array.of(0.25, -1, 7) });
    expect(r.i32).toEqual({ dims: [3], data: Float32Array.of(-7, 0, 123456) });
    expect(r.i64).toEqual({ dims: [4], data: Float32Array.of(-3, 2 ** 50, 9, 0) });
    expect(r.f64).toEqual({ dims: [2], data: Float32Array.of(0.1, -Infinity) });
    expect(r.f64raw).toEqual({ dims: [2], data: Float32Array.of(2.5, 0) });
    expect(r.f16).toEqual({ dims: [3], data: Float32Array.of(1.5, -2, 0.000061035156) });
    expect(r.f16raw).toEqual({ dims: [3], data: Float32Array.of(1.5, Infinity, -Infinity) });
  });

  it('unknown fields of every wire type are skipped, nested groups included, at every level', () => {
    const g = (field: number, wire: number): number => field * 8 + wire;
    // field 99 as a group containing a varint, a nested group, fixed32 and fixed64
    const group = Uint8Array.of(
      ...packedVarints([g(99, 3)]), ...packedVarints([g(1, 0)]), 5, ...packedVarints([g(2, 3)]), ...packedVarints([g(2, 4)]),
      ...packedVarints([g(3, 5)]), 1, 2, 3, 4, ...packedVarints([g(4, 1)]), 1, 2, 3, 4, 5, 6, 7, 8, ...packedVarints([g(99, 4)]),
    );
    const tensor = new Message().varint(1, 2).varint(2, 1).varint(500, 1n << 63n).string(12, 'doc').bytes(9, f32Bytes([1, 2])).string(8, 't').float(77, 1);
    const tBytes = Uint8Array.of(...tensor.encode(), ...group);
    const graph = Uint8Array.of(...group, ...packedVarints([g(5, 2), tBytes.length]), ...tBytes, ...packedVarints([g(1000, 0)]), 0x80, 0x80, 0x01);
    const bytes = Uint8Array.of(...group, ...packedVarints([g(7, 2), graph.length]), ...graph, ...packedVarints([g(20, 1)]), 0, 0, 0, 0, 0, 0, 0, 0);
    expect(readOnnxInitializers(bytes)).toEqual({ t: { dims: [2], data: Float32Array.of(1, 2) } });
  });
});

describe('malformed or unsupported: FormatError naming the tensor', () => {
  const t = () => new Message().string(8, 'bad');
  it.each([
    ['external data', t().varint(1, 1).varint(2, 1).varint(14, 1), /onnx: tensor 'bad': keeps its data in an external file/],
    ['an unsupported type', t().varint(1, 1).varint(2, 16).bytes(9, new Uint8Array(2)), /element type BFLOAT16, which is not read as weights \(expected FLOAT, FLOAT16, DOUBLE, INT32 or INT64\)/],
    ['STRING', t().varint(1, 1).varint(2, 8), /element type STRING/],
    ['no data_type', t().varint(1, 1).bytes(9, new Uint8Array(4)), /has no data_type/],
    ['too few raw bytes', t().varint(1, 2).varint(1, 3).varint(2, 1).bytes(9, new Uint8Array(20)), /has dims \[2, 3\] \(6 elements of FLOAT\) but raw_data of 20 bytes \(expected 24 bytes\)/],
    ['too many float_data', t().varint(1, 1).varint(2, 1).float(4, 1).float(4, 2), /but 2 values in float_data \(expected 1\)/],
    ['a negative dim', t().varint(1, -1).varint(2, 1), /has a negative dim \(got -1\)/],
    ['a dim over 2^53', t().varint(1, 2n ** 60n).varint(2, 1), /has a dim over 2\^53/],
    ['an unsafe element count', t().varint(1, 2 ** 30).varint(1, 2 ** 30).varint(1, 2 ** 30).varint(2, 1), /element count is not a safe integer/],
    ['both raw_data and float_data', t().varint(1, 1).varint(2, 1).float(4, 1).bytes(9, new Uint8Array(4)), /has both raw_data and float_data/],
    ['data in the wrong typed field', t().varint(1, 1).varint(2, 1).varint(7, 1), /has int64_data but element type FLOAT/],
    ['packed float_data not a multiple of 4', t().varint(1, 1).varint(2, 1).bytes(4, new Uint8Array(5)), /packed float_data is 5 bytes/],
    ['a segment', t().bytes(3, new Uint8Array(0)), /segment of a larger tensor/],
    ['a name with the wrong wire type', new Message().varint(8, 3), /name \(field 8\) has wire type 0 \(expected 2\)/],
  ])('%s', (_, tensor, pattern) => {
    const named = /wire type 0/.test(pattern.source) ? 'initializer #0' : 'bad';
    expectFormatError(modelOf(tensor), pattern, named);
  });
  it('no name, a duplicate name, invalid UTF-8', () => {
    expectFormatError(modelOf(new Message().varint(1, 0).varint(2, 1)), /tensor 'initializer #0': has no name/, 'initializer #0');
    const one = () => new Message().string(8, 'w').varint(2, 1).bytes(9, new Uint8Array(4));
    expectFormatError(modelOf(one(), one()), /tensor 'w': is given twice/, 'w');
    expectFormatError(modelOf(new Message().bytes(8, Uint8Array.of(0xff, 0xfe))), /name is not valid UTF-8/, 'initializer #0');
  });
  it('wire errors: truncation, lying lengths, bad wire types, overlong varints, unmatched groups, deep groups, no graph', () => {
    const ok = withInitializers([{ name: 'w', dims: [2], data: Float32Array.of(1, 2) }]);
    expectFormatError(ok.subarray(0, ok.length - 3), /claims \d+ bytes \(got \d+ left\)/);
    expectFormatError(Uint8Array.of(0x3a, 0x05, 1), /field 7 at byte 0 claims 5 bytes \(got 1 left\)/);
    expectFormatError(Uint8Array.of(0x0f), /invalid wire type 7/);
    expectFormatError(Uint8Array.of(0x08, ...new Array(10).fill(0xff), 0x01), /overflows 64 bits/);
    expectFormatError(Uint8Array.of(0x08, 0x80), /truncated varint/);
    expectFormatError(Uint8Array.of(0x0c), /unexpected group end tag/);
    expectFormatError(Uint8Array.of(0x0b, 0x14), /does not close the open group/);
    expectFormatError(Uint8Array.from({ length: 40 }, () => 0x0b), /groups nested deeper than 32/);
    expectFormatError(Uint8Array.of(0x0b), /truncated group/);
    expectFormatError(Uint8Array.of(0x00), /invalid field key/);
    expectFormatError(new Uint8Array(0), /no graph found/);
    expectFormatError(new Message().varint(1, 8).encode(), /no graph found \(ModelProto field 7; got 2 bytes\): not an ONNX model/);
    expect(() => readOnnxInitializers(null as never)).toThrow(FormatError);
  });
});

describe('a toOnnx export read back', () => {
  it('conv kernels are OIHW (the model’s HWIO permuted), biases as they are, dense kernels [in, out]', () => {
    const x = input([6, 6, 2]);
    const m = model(x, x.conv2d({ filters: 3, kernel: [3, 2], name: 'conv' }).relu().flatten().dense({ units: 4, name: 'fc' }));
    const r = readOnnxInitializers(toOnnx(m));
    const k = m.weights['conv/kernel']!;
    const [kh, kw, ci, co] = k.shape as [number, number, number, number];
    expect(r['conv/W']!.dims).toEqual([co, ci, kh, kw]);
    const w = r['conv/W']!.data;
    for (let o = 0; o < co; o++)
      for (let i = 0; i < ci; i++)
        for (let h = 0; h < kh; h++) for (let v = 0; v < kw; v++) expect(w[((o * ci + i) * kh + h) * kw + v]).toBe(k.data[((h * kw + v) * ci + i) * co + o]);
    expect(r['conv/B']).toEqual({ dims: [3], data: m.weights['conv/bias']!.data });
    expect(r['fc/W']!.dims).toEqual([...m.weights['fc/kernel']!.shape]);
    expect(r['fc/W']!.data).toEqual(m.weights['fc/kernel']!.data);
    expect(r['fc/B']).toEqual({ dims: [4], data: m.weights['fc/bias']!.data });
  });
});

describe('loadOnnxWeights', () => {
  const lenet = () => {
    const x = input([12, 12, 1]);
    const y = x
      .conv2d({ filters: 4, kernel: 3, name: 'conv1' })
      .relu()
      .maxPool2d({ size: 2 })
      .conv2d({ filters: 6, kernel: 3, name: 'conv2' })
      .batchNorm({ name: 'bn' })
      .relu()
      .flatten()
      .dense({ units: 10, name: 'fc' });
    return model(x, y);
  };
  const randomize = (m: ReturnType<typeof lenet>, seed: number) => {
    const r = rng(seed);
    const rec: Record<string, { shape: readonly number[]; data: Float32Array }> = {};
    for (const [k, t] of Object.entries(m.weights)) rec[k] = { shape: t.shape, data: Float32Array.from(t.data, () => (k.endsWith('Variance') ? 0.5 + r() : r() * 2 - 1)) };
    m.setWeights(rec);
  };

  it('a LeNet-like model: exportPyTorchWeights → ONNX initializers → loadOnnxWeights into a fresh model → same run output', () => {
    const a = lenet();
    randomize(a, 1);
    const names = { conv1: 'features.0', conv2: 'features.3', bn: 'features.4', fc: 'classifier' };
    const state = exportPyTorchWeights(a, names);
    const bytes = withInitializers([
      ...Object.entries(state).map(([name, t]) => ({ name, dims: t.shape, data: t.data })),
      { name: 'features.4.num_batches_tracked', dims: [], data: BigInt64Array.of(7n) },
    ]);
    const b = lenet();
    randomize(b, 2);
    const r = rng(3);
    const x = { shape: [2, 12, 12, 1], data: Float32Array.from({ length: 288 }, () => r() * 2 - 1) };
    expect(b.run(x).data).not.toEqual(a.run(x).data);
    loadOnnxWeights(b, bytes, { 'features.0': 'conv1', 'features.3': 'conv2', 'features.4': 'bn', classifier: 'fc' });
    expect(b.run(x).data).toEqual(a.run(x).data);
    for (const k of Object.keys(a.weights)) expect(b.weights[k]!.data).toEqual(a.weights[k]!.data);
  });

  it('a malformed file is a FormatError and leaves the model as it was', () => {
    const m = lenet();
    const before = m.weights['conv1/kernel']!.data.slice();
    expect(() => loadOnnxWeights(m, Uint8Array.of(0x3a, 0x7f))).toThrow(FormatError);
    expect(m.weights['conv1/kernel']!.data).toEqual(before);
  });
});

describe('fuzz: truncations and byte flips of a small valid model', () => {
  it('1,000+ seeded mutants each parse or throw FormatError, each in < 100 ms', () => {
    const base = modelOf(
      new Message().bytes(1, packedVarints([2, 3])).varint(2, 1).bytes(4, f32Bytes([1, 2, 3, 4, 5, 6])).string(8, 'a'),
      new Message().varint(1, 2).varint(2, 7).varint(7, -1).varint(7, 1n << 40n).string(8, 'b'),
      new Message().varint(1, 3).varint(2, 10).bytes(5, packedVarints([1, 2, 3])).string(8, 'c').string(12, 'doc'),
    );
    const full = Uint8Array.of(...base, ...withInitializers([{ name: 'd', dims: [2, 2], data: Float32Array.of(1, 2, 3, 4) }, { name: 'e', dims: [1], data: Int32Array.of(-5) }]).subarray(2));
    expect(Object.keys(readOnnxInitializers(full)).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const N = 3000;
    const { parsed, refused, slowest } = fuzzFormat(full, N, (bytes) => {
      for (const t of Object.values(readOnnxInitializers(bytes))) expect(t.data.length).toBe(t.dims.reduce((p, d) => p * d, 1));
    });
    console.log(`onnx decode fuzz: ${N} mutants of ${full.length} bytes, ${parsed} parsed, ${refused} FormatError, slowest ${slowest.toFixed(2)} ms`);
    expect(parsed + refused).toBe(N);
    expect(refused).toBeGreaterThan(N / 3);
    expect(slowest).toBeLessThan(100);
  });
});
