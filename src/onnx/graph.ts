/**
 * An ONNX model's graph as plain data: `readOnnxGraph(bytes)` returns the nodes (op type, inputs, outputs,
 * name, attributes), the graph inputs and outputs with their declared dims, the initializers (as f32, read by
 * decode.ts's TensorProto reader) and the opsets. It is what the importer (src/import/onnx.ts) walks.
 *
 * Decision: one pass over the bytes as they are with the bounds-checked wire reader (internal/wire.ts), like
 * decode.ts, rather than generated protobuf classes: every length is checked before it is used, nothing is
 * allocated from a count the file claims, and any malformation is a `FormatError` naming the node, value or
 * tensor. Unknown fields are skipped. Subgraph attributes (`If`, `Loop`, `Scan` bodies) are not read: they
 * are recorded as `{ type: 'GRAPH' }` so that the importer can name the node it cannot convert.
 */
import { FormatError } from '../io/errors.js';
import { MAX_RANK, toBytes } from '../io/internal/checks.js';
import { readTensor, type OnnxInitializer } from './decode.js';
import type { DeclaredDim } from './encode.js';
import { readNode } from './internal/node.js';
import { blame, blameOn, count, expectWire, fail, int64, next, text, WIRE_LEN, type Field } from './internal/wire.js';

/** A tensor of the graph (initializer or TENSOR attribute): dims, values as f32, and its TensorProto.DataType. */
export interface OnnxTensor extends OnnxInitializer {
  /** 1 FLOAT, 6 INT32, 7 INT64, 10 FLOAT16, 11 DOUBLE. */
  readonly dataType: number;
}

/** An attribute of a node, by its AttributeProto type. Integers are int64 as the nearest double. */
export type OnnxAttribute =
  | { readonly type: 'FLOAT'; readonly value: number }
  | { readonly type: 'INT'; readonly value: number }
  | { readonly type: 'STRING'; readonly value: string }
  | { readonly type: 'TENSOR'; readonly value: OnnxTensor }
  | { readonly type: 'FLOATS'; readonly value: readonly number[] }
  | { readonly type: 'INTS'; readonly value: readonly number[] }
  | { readonly type: 'STRINGS'; readonly value: readonly string[] }
  | { readonly type: 'GRAPH' | 'GRAPHS' | 'SPARSE_TENSOR' | 'TENSORS' | 'TYPE_PROTO' | 'OTHER' };

/** One NodeProto. An omitted optional input is `''` (as in the file). */
export interface OnnxGraphNode {
  /** The node's name, or `<opType>_<index>` when the file gives none. */
  readonly name: string;
  readonly opType: string;
  /** '' for the default (ai.onnx) domain. */
  readonly domain: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: Readonly<Record<string, OnnxAttribute>>;
}

/** A graph input or output (ValueInfoProto): its element type and declared dims (`undefined`: no shape given). */
export interface OnnxValueInfo {
  readonly name: string;
  /** TensorProto.DataType (1 = FLOAT); 0 when the value is not a tensor or its type is not given. */
  readonly elemType: number;
  readonly dims: readonly DeclaredDim[] | undefined;
}

/** A whole model as the importer needs it. */
export interface OnnxGraph {
  readonly irVersion: number;
  /** The default-domain (ai.onnx) opset version; 0 if the model imports none. */
  readonly opset: number;
  /** Every imported opset by domain ('' = ai.onnx). */
  readonly opsets: Readonly<Record<string, number>>;
  readonly producerName: string;
  readonly nodes: readonly OnnxGraphNode[];
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
  /** By name, in file order. */
  readonly initializers: ReadonlyMap<string, OnnxTensor>;
}

/** Reads a ValueInfoProto in `[start, end)`: its name, and element type and dims if it is a tensor. */
function readValueInfo(b: Uint8Array, start: number, end: number, label: string): OnnxValueInfo {
  blameOn(label);
  let name: string | undefined;
  let elemType = 0;
  let dims: DeclaredDim[] | undefined;
  const f: Field = { field: 0, wire: 0, start: 0, end: 0 };
  const g: Field = { field: 0, wire: 0, start: 0, end: 0 };
  for (let pos = start; pos < end; ) {
    pos = next(b, pos, end, f);
    if (f.field === 1) {
      name = text(b, f, 'value name');
      blameOn(`${label.split(' ')[0]} '${name}'`);
    } else if (f.field === 2) {
      expectWire(f, WIRE_LEN, 'value type');
      for (let p = f.start; p < f.end; ) {
        p = next(b, p, f.end, g);
        if (g.field !== 1) continue; // TypeProto.tensor_type (other kinds leave elemType 0)
        expectWire(g, WIRE_LEN, 'tensor_type');
        const t = readTensorType(b, g.start, g.end);
        elemType = t.elemType;
        dims = t.dims;
      }
    }
  }
  if (name === undefined || name === '') fail('has no name (ValueInfoProto field 1)', label);
  return { name, elemType, dims };
}

