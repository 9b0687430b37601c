/**
 * `toOnnx(model)`: a standard ONNX model (IR 8, opset 17) that ONNX Runtime runs with convtype's outputs.
 *
 * The interface stays convtype's: inputs and outputs are NHWC (`[N, H, W, C]`), so `session.run` takes and
 * returns the tensors `model.run` does. Inside, spatial layers run channels-first with OIHW weights; a
 * Transpose follows each NHWC input and precedes each NHWC output (see internal/builder.ts for where else
 * transposes appear). An unknown batch becomes the symbolic dim `batch`.
 */
import type { Model, MultiModel } from '../../types/model.js';
import { ConvtypeError } from '../errors.js';
import { DataType, encodeModel, type DeclaredDim, type ValueInfo } from './encode.js';
import { GraphBuilder, type Value } from './internal/builder.js';
import type { EmitContext } from './internal/context.js';
import { EMITTERS } from './internal/emitters.js';
import { modelGraph } from './internal/model-graph.js';

/** What `toOnnx` exports: a model built by `model(input, output)` or `model([inputs], [outputs])`. */
export type ExportableModel = Model<any, any> | MultiModel<any, any>;

/** Options of `toOnnx`. */
export interface OnnxExportOptions {
  /** Default-domain opset, 17 (the default) to 21. */
  readonly opset?: number;
  /** Graph input name(s), default `'input'` (one input) or the inputs' layer names (several). */
  readonly inputName?: string | readonly string[];
  /** Graph output name(s), default `'output'` (one output) or the outputs' layer names (several). */
  readonly outputName?: string | readonly string[];
  /** ModelProto `producer_name`, default `'convtype'`. */
  readonly producerName?: string;
}

/** A model with layers ONNX export does not cover; `unsupported` lists every one, not just the first. */
export class OnnxExportError extends ConvtypeError {
  override name = 'OnnxExportError';
  readonly unsupported: readonly { readonly name: string; readonly kind: string }[];
  constructor(unsupported: readonly { readonly name: string; readonly kind: string }[]) {
    const list = unsupported.map((u) => `${u.name} (${u.kind})`).join(', ');
    super(`toOnnx: ${unsupported.length} layer${unsupported.length === 1 ? ' has a kind' : 's have kinds'} ONNX export does not support (got ${list}, expected one of ${Object.keys(EMITTERS).join(', ')})`);
    this.unsupported = unsupported;
  }
}

/** The layer kinds `toOnnx` exports. */
export const ONNX_EXPORTABLE_KINDS: readonly string[] = Object.freeze(Object.keys(EMITTERS));

const MIN_OPSET = 17;
const MAX_OPSET = 21;
/** Lowest IR version each opset needs (onnx/helper.py VERSION_TABLE). */
const IR_VERSION: Record<number, number> = { 17: 8, 18: 8, 19: 9, 20: 9, 21: 10 };

/**
 * The ONNX bytes of `model`, NHWC in and out, ready for `ort.InferenceSession.create(bytes)`.
 * @example toOnnx(model(x, y)) //=> Uint8Array (an ONNX ModelProto, IR 8, opset 17)
 */
export function toOnnx(model: ExportableModel, options: OnnxExportOptions = {}): Uint8Array {
  const opset = options.opset ?? MIN_OPSET;
  if (!Number.isInteger(opset) || opset < MIN_OPSET || opset > MAX_OPSET) {
    throw new RangeError(`toOnnx: opset is not supported (got ${opset}, expected an integer from ${MIN_OPSET} to ${MAX_OPSET})`);
  }
  const g = modelGraph(model);
  const unsupported = g.nodes.filter(({ node }) => node.kind !== 'input' && EMITTERS[node.kind] === undefined);
  if (unsupported.length > 0) throw new OnnxExportError(unsupported.map(({ name, node }) => ({ name, kind: node.kind })));

  const byId = new Map(g.nodes.map((n) => [n.node.id, n]));
  const inputNames = namesOf('inputName', options.inputName, g.inputIds.map((id) => byId.get(id)!.name), 'input');
  const outputNames = namesOf('outputName', options.outputName, g.outputIds.map((id) => byId.get(id)!.name), 'output');
  const b = new GraphBuilder();
  const values = new Map<number, Value>();
  const declared = (shape: readonly number[]): DeclaredDim[] => shape.map((d, i) => (d >= 0 ? d : i === 0 ? 'batch' : null));

  const inputs: ValueInfo[] = g.inputIds.map((id, i) => {
    const node = byId.get(id)!.node;
    values.set(id, { name: b.fresh(inputNames[i]!), rank: node.shape.length, layout: 'channelsLast' });
    return { name: inputNames[i]!, elemType: DataType.FLOAT, dims: declared(node.shape) };
  });
  for (const name of outputNames) b.fresh(name); // reserved: no inner value may take an output's name

  for (const { node, name } of g.nodes) {
    if (node.kind === 'input') continue;
    const ctx: EmitContext = {
      name,
      kind: node.kind,
      options: node.options,
      inputShapes: node.inputs.map((n) => n.shape),
      shape: node.shape,
      inputs: node.inputs.map((n) => values.get(n.id)!),
      weight: (w) => g.weights[`${name}/${w}`],
      builder: b,
    };
    values.set(node.id, EMITTERS[node.kind]!(ctx));
  }

  const outputs: ValueInfo[] = g.outputIds.map((id, i) => {
    const v = values.get(id)!;
    const last = b.channelsLast(v);
    b.nodes.push({ opType: 'Identity', inputs: [last], outputs: [outputNames[i]!], name: `${outputNames[i]!}/identity` });
    return { name: outputNames[i]!, elemType: DataType.FLOAT, dims: declared(byId.get(id)!.node.shape) };
  });

  return encodeModel({
    nodes: b.nodes,
    initializers: b.initializers,
    inputs,
    outputs,
    opset,
    irVersion: IR_VERSION[opset]!,
    producerName: options.producerName ?? 'convtype',
    graphName: 'convtype',
    docString: 'Exported by convtype: inputs and outputs are channels-last (NHWC), as model.run takes and returns them.',
  });
}

/** The graph input/output names: the option (one per tensor), else the default for one or the layer names. */
function namesOf(option: string, given: string | readonly string[] | undefined, layerNames: string[], single: string): string[] {
  const names = given === undefined ? (layerNames.length === 1 ? [single] : layerNames) : typeof given === 'string' ? [given] : [...given];
  if (names.length !== layerNames.length) {
    throw new RangeError(`toOnnx: ${option} has the wrong count (got ${names.length}, expected ${layerNames.length}, one per model ${single})`);
  }
  if (new Set(names).size !== names.length || (option === 'outputName' && names.some((n) => n === ''))) {
    throw new RangeError(`toOnnx: ${option} has duplicate or empty names (got ${names.join(', ')}, expected distinct names)`);
  }
  return names;
}
