/**
 * safetensors: exact parsing of hand-built buffers (f16/bf16 bit patterns, subnormals, ±∞, NaN, integer
 * dtypes, unaligned data), round trips through `writeSafetensors`, and one sentence per kind of bad file.
 */
import { describe, expect, it } from 'vitest';
import { ConvtypeError } from '../../src/errors.js';
import { FormatError } from '../../src/io/errors.js';
import { readSafetensors, readSafetensorsHeader, writeSafetensors } from '../../src/io/safetensors.js';
import { bfloat16ToFloat, halfToFloat } from '../../src/io/internal/dtypes.js';
import { buildSafetensors, f32Bytes, rng, u16Bytes } from './build.js';

const one = (dtype: string, shape: number[], data: Uint8Array) =>
  readSafetensors(buildSafetensors({ t: { dtype, shape, data_offsets: [0, data.length] } }, data)).tensors.t!;

function expectFormatError(bytes: Uint8Array, pattern: RegExp): FormatError {
  let caught: unknown;
  try {
    readSafetensors(bytes);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(FormatError);
  expect(caught).toBeInstanceOf(ConvtypeError);
  expect((caught as Error).message).toMatch(pattern);
  return caught as FormatError;
}

describe('f16 and bf16 bit patterns', () => {
  const F16: [number, number][] = [
    [0x3c00, 1],
    [0xc000, -2],
    [0x0000, 0],
    [0x3555, 0.333251953125],
    [0x7bff, 65504],
    [0x0400, 2 ** -14], // smallest normal
    [0x0001, 2 ** -24], // smallest subnormal
    [0x03ff, 1023 * 2 ** -24], // largest subnormal
    [0x8001, -(2 ** -24)],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ];
  it.each(F16)('f16 0x%s', (bits, value) => {
    expect(halfToFloat(bits)).toBe(value);
    expect(one('F16', [1], u16Bytes([bits])).data[0]).toBe(value);
  });
  it('f16 -0 keeps its sign, NaN (0x7e00, 0x7c01, 0xfe00) is NaN', () => {
    expect(Object.is(one('F16', [1], u16Bytes([0x8000])).data[0], -0)).toBe(true);
    const nan = one('F16', [3], u16Bytes([0x7e00, 0x7c01, 0xfe00])).data;
    expect([...nan].every(Number.isNaN)).toBe(true);
  });
  const BF16: [number, number][] = [
    [0x3f80, 1],
    [0xc000, -2],
    [0x4049, 3.140625],
    [0x0001, 2 ** -133], // subnormal
    [0x0080, 2 ** -126],
    [0x7f7f, 3.3895313892515355e38],
    [0x7f80, Infinity],
    [0xff80, -Infinity],
  ];
  it.each(BF16)('bf16 0x%s', (bits, value) => {
    expect(bfloat16ToFloat(bits)).toBe(value);
    expect(one('BF16', [1], u16Bytes([bits])).data[0]).toBe(value);
  });
  it('bf16 NaN (0x7fc0) and -0 (0x8000)', () => {
    const d = one('BF16', [2], u16Bytes([0x7fc0, 0x8000])).data;
    expect(Number.isNaN(d[0])).toBe(true);
    expect(Object.is(d[1], -0)).toBe(true);
  });
  it('every f16 value decodes to the f32 the platform would round it to', () => {
    const wrong: number[] = [];
    for (let h = 0; h < 0x10000; h++) {
      const v = halfToFloat(h);
      const nan = (h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0;
      if (Number.isNaN(v) !== nan || (!nan && Math.fround(v) !== v)) wrong.push(h);
    }
    expect(wrong).toEqual([]);
  });
});

describe('exact parsing', () => {
  it('F32 [2, 3] little-endian, shape and values', () => {
    const t = one('F32', [2, 3], f32Bytes([1, -2, 0.5, 3.25, -0, 1e-45]));
    expect(t.shape).toEqual([2, 3]);
    expect([...t.data]).toEqual([1, -2, 0.5, 3.25, -0, 2 ** -149]);
    expect(t.dtype).toBe('F32');
  });
  it('F32 data at an unaligned start (header length 13) is read through a DataView', () => {
    const header = JSON.stringify({ t: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } });
    const padded = header + ' '.repeat(((13 - header.length) % 4 + 4) % 4 + 1); // odd length → unaligned
    const bytes = buildSafetensors(padded, f32Bytes([1.5, -7]));
    expect((8 + padded.length) % 4).not.toBe(0);
    expect([...readSafetensors(bytes).tensors.t!.data]).toEqual([1.5, -7]);
  });
  it.each(['F16', 'BF16'])('%s gives the same values at an even and an odd data start (typed-array and DataView paths)', (dtype) => {
    const bits = [0x3c00, 0xc000, 0x0001, 0x7c00, 0x8000, 0x3f80, 0xff80, 0x1234];
    const expected = bits.map((b) => (dtype === 'F16' ? halfToFloat(b) : bfloat16ToFloat(b)));
    const header = JSON.stringify({ t: { dtype, shape: [8], data_offsets: [0, 16] } });
    for (const start of [0, 1]) {
      // Pad the header with a space when needed so that the data starts at an offset of this parity.
      const text = header + ((8 + header.length) % 2 === start ? '' : ' ');
      expect((8 + text.length) % 2).toBe(start);
      expect([...readSafetensors(buildSafetensors(text, u16Bytes(bits))).tensors.t!.data]).toEqual(expected);
    }
  });
  it('F64, I64 (num_batches_tracked), I32, U8, I8, BOOL → f32', () => {
    const d = new Uint8Array(8 + 8 + 4 + 1 + 1 + 2);
    const v = new DataView(d.buffer);
    v.setFloat64(0, 0.1, true);
    v.setBigInt64(8, -5n, true);
    v.setInt32(16, 123456, true);
    v.setUint8(20, 200);
    v.setInt8(21, -3);
    v.setUint8(22, 0);
    v.setUint8(23, 7);
    const f = readSafetensors(
      buildSafetensors(
        {
          a: { dtype: 'F64', shape: [], data_offsets: [0, 8] },
          b: { dtype: 'I64', shape: [1], data_offsets: [8, 16] },
          c: { dtype: 'I32', shape: [1, 1], data_offsets: [16, 20] },
          d: { dtype: 'U8', shape: [1], data_offsets: [20, 21] },
          e: { dtype: 'I8', shape: [1], data_offsets: [21, 22] },
          f: { dtype: 'BOOL', shape: [2], data_offsets: [22, 24] },
        },
        d,
      ),
    );
    expect(f.tensors.a!.data[0]).toBe(Math.fround(0.1));
    expect(f.tensors.a!.shape).toEqual([]);
    expect(f.tensors.b!.data[0]).toBe(-5);
    expect(f.tensors.c!.data[0]).toBe(123456);
    expect(f.tensors.d!.data[0]).toBe(200);
    expect(f.tensors.e!.data[0]).toBe(-3);
    expect([...f.tensors.f!.data]).toEqual([0, 1]);
  });
  it('zero-size tensors, metadata, file order kept, __proto__ is an ordinary name', () => {
    const f = readSafetensors(
      buildSafetensors(
        {
          __metadata__: { format: 'pt' },
          z: { dtype: 'F32', shape: [0, 3], data_offsets: [0, 0] },
          __proto__x: { dtype: 'F32', shape: [1], data_offsets: [0, 4] },
        },
        f32Bytes([2]),
      ),
    );
    expect(f.metadata).toEqual({ format: 'pt' });
    expect(Object.keys(f.tensors)).toEqual(['z', '__proto__x']);
    expect(f.tensors.z!.data.length).toBe(0);
    const proto = readSafetensors(buildSafetensors('{"__proto__":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}', f32Bytes([3])));
    expect(Object.keys(proto.tensors)).toEqual(['__proto__']);
    expect(proto.tensors['__proto__']!.data[0]).toBe(3);
  });
  it('header padded with spaces (as the reference writer does), offsets from the data start', () => {
    const h = readSafetensorsHeader(buildSafetensors('{"t":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}      ', u16Bytes([0x3c00, 0xc000])));
    expect(h.entries).toEqual([{ name: 't', dtype: 'F16', shape: [2], begin: 0, end: 4 }]);
  });
});

describe('round trips', () => {
  it('write → read gives the same names, shapes, bits and metadata (random tensors, 8-aligned data)', () => {
    const r = rng(7);
    const record: Record<string, { shape: number[]; data: Float32Array }> = {};
    for (let i = 0; i < 20; i++) {
      const shape = Array.from({ length: 1 + Math.floor(r() * 4) }, () => Math.floor(r() * 5));
      const n = shape.reduce((a, b) => a * b, 1);
      record[`layer${i}/kernel`] = { shape, data: Float32Array.from({ length: n }, () => (r() - 0.5) * 100) };
    }
    record.special = { shape: [5], data: Float32Array.of(NaN, Infinity, -Infinity, -0, 1e-45) };
    const bytes = writeSafetensors(record, { format: 'pt', note: 'é ✓' });
    const headerLength = new DataView(bytes.buffer).getUint32(0, true);
    expect(headerLength % 8).toBe(0);
    const back = readSafetensors(bytes);
    expect(back.metadata).toEqual({ format: 'pt', note: 'é ✓' });
    expect(Object.keys(back.tensors).sort()).toEqual(Object.keys(record).sort());
    for (const [k, t] of Object.entries(record)) {
      expect(back.tensors[k]!.shape).toEqual(t.shape);
      expect(new Uint8Array(back.tensors[k]!.data.buffer, back.tensors[k]!.data.byteOffset, back.tensors[k]!.data.byteLength)).toEqual(
        new Uint8Array(t.data.buffer),
      );
    }
  });
  it('an empty record is a valid file', () => {
    expect(readSafetensors(writeSafetensors({})).tensors).toEqual({});
  });
  it('a subarray of a bigger buffer is read from its own offset', () => {
    const file = writeSafetensors({ w: { shape: [2], data: Float32Array.of(4, 5) } });
    const big = new Uint8Array(file.length + 3);
    big.set(file, 3);
    expect([...readSafetensors(big.subarray(3)).tensors.w!.data]).toEqual([4, 5]);
  });
  it('writer rejects bad tensors with FormatError', () => {
    expect(() => writeSafetensors({ w: { shape: [3], data: Float32Array.of(1, 2) } })).toThrow(/tensor 'w': data length does not match the shape \(got 2, expected 3/);
    expect(() => writeSafetensors({ w: { shape: [-1], data: new Float32Array(0) } })).toThrow(FormatError);
    expect(() => writeSafetensors({ __metadata__: { shape: [0], data: new Float32Array(0) } })).toThrow(/reserved/);
  });
});

describe('bad files: one sentence each', () => {
  const ok = { dtype: 'F32', shape: [2], data_offsets: [0, 8] };
  const data = f32Bytes([1, 2]);
  it.each<[string, Uint8Array, RegExp]>([
    ['shorter than 8 bytes', new Uint8Array(5), /file is 5 bytes/],
    ['header length beyond the file', buildSafetensors({ t: ok }, data, 10_000), /header length is 10000 bytes but only \d+ follow/],
    ['header length 2^40', buildSafetensors({ t: ok }, data, 2n ** 40n), /expected at most 100000000/],
    ['header length 2^64 − 1', buildSafetensors({ t: ok }, data, 2n ** 64n - 1n), /header length is/],
    ['invalid UTF-8', buildSafetensors('{"\xff":1}'.replace('\xff', '\u00ff'), []).map((b, i) => (i === 10 ? 0xff : b)), /not valid UTF-8/],
    ['not JSON', buildSafetensors('{"t": nope}'), /not valid JSON/],
    ['a JSON array', buildSafetensors('[1, 2]'), /not a JSON object/],
    ['deep nesting', buildSafetensors('['.repeat(100_000) + ']'.repeat(100_000)), /nested deeper than 8/],
    ['unknown dtype', buildSafetensors({ t: { ...ok, dtype: 'F31' } }, data), /tensor 't': unknown dtype \(got "F31"/],
    ['unsupported dtype', buildSafetensors({ t: { dtype: 'F8_E4M3', shape: [8], data_offsets: [0, 8] } }, data), /tensor 't': dtype F8_E4M3 is not supported/],
    ['negative dim', buildSafetensors({ t: { ...ok, shape: [-2] } }, data), /tensor 't': shape has an invalid dim \(got \[-2\]/],
    ['fractional dim', buildSafetensors({ t: { ...ok, shape: [1.5] } }, data), /invalid dim/],
    ['dims 2^52 × 2^52', buildSafetensors({ t: { ...ok, shape: [2 ** 52, 2 ** 52] } }, data), /absurd number of elements/],
    ['dims 2^26 · 2^26 · 0 is zero elements, not absurd', buildSafetensors({ t: { ...ok, shape: [2 ** 26, 2 ** 26, 0] } }, data), /needs 0 bytes but data_offsets \[0, 8\] span 8/],
    ['shape lies about the size', buildSafetensors({ t: { ...ok, shape: [3] } }, data), /tensor 't': shape \[3\] of F32 needs 12 bytes but data_offsets \[0, 8\] span 8/],
    ['offsets past the data', buildSafetensors({ t: { ...ok, data_offsets: [4, 12] } }, data), /run past the data section \(8 bytes\)/],
    ['end before begin', buildSafetensors({ t: { ...ok, data_offsets: [8, 0] } }, data), /not a valid range/],
    ['offsets not a pair', buildSafetensors({ t: { ...ok, data_offsets: [0] } }, data), /not a pair/],
    ['overlap', buildSafetensors({ a: ok, b: { dtype: 'F32', shape: [1], data_offsets: [4, 8] } }, data), /tensor 'b': data_offsets \[4, 8\] overlap those of 'a'/],
    ['gap', buildSafetensors({ t: { dtype: 'F32', shape: [1], data_offsets: [4, 8] } }, data), /leave a gap of 4 bytes/],
    ['trailing bytes', buildSafetensors({ t: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, data), /trailing bytes/],
    ['entry not an object', buildSafetensors({ t: 3 }, data), /tensor 't': entry is not an object/],
    ['metadata not strings', buildSafetensors({ __metadata__: { a: 1 }, t: ok }, data), /__metadata__ value 'a' is not a string/],
    ['rank 33', buildSafetensors({ t: { ...ok, shape: new Array(33).fill(1) } }, data), /rank 33/],
  ])('%s', (_name, bytes, pattern) => {
    expectFormatError(bytes, pattern);
  });
  it('non-bytes input', () => {
    expect(() => readSafetensors('abc' as unknown as Uint8Array)).toThrow(FormatError);
  });
});