/** TypeProto.Tensor: elem_type (1) and shape (2) of Dimensions (1), each dim_value (1) or dim_param (2). */
function readTensorType(b: Uint8Array, start: number, end: number): { elemType: number; dims: DeclaredDim[] | undefined } {
  let elemType = 0;
  let dims: DeclaredDim[] | undefined;
  const f: Field = { field: 0, wire: 0, start: 0, end: 0 };
  const g: Field = { field: 0, wire: 0, start: 0, end: 0 };
  const h: Field = { field: 0, wire: 0, start: 0, end: 0 };
  for (let pos = start; pos < end; ) {
    pos = next(b, pos, end, f);
    if (f.field === 1) elemType = count(b, f, 'elem_type');
    else if (f.field === 2) {
      expectWire(f, WIRE_LEN, 'shape');
      dims = [];
      for (let p = f.start; p < f.end; ) {
        p = next(b, p, f.end, g);
        if (g.field !== 1) continue;
        expectWire(g, WIRE_LEN, 'shape dim');
        if (dims.length >= MAX_RANK) fail(`has a shape of more than ${MAX_RANK} dims`, blame);
        let dim: DeclaredDim = null;
        for (let q = g.start; q < g.end; ) {
          q = next(b, q, g.end, h);
          if (h.field === 1) {
            const d = int64(b, h, 'dim_value');
            // Exporters write -1 for an unknown dim now and then; treat every negative as unknown.
            dim = d >= 0 ? d : null;
          } else if (h.field === 2) dim = text(b, h, 'dim_param');
        }
        dims.push(dim);
      }
    }
  }
  return { elemType, dims };
}

/** OperatorSetIdProto: domain (1), version (2). */
function readOpset(b: Uint8Array, start: number, end: number): { domain: string; version: number } {
  let domain = '';
  let version = 0;
  const f: Field = { field: 0, wire: 0, start: 0, end: 0 };
  for (let pos = start; pos < end; ) {
    pos = next(b, pos, end, f);
    if (f.field === 1) domain = text(b, f, 'opset domain');
    else if (f.field === 2) version = count(b, f, 'opset version');
  }
  return { domain: domain === 'ai.onnx' ? '' : domain, version };
}

/**
 * The graph of an ONNX model: nodes, inputs/outputs with declared dims, initializers, opsets.
 * Throws `FormatError` (naming the node, value or tensor to blame) for bytes that are not a well-formed model.
 * Graph inputs that are also initializers (IR < 4 exporters list weights as inputs) are left out of `inputs`.
 * @example readOnnxGraph(bytes).nodes[0] //=> { name: 'Conv_0', opType: 'Conv', inputs: ['x', 'w', 'b'], outputs: ['y'], … }
 */
export function readOnnxGraph(bytes: Uint8Array | ArrayBuffer | ArrayBufferView): OnnxGraph {
  try {
    return readGraph(bytes);
  } catch (e) {
    // The wire reader blames a "tensor"; a node or a graph input/output is named as what it is.
    if (e instanceof FormatError && e.tensor !== undefined && /^(node|input|output) /.test(e.tensor)) {
      throw new FormatError('onnx', `${e.tensor}: ${e.message.slice(`onnx: tensor '${e.tensor}': `.length)}`);
    }
    throw e;
  }
}

function readGraph(bytes: Uint8Array | ArrayBuffer | ArrayBufferView): OnnxGraph {
  const b = toBytes(bytes) ?? fail(`input is not bytes (got ${bytes === null ? 'null' : typeof bytes}, expected a Uint8Array or ArrayBuffer)`);
  blameOn(undefined);
  let irVersion = 0;
  let producerName = '';
  const opsets: Record<string, number> = Object.create(null);
  let graph: { start: number; end: number } | undefined;
  const f: Field = { field: 0, wire: 0, start: 0, end: 0 };
  for (let pos = 0; pos < b.length; ) {
    pos = next(b, pos, b.length, f);
    switch (f.field) {
      case 1:
        irVersion = count(b, f, 'ir_version');
        break;
      case 2:
        producerName = text(b, f, 'producer_name');
        break;
      case 7:
        expectWire(f, WIRE_LEN, 'ModelProto.graph');
        if (graph !== undefined) fail('has two graphs (ModelProto field 7 twice)');
        graph = { start: f.start, end: f.end };
        break;
      case 8: {
        expectWire(f, WIRE_LEN, 'opset_import');
        const o = readOpset(b, f.start, f.end);
        opsets[o.domain] = o.version;
        break;
      }
      default:
        break;
    }
  }
  if (graph === undefined) fail(`no graph found (ModelProto field 7; got ${b.length} bytes): not an ONNX model`);
  const nodes: OnnxGraphNode[] = [];
  const inputs: OnnxValueInfo[] = [];
  const outputs: OnnxValueInfo[] = [];
  const initializers = new Map<string, OnnxTensor>();
  for (let pos = graph.start; pos < graph.end; ) {
    pos = next(b, pos, graph.end, f);
    switch (f.field) {
      case 1:
        expectWire(f, WIRE_LEN, 'GraphProto.node');
        nodes.push(readNode(b, f.start, f.end, nodes.length));
        break;
      case 5: {
        expectWire(f, WIRE_LEN, 'GraphProto.initializer');
        const { name, tensor, dataType } = readTensor(b, f.start, f.end, `initializer #${initializers.size}`);
        if (initializers.has(name)) fail('is given twice (expected unique initializer names)', name);
        initializers.set(name, { ...tensor, dataType });
        break;
      }
      case 11:
        expectWire(f, WIRE_LEN, 'GraphProto.input');
        inputs.push(readValueInfo(b, f.start, f.end, `input #${inputs.length}`));
        break;
      case 12:
        expectWire(f, WIRE_LEN, 'GraphProto.output');
        outputs.push(readValueInfo(b, f.start, f.end, `output #${outputs.length}`));
        break;
      default: // name, doc_string, value_info, sparse_initializer, quantization annotations, unknown fields
        break;
    }
    blameOn(undefined);
  }
  return {
    irVersion,
    opset: opsets[''] ?? 0,
    opsets,
    producerName,
    nodes,
    inputs: inputs.filter((i) => !initializers.has(i.name)),
    outputs,
    initializers,
  };
}
