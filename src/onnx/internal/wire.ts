/**
 * The protobuf wire-format reader behind decode.ts (the counterpart of proto.ts): bounds-checked varints
 * (64-bit as two unsigned 32-bit halves in LO/HI), fields, and skipping of unknown fields of every wire type.
 * Every malformation is a `FormatError` of the 'onnx' format, blamed on the tensor being read.
 */
import { FormatError, type WeightFormat } from '../../io/errors.js';

/** How deep unknown protobuf groups (wire types 3/4) may nest before the input is refused. */
export const MAX_GROUP_DEPTH = 32;

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
export const WIRE_SGROUP = 3;
export const WIRE_EGROUP = 4;
export const WIRE_FIXED32 = 5;

const ONNX: WeightFormat = 'onnx';

export function fail(message: string, tensor?: string): never {
  throw new FormatError(ONNX, message, tensor);
}

/** The tensor a wire error is blamed on (set while a TensorProto is read, with `blameOn`). */
export let blame: string | undefined;

/** Sets the tensor wire errors are blamed on. */
export function blameOn(tensor: string | undefined): void {
  blame = tensor;
}

/** The last varint read, as two unsigned 32-bit halves. */
export let LO = 0;
export let HI = 0;

/** Reads a varint at `pos` (into LO/HI) and returns the position after it. */
export function varint(b: Uint8Array, pos: number, end: number): number {
  let lo = 0;
  let hi = 0;
  for (let i = 0; ; i++) {
    if (pos >= end) fail(`truncated varint at byte ${pos}`, blame);
    const byte = b[pos++]!;
    if (i < 4) lo |= (byte & 0x7f) << (7 * i);
    else if (i === 4) {
      lo |= (byte & 0x0f) << 28;
      hi |= (byte & 0x7f) >>> 4;
    } else {
      if (i === 9 && byte > 1) fail(`varint at byte ${pos - 10} overflows 64 bits`, blame);
      hi |= (byte & 0x7f) << (7 * i - 32);
    }
    if ((byte & 0x80) === 0) break;
  }
  LO = lo >>> 0;
  HI = hi >>> 0;
  return pos;
}

/** LO/HI as a non-negative safe integer, or -1 if they are not one. */
export const unsignedSafe = (): number => (HI < 0x200000 ? HI * 0x100000000 + LO : -1);
/** LO/HI as a signed 64-bit value (nearest double beyond 2^53). */
export const signed64 = (): number => (HI | 0) * 0x100000000 + LO;

/** One field: number, wire type, and either its varint (LO/HI) or its payload `[start, end)`. */
export interface Field {
  field: number;
  wire: number;
  start: number;
  end: number;
}

/** Skips the rest of a group opened by field `field` at `pos`, nesting counted; returns the position after its end tag. */
function skipGroup(b: Uint8Array, pos: number, end: number, field: number): number {
  const open = [field];
  const f: Field = { field: 0, wire: 0, start: 0, end: 0 };
  while (open.length > 0) {
    if (pos >= end) fail(`truncated group (field ${open[open.length - 1]})`, blame);
    pos = next(b, pos, end, f, true);
    if (f.wire === WIRE_SGROUP) {
      if (open.length >= MAX_GROUP_DEPTH) fail(`groups nested deeper than ${MAX_GROUP_DEPTH}`, blame);
      open.push(f.field);
    } else if (f.wire === WIRE_EGROUP) {
      if (open.pop() !== f.field) fail(`group end tag of field ${f.field} does not close the open group`, blame);
    }
  }
  return pos;
}

/**
 * Reads the field at `pos` into `f` and returns the position after it (after the whole group for a
 * group start, unless `raw`: then only its tag is read and the caller tracks nesting).
 */
export function next(b: Uint8Array, pos: number, end: number, f: Field, raw = false): number {
  const at = pos;
  pos = varint(b, pos, end);
  if (HI !== 0 || LO >>> 3 === 0) fail(`invalid field key at byte ${at}`, blame);
  f.field = LO >>> 3;
  f.wire = LO & 7;
  switch (f.wire) {
    case WIRE_VARINT:
      f.start = pos;
      pos = varint(b, pos, end);
      f.end = pos;
      return pos;
    case WIRE_FIXED64:
    case WIRE_FIXED32: {
      const size = f.wire === WIRE_FIXED64 ? 8 : 4;
      if (end - pos < size) fail(`truncated fixed${size * 8} field ${f.field} at byte ${at}`, blame);
      f.start = pos;
      f.end = pos + size;
      return f.end;
    }
    case WIRE_LEN: {
      pos = varint(b, pos, end);
      const len = unsignedSafe();
      if (len < 0 || len > end - pos) fail(`field ${f.field} at byte ${at} claims ${len < 0 ? 'over 2^53' : len} bytes (got ${end - pos} left)`, blame);
      f.start = pos;
      f.end = pos + len;
      return f.end;
    }
    case WIRE_SGROUP:
      f.start = f.end = pos;
      return raw ? pos : skipGroup(b, pos, end, f.field);
    case WIRE_EGROUP:
      if (!raw) fail(`unexpected group end tag (field ${f.field}) at byte ${at}`, blame);
      f.start = f.end = pos;
      return pos;
    default:
      return fail(`invalid wire type ${f.wire} (field ${f.field}) at byte ${at}`, blame);
  }
}

export function expectWire(f: Field, wire: number, what: string): void {
  if (f.wire !== wire) fail(`${what} (field ${f.field}) has wire type ${f.wire} (expected ${wire})`, blame);
}

/** Number of varints in a packed payload (every byte without the continuation bit ends one). */
export function countPackedVarints(b: Uint8Array, start: number, end: number, what: string): number {
  let n = 0;
  for (let i = start; i < end; i++) if ((b[i]! & 0x80) === 0) n++;
  if (end > start && (b[end - 1]! & 0x80) !== 0) fail(`packed ${what} ends inside a varint`, blame);
  return n;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A length-delimited field as UTF-8 text. */
export function text(b: Uint8Array, f: Field, what: string): string {
  expectWire(f, WIRE_LEN, what);
  try {
    return utf8.decode(b.subarray(f.start, f.end));
  } catch {
    return fail(`${what} is not valid UTF-8`, blame);
  }
}

/** A varint field as a signed 64-bit number (int64 semantics). */
export function int64(b: Uint8Array, f: Field, what: string): number {
  expectWire(f, WIRE_VARINT, what);
  varint(b, f.start, f.end);
  return signed64();
}

/** A varint field as a non-negative safe integer (versions, enums, dims). */
export function count(b: Uint8Array, f: Field, what: string): number {
  expectWire(f, WIRE_VARINT, what);
  varint(b, f.start, f.end);
  const v = unsignedSafe();
  if (v < 0 || HI >= 0x80000000) fail(`${what} is out of range (got ${signed64()}, expected 0 … 2^53)`, blame);
  return v;
}
