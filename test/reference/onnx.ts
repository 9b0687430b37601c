/**
 * ONNX reference engine for tests: a hand-written ONNX ModelProto encoder plus runners on
 * onnxruntime-node (CPU, one intra-op and one inter-op thread, graph optimisations disabled so every
 * node runs as its own plain kernel).
 *
 * Contract:
 * - Tensors are dense row-major `{ dims, data }` in ONNX layout (NCHW activations, OIHW kernels);
 *   convert ours with the helpers re-exported from `./layout.js` (`nhwcToNchw`, `hwioToOihw`, …).
 * - Attributes: a plain number is an INT (non-integers throw: write `{ float: x }`), a number array
 *   is INTS, a string is STRING, `{ float }` / `{ floats }` / `{ tensor }` are FLOAT / FLOATS / TENSOR.
 * - Graph inputs may declare symbolic (`'N'`) or unknown (`null`) dims; the run uses the real `dims`.
 * - Graph outputs are float32 tensors; their shapes are left undeclared for ORT to infer.
 * - Defaults: opset 17 (default domain), IR version 8.
 *
 * @example
 * const y = await runOnnxOp({ opType: 'Relu', inputs: [{ name: 'x', dims: [3], data: Float32Array.of(-1, 0, 2) }] });
 * y.data //=> Float32Array [0, 0, 2]
 */
import * as ort from 'onnxruntime-node';
import { Message } from './protobuf.js';

export * from './layout.js';

/** ONNX IR version written into every model. */
export const IR_VERSION = 8;
/** Default-domain opset used when none is given. */
export const DEFAULT_OPSET = 17;
/** onnxruntime-node version string, for recording which engine produced a result. */
export const ORT_VERSION: string = ort.env.versions.node ?? 'unknown';

/** A declared dim: a number (fixed), a string (symbolic `dim_param`) or `null` (unknown). */
export type DeclaredDim = number | string | null;

/** Element data ONNX tensors may carry here (float32, int32, int64). */
export type TensorData = Float32Array | Int32Array | BigInt64Array;

/** A named tensor: a graph input (fed at run time) or an initializer (stored in the model). */
export interface NamedTensor {
  readonly name: string;
  readonly dims: readonly number[];
  readonly data: TensorData;
}

/** A graph input: its run-time value, and optionally the shape the graph declares (symbolic dims allowed). */
export interface GraphInput extends NamedTensor {
  readonly declaredDims?: readonly DeclaredDim[];
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

/** A whole model's graph. */
export interface OnnxGraph {
  readonly nodes: readonly OnnxNode[];
  readonly inputs: readonly GraphInput[];
  readonly initializers?: readonly NamedTensor[];
  /** Names of the graph outputs (float32). */
  readonly outputs: readonly string[];
  readonly opset?: number;
}

/** A float32 result tensor. */
export interface OnnxResult {
  readonly dims: number[];
  readonly data: Float32Array;
}

// ---------- encoding ----------

// TensorProto.DataType
const FLOAT = 1;
const INT32 = 6;
const INT64 = 7;

// AttributeProto.AttributeType
const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_STRING = 3;
const ATTR_TENSOR = 4;
const ATTR_FLOATS = 6;
const ATTR_INTS = 7;

function dataTypeOf(data: TensorData): number {
  if (data instanceof Float32Array) return FLOAT;
  if (data instanceof Int32Array) return INT32;
  return INT64;
}

/** Encodes a TensorProto (data as little-endian `raw_data`). */
function tensorProto(t: NamedTensor): Message {
  const count = t.dims.reduce((a, b) => a * b, 1);
  if (t.data.length !== count) {
    throw new Error(`onnx: tensor '${t.name}' has ${t.data.length} elements (expected ${count} for [${t.dims.join(', ')}])`);
  }
  const m = new Message();
  for (const d of t.dims) m.varint(1, d); // dims
  m.varint(2, dataTypeOf(t.data)); // data_type
  m.string(8, t.name); // name
  // raw_data is little-endian; typed arrays are host-endian, which is little-endian on every Node target.
  m.bytes(9, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  return m;
}

/** Encodes a ValueInfoProto of a tensor with the given element type and (optional) shape. */
function valueInfo(name: string, elemType: number, dims?: readonly DeclaredDim[]): Message {
  const tensorType = new Message().varint(1, elemType); // elem_type
  if (dims !== undefined) {
    const shape = new Message();
    for (const d of dims) {
      const dim = new Message();
      if (typeof d === 'number') dim.varint(1, d); // dim_value
      else if (typeof d === 'string') dim.string(2, d); // dim_param
      shape.message(1, dim); // an empty Dimension = unknown
    }
    tensorType.message(2, shape);
  }
  const type = new Message().message(1, tensorType); // TypeProto.tensor_type
  return new Message().string(1, name).message(2, type);
}

function attributeProto(name: string, value: AttributeValue): Message {
  const m = new Message().string(1, name);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      throw new Error(`onnx: attribute '${name}' = ${value} is not an integer (write { float: ${value} } for a FLOAT)`);
    }
    return m.varint(3, value).varint(20, ATTR_INT);
  }
  if (typeof value === 'string') return m.string(4, value).varint(20, ATTR_STRING);
  if (isNumberArray(value)) {
    for (const v of value) {
      if (!Number.isInteger(v)) throw new Error(`onnx: attribute '${name}' has a non-integer ${v} (write { floats: [...] })`);
      m.varint(8, v);
    }
    return m.varint(20, ATTR_INTS);
  }
  if ('float' in value) return m.float(2, value.float).varint(20, ATTR_FLOAT);
  if ('floats' in value) {
    for (const v of value.floats) m.float(7, v);
    return m.varint(20, ATTR_FLOATS);
  }
  return m.message(5, tensorProto(value.tensor)).varint(20, ATTR_TENSOR);
}

