/**
 * Element decoders shared by the readers: every supported stored dtype → Float32Array, little-endian,
 * through a DataView (any alignment, any host endianness). f16 and bf16 are decoded exactly (every f16 and
 * bf16 value is an f32 value); integers are rounded to the nearest f32 as `Float32Array` assignment does.
 */

/** Whether typed arrays on this host are little-endian (then f32 bytes can be copied as they are). */
export const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** IEEE binary16 bits → the number they encode (exact). */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const mantissa = h & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24; // zero and subnormals
  if (exponent === 0x1f) return mantissa === 0 ? sign * Infinity : NaN;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** bfloat16 bits → the number they encode (exact: the high half of an f32). */
export function bfloat16ToFloat(b: number): number {
  BF16_SCRATCH_U32[0] = (b & 0xffff) << 16;
  return BF16_SCRATCH_F32[0]!;
}
const BF16_SCRATCH_U32 = new Uint32Array(1);
const BF16_SCRATCH_F32 = new Float32Array(BF16_SCRATCH_U32.buffer);

/** How one stored element is decoded: its size in bytes and a reader into an f32 array. */
export interface ElementCodec {
  readonly itemSize: number;
  /** Decodes `count` elements from `bytes` starting at byte `offset` into a new Float32Array. */
  decode(bytes: Uint8Array, offset: number, count: number): Float32Array;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function loop(itemSize: number, read: (v: DataView, at: number) => number): ElementCodec {
  return {
    itemSize,
    decode(bytes, offset, count) {
      const v = viewOf(bytes);
      const out = new Float32Array(count);
      for (let i = 0, at = offset; i < count; i++, at += itemSize) out[i] = read(v, at);
      return out;
    },
  };
}

const f32: ElementCodec = {
  itemSize: 4,
  decode(bytes, offset, count) {
    const start = bytes.byteOffset + offset;
    // A copy of the bytes reinterpreted, when the host reads little-endian and the start is 4-aligned.
    if (LITTLE_ENDIAN_HOST && start % 4 === 0) return new Float32Array(bytes.buffer.slice(start, start + 4 * count));
    return loop(4, (v, at) => v.getFloat32(at, true)).decode(bytes, offset, count);
  },
};

/** The u16 elements in place when the host is little-endian and the start is 2-aligned, else undefined (use a DataView). */
function u16View(bytes: Uint8Array, offset: number, count: number): Uint16Array | undefined {
  const start = bytes.byteOffset + offset;
  return LITTLE_ENDIAN_HOST && start % 2 === 0 ? new Uint16Array(bytes.buffer, start, count) : undefined;
}

/** All 65,536 f16 values as f32, built on first use (256 KiB): a lookup beats the arithmetic ~3×. */
let halfTable: Float32Array | undefined;
const f16: ElementCodec = {
  itemSize: 2,
  decode(bytes, offset, count) {
    const table = (halfTable ??= Float32Array.from({ length: 0x10000 }, (_, h) => halfToFloat(h)));
    const out = new Float32Array(count);
    const halves = u16View(bytes, offset, count);
    if (halves) for (let i = 0; i < count; i++) out[i] = table[halves[i]!]!;
    else {
      const v = viewOf(bytes);
      for (let i = 0, at = offset; i < count; i++, at += 2) out[i] = table[v.getUint16(at, true)]!;
    }
    return out;
  },
};

const bf16: ElementCodec = {
  itemSize: 2,
  decode(bytes, offset, count) {
    const bits = new Uint32Array(count);
    const halves = u16View(bytes, offset, count);
    if (halves) for (let i = 0; i < count; i++) bits[i] = halves[i]! << 16;
    else {
      const v = viewOf(bytes);
      for (let i = 0, at = offset; i < count; i++, at += 2) bits[i] = v.getUint16(at, true) << 16;
    }
    return new Float32Array(bits.buffer);
  },
};

/** Codecs by safetensors dtype name. F8 types are known but not decoded. */
export const SAFETENSORS_CODECS: Readonly<Record<string, ElementCodec>> = {
  F64: loop(8, (v, at) => v.getFloat64(at, true)),
  F32: f32,
  F16: f16,
  BF16: bf16,
  I64: loop(8, (v, at) => Number(v.getBigInt64(at, true))),
  U64: loop(8, (v, at) => Number(v.getBigUint64(at, true))),
  I32: loop(4, (v, at) => v.getInt32(at, true)),
  U32: loop(4, (v, at) => v.getUint32(at, true)),
  I16: loop(2, (v, at) => v.getInt16(at, true)),
  U16: loop(2, (v, at) => v.getUint16(at, true)),
  I8: loop(1, (v, at) => v.getInt8(at)),
  U8: loop(1, (v, at) => v.getUint8(at)),
  BOOL: loop(1, (v, at) => (v.getUint8(at) === 0 ? 0 : 1)),
};

/** Safetensors dtypes that exist but that convtype does not decode, and their item sizes. */
export const SAFETENSORS_UNSUPPORTED: Readonly<Record<string, number>> = {
  F8_E4M3: 1,
  F8_E5M2: 1,
  F8_E8M0: 1,
  F6_E2M3: 1,
  F6_E3M2: 1,
  F4: 1,
  C64: 8,
};

/** Codecs by tfjs dtype (or quantization dtype), before any dequantisation. */
export const TFJS_CODECS: Readonly<Record<string, ElementCodec>> = {
  float32: f32,
  int32: SAFETENSORS_CODECS.I32!,
  bool: SAFETENSORS_CODECS.BOOL!,
  uint8: SAFETENSORS_CODECS.U8!,
  uint16: SAFETENSORS_CODECS.U16!,
  float16: SAFETENSORS_CODECS.F16!,
};
