/**
 * The execution plan of a model for one batch size, made once and reused by every `run` of that size:
 * activations fused into the conv/dense before them, views (flatten, fused activations) and in-place
 * elementwise layers sharing their input's buffer, and every buffer placed in one arena by liveness so
 * memory does not grow with the number of runs.
 */
import type { Activation } from '../kernels/activation.js';
import type { Backend } from '../kernels/backend.js';
import { NO_ACTIVATION } from '../kernels/activation.js';
import { sizeOf, type Dims, type Step } from '../layers/definition.js';
import { LAYERS } from '../layers/index.js';
import { foldBatchNormInto } from '../layers/norm.js';
import type { NamedNode } from './graph.js';

/** Layers whose output is their input's memory read another way (NHWC order is the flatten/reshape order). */
const VIEW_KINDS: ReadonlySet<string> = new Set(['flatten', 'reshape']);

/** One step of the plan. */
interface PlannedStep {
  readonly name: string;
  readonly run: Step;
  readonly inputs: readonly number[];
  readonly output: number;
}

/** A compiled model for one batch size. */
export interface Plan {
  readonly batch: number;
  /** The arena (a getter: a backend's memory may have to recreate its view; read it once per run). */
  readonly memory: Float32Array;
  readonly steps: readonly PlannedStep[];
  /** Arena offsets of the model inputs and outputs, and the output shapes. */
  readonly inputOffsets: readonly number[];
  readonly outputOffsets: readonly number[];
  readonly outputShapes: readonly Dims[];
}

