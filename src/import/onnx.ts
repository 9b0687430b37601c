/**
 * The ONNX front-end: an ONNX model (NCHW, as PyTorch, Paddle and tf2onnx export) → an `ImportedGraph` in
 * convtype's NHWC layouts. The graph reader (onnx/graph.ts) gives the nodes; each is folded (every input a
 * constant: shape arithmetic, `Constant`), fused with the nodes after it (internal/onnx-fuse.ts) or
 * converted to convtype layers (internal/onnx-layers.ts). Input sizes are fixed at import (convtype's shapes
 * are literal), so `Shape → … → Reshape` subgraphs become numbers.
 *
 * Decision: walk every node before failing, so one `ImportError` lists every node convtype cannot express,
 * with why; a node downstream of an unsupported one is only checked for its op type (its input is
 * unknown). Each emitted layer runs convtype's own shape rule as it is added, so a conversion that does
 * not fit fails here, naming the node, rather than later in the generated code.
 */
import { GraphError } from '../errors.js';
import { FormatError } from '../io/errors.js';
import { LAYERS } from '../layers/index.js';
import { readOnnxGraph, type OnnxAttribute, type OnnxGraphNode } from '../onnx/graph.js';
import { formatShape } from '../shapes/format.js';
import { resolveInputShape } from './inputs.js';
import { ImportError, type ImportedGraph, type ImportedInput, type ImportedLayer, type ImportedWeight, type ImportOptions, type OptionValue, type UnsupportedOp } from './ir.js';
import { FOLDERS } from './internal/onnx-fold.js';
import { fuseHardActivation } from './internal/onnx-fuse.js';
import { LAYER_CONVERTERS } from './internal/onnx-layers.js';
import { Unsupported, onnxDims, unsupported, type NodeContext, type Value } from './internal/onnx-values.js';

/** A value no layer computes: downstream of an unsupported node (`cause` undefined) or an output convtype lacks. */
interface Unknown {
  readonly kind: 'unknown';
  /** What the value is, when reading it is itself the problem (Dropout's mask, MaxPool's indices). */
  readonly cause?: string;
}

/** The op types the importer knows (folded, converted or both). */
export const ONNX_OPS: readonly string[] = [...new Set([...Object.keys(FOLDERS), ...Object.keys(LAYER_CONVERTERS)])].sort();

/** A convtype layer name for an ONNX name: letters, digits and `_` (`p2o.Conv.0` → `p2o_Conv_0`, `/fc1/Gemm` → `fc1_Gemm`). */
function sanitize(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return s === '' ? 'node' : /^[0-9]/.test(s) ? `n${s}` : s;
}

const FLOAT = 1;

/**
 * Imports an ONNX model (its bytes) as convtype layers with weights in convtype's layouts.
 * Throws `FormatError` for bytes that are not a well-formed model, `ImportError` listing every node (and
 * input) convtype cannot express, with the reason for each.
 * @example importOnnx(bytes, { inputShapes: { x: [48, 192, 3] } }).inputs //=> [{ name: 'x', shape: [48, 192, 3] }]
 */
