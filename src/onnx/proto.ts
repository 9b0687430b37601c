/**
 * Minimal protobuf wire-format WRITER (encode only), enough for ONNX ModelProto. Browser-safe: only
 * Uint8Array, DataView, TextEncoder and BigInt.
 *
 * Contract: a `Message` is built field by field; `bytes()` returns the encoded message. Only the
 * three wire types ONNX needs are written: varint (0), length-delimited (2) and fixed32 (5).
 * int64 fields accept negative numbers (encoded as 10-byte two's complement, as protobuf does).
 * Repeated scalar fields are written unpacked (one key per element): ONNX's .proto is proto2, whose
 * default is unpacked, and every parser accepts that form.
 */

const WIRE_VARINT = 0;
const WIRE_LEN = 2;
const WIRE_FIXED32 = 5;

/** Appends the base-128 varint encoding of `value` (int64 semantics: negatives take 10 bytes). */
function pushVarint(out: number[], value: number | bigint): void {
  let v = BigInt.asUintN(64, BigInt(value));
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
}

const utf8 = new TextEncoder();

/**
 * A protobuf message under construction; every method appends one field and returns `this`.
 * Data is kept as a list of chunks, so large tensors and nested messages are never copied until
 * `encode()` (a network's weights can be hundreds of MB).
 */
export class Message {
  private readonly chunks: Uint8Array[] = [];
  private pending: number[] = [];
  private size = 0;

  private flush(): void {
    if (this.pending.length > 0) {
      this.chunks.push(Uint8Array.from(this.pending));
      this.size += this.pending.length;
      this.pending = [];
    }
  }

  private key(field: number, wire: number): void {
    pushVarint(this.pending, (field << 3) | wire);
  }

  /** Writes an int32/int64/enum/bool field as a varint. */
  varint(field: number, value: number | bigint): this {
    if (typeof value === 'number' && !Number.isInteger(value)) {
      throw new Error(`protobuf: varint field ${field} needs an integer (got ${value})`);
    }
    this.key(field, WIRE_VARINT);
    pushVarint(this.pending, value);
    return this;
  }

  /** Writes a `float` field (fixed32, little-endian IEEE 754). */
  float(field: number, value: number): this {
    this.key(field, WIRE_FIXED32);
    const view = new DataView(new ArrayBuffer(4));
    view.setFloat32(0, value, true);
    for (let i = 0; i < 4; i++) this.pending.push(view.getUint8(i));
    return this;
  }

  /** Writes a `bytes` field (the array is referenced, not copied, until `encode()`). */
  bytes(field: number, value: Uint8Array): this {
    this.key(field, WIRE_LEN);
    pushVarint(this.pending, value.length);
    this.flush();
    this.chunks.push(value);
    this.size += value.length;
    return this;
  }

  /** Writes a `string` field (UTF-8). */
  string(field: number, value: string): this {
    return this.bytes(field, utf8.encode(value));
  }

  /** Writes an embedded message field. */
  message(field: number, value: Message): this {
    value.flush();
    this.key(field, WIRE_LEN);
    pushVarint(this.pending, value.size);
    this.flush();
    for (const c of value.chunks) this.chunks.push(c);
    this.size += value.size;
    return this;
  }

  /** The encoded message. */
  encode(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
