/**
 * safetensors read and write: an 8-byte little-endian header length N, N bytes of UTF-8 JSON
 * `{ name: { dtype, shape, data_offsets: [begin, end] }, "__metadata__"?: { key: string } }`, then the raw
 * little-endian data, offsets relative to its start.
 *
 * Decision: validate the whole header (lengths, UTF-8, JSON depth, dtypes, shapes, offsets, overlaps, gaps)
 * before allocating any tensor, so a lying file costs at most its own size in work and memory; allocation is
 * then bounded by 4× the data section (I8/U8/BOOL → f32), never by a number the header claims. The stricter
 * rules (ranges cover the data section exactly, no gaps) are those of the reference Rust implementation.
 * Rejected alternative: the npm `safetensors` package (a stub) or a Node `Buffer` reader (not in browsers).
 */
import { FormatError } from './errors.js';
import { elementCount, isPlainObject, shapeProblem, show, toBytes } from './internal/checks.js';
import { LITTLE_ENDIAN_HOST, SAFETENSORS_CODECS, SAFETENSORS_UNSUPPORTED } from './internal/dtypes.js';

/** The largest header accepted (the reference implementation's limit). */
export const MAX_HEADER_BYTES = 100_000_000;
/** JSON nesting allowed in a header; a valid one needs 3 (root → entry → data_offsets). */
const MAX_JSON_DEPTH = 8;
const METADATA = '__metadata__';

/** A decoded tensor: its stored dtype, its shape and its values as f32. */
export interface SafetensorsTensor {
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** What `readSafetensors` returns: tensors by name (in file order) and the free-form string metadata. */
export interface SafetensorsFile {
  readonly tensors: Readonly<Record<string, SafetensorsTensor>>;
  readonly metadata: Readonly<Record<string, string>>;
}

/** One header entry after validation: where its bytes are and how to decode them. */
export interface SafetensorsEntry {
  readonly name: string;
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly begin: number;
  readonly end: number;
}

/** A validated header: its entries (in file order), metadata and where the data section starts. */
export interface SafetensorsHeader {
  readonly entries: readonly SafetensorsEntry[];
  readonly metadata: Readonly<Record<string, string>>;
  readonly dataStart: number;
}

const fail = (message: string, tensor?: string): never => {
  throw new FormatError('safetensors', message, tensor);
};

function asBytes(input: Uint8Array | ArrayBuffer | ArrayBufferView): Uint8Array {
  return toBytes(input) ?? fail(`input is not bytes (got ${input === null ? 'null' : typeof input}, expected a Uint8Array or ArrayBuffer)`);
}

/** The deepest `{`/`[` nesting of a JSON text, strings skipped; stops counting past `limit`. */
function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/**
 * Reads and validates the header of a safetensors file without decoding any tensor.
 * @example readSafetensorsHeader(bytes).entries.map((e) => e.name) //=> ['conv1.weight', 'conv1.bias']
 */
export function readSafetensorsHeader(input: Uint8Array | ArrayBuffer | ArrayBufferView): SafetensorsHeader {
  const bytes = asBytes(input);
  if (bytes.byteLength < 8) fail(`file is ${bytes.byteLength} bytes (expected at least 8 for the header length)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const low = view.getUint32(0, true);
  const high = view.getUint32(4, true);
  if (high !== 0 || low > MAX_HEADER_BYTES) {
    fail(`header length is ${high * 2 ** 32 + low} bytes (expected at most ${MAX_HEADER_BYTES})`);
  }
  const headerLength = low;
  if (headerLength < 2) fail(`header length is ${headerLength} bytes (expected at least 2 for '{}')`);
  if (8 + headerLength > bytes.byteLength) {
    fail(`header length is ${headerLength} bytes but only ${bytes.byteLength - 8} follow (file truncated or header length wrong)`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength));
  } catch {
    return fail('header is not valid UTF-8');
  }
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) fail(`header JSON is nested deeper than ${MAX_JSON_DEPTH} levels (expected 3)`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(`header is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isPlainObject(json)) return fail(`header is not a JSON object (got ${show(json)})`);
  const dataStart = 8 + headerLength;
  const dataLength = bytes.byteLength - dataStart;
  const metadata = readMetadata(json[METADATA]);
  const entries: SafetensorsEntry[] = [];
  for (const [name, value] of Object.entries(json)) {
    if (name === METADATA) continue;
    entries.push(readEntry(name, value, dataLength));
  }
  checkRanges(entries, dataLength);
  return { entries, metadata, dataStart };
}

function readMetadata(value: unknown): Record<string, string> {
  const metadata: Record<string, string> = Object.create(null);
  if (value === undefined || value === null) return metadata;
  if (!isPlainObject(value)) return fail(`__metadata__ is not an object of strings (got ${show(value)})`);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') fail(`__metadata__ value '${k}' is not a string (got ${show(v)})`);
    metadata[k] = v as string;
  }
  return metadata;
}

