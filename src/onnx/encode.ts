/**
 * ONNX ModelProto encoding (a compact hand-written subset of onnx.proto3, encode only): graphs of nodes
 * with INT/INTS/FLOAT/FLOATS/STRING/TENSOR attributes, float32/int32/int64 initializers as `raw_data`, and
 * typed graph inputs/outputs with fixed, symbolic or unknown dims. Browser-safe (Uint8Array/DataView only).
 *
 * Decision: hand-written over @bufbuild/protobuf + generated ONNX classes — the writer is ~100 lines, keeps
 * the core dependency-free, and copies each weight buffer once (into the final `Uint8Array`).
 *
 * Attributes: a plain number is an INT (non-integers throw: write `{ float: x }`), a number array is INTS,
 * a string is STRING, `{ float }` / `{ floats }` / `{ tensor }` are FLOAT / FLOATS / TENSOR.
 */
import { Message } from './proto.js';

/** A declared dim: a number (fixed), a string (symbolic `dim_param`) or `null` (unknown). */
export type DeclaredDim = number | string | null;

/** Element data ONNX tensors may carry here (float32, int32, int64). */
export type TensorData = Float32Array | Int32Array | BigInt64Array;

/** A named dense row-major tensor (an initializer, or a TENSOR attribute). */
export interface NamedTensor {
  readonly name: string;
  readonly dims: readonly number[];
  readonly data: TensorData;
}

/** `TensorProto.DataType` codes used here. */
export const DataType = { FLOAT: 1, INT32: 6, INT64: 7 } as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

/** A graph input or output: name, element type, and its shape (omitted: left for the runtime to infer). */
export interface ValueInfo {
  readonly name: string;
  readonly elemType: DataTypeCode;
  readonly dims?: readonly DeclaredDim[];
}

/** An attribute value (see the file header for how each form is encoded). */
export type AttributeValue =
  | number
  | readonly number[]
  | string
  | { readonly float: number }
  | { readonly floats: readonly number[] }
  | { readonly tensor: NamedTensor };

/** One node of a graph. */
export interface OnnxNode {
  readonly opType: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  readonly name?: string;
  readonly domain?: string;
}

/** A whole model: its graph and the metadata of the ModelProto. */
export interface OnnxModel {
  readonly nodes: readonly OnnxNode[];
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly ValueInfo[];
  readonly initializers?: readonly NamedTensor[];
  /** Default-domain opset. */
  readonly opset: number;
  readonly irVersion: number;
  readonly producerName?: string;
  readonly producerVersion?: string;
  readonly graphName?: string;
  readonly docString?: string;
}

/** The element type of a typed array. */
export function dataTypeOf(data: TensorData): DataTypeCode {
  if (data instanceof Float32Array) return DataType.FLOAT;
  if (data instanceof Int32Array) return DataType.INT32;
  return DataType.INT64;
}

const LITTLE_ENDIAN_HOST = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The little-endian bytes of `data` (a view, no copy, on little-endian hosts). */
function littleEndianBytes(data: TensorData): Uint8Array {
  const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (LITTLE_ENDIAN_HOST) return view;
  const out = new Uint8Array(view.length);
  const width = data.BYTES_PER_ELEMENT;
  for (let i = 0; i < view.length; i += width) for (let b = 0; b < width; b++) out[i + b] = view[i + width - 1 - b]!;
  return out;
}

/** Encodes a TensorProto (data as little-endian `raw_data`). */
export function tensorProto(t: NamedTensor): Message {
  const count = t.dims.reduce((a, b) => a * b, 1);
  if (t.data.length !== count) {
    throw new Error(`onnx: tensor '${t.name}' has the wrong element count (got ${t.data.length}, expected ${count} for [${t.dims.join(', ')}])`);
  }
  const m = new Message();
  for (const d of t.dims) m.varint(1, d); // dims
  m.varint(2, dataTypeOf(t.data)); // data_type
  m.string(8, t.name); // name
  m.bytes(9, littleEndianBytes(t.data)); // raw_data
  return m;
}

