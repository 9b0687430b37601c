/**
 * ONNX reference engine for tests: the production ONNX encoder (src/onnx/encode.ts) plus runners on
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
import {
  DataType,
  dataTypeOf,
  encodeModel as encodeOnnxModel,
  type AttributeValue,
  type DeclaredDim,
  type NamedTensor,
  type OnnxNode,
} from '../../src/onnx/encode.js';

export * from './layout.js';

/** ONNX IR version written into every model. */
export const IR_VERSION = 8;
/** Default-domain opset used when none is given. */
export const DEFAULT_OPSET = 17;
/** onnxruntime-node version string, for recording which engine produced a result. */
export const ORT_VERSION: string = ort.env.versions.node ?? 'unknown';

export type { AttributeValue, DeclaredDim, NamedTensor, OnnxNode, TensorData } from '../../src/onnx/encode.js';

/** A graph input: its run-time value, and optionally the shape the graph declares (symbolic dims allowed). */
export interface GraphInput extends NamedTensor {
  readonly declaredDims?: readonly DeclaredDim[];
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

// ---------- encoding (src/onnx/encode.ts) ----------

/**
 * Encodes a graph as a serialized ONNX ModelProto (IR 8, default-domain opset `g.opset ?? 17`).
 * @example encodeModel({ nodes: [{ opType: 'Relu', inputs: ['x'], outputs: ['y'] }], inputs: [x], outputs: ['y'] }) //=> Uint8Array
 */
export function encodeModel(g: OnnxGraph): Uint8Array {
  return encodeOnnxModel({
    nodes: g.nodes,
    inputs: g.inputs.map((x) => ({ name: x.name, elemType: dataTypeOf(x.data), dims: x.declaredDims ?? x.dims })),
    outputs: g.outputs.map((name) => ({ name, elemType: DataType.FLOAT })),
    initializers: g.initializers ?? [],
    opset: g.opset ?? DEFAULT_OPSET,
    irVersion: IR_VERSION,
    producerName: 'convtype-tests',
    graphName: 'convtype_reference',
  });
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
