/**
 * ONNX initializers as a weight source: a bounds-checked protobuf wire-format READER (the counterpart of
 * proto.ts) and `readOnnxInitializers(bytes)`, which returns `ModelProto.graph.initializer` as
 * `{ name: { dims, data: Float32Array } }`. `loadOnnxWeights` feeds them to `loadPyTorchWeights`: an ONNX
 * file exported from PyTorch keeps PyTorch's names (or ones a name map fixes) and layouts (OIHW, `[out, in]`).
 *
 * Decision: two passes per TensorProto over the bytes as they are, no intermediate messages: the first
 * validates every field and counts the elements each data field really holds, the second fills one
 * Float32Array. Nothing is allocated from a count the file claims (dims are checked against the data
 * first), so memory is at most 4× the input (one varint byte → one f32) plus the names. Unknown fields of
 * every wire type are skipped (groups nested at most MAX_GROUP_DEPTH deep); the messages read are at most
 * three deep (Model → Graph → Tensor). Any malformation is a `FormatError` naming the tensor when one is.
 *
 * Element types: FLOAT, FLOAT16, DOUBLE, INT32, INT64 (→ f32, rounded as `Float32Array` assignment does),
 * from `raw_data` (little-endian) or the typed field (float_data, int32_data incl. f16 bits, int64_data,
 * double_data), packed or not. Refused with a sentence: other types, external data, segments.
 * Sparse initializers (GraphProto field 15) are not read.
 */
import { MAX_RANK, toBytes } from '../io/internal/checks.js';
import { halfToFloat, SAFETENSORS_CODECS, type ElementCodec } from '../io/internal/dtypes.js';
import {
  blame,
  blameOn,
  countPackedVarints,
  expectWire,
  fail,
  HI,
  LO,
  next,
  signed64,
  unsignedSafe,
  varint,
  WIRE_FIXED32,
  WIRE_FIXED64,
  WIRE_LEN,
  WIRE_VARINT,
  type Field,
} from './internal/wire.js';
import { loadPyTorchWeights, type PyTorchNameMap, type PyTorchOptions, type WeightTarget, type WeightTensor } from '../io/pytorch.js';

/** An initializer as read: its dims and its values as f32 (row-major). */
export interface OnnxInitializer {
  readonly dims: number[];
  readonly data: Float32Array;
}


// TensorProto.DataType
const FLOAT = 1;
const INT32 = 6;
const INT64 = 7;
const FLOAT16 = 10;
const DOUBLE = 11;
const TYPE_NAMES: readonly string[] = [
  'UNDEFINED', 'FLOAT', 'UINT8', 'INT8', 'UINT16', 'INT16', 'INT32', 'INT64', 'STRING', 'BOOL', 'FLOAT16', 'DOUBLE',
  'UINT32', 'UINT64', 'COMPLEX64', 'COMPLEX128', 'BFLOAT16', 'FLOAT8E4M3FN', 'FLOAT8E4M3FNUZ', 'FLOAT8E5M2',
  'FLOAT8E5M2FNUZ', 'UINT4', 'INT4', 'FLOAT4E2M1',
];
const typeName = (t: number): string => TYPE_NAMES[t] ?? `data type ${t}`;

/** Raw little-endian decoders by data type. */
const RAW: Readonly<Record<number, ElementCodec>> = {
  [FLOAT]: SAFETENSORS_CODECS.F32!,
  [FLOAT16]: SAFETENSORS_CODECS.F16!,
  [DOUBLE]: SAFETENSORS_CODECS.F64!,
  [INT32]: SAFETENSORS_CODECS.I32!,
  [INT64]: SAFETENSORS_CODECS.I64!,
};
/** The typed field that holds each data type's elements (TensorProto field numbers). */
const F_FLOAT_DATA = 4;
const F_INT32_DATA = 5;
const F_INT64_DATA = 7;
const F_DOUBLE_DATA = 10;
const TYPED_FIELD: Readonly<Record<number, number>> = {
  [FLOAT]: F_FLOAT_DATA,
  [FLOAT16]: F_INT32_DATA,
  [INT32]: F_INT32_DATA,
  [INT64]: F_INT64_DATA,
  [DOUBLE]: F_DOUBLE_DATA,
};
const FIELD_NAMES: Readonly<Record<number, string>> = { 4: 'float_data', 5: 'int32_data', 7: 'int64_data', 10: 'double_data' };

// 'onnx' is not (yet) in WeightFormat; the message prefix is what users read.
const utf8 = new TextDecoder('utf-8', { fatal: true });

// ——— TensorProto —————————————————————————————————————————————————————————————————————————————————————

/**
 * Reads one TensorProto in `[start, end)`; `label` names it until its name is known, and is its name when it
 * has none and `unnamed` is true (a `Constant` node's value, a TENSOR attribute).
 */