export function importOnnx(bytes: Uint8Array, options: ImportOptions = {}): ImportedGraph {
  const g = readOnnxGraph(bytes);
  const values = new Map<string, Value | Unknown>();
  const layers: ImportedLayer[] = [];
  const shapes = new Map<string, readonly number[]>();
  const taken = new Set<string>();
  const unsupportedOps: UnsupportedOp[] = [];
  const notes: string[] = [];
  const inputs: ImportedInput[] = [];

  const unique = (base: string): string => {
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    return name;
  };

  // ——— who reads what ———
  const readers = new Map<string, OnnxGraphNode[]>();
  for (const n of g.nodes) for (const i of n.inputs) if (i !== '') readers.set(i, [...(readers.get(i) ?? []), n]);
  const outputNames = new Set(g.outputs.map((o) => o.name));

  // ——— inputs ———
  for (const [name, t] of g.initializers) values.set(name, { kind: 'const', dims: t.dims, data: t.data, int: t.dataType !== FLOAT && t.dataType !== 10 && t.dataType !== 11 });
  g.inputs.forEach((x, index) => {
    const problem = (reason: string): void => {
      unsupportedOps.push({ node: x.name, op: 'input', reason });
      values.set(x.name, { kind: 'unknown' });
    };
    if (x.elemType !== FLOAT) return problem(`has element type ${x.elemType} (convtype inputs are FLOAT = 1)`);
    const declared = (x.dims ?? []).map((d) => (typeof d === 'number' ? d : null));
    if (declared.length < 2 || declared.length > 5) return problem(`has ${x.dims === undefined ? 'no declared shape' : `rank ${declared.length}`} (convtype imports feature maps [N, C, L], [N, C, H, W], [N, C, D, H, W] and feature vectors [N, F])`);
    // NHWC when every reader transposes it to NCHW first (tf2onnx).
    const users = readers.get(x.name) ?? [];
    const channelsLast =
      declared.length === 4 && users.length > 0 && !outputNames.has(x.name) && users.every((n) => n.opType === 'Transpose' && n.attributes.perm?.type === 'INTS' && n.attributes.perm.value.join(',') === '0,3,1,2');
    // Channels-first [N, C, ...spatial] → convtype's [N, ...spatial, C] (1 to 3 spatial axes).
    const nhwc = declared.length >= 3 && !channelsLast ? [declared[0]!, ...declared.slice(2), declared[1]!] : declared;
    const shape = resolveInputShape(x.name, nhwc, index, options);
    if (typeof shape === 'string') return problem(shape);
    const name = unique(sanitize(x.name));
    inputs.push({ name, shape });
    shapes.set(name, [-1, ...shape]);
    values.set(x.name, { kind: 'act', ref: name, shape: [-1, ...shape], ...(channelsLast ? { channelsLast } : {}) });
    if (shape.length >= 2 && declared.length >= 3) {
      const shown = x.dims!.map((d) => (typeof d === 'number' ? String(d) : d === null ? '?' : d)).join(', ');
      notes.push(`input '${x.name}' is ${channelsLast ? 'NHWC' : 'NCHW'} [${shown}] in the ONNX model; convtype's '${name}' takes NHWC ${formatShape([-1, ...shape])}`);
    }
  });

  const absorbed = new Set<OnnxGraphNode>();

  // ——— nodes (Constant nodes first: they read nothing, and fusions look at constants ahead of their node) ———
  const constantFirst = [...g.nodes.filter((n) => n.opType === 'Constant' && n.inputs.length === 0), ...g.nodes.filter((n) => !(n.opType === 'Constant' && n.inputs.length === 0))];
  for (const node of constantFirst) {
    if (absorbed.has(node)) continue;
    const fold = FOLDERS[node.opType];
    const convert = LAYER_CONVERTERS[node.opType];
    const markUnknown = (cause?: string): void => {
      for (const o of node.outputs) if (o !== '' && !values.has(o)) values.set(o, cause === undefined ? { kind: 'unknown' } : { kind: 'unknown', cause });
    };
    if (node.domain !== '' && node.domain !== 'ai.onnx') {
      unsupportedOps.push({ node: node.name, op: `${node.domain}.${node.opType}`, reason: `is in domain '${node.domain}' (convtype imports the standard ai.onnx operators)` });
      markUnknown();
      continue;
    }
    if (!fold && !convert) {
      unsupportedOps.push({ node: node.name, op: node.opType, reason: 'no convtype layer for this op (the supported ones: ONNX_OPS of convtype/import, docs/import.md)' });
      markUnknown();
      continue;
    }
    const ins = node.inputs.map((i) => (i === '' ? undefined : values.get(i)));
    const missing = node.inputs.find((i, k) => i !== '' && ins[k] === undefined);
    if (missing !== undefined) throw new FormatError('onnx', `node '${node.name}' (${node.opType}) reads '${missing}', which no earlier node, input or initializer produces (nodes must be in topological order)`);
    const unknown = ins.find((v): v is Unknown => v?.kind === 'unknown');
    if (unknown) {
      if (unknown.cause !== undefined) unsupportedOps.push({ node: node.name, op: node.opType, reason: `reads ${unknown.cause}, which convtype does not compute` });
      markUnknown();
      continue;
    }
    let emitted = 0;
    const ctx: NodeContext = {
      node,
      opset: g.opset,
      input: (i) => ins[i] as Value | undefined,
      act: (i) => {
        const v = ins[i] as Value | undefined;
        if (v === undefined) return unsupported(`has no input ${i}`);
        if (v.kind === 'const') return unsupported(`reads a constant as input ${i} where convtype needs a computed tensor`);
        if (v.channelsLast) unsupported(`reads input ${i} in NHWC order ${formatShape([-1, ...v.shape.slice(1)])} (convtype imports NCHW graphs; NHWC only at their boundary, transposed)`);
        return v;
      },
      constant: (i, what) => {
        const v = ins[i] as Value | undefined;
        if (v === undefined) return unsupported(`has no ${what} (input ${i})`);
        return v.kind === 'const' ? v : unsupported(`has a computed ${what} (input ${i}); convtype needs it known at import`);
      },
      int: (name, fallback) => num(node, name, 'INT', fallback),
      float: (name, fallback) => num(node, name, 'FLOAT', fallback),
      ints: (name, fallback) => {
        const a = node.attributes[name];
        if (a === undefined) return fallback;
        return a.type === 'INTS' ? a.value : unsupported(`attribute ${name} is ${a.type} (expected INTS)`);
      },
      string: (name, fallback) => {
        const a = node.attributes[name];
        if (a === undefined) return fallback;
        return a.type === 'STRING' ? a.value : unsupported(`attribute ${name} is ${a.type} (expected STRING)`);
      },
      emit: (kind, opts, weights = {}, layerInputs) => {
        const from = layerInputs ?? [ctx.act(0)];
        const clean = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as Record<string, OptionValue>;
        let shape: number[];
        try {
          shape = LAYERS[kind]!.shape(from.map((v) => v.shape), clean);
        } catch (e) {
          return unsupported(`becomes convtype's ${kind}, which refuses it: ${e instanceof Error ? e.message : String(e)}`);
        }
        const name = unique(sanitize(emitted === 0 ? node.name : `${node.name}_${kind}`));
        emitted++;
        checkWeights(kind, name, weights);
        layers.push({ name, kind, inputs: from.map((v) => v.ref), options: clean, weights, origin: origins.join(' + ') });
        shapes.set(name, shape);
        return { kind: 'act', ref: name, shape };
      },
      consumers: (name) => readers.get(name) ?? [],
      isOutput: (name) => outputNames.has(name),
      valueOf: (name) => {
        const v = values.get(name);
        return v === undefined || v.kind === 'unknown' ? undefined : v;
      },
      absorb: (n) => {
        absorbed.add(n);
        origins.push(`${n.opType} ${n.name}`);
      },
      set: (name, value) => void values.set(name, value),
    };
    const origins = [`${node.opType} ${node.name}`];
    const before = layers.length;
    try {
      const allConst = ins.every((v) => v === undefined || v.kind === 'const');
      let out: Value | readonly Value[];
      if (allConst && fold) out = fold(ctx);
      else if (allConst) out = unsupported('computes on constants only, which convtype does not fold for this op');
      else if (!convert) out = unsupported('computes on a tensor; convtype folds this op only when all its inputs are constants');
      else out = (node.opType === 'Add' ? fuseHardActivation(ctx) : undefined) ?? convert(ctx);
      // Fused nodes may have grown the origin after the first layer was pushed.
      for (let i = before; i < layers.length; i++) layers[i] = { ...layers[i]!, origin: origins.join(' + ') };
      const list = Array.isArray(out) ? (out as readonly Value[]) : [out as Value];
      node.outputs.forEach((o, i) => {
        if (o === '') return;
        const v = list[i];
        values.set(o, v ?? { kind: 'unknown', cause: `output ${i} of ${node.opType} '${node.name}'` });
      });
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      layers.length = before;
      unsupportedOps.push({ node: node.name, op: node.opType, reason: e.message });
      markUnknown();
    }
  }

  // ——— outputs ———
  const outputs: string[] = [];
  for (const o of g.outputs) {
    const v = values.get(o.name);
    if (v === undefined) throw new FormatError('onnx', `graph output '${o.name}' is produced by no node, input or initializer`);
    if (v.kind === 'unknown') {
      if (v.cause !== undefined) unsupportedOps.push({ node: o.name, op: 'output', reason: `is ${v.cause}, which convtype does not compute` });
      continue;
    }
    if (v.kind === 'const') {
      unsupportedOps.push({ node: o.name, op: 'output', reason: 'is a constant (convtype outputs are computed from the inputs)' });
      continue;
    }
    if (v.flat) {
      unsupportedOps.push({ node: o.name, op: 'output', reason: `is a feature map flattened in NCHW order (from [N, ${v.flat[2]}, ${v.flat[0]}, ${v.flat[1]}]); convtype flattens in NHWC order` });
      continue;
    }
    outputs.push(v.ref);
    if (v.shape.length === 4) notes.push(`output '${o.name}' is ${v.channelsLast ? 'NHWC' : 'NCHW'} [N, ${onnxDims(v).slice(1).join(', ')}] in the ONNX model; convtype's '${v.ref}' is NHWC ${formatShape(v.shape)}`);
    else if (o.name !== v.ref) notes.push(`output '${o.name}' is convtype's '${v.ref}' ${formatShape(v.shape)}`);
  }
  if (unsupportedOps.length > 0) throw new ImportError('onnx model', unsupportedOps);
  if (outputs.length === 0) throw new GraphError('importOnnx: the model has no outputs');
  return { format: 'onnx', inputs, layers: keepUsed(layers, outputs), outputs, notes };
}

