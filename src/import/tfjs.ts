/**
 * The tfjs-layers front-end: a TensorFlow.js layers `model.json` (what `tf.LayersModel.save` and the tfjs
 * converter write for Keras models) plus its weight shards → an `ImportedGraph`. Sequential and functional
 * topologies (Keras 2 and Keras 3 `inbound_nodes`), one converter per layer class (internal/keras-layers.ts),
 * weights decoded by the existing reader (src/io/tfjs.ts, incl. uint8/uint16/float16 quantisation).
 *
 * Decision: walk the whole topology before failing, so every unsupported layer is listed in one
 * `ImportError`; a layer downstream of an unsupported one is only checked for its class (its input shape
 * is unknown). Shapes are computed while walking with the runtime shape rules, because some conversions
 * depend on them (Dense on a feature map, the axis of Concatenate).
 */
import { GraphError } from '../errors.js';
import { FormatError } from '../io/errors.js';
import { isPlainObject, show } from '../io/internal/checks.js';
import { loadTfjsWeights, parseModelJson } from '../io/tfjs.js';
import { LAYERS } from '../layers/index.js';
import { formatShape } from '../shapes/format.js';
import { resolveInputShape } from './inputs.js';
import { ImportError, type ImportedGraph, type ImportedInput, type ImportedLayer, type ImportedWeight, type ImportOptions, type OptionValue, type UnsupportedOp } from './ir.js';
import { KERAS_LAYERS, Unsupported, type LayerContext } from './internal/keras-layers.js';

/** One Keras layer as the topology lists it, with the Keras names of its inputs. */
interface KerasNode {
  readonly className: string;
  readonly name: string;
  readonly config: Record<string, unknown>;
  readonly inputs: readonly string[];
}

const INPUT = 'InputLayer';
/** A name for another layer's output (the inputs and the name of an inlined nested model). */
const ALIAS = '(alias)';
const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);

const bad = (message: string): never => {
  throw new FormatError('tfjs', message);
};

/** The `{ class_name, config }` of the model: `modelTopology` itself (tfjs) or its `model_config` (Keras converter). */
function topologyOf(json: Record<string, unknown>): { className: string; config: unknown } {
  let top = json.modelTopology;
  if (isPlainObject(top) && isPlainObject(top.model_config)) top = top.model_config;
  if (!isPlainObject(top) || typeof top.class_name !== 'string') return bad(`modelTopology has no class_name (got ${show(top)}); is this a layers model, not a graph model?`);
  return { className: top.class_name, config: top.config };
}

/** The Keras layer names a Keras 2 (`[[name, 0, 0, {}], …]`) or Keras 3 (`{ args: [keras tensors] }`) inbound node reads. */
function inboundNames(node: unknown): { names: string[]; indexed: boolean } {
  const names: string[] = [];
  let indexed = false;
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      if (typeof v[0] === 'string' && typeof v[1] === 'number') {
        names.push(v[0]);
        if ((v[2] ?? 0) !== 0) indexed = true; // the node index counts applications outside this model too
      } else v.forEach(visit);
    } else if (isPlainObject(v)) {
      if (isPlainObject(v.config) && Array.isArray(v.config.keras_history)) visit(v.config.keras_history);
      else if ('args' in v) visit(v.args);
    }
  };
  visit(node);
  return { names, indexed };
}

/** What a topology holds: its layers with their inputs, the names of its inputs (in order) and outputs. */
interface Topology {
  readonly nodes: KerasNode[];
  readonly inputs: string[];
  readonly outputs: string[];
  readonly unsupported: UnsupportedOp[];
}

/** The config that declares a Sequential model's input: its first layer's, or that of a nested model's first layer. */
function declaring(layer: Record<string, unknown>): Record<string, unknown> {
  const config = layer.config as Record<string, unknown>;
  if (!MODEL_CLASSES.has(layer.class_name as string)) return config;
  const inner = Array.isArray(config.layers) ? config.layers[0] : undefined;
  return isPlainObject(inner) && isPlainObject(inner.config) ? declaring(inner) : config;
}