/** Builds the plan of `graph` for `batch`, with weights by `<layer>/<name>`. */
export function buildPlan(
  graph: readonly NamedNode[],
  inputIds: readonly number[],
  outputIds: readonly number[],
  batch: number,
  weights: ReadonlyMap<string, Float32Array>,
  backend: Backend,
): Plan {
  const byId = new Map(graph.map((n) => [n.node.id, n]));
  const shapeOf = (id: number): Dims => [batch, ...byId.get(id)!.node.shape.slice(1)];
  const consumers = new Map<number, number[]>();
  for (const { node } of graph) for (const i of node.inputs) consumers.set(i.id, [...(consumers.get(i.id) ?? []), node.id]);
  const isOutput = new Set(outputIds);

  const aliasOf = new Map<number, number>(); // node id → node whose buffer it shares
  const absorbed = new Set<number>(); // nodes that run inside another node's step (no step of their own)

  // 0. Fold a batchNorm into the conv2d that only it reads: the conv compiles with W·scale and b·scale + shift.
  const foldedInto = new Map<number, NamedNode>(); // conv id → the batchNorm folded into it
  for (const bn of graph) {
    const conv = bn.node.inputs[0];
    if (bn.node.kind !== 'batchNorm' || conv?.kind !== 'conv2d') continue;
    if (consumers.get(conv.id)?.length === 1 && !isOutput.has(conv.id)) {
      foldedInto.set(conv.id, bn);
      aliasOf.set(bn.node.id, conv.id);
      absorbed.add(bn.node.id);
    }
  }
  /** The node that computes `id`'s values: a folded batchNorm's conv, else `id` itself. */
  const computedBy = (id: number): number => (absorbed.has(id) && aliasOf.has(id) ? computedBy(aliasOf.get(id)!) : id);

  // 1. Fuse an activation into the conv/dense (or conv + folded batchNorm) that only it reads.
  const fused = new Map<number, Activation>(); // producer id → activation
  for (const { node } of graph) {
    const act = LAYERS[node.kind]?.activation?.(node.options);
    const input = node.inputs[0];
    if (!act || !input) continue;
    const producer = byId.get(computedBy(input.id))!.node;
    const def = LAYERS[producer.kind];
    const single = (id: number): boolean => consumers.get(id)?.length === 1 && !isOutput.has(id);
    if (def?.fusesActivation && !fused.has(producer.id) && single(input.id) && single(producer.id)) {
      fused.set(producer.id, act);
      aliasOf.set(node.id, input.id);
      absorbed.add(node.id);
    }
  }
  // 2. Views and in-place layers share their input's buffer when nothing else reads it.
  const isView = (id: number): boolean => aliasOf.has(id) || VIEW_KINDS.has(byId.get(id)!.node.kind);
  const readers = (id: number): number =>
    (consumers.get(id) ?? []).reduce((sum, c) => sum + (isView(c) ? readers(c) : 1), 0);
  const root = (id: number): number => (aliasOf.has(id) ? root(aliasOf.get(id)!) : id);
  const groupHasOutput = (r: number): boolean => [...isOutput].some((o) => root(o) === r);
  for (const { node } of graph) {
    if (aliasOf.has(node.id)) continue;
    const input = node.inputs[0];
    if (!input) continue;
    if (VIEW_KINDS.has(node.kind)) aliasOf.set(node.id, input.id);
    else if (LAYERS[node.kind]?.inPlace) {
      const r = root(input.id);
      if (readers(r) === 1 && !groupHasOutput(r) && !inputIds.includes(r)) aliasOf.set(node.id, input.id);
    }
  }

  // 3. Compile the steps; fused activations and flatten views have none, in-place layers write over their input.
  const noStep = (id: number): boolean => absorbed.has(id) || (aliasOf.has(id) && VIEW_KINDS.has(byId.get(id)!.node.kind));
  let scratch = (): Float32Array => new Float32Array(0);
  let scratchSize = 0;
  const compiled: { name: string; id: number; run: Step; inputIds: number[] }[] = [];
  for (const { node, name } of graph) {
    if (node.kind === 'input' || noStep(node.id)) continue;
    const def = LAYERS[node.kind];
    if (!def) throw new Error(`convtype: no executor for layer kind '${node.kind}'`);
    const weightsOf = (n: NamedNode): Record<string, Float32Array> => {
      const record: Record<string, Float32Array> = {};
      for (const spec of LAYERS[n.node.kind]!.parameters?.(n.node.inputs.map((i) => i.shape), n.node.options) ?? []) {
        record[spec.name] = weights.get(`${n.name}/${spec.name}`)!;
      }
      return record;
    };
    const bn = foldedInto.get(node.id);
    const layerWeights = bn ? foldBatchNormInto(weightsOf({ node, name }), weightsOf(bn), bn.node.options) : weightsOf({ node, name });
    const c = def.compile({
      options: node.options,
      inputs: node.inputs.map((i) => shapeOf(i.id)),
      output: shapeOf(node.id),
      weights: layerWeights,
      activation: fused.get(node.id) ?? NO_ACTIVATION,
      scratch: () => scratch(),
      backend,
    });
    scratchSize = Math.max(scratchSize, c.scratchSize);
    compiled.push({ name, id: node.id, run: c.run, inputIds: node.inputs.map((i) => i.id) });
  }
  const place = (floats: number): (() => Float32Array) => {
    if (backend.allocate) return backend.allocate(floats);
    const view = new Float32Array(floats);
    return () => view;
  };
  scratch = place(scratchSize);

  // 4. Place buffers: a group lives from its owner's step to its last reader (forever if it is an output).
  const stepIndex = new Map(compiled.map((s, i) => [s.id, i]));
  const lastUse = new Map<number, number>();
  compiled.forEach((s, i) => s.inputIds.forEach((id) => lastUse.set(root(id), i)));
  for (const o of outputIds) lastUse.set(root(o), Infinity);
  const owners = graph.map((n) => n.node.id).filter((id) => root(id) === id);
  const start = (id: number): number => (inputIds.includes(id) ? -1 : stepIndex.get(id) ?? -1);
  const offsets = new Map<number, number>();
  const live: { end: number; offset: number; size: number }[] = [];
  let arena = 0;
  for (const id of owners.sort((a, b) => start(a) - start(b))) {
    const size = sizeOf(shapeOf(id));
    const begin = start(id);
    // free what ended before this buffer is written
    const active = live.filter((b) => b.end >= begin).sort((a, b) => a.offset - b.offset);
    let offset = 0;
    for (const b of active) {
      if (b.offset - offset >= size) break;
      offset = Math.max(offset, b.offset + b.size);
    }
    live.length = 0;
    live.push(...active, { end: lastUse.get(id) ?? begin, offset, size });
    offsets.set(id, offset);
    arena = Math.max(arena, offset + size);
  }
  const offsetOf = (id: number): number => offsets.get(root(id))!;
  const memory = place(arena);
  return {
    batch,
    get memory() {
      return memory();
    },
    steps: compiled.map((s) => ({ name: s.name, run: s.run, inputs: s.inputIds.map(offsetOf), output: offsetOf(s.id) })),
    inputOffsets: inputIds.map(offsetOf),
    outputOffsets: outputIds.map(offsetOf),
    outputShapes: outputIds.map(shapeOf),
  };
}