function isNumberArray(v: AttributeValue): v is readonly number[] {
  return Array.isArray(v);
}

function nodeProto(n: OnnxNode, index: number): Message {
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
 * Encodes a graph as a serialized ONNX ModelProto (IR 8, default-domain opset `g.opset ?? 17`).
 * @example encodeModel({ nodes: [{ opType: 'Relu', inputs: ['x'], outputs: ['y'] }], inputs: [x], outputs: ['y'] }) //=> Uint8Array
 */
export function encodeModel(g: OnnxGraph): Uint8Array {
  const graph = new Message();
  g.nodes.forEach((n, i) => graph.message(1, nodeProto(n, i))); // node
  graph.string(2, 'convtype_reference'); // name
  for (const t of g.initializers ?? []) graph.message(5, tensorProto(t)); // initializer
  for (const x of g.inputs) graph.message(11, valueInfo(x.name, dataTypeOf(x.data), x.declaredDims ?? x.dims)); // input
  for (const o of g.outputs) graph.message(12, valueInfo(o, FLOAT)); // output
  const opset = new Message().string(1, '').varint(2, g.opset ?? DEFAULT_OPSET);
  return new Message()
    .varint(1, IR_VERSION) // ir_version
    .string(2, 'convtype-tests') // producer_name
    .message(7, graph) // graph
    .message(8, opset) // opset_import
    .encode();
}

// ---------- running ----------

const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  executionProviders: ['cpu'],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  graphOptimizationLevel: 'disabled',
  // Rejections reach the caller as thrown errors; ORT's own stderr copy of them is noise.
  logSeverityLevel: 4,
};
ort.env.logLevel = 'fatal';

function ortTensor(t: NamedTensor): ort.Tensor {
  if (t.data instanceof Float32Array) return new ort.Tensor('float32', t.data, t.dims);
  if (t.data instanceof Int32Array) return new ort.Tensor('int32', t.data, t.dims);
  return new ort.Tensor('int64', t.data, t.dims);
}

/**
 * Builds a model from `g`, runs it once on onnxruntime-node and returns every graph output by name.
 * @example (await runOnnxGraph({ nodes: [relu, sigmoid], inputs: [x], outputs: ['z'] })).z.dims //=> [1, 3]
 */
export async function runOnnxGraph(g: OnnxGraph): Promise<Record<string, OnnxResult>> {
  const session = await ort.InferenceSession.create(encodeModel(g), SESSION_OPTIONS);
  try {
    const feeds: Record<string, ort.Tensor> = {};
    for (const x of g.inputs) feeds[x.name] = ortTensor(x);
    const results = await session.run(feeds);
    const out: Record<string, OnnxResult> = {};
    for (const name of g.outputs) {
      const t = results[name];
      if (!(t.data instanceof Float32Array)) throw new Error(`onnx: output '${name}' is ${t.type}, expected float32`);
      out[name] = { dims: [...t.dims], data: t.data };
    }
    return out;
  } finally {
    await session.release();
  }
}

/** Arguments of `runOnnxOp`. */
export interface OnnxOpCall {
  readonly opType: string;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  /** Fed at run time; become the node's first inputs, in order. */
  readonly inputs: readonly GraphInput[];
  /** Stored in the model (weights, bias); become the node's next inputs, in order. */
  readonly initializers?: readonly NamedTensor[];
  /** Overrides the node's input list (e.g. `['x', '', 'scale']` to skip an optional input). */
  readonly nodeInputs?: readonly string[];
  readonly opset?: number;
}

/**
 * Runs a single ONNX operator on onnxruntime-node and returns its first output.
 * @example (await runOnnxOp({ opType: 'MaxPool', attributes: { kernel_shape: [2, 2], strides: [2, 2] }, inputs: [x] })).dims //=> [1, 1, 2, 2] for x [1, 1, 4, 4]
 */
export async function runOnnxOp(call: OnnxOpCall): Promise<OnnxResult> {
  const initializers = call.initializers ?? [];
  const node: OnnxNode = {
    opType: call.opType,
    inputs: call.nodeInputs ?? [...call.inputs, ...initializers].map((t) => t.name),
    outputs: ['output'],
    ...(call.attributes !== undefined ? { attributes: call.attributes } : {}),
  };
  const results = await runOnnxGraph({
    nodes: [node],
    inputs: call.inputs,
    initializers,
    outputs: ['output'],
    ...(call.opset !== undefined ? { opset: call.opset } : {}),
  });
  return results.output;
}
