/**
 * A model's graph: the nodes between the given inputs and outputs in topological (creation) order, each
 * with a stable name — the user's, or `<kind>_<n>` counted per kind in that order.
 */
import { GraphError } from '../errors.js';
import type { GraphNode } from '../graph/node.js';

/** A node with its model-wide name. */
export interface NamedNode {
  readonly node: GraphNode;
  readonly name: string;
}

/** The nodes that `outputs` depend on, checked to start only at `inputs`, named and sorted. */
export function collectGraph(inputs: readonly GraphNode[], outputs: readonly GraphNode[]): NamedNode[] {
  const inputIds = new Set(inputs.map((n) => n.id));
  const seen = new Map<number, GraphNode>();
  const visit = (n: GraphNode): void => {
    if (seen.has(n.id)) return;
    seen.set(n.id, n);
    if (n.kind === 'input') {
      if (!inputIds.has(n.id)) {
        throw new GraphError(`model: an output depends on an input that was not given to model() (got input ${describeNode(n)}, expected one of the model's inputs)`);
      }
      return;
    }
    n.inputs.forEach(visit);
  };
  outputs.forEach(visit);
  for (const n of inputs) if (!seen.has(n.id)) seen.set(n.id, n);
  const sorted = [...seen.values()].sort((a, b) => a.id - b.id);
  const given = new Set<string>();
  for (const node of sorted) {
    const name = node.options.name as string | undefined;
    if (name === undefined) continue;
    if (given.has(name)) throw new GraphError(`model: two layers are named '${name}' (got a duplicate name, expected unique names)`);
    given.add(name);
  }
  const counts = new Map<string, number>();
  return sorted.map((node) => {
    let name = node.options.name as string | undefined;
    while (name === undefined || (node.options.name === undefined && given.has(name))) {
      const n = (counts.get(node.kind) ?? 0) + 1;
      counts.set(node.kind, n);
      name = `${node.kind}_${n}`;
    }
    return { node, name };
  });
}

function describeNode(n: GraphNode): string {
  return (n.options.name as string | undefined) ?? `#${n.id}`;
}