/** The layers of a functional or sequential config, with nested models inlined (see `inline`). */
function nodesOf(className: string, config: unknown): Topology {
  const layers = Array.isArray(config) ? config : isPlainObject(config) ? config.layers : undefined;
  if (!Array.isArray(layers)) return bad(`modelTopology.config has no layers array (got ${show(layers)})`);
  const unsupported: UnsupportedOp[] = [];
  const nodes: KerasNode[] = [];
  layers.forEach((l: unknown, i: number) => {
    if (!isPlainObject(l) || typeof l.class_name !== 'string' || !isPlainObject(l.config)) return bad(`layers[${i}] is not { class_name, config } (got ${show(l)})`);
    const name = typeof l.name === 'string' ? l.name : typeof l.config.name === 'string' ? l.config.name : `${l.class_name}_${i}`;
    if (className === 'Sequential') {
      // The first layer declares the input (batch_input_shape) unless it is an InputLayer itself.
      if (i === 0 && l.class_name !== INPUT) nodes.push({ className: INPUT, name: `${name}_input`, config: declaring(l), inputs: [] });
      nodes.push({ className: l.class_name, name, config: l.config, inputs: nodes.length === 0 ? [] : [nodes[nodes.length - 1]!.name] });
      return undefined;
    }
    const inbound = Array.isArray(l.inbound_nodes) ? l.inbound_nodes : [];
    if (inbound.length > 1) {
      unsupported.push({ node: name, op: l.class_name, reason: `a shared layer applied ${inbound.length} times (convtype layers are applied once; unshare it)` });
    }
    const { names, indexed } = inboundNames(inbound[0] ?? []);
    if (indexed) unsupported.push({ node: name, op: l.class_name, reason: 'reads a second output of a layer (convtype layers have one output)' });
    nodes.push({ className: l.class_name, name, config: l.config, inputs: names });
    return undefined;
  });
  let outputs: string[];
  let inputs = nodes.filter((n) => n.className === INPUT).map((n) => n.name);
  if (className === 'Sequential') outputs = nodes.length > 0 ? [nodes[nodes.length - 1]!.name] : [];
  else {
    const list = (raw: unknown): string[] => inboundNames(Array.isArray(raw) && typeof raw[0] === 'string' ? [raw] : raw).names;
    outputs = list(isPlainObject(config) ? config.output_layers : undefined);
    const declared = list(isPlainObject(config) ? config.input_layers : undefined);
    if (declared.length === inputs.length && declared.every((d) => inputs.includes(d))) inputs = declared;
  }
  return inline({ nodes, inputs, outputs, unsupported });
}

/**
 * Nested models (a Sequential base inside a functional model, as in transfer learning) replaced by their
 * layers: each inner input becomes an alias of the tensor the outer model feeds it, the nested model's name
 * an alias of its output. Inner layer names stay as they are (the weights are named by them).
 */
function inline(top: Topology): Topology {
  if (!top.nodes.some((n) => MODEL_CLASSES.has(n.className))) return top;
  const nodes: KerasNode[] = [];
  const unsupported = [...top.unsupported];
  const outer = new Set(top.nodes.map((n) => n.name));
  for (const node of top.nodes) {
    if (!MODEL_CLASSES.has(node.className)) {
      nodes.push(node);
      continue;
    }
    const inner = nodesOf(node.className, node.config);
    unsupported.push(...inner.unsupported);
    const clash = inner.nodes.filter((n) => outer.has(n.name)).map((n) => n.name);
    if (inner.outputs.length !== 1 || inner.inputs.length !== node.inputs.length || clash.length > 0) {
      const why = clash.length > 0 ? `its layer names ${clash.join(', ')} are also names of the outer model` : `${inner.inputs.length} inputs and ${inner.outputs.length} outputs, applied to ${node.inputs.length} tensors (expected one output)`;
      unsupported.push({ node: node.name, op: node.className, reason: `a nested model that cannot be inlined: ${why}` });
      nodes.push({ ...node, className: 'NestedModel' });
      continue;
    }
    for (const n of inner.nodes) {
      const at = inner.inputs.indexOf(n.name);
      nodes.push(at >= 0 ? { className: ALIAS, name: n.name, config: {}, inputs: [node.inputs[at]!] } : n);
    }
    nodes.push({ className: ALIAS, name: node.name, config: {}, inputs: [inner.outputs[0]!] });
  }
  return { ...top, nodes, unsupported };
}