/** Encodes a ValueInfoProto of a tensor with the given element type and (optional) shape. */
export function valueInfoProto(v: ValueInfo): Message {
  const tensorType = new Message().varint(1, v.elemType); // elem_type
  if (v.dims !== undefined) {
    const shape = new Message();
    for (const d of v.dims) {
      const dim = new Message();
      if (typeof d === 'number') dim.varint(1, d); // dim_value
      else if (typeof d === 'string') dim.string(2, d); // dim_param
      shape.message(1, dim); // an empty Dimension = unknown
    }
    tensorType.message(2, shape);
  }
  const type = new Message().message(1, tensorType); // TypeProto.tensor_type
  return new Message().string(1, v.name).message(2, type);
}

// AttributeProto.AttributeType
const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_STRING = 3;
const ATTR_TENSOR = 4;
const ATTR_FLOATS = 6;
const ATTR_INTS = 7;

/** Encodes an AttributeProto. */
export function attributeProto(name: string, value: AttributeValue): Message {
  const m = new Message().string(1, name);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      throw new Error(`onnx: attribute '${name}' = ${value} is not an integer (write { float: ${value} } for a FLOAT)`);
    }
    return m.varint(3, value).varint(20, ATTR_INT);
  }
  if (typeof value === 'string') return m.string(4, value).varint(20, ATTR_STRING);
  if (Array.isArray(value)) {
    for (const v of value as readonly number[]) {
      if (!Number.isInteger(v)) throw new Error(`onnx: attribute '${name}' has a non-integer ${v} (write { floats: [...] })`);
      m.varint(8, v);
    }
    return m.varint(20, ATTR_INTS);
  }
  const v = value as Exclude<AttributeValue, number | string | readonly number[]>;
  if ('float' in v) return m.float(2, v.float).varint(20, ATTR_FLOAT);
  if ('floats' in v) {
    for (const f of v.floats) m.float(7, f);
    return m.varint(20, ATTR_FLOATS);
  }
  return m.message(5, tensorProto(v.tensor)).varint(20, ATTR_TENSOR);
}

/** Encodes a NodeProto (named `<opType>_<index>` unless it has a name). */
export function nodeProto(n: OnnxNode, index: number): Message {
  const m = new Message();
  for (const i of n.inputs) m.string(1, i);
  for (const o of n.outputs) m.string(2, o);
  m.string(3, n.name ?? `${n.opType}_${index}`);
  m.string(4, n.opType);
  for (const [k, v] of Object.entries(n.attributes ?? {})) m.message(5, attributeProto(k, v));
  if (n.domain !== undefined) m.string(7, n.domain);
  return m;
}

/**
 * Encodes a serialized ONNX ModelProto.
 * @example encodeModel({ nodes: [{ opType: 'Relu', inputs: ['x'], outputs: ['y'] }], inputs: [x], outputs: [y], opset: 17, irVersion: 8 }) //=> Uint8Array
 */
export function encodeModel(model: OnnxModel): Uint8Array {
  const graph = new Message();
  model.nodes.forEach((n, i) => graph.message(1, nodeProto(n, i))); // node
  graph.string(2, model.graphName ?? 'graph'); // name
  for (const t of model.initializers ?? []) graph.message(5, tensorProto(t)); // initializer
  if (model.docString !== undefined) graph.string(10, model.docString); // doc_string
  for (const x of model.inputs) graph.message(11, valueInfoProto(x)); // input
  for (const o of model.outputs) graph.message(12, valueInfoProto(o)); // output
  const opset = new Message().string(1, '').varint(2, model.opset);
  const m = new Message().varint(1, model.irVersion); // ir_version
  if (model.producerName !== undefined) m.string(2, model.producerName); // producer_name
  if (model.producerVersion !== undefined) m.string(3, model.producerVersion); // producer_version
  return m
    .message(7, graph) // graph
    .message(8, opset) // opset_import
    .encode();
}
