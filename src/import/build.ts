/**
 * An imported graph as a running convtype model, built through the public API: `input(...)` per graph
 * input, the tensor method named by each layer's `kind` (or `add` / `concat` / `multiply`), `model(...)`,
 * then `setWeights` with the `<layer>/<param>` keys. Every shape rule runs as it would for a hand-written
 * model, so a graph that a front-end got wrong fails here with the layer's name, never later as NaNs.
 *
 * Decision: no second graph representation. The builder goes through the same calls the generated source
 * file makes (codegen.ts), so what runs in the test of an import is what the user's typed file runs.
 */
import type { Model, MultiModel } from '../../types/model.js';
import type { Shape } from '../../types/shape.js';
import { GraphError } from '../errors.js';
import { input } from '../graph/input.js';
import { add, concat } from '../graph/merge.js';
import { multiply } from '../graph/multiply.js';
import { GraphTensor } from '../graph/tensor.js';
import { FUNCTION_KINDS, LAYERS } from '../layers/index.js';
import { model, type ModelOptions } from '../model/model.js';
import type { ImportedGraph, ImportedLayer, ImportedWeight } from './ir.js';

/** A model built from an imported graph: one input and one output, or arrays of them. */
export type BuiltModel = Model<Shape, Shape> | MultiModel<readonly Shape[], readonly Shape[]>;

/** Options of `buildModel`. */
export interface BuildOptions {
  /** The compute backend, default the plain-TypeScript one. */
  readonly backend?: ModelOptions['backend'];
}

/** How many inputs each function kind takes (`concat`: any number ≥ 1). */
const FUNCTION_ARITY: Readonly<Record<string, (n: number) => boolean>> = {
  add: (n) => n === 2,
  multiply: (n) => n === 2,
  concat: (n) => n >= 1,
};

const fail = (layer: ImportedLayer, message: string): never => {
  throw new GraphError(`buildModel: layer '${layer.name}' (${layer.origin}): ${message}`);
};

/** Applies one layer to its (already built) input tensors. */
function applyLayer(layer: ImportedLayer, inputs: readonly GraphTensor[]): GraphTensor {
  const options = { ...layer.options, name: layer.name };
  try {
    if (FUNCTION_KINDS.has(layer.kind)) {
      if (!FUNCTION_ARITY[layer.kind]!(inputs.length)) fail(layer, `${layer.kind} has ${inputs.length} inputs (expected ${layer.kind === 'concat' ? 'at least one' : 'two'})`);
      if (layer.kind === 'concat') return concat(inputs as never, options) as unknown as GraphTensor;
      const join = layer.kind === 'add' ? add : multiply;
      return join(inputs[0] as never, inputs[1] as never, options) as unknown as GraphTensor;
    }
    if (inputs.length !== 1) fail(layer, `${layer.kind} is a tensor method and takes one input (got ${inputs.length})`);
    return inputs[0]!.layer(layer.kind, options);
  } catch (e) {
    if (e instanceof GraphError && e.message.startsWith('buildModel:')) throw e;
    return fail(layer, e instanceof Error ? e.message : String(e));
  }
}

/** The symbolic tensors of a graph, by input or layer name, checked layer by layer. */
function buildTensors(graph: ImportedGraph): Map<string, GraphTensor> {
  const tensors = new Map<string, GraphTensor>();
  for (const x of graph.inputs) {
    if (tensors.has(x.name)) throw new GraphError(`buildModel: two inputs are named '${x.name}' (expected unique names)`);
    tensors.set(x.name, input(x.shape as never, { name: x.name }) as unknown as GraphTensor);
  }
  for (const layer of graph.layers) {
    if (tensors.has(layer.name)) fail(layer, 'the name is used twice (expected unique input and layer names)');
    if (!LAYERS[layer.kind]) {
      fail(layer, `unknown layer kind '${layer.kind}' (expected one of ${Object.keys(LAYERS).sort().join(', ')})`);
    }
    const inputs = layer.inputs.map(
      (name) => tensors.get(name) ?? fail(layer, `input '${name}' is neither a graph input nor an earlier layer (inputs and layers must be in dependency order)`),
    );
    tensors.set(layer.name, applyLayer(layer, inputs));
  }
  return tensors;
}

/** Every weight of the graph by `<layer>/<param>`. */
export function graphWeights(graph: ImportedGraph): Record<string, ImportedWeight> {
  const out: Record<string, ImportedWeight> = {};
  for (const layer of graph.layers) for (const [param, w] of Object.entries(layer.weights)) out[`${layer.name}/${param}`] = w;
  return out;
}

/**
 * A runnable model with the graph's weights. Throws `GraphError` naming the layer for an unknown kind, a
 * missing input, a shape that does not fit, and `WeightError` listing every weight that does not fit.
 * @example buildModel(importTfjsLayers(json, shards, { inputShapes: [[32, 32, 3]] })).run(tensor([1, 32, 32, 3])).shape //=> [1, 64, 64, 3]
 */
export function buildModel(graph: ImportedGraph, options: BuildOptions = {}): BuiltModel {
  const tensors = buildTensors(graph);
  const missingOutputs = graph.outputs.filter((name) => !tensors.has(name));
  if (missingOutputs.length > 0) throw new GraphError(`buildModel: output ${missingOutputs.map((n) => `'${n}'`).join(', ')} is neither a graph input nor a layer`);
  const outputs = graph.outputs.map((name) => tensors.get(name)!);
  const inputs = graph.inputs.map((x) => tensors.get(x.name)!);
  const many = inputs.length !== 1 || outputs.length !== 1;
  const net = (many ? model(inputs as never, outputs as never, options) : model(inputs[0] as never, outputs[0] as never, options)) as BuiltModel;
  const weights = graphWeights(graph);
  const missing = Object.keys(net.weights).filter((key) => !(key in weights));
  if (missing.length > 0) {
    throw new GraphError(`buildModel: ${missing.length} weight${missing.length === 1 ? '' : 's'} missing from the graph (${missing.join(', ')})`);
  }
  net.setWeights(weights);
  return net;
}
