/**
 * The graph behind a model built by `model(...)`: its named nodes in topological order and which of them are
 * the inputs and outputs. The model keeps these as private fields (src/model/model.ts); this is the one
 * place that reads them, so a change there breaks here loudly rather than silently.
 */
import type { NamedNode } from '../../model/graph.js';

/** The parts of a model `toOnnx` reads. */
export interface ModelGraph {
  readonly nodes: readonly NamedNode[];
  readonly inputIds: readonly number[];
  readonly outputIds: readonly number[];
  readonly weights: Readonly<Record<string, { readonly shape: readonly number[]; readonly data: Float32Array }>>;
}

/** The graph of `model`, or a TypeError when it is not a model built by `model(...)`. */
export function modelGraph(model: unknown): ModelGraph {
  const m = model as { graph?: unknown; inputIds?: unknown; outputIds?: unknown; weights?: unknown } | null;
  const ok = m !== null && typeof m === 'object' && Array.isArray(m.graph) && Array.isArray(m.inputIds) && Array.isArray(m.outputIds);
  if (!ok) throw new TypeError(`toOnnx: not a convtype model (got ${m === null ? 'null' : typeof m}, expected the result of model(input, output))`);
  return {
    nodes: m.graph as NamedNode[],
    inputIds: m.inputIds as number[],
    outputIds: m.outputIds as number[],
    weights: m.weights as ModelGraph['weights'],
  };
}