/** The dims (batch first, `null` unknown) an InputLayer or a Sequential model's first layer declares. */
function declaredShape(node: KerasNode): readonly (number | null)[] {
  const c = node.config;
  const shape = c.batch_input_shape ?? c.batch_shape ?? (Array.isArray(c.input_shape) ? [null, ...c.input_shape] : undefined);
  if (!Array.isArray(shape) || !shape.every((d) => d === null || typeof d === 'number')) {
    return bad(`input '${node.name}' declares no batch_input_shape (got ${show(shape)})`);
  }
  return shape as (number | null)[];
}

/** Where the weights of each Keras layer are: `<layer>/<param>` → tensor, from tfjs names with any scope prefix. */
function indexWeights(record: Readonly<Record<string, { shape: readonly number[]; data: Float32Array }>>): Map<string, { key: string; weight: ImportedWeight }> {
  const index = new Map<string, { key: string; weight: ImportedWeight }>();
  for (const [key, t] of Object.entries(record)) {
    const parts = key.replace(/:\d+$/, '').split('/');
    if (parts.length < 2) continue;
    index.set(parts.slice(-2).join('/'), { key, weight: { shape: [...t.shape], data: t.data } });
  }
  return index;
}

/**
 * The imported graph of a tfjs layers model: `model.json` (object or text) and its weight shards, in manifest
 * order. Throws `ImportError` listing every layer convtype cannot express, `FormatError` for a malformed
 * file or missing weights, and `GraphError` for a layer whose shape does not fit.
 * @example importTfjsLayers(json, [shard], { inputShapes: [[32, 32, 3]] }).layers.map((l) => l.kind) //=> ['conv2d', 'conv2d', 'conv2d', 'relu', …]
 */
