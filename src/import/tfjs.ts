/**
 * The tfjs-layers front-end: a TensorFlow.js layers `model.json` (what `tf.LayersModel.save` and the tfjs
 * converter write for Keras models) plus its weight shards → an `ImportedGraph`. Sequential and functional
 * topologies (read by internal/keras-topology.ts, nested models inlined), one converter per layer class
 * (internal/keras-layers.ts), weights decoded by the existing reader (src/io/tfjs.ts, incl. uint8/uint16/
 * float16 quantisation).
 *
 * Decision: walk the whole topology before failing, so every unsupported layer is listed in one
 * `ImportError`; a layer downstream of an unsupported one is only checked for its class (its input shape
 * is unknown). Shapes are computed while walking with the runtime shape rules, because some conversions
 * depend on them (Dense on a feature map, the axis of Concatenate).
 */
import { GraphError } from '../errors.js';
import { loadTfjsWeights, parseModelJson } from '../io/tfjs.js';
import { LAYERS } from '../layers/index.js';
import { formatShape } from '../shapes/format.js';
import { resolveInputShape } from './inputs.js';
import { ImportError, type ImportedGraph, type ImportedInput, type ImportedLayer, type ImportedWeight, type ImportOptions, type OptionValue } from './ir.js';
import { KERAS_LAYERS, Unsupported, type LayerContext } from './internal/keras-layers.js';
import { ALIAS, INPUT, MODEL_CLASSES, bad, declaredShape, nodesOf, topologyOf, type KerasNode } from './internal/keras-topology.js';

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
