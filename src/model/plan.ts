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
import type { NamedNode } from './graph.js';

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

  // 1. Fuse an activation into the conv/dense that only it reads.
  const fused = new Map<number, Activation>(); // producer id → activation
  const aliasOf = new Map<number, number>(); // node id → node whose buffer it shares
  for (const { node } of graph) {
    const act = LAYERS[node.kind]?.activation?.(node.options);
    const producer = node.inputs[0];
    if (!act || !producer) continue;
    const def = LAYERS[producer.kind];
    if (def?.fusesActivation && !fused.has(producer.id) && consumers.get(producer.id)?.length === 1 && !isOutput.has(producer.id)) {
      fused.set(producer.id, act);
      aliasOf.set(node.id, producer.id);
    }
  }
  // 2. Views and in-place layers share their input's buffer when nothing else reads it.
  const isView = (id: number): boolean => aliasOf.has(id) || byId.get(id)!.node.kind === 'flatten';
  const readers = (id: number): number =>
    (consumers.get(id) ?? []).reduce((sum, c) => sum + (isView(c) ? readers(c) : 1), 0);
  const root = (id: number): number => (aliasOf.has(id) ? root(aliasOf.get(id)!) : id);
  const groupHasOutput = (r: number): boolean => [...isOutput].some((o) => root(o) === r);
  for (const { node } of graph) {
    if (aliasOf.has(node.id)) continue;
    const input = node.inputs[0];
    if (!input) continue;
    if (node.kind === 'flatten') aliasOf.set(node.id, input.id);
    else if (LAYERS[node.kind]?.inPlace) {
      const r = root(input.id);
      if (readers(r) === 1 && !groupHasOutput(r) && !inputIds.includes(r)) aliasOf.set(node.id, input.id);
    }
  }

  // 3. Compile the steps; fused activations and flatten views have none, in-place layers write over their input.
  const noStep = (id: number): boolean => aliasOf.has(id) && (fused.has(aliasOf.get(id)!) && fusedBy(aliasOf.get(id)!) === id || byId.get(id)!.node.kind === 'flatten');
  const fusedBy = (producer: number): number | undefined => (consumers.get(producer) ?? [])[0];
  let scratch = new Float32Array(0);
  let scratchSize = 0;
  const compiled: { name: string; id: number; run: Step; inputIds: number[] }[] = [];
  for (const { node, name } of graph) {
    if (node.kind === 'input' || noStep(node.id)) continue;
    const def = LAYERS[node.kind];
    if (!def) throw new Error(`convtype: no executor for layer kind '${node.kind}'`);
    const layerWeights: Record<string, Float32Array> = {};
    for (const spec of def.parameters?.(node.inputs.map((i) => i.shape), node.options) ?? []) {
      layerWeights[spec.name] = weights.get(`${name}/${spec.name}`)!;
    }
    const c = def.compile({
      options: node.options,
      inputs: node.inputs.map((i) => shapeOf(i.id)),
      output: shapeOf(node.id),
      weights: layerWeights,
      activation: fused.get(node.id) ?? NO_ACTIVATION,
      scratch: () => scratch,
      backend,
    });
    scratchSize = Math.max(scratchSize, c.scratchSize);
    compiled.push({ name, id: node.id, run: c.run, inputIds: node.inputs.map((i) => i.id) });
  }
  scratch = new Float32Array(scratchSize);

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
  return {
    batch,
    memory: new Float32Array(arena),
    steps: compiled.map((s) => ({ name: s.name, run: s.run, inputs: s.inputIds.map(offsetOf), output: offsetOf(s.id) })),
    inputOffsets: inputIds.map(offsetOf),
    outputOffsets: outputIds.map(offsetOf),
    outputShapes: outputIds.map(shapeOf),
  };
}
