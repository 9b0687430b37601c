/**
 * The topology of a Keras / tfjs layers model: its layers with the names of their inputs, read from a
 * Sequential or functional config (Keras 2 `[[name, node, tensor, {}]]` and Keras 3 `keras_history` inbound
 * nodes), nested models inlined, and what each input declares. The walker (../tfjs.ts) converts the nodes.
 */
import { FormatError } from '../../io/errors.js';
import { isPlainObject, show } from '../../io/internal/checks.js';
import type { UnsupportedOp } from '../ir.js';

/** One Keras layer as the topology lists it, with the Keras names of its inputs. */
export interface KerasNode {
  readonly className: string;
  readonly name: string;
  readonly config: Record<string, unknown>;
  readonly inputs: readonly string[];
}

export const INPUT = 'InputLayer';
/** A name for another layer's output (the inputs and the name of an inlined nested model). */
export const ALIAS = '(alias)';
export const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);

export const bad = (message: string): never => {
  throw new FormatError('tfjs', message);
};

/** The `{ class_name, config }` of the model: `modelTopology` itself (tfjs) or its `model_config` (Keras converter). */
export function topologyOf(json: Record<string, unknown>): { className: string; config: unknown } {
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
export interface Topology {
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
export function nodesOf(className: string, config: unknown): Topology {
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
export function declaredShape(node: KerasNode): readonly (number | null)[] {
  const c = node.config;
  const shape = c.batch_input_shape ?? c.batch_shape ?? (Array.isArray(c.input_shape) ? [null, ...c.input_shape] : undefined);
  if (!Array.isArray(shape) || !shape.every((d) => d === null || typeof d === 'number')) {
    return bad(`input '${node.name}' declares no batch_input_shape (got ${show(shape)})`);
  }
  return shape as (number | null)[];
}
