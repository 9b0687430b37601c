/**
 * The type checker's analysis of a file (the rows `convtype shapes --json` reports, plus which call feeds which) as a
 * `PictureGraph`: a node per builder call, an applied spec expanded into its layers (wired from their `path`:
 * a residual's body and shortcut meet at its `add`, branches at their `concat`), and a call the checker rejects
 * drawn with red edges into it, the last one carrying the sentence.
 *
 * Plain data in, plain data out: `convtype graph` (ts-morph) and the playground (TS 6's language service) both
 * produce `PictureCall`s. MACs are not known here (the report has no MACs); params are the checker-derived counts.
 */
import type { PictureEdge, PictureGraph, PictureNode } from './graph.js';
import { callDetail } from './options.js';

/** A layer inside an applied spec, as `LayerRow` in src/cli/report.ts. */
export interface PictureLayerRow {
  readonly kind: string;
  readonly call: string;
  readonly name?: string;
  readonly path: readonly string[];
  readonly shape: readonly number[] | null;
  readonly params: number | null;
}

/** One builder call: its `CallRow` fields (src/cli/report.ts) and the calls it takes tensors from. */
export interface PictureCall {
  readonly kind: string;
  readonly call: string;
  readonly name?: string;
  readonly shape: readonly number[];
  readonly params: number | null;
  readonly error?: string;
  readonly layers?: readonly PictureLayerRow[];
  /** Indices (in the same list) of the calls producing this call's tensor inputs, in argument order. */
  readonly inputs: readonly number[];
  /** For `apply`: what the spec is called in the source (`bottleneck` for `bottleneck(64)` or a const made by it). */
  readonly block?: string;
}

/**
 * The picture of a list of calls (in evaluation order).
 * @example pictureOfCalls([{ kind: 'input', call: 'input([28, 28, 1])', shape: [-1, 28, 28, 1], params: 0, inputs: [] }]).nodes.length //=> 1
 */
export function pictureOfCalls(calls: readonly PictureCall[]): PictureGraph {
  const nodes: PictureNode[] = [];
  const edges: PictureEdge[] = [];
  const outputOf: string[] = []; // call index → id of the node whose output is the call's tensor
  const shapeOf = new Map<string, readonly number[] | null>();
  const add = (n: PictureNode): string => {
    nodes.push(n);
    shapeOf.set(n.id, n.shape ?? null);
    return n.id;
  };
  const link = (from: string, to: string): void => {
    edges.push({ from, to, shape: shapeOf.get(from) ?? null });
  };
  calls.forEach((c, i) => {
    const sources = c.inputs.map((j) => outputOf[j]).filter((s) => s !== undefined);
    const firstEdge = edges.length;
    const firstNode = nodes.length;
    if (c.kind === 'apply' && c.layers && c.layers.length > 0) {
      const block = { id: `c${i}`, label: c.block ?? 'block' };
      const rows = c.layers;
      let k = 0;
      // Wires the rows under `prefix` starting at `k`, from `input`; returns the output node id.
      const wire = (prefix: readonly string[], input: string | undefined): string | undefined => {
        let current = input;
        const pending: (string | undefined)[] = [];
        while (k < rows.length && startsWith(rows[k]!.path, prefix)) {
          const row = rows[k]!;
          if (row.path.length > prefix.length) {
            const part = row.path[prefix.length]!;
            pending.push(wire([...prefix, part], current));
            continue;
          }
          k++;
          const isLast = k === rows.length;
          const id = add({
            id: `c${i}.${k}`,
            kind: row.kind,
            ...(row.name === undefined ? {} : { name: row.name }),
            shape: isLast ? c.shape : row.shape,
            ...detailOf(row.call, row.kind),
            params: row.params,
            block,
          });
          const from = pending.length > 0 ? [...pending, ...(row.kind === 'add' && pending.length === 1 ? [current] : [])] : [current];
          for (const f of from) if (f !== undefined) link(f, id);
          pending.length = 0;
          current = id;
        }
        return current;
      };
      outputOf[i] = wire([], sources[0]) ?? sources[0]!;
    } else {
      const id = add({
        id: `c${i}`,
        kind: c.kind === 'apply' ? (c.block ?? 'apply') : c.kind,
        ...(c.name === undefined ? {} : { name: c.name }),
        shape: c.shape,
        ...detailOf(c.call, c.kind),
        params: c.params,
      });
      for (const s of sources) link(s, id);
      outputOf[i] = id;
    }
    if (c.error !== undefined) markError(nodes, edges, firstNode, firstEdge, c.error);
  });
  return { nodes, edges };
}

function detailOf(call: string, kind: string): { detail?: string } {
  if (kind === 'add' || kind === 'concat' || kind === 'multiply') return {};
  const detail = callDetail(call);
  return detail === '' ? {} : { detail };
}

const startsWith = (path: readonly string[], prefix: readonly string[]): boolean => prefix.every((p, i) => path[i] === p);

/** The edges from outside into the nodes added since `firstNode` turn red; the last carries the sentence. */
function markError(nodes: PictureNode[], edges: PictureEdge[], firstNode: number, firstEdge: number, sentence: string): void {
  const added = new Set(nodes.slice(firstNode).map((n) => n.id));
  const into = edges.map((e, j) => (j >= firstEdge && added.has(e.to) && !added.has(e.from) ? j : -1)).filter((j) => j >= 0);
  into.forEach((j, n) => {
    edges[j] = { ...edges[j]!, error: sentence };
    if (n < into.length - 1) edges[j] = { ...edges[j]!, error: '' };
  });
  const target = nodes[firstNode];
  if (target) nodes[firstNode] = { ...target, error: sentence };
}