function readEntry(name: string, value: unknown, dataLength: number): SafetensorsEntry {
  if (!isPlainObject(value)) return fail(`entry is not an object (got ${show(value)}, expected { dtype, shape, data_offsets })`, name);
  const { dtype, shape, data_offsets: offsets } = value;
  if (typeof dtype !== 'string') return fail(`dtype is not a string (got ${show(dtype)})`, name);
  const itemSize = SAFETENSORS_CODECS[dtype]?.itemSize ?? SAFETENSORS_UNSUPPORTED[dtype];
  if (itemSize === undefined) {
    return fail(`unknown dtype (got ${show(dtype)}, expected one of ${Object.keys(SAFETENSORS_CODECS).join(', ')})`, name);
  }
  const problem = shapeProblem(shape);
  if (problem !== undefined) return fail(problem, name);
  const dims = shape as number[];
  if (!Array.isArray(offsets) || offsets.length !== 2) {
    return fail(`data_offsets is not a pair (got ${show(offsets)}, expected [begin, end])`, name);
  }
  const [begin, end] = offsets as unknown[];
  if (!Number.isSafeInteger(begin) || !Number.isSafeInteger(end) || (begin as number) < 0 || (end as number) < (begin as number)) {
    return fail(`data_offsets are not a valid range (got ${show(offsets)}, expected integers 0 ≤ begin ≤ end)`, name);
  }
  const b = begin as number;
  const e = end as number;
  if (e > dataLength) return fail(`data_offsets ${show(offsets)} run past the data section (${dataLength} bytes)`, name);
  const count = elementCount(dims, itemSize);
  if (count === undefined) return fail(`shape ${show(dims)} has an absurd number of elements (expected a product below 2^53 bytes)`, name);
  if (count * itemSize !== e - b) {
    return fail(`shape ${show(dims)} of ${dtype} needs ${count * itemSize} bytes but data_offsets ${show(offsets)} span ${e - b}`, name);
  }
  if (SAFETENSORS_CODECS[dtype] === undefined) return fail(`dtype ${dtype} is not supported (expected F32, F16, BF16, F64 or an integer type)`, name);
  return { name, dtype, shape: dims, begin: b, end: e };
}

/** Ranges sorted by begin must tile the data section: no overlap, no gap, nothing left over. */
function checkRanges(entries: readonly SafetensorsEntry[], dataLength: number): void {
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  let previous: SafetensorsEntry | undefined;
  for (const e of sorted) {
    if (e.begin < at) fail(`data_offsets [${e.begin}, ${e.end}] overlap those of '${previous!.name}' [${previous!.begin}, ${previous!.end}]`, e.name);
    if (e.begin > at) fail(`data_offsets [${e.begin}, ${e.end}] leave a gap of ${e.begin - at} bytes before them`, e.name);
    at = e.end;
    if (e.end > e.begin) previous = e;
  }
  if (at !== dataLength) fail(`data section is ${dataLength} bytes but the tensors cover ${at} (trailing bytes)`);
}

/**
 * Reads a safetensors file: every tensor decoded to f32 (F32, F16, BF16, F64 and integer dtypes).
 * Throws `FormatError` naming the tensor and what is wrong; allocates only after the whole header is valid.
 * @example readSafetensors(bytes).tensors['conv1.weight'].shape //=> [6, 1, 5, 5]
 */
export function readSafetensors(input: Uint8Array | ArrayBuffer | ArrayBufferView): SafetensorsFile {
  const bytes = asBytes(input);
  const header = readSafetensorsHeader(bytes);
  const tensors: Record<string, SafetensorsTensor> = Object.create(null);
  for (const e of header.entries) {
    const codec = SAFETENSORS_CODECS[e.dtype]!;
    const data = codec.decode(bytes, header.dataStart + e.begin, (e.end - e.begin) / codec.itemSize);
    tensors[e.name] = Object.freeze({ dtype: e.dtype, shape: Object.freeze([...e.shape]), data });
  }
  return { tensors, metadata: header.metadata };
}

/** A tensor to write: a shape and f32 data of exactly that many elements. */
export interface WritableTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/**
 * Writes tensors as a safetensors file (dtype F32, tensors sorted by name, header padded with spaces to a
 * multiple of 8 so every tensor starts 8-aligned). Throws `FormatError` for a tensor that is not valid.
 * @example readSafetensors(writeSafetensors({ w: { shape: [2], data: Float32Array.of(1, 2) } })).tensors.w.data //=> Float32Array [1, 2]
 */
export function writeSafetensors(record: Readonly<Record<string, WritableTensor>>, metadata?: Readonly<Record<string, string>>): Uint8Array {
  const names = Object.keys(record).sort();
  const header: Record<string, unknown> = Object.create(null);
  if (metadata !== undefined) {
    const meta: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries(metadata)) {
      if (typeof v !== 'string') fail(`__metadata__ value '${k}' is not a string (got ${show(v)})`);
      meta[k] = v;
    }
    header[METADATA] = meta;
  }
  let offset = 0;
  for (const name of names) {
    const t = record[name]!;
    if (name === METADATA || name.length === 0) fail(`name is reserved or empty (got '${name}')`);
    if (!t || !(t.data instanceof Float32Array)) fail('data is not a Float32Array', name);
    const problem = shapeProblem(t.shape);
    if (problem !== undefined) fail(problem, name);
    const count = elementCount(t.shape, 4);
    if (count !== t.data.length) fail(`data length does not match the shape (got ${t.data.length}, expected ${count} for ${show(t.shape)})`, name);
    header[name] = { dtype: 'F32', shape: [...t.shape], data_offsets: [offset, offset + 4 * t.data.length] };
    offset += 4 * t.data.length;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerLength + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, headerLength, true);
  view.setUint32(4, 0, true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  let at = 8 + headerLength;
  for (const name of names) {
    const data = record[name]!.data;
    if (LITTLE_ENDIAN_HOST) out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), at);
    else for (let i = 0; i < data.length; i++) view.setFloat32(at + 4 * i, data[i]!, true);
    at += data.byteLength;
  }
  return out;
}