export function readTensor(
  b: Uint8Array,
  start: number,
  end: number,
  label: string,
  unnamed = false,
): { name: string; tensor: OnnxInitializer; dataType: number } {
  blameOn(label);
  const dims: number[] = [];
  let name: string | undefined;
  let dataType = 0;
  let location = 0;
  let raw: { start: number; end: number } | undefined;
  /** Elements held by each typed data field (by field number). */
  const counts: Record<number, number> = { 4: 0, 5: 0, 7: 0, 10: 0 };
  const f: Field = { field: 0, wire: 0, start: 0, end: 0 };
  for (let pos = start; pos < end; ) {
    pos = next(b, pos, end, f);
    switch (f.field) {
      case 1: // dims: int64, packed or not
        if (f.wire === WIRE_LEN) {
          for (let p = f.start; p < f.end; ) {
            p = varint(b, p, f.end);
            pushDim(dims);
          }
        } else {
          expectWire(f, WIRE_VARINT, 'dims');
          varint(b, f.start, f.end);
          pushDim(dims);
        }
        break;
      case 2:
        expectWire(f, WIRE_VARINT, 'data_type');
        varint(b, f.start, f.end);
        dataType = HI === 0 && LO < 0x80000000 ? LO : -1;
        break;
      case 3:
        return fail('is a segment of a larger tensor (TensorProto.segment), which is not supported', blame);
      case F_FLOAT_DATA:
        if (f.wire === WIRE_LEN) {
          if ((f.end - f.start) % 4 !== 0) fail(`packed float_data is ${f.end - f.start} bytes (expected a multiple of 4)`, blame);
          counts[F_FLOAT_DATA]! += (f.end - f.start) / 4;
        } else {
          expectWire(f, WIRE_FIXED32, 'float_data');
          counts[F_FLOAT_DATA]!++;
        }
        break;
      case F_INT32_DATA:
      case F_INT64_DATA:
        if (f.wire === WIRE_LEN) counts[f.field]! += countPackedVarints(b, f.start, f.end, FIELD_NAMES[f.field]!);
        else {
          expectWire(f, WIRE_VARINT, FIELD_NAMES[f.field]!);
          counts[f.field]!++;
        }
        break;
      case 8:
        expectWire(f, WIRE_LEN, 'name');
        try {
          name = utf8.decode(b.subarray(f.start, f.end));
        } catch {
          fail('name is not valid UTF-8', blame);
        }
        blameOn(name);
        break;
      case 9:
        expectWire(f, WIRE_LEN, 'raw_data');
        raw = { start: f.start, end: f.end };
        break;
      case F_DOUBLE_DATA:
        if (f.wire === WIRE_LEN) {
          if ((f.end - f.start) % 8 !== 0) fail(`packed double_data is ${f.end - f.start} bytes (expected a multiple of 8)`, blame);
          counts[F_DOUBLE_DATA]! += (f.end - f.start) / 8;
        } else {
          expectWire(f, WIRE_FIXED64, 'double_data');
          counts[F_DOUBLE_DATA]!++;
        }
        break;
      case 14:
        expectWire(f, WIRE_VARINT, 'data_location');
        varint(b, f.start, f.end);
        location = HI === 0 ? LO : -1;
        break;
      default: // doc_string, external_data, uint64_data, string_data, metadata, unknown fields
        break;
    }
  }
  if (name === undefined) {
    if (!unnamed) fail('has no name (TensorProto field 8)', blame);
    name = label;
  }
  if (location === 1) fail('keeps its data in an external file (data_location = EXTERNAL), which is not supported: save the model with its weights inside (onnx.save_model(m, path, save_as_external_data=False))', name);
  if (location !== 0) fail(`has an invalid data_location (got ${location}, expected 0 = DEFAULT)`, name);
  if (dataType === 0) fail('has no data_type (TensorProto field 2)', name);
  const typed = TYPED_FIELD[dataType];
  const codec = RAW[dataType];
  if (typed === undefined || codec === undefined) {
    fail(`has element type ${typeName(dataType)}, which is not read as weights (expected FLOAT, FLOAT16, DOUBLE, INT32 or INT64)`, name);
  }
  let count = 1;
  for (const d of dims) {
    count *= d;
    if (count > Number.MAX_SAFE_INTEGER) fail(`has dims [${dims.join(', ')}] whose element count is not a safe integer`, name);
  }
  for (const [field, n] of Object.entries(counts)) {
    if (n > 0 && Number(field) !== typed) fail(`has ${FIELD_NAMES[Number(field)]} but element type ${typeName(dataType)} (expected its values in ${FIELD_NAMES[typed]} or raw_data)`, name);
  }
  const inTyped = counts[typed]!;
  if (raw !== undefined && inTyped > 0) fail(`has both raw_data and ${FIELD_NAMES[typed]} (expected one)`, name);
  const got = raw !== undefined ? (raw.end - raw.start) / codec.itemSize : inTyped;
  if (got !== count) {
    const what = raw !== undefined ? `raw_data of ${raw.end - raw.start} bytes` : `${inTyped} values in ${FIELD_NAMES[typed]}`;
    fail(`has dims [${dims.join(', ')}] (${count} elements of ${typeName(dataType)}) but ${what} (expected ${count * (raw !== undefined ? codec.itemSize : 1)}${raw !== undefined ? ' bytes' : ''})`, name);
  }
  const data = raw !== undefined ? codec.decode(b, raw.start, count) : fillTyped(b, start, end, typed, dataType, count);
  return { name, tensor: { dims, data }, dataType };
}