/** A numeric attribute (INT or FLOAT as asked; an INT where a FLOAT is expected is accepted). */
function num(node: OnnxGraphNode, name: string, type: 'INT' | 'FLOAT', fallback: number): number {
  const a: OnnxAttribute | undefined = node.attributes[name];
  if (a === undefined) return fallback;
  if (a.type === type || (type === 'FLOAT' && a.type === 'INT')) return type === 'FLOAT' ? shortestFloat32((a as { value: number }).value) : (a as { value: number }).value;
  return unsupported(`attribute ${name} is ${a.type} (expected ${type})`);
}

/** The shortest decimal that is the same float32 (a FLOAT attribute 0.2 reads as 0.20000000298…; options print it). */
function shortestFloat32(v: number): number {
  for (let digits = 1; digits <= 9; digits++) {
    const d = Number(v.toPrecision(digits));
    if (Math.fround(d) === v) return d;
  }
  return v;
}

/** Weights must be finite numbers: a NaN or ∞ in a file would silently poison every output. */
function checkWeights(kind: string, layer: string, weights: Readonly<Record<string, ImportedWeight>>): void {
  for (const [param, w] of Object.entries(weights)) {
    const bad = w.data.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) unsupported(`has a ${kind} ${param} with a non-finite value (${w.data[bad]} at ${bad}) for '${layer}'`);
  }
}

/** The layers the outputs depend on (identity ops and fused-away values leave some unread). */
function keepUsed(layers: readonly ImportedLayer[], outputs: readonly string[]): ImportedLayer[] {
  const needed = new Set(outputs);
  for (let i = layers.length - 1; i >= 0; i--) if (needed.has(layers[i]!.name)) for (const x of layers[i]!.inputs) needed.add(x);
  return layers.filter((l) => needed.has(l.name));
}