export function importTfjsLayers(
  modelJson: unknown,
  weightShards: readonly (ArrayBuffer | ArrayBufferView)[],
  options: ImportOptions = {},
): ImportedGraph {
  const json = parseModelJson(modelJson);
  const { className, config } = topologyOf(json);
  if (!MODEL_CLASSES.has(className)) return bad(`modelTopology class_name '${className}' (expected Sequential, Model or Functional)`);
  const { nodes, inputs: inputOrder, outputs, unsupported } = nodesOf(className, config);
  const weights = indexWeights(loadTfjsWeights(json, weightShards));
  const used = new Set<string>();
  const missing: string[] = [];

  const names = new Set<string>();
  const unique = (wanted: string): string => {
    let name = wanted;
    for (let i = 1; names.has(name); i++) name = `${wanted}_${i}`;
    names.add(name);
    return name;
  };
  for (const n of nodes) names.add(n.name);

  const inputs: ImportedInput[] = [];
  const layers: ImportedLayer[] = [];
  const shapes = new Map<string, readonly number[]>();
  /** Keras layer name → the convtype name of its output; absent when unknown (after an unsupported layer). */
  const outputOf = new Map<string, string>();
  const done = new Set<string>();

  for (const node of inputOrder.map((name) => nodes.find((n) => n.name === name)!)) {
    const shape = resolveInputShape(node.name, declaredShape(node), inputs.length, options);
    if (typeof shape === 'string') unsupported.push({ node: node.name, op: INPUT, reason: shape });
    else {
      inputs.push({ name: node.name, shape });
      shapes.set(node.name, [-1, ...shape]);
      outputOf.set(node.name, node.name);
    }
    done.add(node.name);
  }

  const convert = (node: KerasNode): void => {
    if (node.className === ALIAS) {
      const target = outputOf.get(node.inputs[0]!);
      if (target !== undefined) outputOf.set(node.name, target);
      return;
    }
    const converter = KERAS_LAYERS[node.className];
    if (!converter) {
      if (node.className !== 'NestedModel') unsupported.push({ node: node.name, op: node.className, reason: 'no convtype layer for this class' });
      return;
    }
    const from = node.inputs.map((k) => outputOf.get(k));
    if (from.some((f) => f === undefined)) return; // downstream of an unsupported layer: its class is known, its input is not
    const inputNames = from as string[];
    let first = true;
    const ctx: LayerContext = {
      name: node.name,
      config: node.config,
      inputs: inputNames,
      shapes: inputNames.map((n) => shapes.get(n)!),
      hasWeight: (param) => weights.has(`${node.name}/${param}`),
      weight(param) {
        const found = weights.get(`${node.name}/${param}`);
        if (!found) {
          missing.push(`${node.name}/${param}`);
          return { shape: [0], data: new Float32Array(0) };
        }
        used.add(found.key);
        return found.weight;
      },
      emit(kind, layerOptions, layerWeights = {}, layerInputs = [inputNames[0]!]) {
        const name = first ? node.name : unique(`${node.name}_${kind}`);
        first = false;
        const layerShapes = layerInputs.map((n) => shapes.get(n)!);
        let shape: number[];
        try {
          shape = LAYERS[kind]!.shape(layerShapes, layerOptions);
        } catch (e) {
          throw new GraphError(`importTfjsLayers: layer '${node.name}' (${node.className}) does not fit its input ${layerShapes.map(formatShape).join(' and ')}: ${e instanceof Error ? e.message : String(e)}`);
        }
        layers.push({ name, kind, inputs: layerInputs, options: layerOptions as Record<string, OptionValue>, weights: layerWeights, origin: `${node.className} ${node.name}` });
        shapes.set(name, shape);
        return name;
      },
    };
    const before = layers.length;
    try {
      outputOf.set(node.name, converter(ctx));
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      layers.length = before;
      unsupported.push({ node: node.name, op: node.className, reason: e.message });
    }
  };

  // Keras lists layers in dependency order; passes repeat only for a file that does not.
  let pending = nodes.filter((n) => !done.has(n.name));
  while (pending.length > 0) {
    const ready = pending.filter((n) => n.inputs.every((k) => done.has(k)));
    if (ready.length === 0) {
      const n = pending[0]!;
      return bad(`layer '${n.name}' reads ${n.inputs.filter((k) => !done.has(k)).map((k) => `'${k}'`).join(', ')}, which no layer of the model produces`);
    }
    for (const node of ready) {
      convert(node);
      done.add(node.name);
    }
    pending = pending.filter((n) => !done.has(n.name));
  }
  if (unsupported.length > 0) throw new ImportError('tfjs-layers model', unsupported);
  if (missing.length > 0) bad(`${missing.length} weight${missing.length === 1 ? '' : 's'} missing from the shards: ${missing.join(', ')}`);
  const unknownOutputs = outputs.filter((o) => !outputOf.has(o));
  if (unknownOutputs.length > 0) bad(`output_layers name ${unknownOutputs.map((o) => `'${o}'`).join(', ')}, which is not a layer of the model`);
  const notes: string[] = [];
  const unused = Object.keys(Object.fromEntries([...weights.values()].map((w) => [w.key, 0]))).filter((k) => !used.has(k));
  if (unused.length > 0) notes.push(`${unused.length} weight(s) in the shards belong to no imported layer and were left out: ${unused.slice(0, 8).join(', ')}${unused.length > 8 ? ', …' : ''}`);
  return { format: 'tfjs-layers', inputs, layers, outputs: outputs.map((o) => outputOf.get(o)!), notes };
}