function pushDim(dims: number[]): void {
  const d = unsignedSafe();
  if (HI >= 0x80000000) fail(`has a negative dim (got ${signed64()})`, blame);
  if (d < 0) fail(`has a dim over 2^53 (got ${signed64()})`, blame);
  if (dims.length >= MAX_RANK) fail(`has more than ${MAX_RANK} dims`, blame);
  dims.push(d);
}

/** Second pass: the `count` elements of typed field `field` (validated by the first pass) as f32. */
function fillTyped(b: Uint8Array, start: number, end: number, field: number, dataType: number, count: number): Float32Array {
  const out = new Float32Array(count);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const half = dataType === FLOAT16;
  let i = 0;
  const put = (): void => {
    if (field === F_INT64_DATA) out[i++] = signed64();
    else if (half) out[i++] = halfToFloat(LO & 0xffff);
    else out[i++] = LO | 0;
  };
  const f: Field = { field: 0, wire: 0, start: 0, end: 0 };
  for (let pos = start; pos < end; ) {
    pos = next(b, pos, end, f);
    if (f.field !== field) continue;
    if (field === F_FLOAT_DATA || field === F_DOUBLE_DATA) {
      const size = field === F_FLOAT_DATA ? 4 : 8;
      for (let p = f.start; p < f.end; p += size) out[i++] = size === 4 ? view.getFloat32(p, true) : view.getFloat64(p, true);
    } else if (f.wire === WIRE_LEN) {
      for (let p = f.start; p < f.end; ) {
        p = varint(b, p, f.end);
        put();
      }
    } else {
      varint(b, f.start, f.end);
      put();
    }
  }
  return out;
}

// ——— ModelProto → GraphProto → initializers —————————————————————————————————————————————————————————

/**
 * The initializers of an ONNX model (`ModelProto.graph.initializer`) by name, in file order, as f32.
 * Throws `FormatError` (naming the tensor when one is to blame) for bytes that are not a well-formed model,
 * an unsupported element type, external data, or dims that do not match the data.
 * @example readOnnxInitializers(bytes)['conv1.weight'] //=> { dims: [6, 1, 5, 5], data: Float32Array(150) }
 */
export function readOnnxInitializers(bytes: Uint8Array | ArrayBuffer | ArrayBufferView): Record<string, OnnxInitializer> {
  const b = toBytes(bytes) ?? fail(`input is not bytes (got ${bytes === null ? 'null' : typeof bytes}, expected a Uint8Array or ArrayBuffer)`);
  blameOn(undefined);
  const out: Record<string, OnnxInitializer> = Object.create(null);
  const f: Field = { field: 0, wire: 0, start: 0, end: 0 };
  const g: Field = { field: 0, wire: 0, start: 0, end: 0 };
  let graphs = 0;
  let index = 0;
  for (let pos = 0; pos < b.length; ) {
    pos = next(b, pos, b.length, f);
    if (f.field !== 7) continue; // ModelProto.graph
    expectWire(f, WIRE_LEN, 'ModelProto.graph');
    graphs++;
    for (let p = f.start; p < f.end; ) {
      p = next(b, p, f.end, g);
      if (g.field !== 5) continue; // GraphProto.initializer
      expectWire(g, WIRE_LEN, 'GraphProto.initializer');
      const { name, tensor } = readTensor(b, g.start, g.end, `initializer #${index++}`);
      blameOn(undefined);
      if (Object.hasOwn(out, name)) fail('is given twice (expected unique initializer names)', name);
      out[name] = tensor;
    }
  }
  if (graphs === 0) fail(`no graph found (ModelProto field 7; got ${b.length} bytes): not an ONNX model`);
  return out;
}

/**
 * Reads the initializers of an ONNX model exported from PyTorch and sets them on `model` through
 * `loadPyTorchWeights` (PyTorch names and layouts; see `PyTorchNameMap`). Initializers that are not weights
 * (shape constants, …) need `{ ignoreUnmapped: true }` or a `null` in the map.
 * @example loadOnnxWeights(m, bytes, { 'features.0': 'conv1', 'classifier.1': 'fc' })
 */
export function loadOnnxWeights(
  model: WeightTarget,
  bytes: Uint8Array | ArrayBuffer | ArrayBufferView,
  nameMap?: PyTorchNameMap,
  options?: PyTorchOptions,
): void {
  const record: Record<string, WeightTensor> = Object.create(null);
  for (const [name, t] of Object.entries(readOnnxInitializers(bytes))) record[name] = { shape: t.dims, data: t.data };
  loadPyTorchWeights(model, record, nameMap, options);
}
