/**
 * From a `PictureGraph` to what is drawn: repeated blocks folded into one node, the text lines of every node and
 * edge, an `output` mark after each node nothing consumes.
 *
 * Folding rule: the layers of one block application (`node.block.id`) form a block; consecutive blocks — the next
 * one fed only by the previous one's output — fold into `label ×n` when they have the same main-path layer kinds
 * (followed from the block's output through each layer's FIRST input, so a residual's body and not its shortcut),
 * the same channels after each of them, and the same output shape. That makes ResNet-50's stages `×3, ×4, ×6, ×3`:
 * a stage's first block differs only in its projection shortcut and stride; GoogLeNet's inception 4a–4c, which
 * end in the same shape but differ in width, stay apart. A block holding an error is never folded (its sentence must show).
 * Rejected: folding any repeated subgraph signature found in the graph without block records — it also folds
 * accidental repeats (two relu-conv pairs) and cannot tell where one application ends.
 */
import { formatShape } from '../shapes/format.js';
import type { PictureEdge, PictureGraph, PictureNode } from './graph.js';

/** A node as drawn: a title, optional detail and stats lines. */
export interface DrawNode {
  readonly id: string;
  readonly title: string;
  readonly lines: readonly string[];
  readonly error?: string;
  /** How many blocks this node stands for (folded), or 0. */
  readonly folded: number;
  /** The `output` mark after a node nothing consumes. */
  readonly sink: boolean;
}

/** An edge as drawn. */
export interface DrawEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly error?: string;
}

export interface DrawGraph {
  readonly nodes: readonly DrawNode[];
  readonly edges: readonly DrawEdge[];
}

const grouped = (n: number): string => n.toLocaleString('en-US');

/** MACs with a unit: `1.156 G`, `115.6 M`, `9,408`. */
export function macsText(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(3)} G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} M`;
  return grouped(n);
}

/** `params 36,864 · MACs 115.6 M`, or `''` for a layer with neither. */
export function statsText(params: number | null | undefined, macs: number | null | undefined): string {
  const parts: string[] = [];
  if (params === null) parts.push('params ?');
  else if (params !== undefined && params > 0) parts.push(`params ${grouped(params)}`);
  if (macs !== null && macs !== undefined && macs > 0) parts.push(`MACs ${macsText(macs)}`);
  return parts.join(' · ');
}

const shapeLabel = (shape: readonly number[] | null | undefined): string => (shape ? formatShape(shape) : '?');

interface Block {
  readonly id: string;
  readonly label: string;
  readonly nodes: PictureNode[];
}

/** The drawn graph of `graph`; `fold: false` keeps every layer. */
export function layoutGraph(graph: PictureGraph, fold = true): DrawGraph {
  const replaced = new Map<string, string>(); // node id → folded node id
  const foldedNodes = new Map<string, DrawNode>(); // folded node id → node, drawn where its first layer was
  if (fold) {
    for (const run of repeatedRuns(graph)) {
      const id = `fold:${run[0]!.id}`;
      const layers = run.flatMap((b) => b.nodes);
      for (const n of layers) replaced.set(n.id, id);
      const sum = (f: (n: PictureNode) => number | null | undefined): number | null =>
        layers.some((n) => f(n) === null) ? null : layers.reduce((a, n) => a + (f(n) ?? 0), 0);
      const counts = new Map<string, number>();
      for (const b of run) counts.set(b.label, (counts.get(b.label) ?? 0) + 1);
      const label = [...counts].reduce((best, c) => (c[1] >= best[1] ? c : best))[0];
      const each = run[run.length - 1]!.nodes.length;
      foldedNodes.set(id, {
        id,
        title: `${label} ×${run.length}`,
        lines: [`${each} layers each`, statsText(sum((n) => n.params), sum((n) => n.macs))].filter((l) => l !== ''),
        folded: run.length,
        sink: false,
      });
    }
  }
  const consumed = new Set(graph.edges.map((e) => e.from));
  const nodes: DrawNode[] = [];
  for (const n of graph.nodes) {
    const fid = replaced.get(n.id);
    if (fid !== undefined) {
      const f = foldedNodes.get(fid);
      if (f) {
        nodes.push(f);
        foldedNodes.delete(fid);
      }
      continue;
    }
    nodes.push({
      id: n.id,
      title: n.name !== undefined && n.name !== n.kind ? `${n.kind} ${n.name}` : n.kind,
      // A rejected call's layers cannot be built: no counts beside its sentence.
      lines: [n.detail ?? '', n.error === undefined ? statsText(n.params, n.macs) : ''].filter((l) => l !== ''),
      ...(n.error === undefined ? {} : { error: n.error }),
      folded: 0,
      sink: !consumed.has(n.id),
    });
  }
  const mapped = (id: string): string => replaced.get(id) ?? id;
  const edges: DrawEdge[] = [];
  const drawnPairs = new Set<string>();
  for (const e of graph.edges) {
    const from = mapped(e.from);
    const to = mapped(e.to);
    // Inside a fold, or a second edge into it from the same tensor (a residual's identity shortcut): not drawn.
    const pair = `${from}\u0000${to}`;
    if (from === to || (drawnPairs.has(pair) && to.startsWith('fold:'))) continue;
    drawnPairs.add(pair);
    edges.push({ from, to, label: shapeLabel(e.shape), ...(e.error === undefined ? {} : { error: e.error }) });
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    if (!n.sink) continue;
    const source = byId.get(n.id);
    edges.push({ from: n.id, to: `${n.id}:output`, label: shapeLabel(source?.shape) });
  }
  return { nodes, edges };
}

/** Runs (length ≥ 2) of consecutive blocks with the same main path and output shape, none holding an error. */
function repeatedRuns(graph: PictureGraph): Block[][] {
  const blocks: Block[] = [];
  const blockOf = new Map<string, Block>();
  for (const n of graph.nodes) {
    if (!n.block) continue;
    let b = blockOf.get(n.block.id);
    if (!b) {
      b = { id: n.block.id, label: n.block.label, nodes: [] };
      blocks.push(b);
    }
    b.nodes.push(n);
    blockOf.set(n.id, b);
    blockOf.set(n.block.id, b);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const into = new Map<string, PictureEdge[]>();
  for (const e of graph.edges) into.set(e.to, [...(into.get(e.to) ?? []), e]);
  const members = (b: Block): Set<string> => new Set(b.nodes.map((n) => n.id));
  const exit = (b: Block): PictureNode => b.nodes[b.nodes.length - 1]!;
  const key = (b: Block): string | null => {
    if (b.nodes.some((n) => n.error !== undefined) || graph.edges.some((e) => e.error !== undefined && members(b).has(e.to))) return null;
    const inside = members(b);
    const kinds: string[] = [];
    for (let n: PictureNode | undefined = exit(b); n && inside.has(n.id); ) {
      kinds.push(`${n.kind}:${n.shape ? n.shape[n.shape.length - 1] : '?'}`);
      const first: PictureEdge | undefined = into.get(n.id)?.[0];
      n = first ? byId.get(first.from) : undefined;
    }
    return `${kinds.reverse().join(',')}→${shapeLabel(exit(b).shape)}`;
  };
  const fedOnlyBy = (next: Block, prev: Block): boolean => {
    const inside = members(next);
    const outer = next.nodes.flatMap((n) => into.get(n.id) ?? []).filter((e) => !inside.has(e.from));
    return outer.length > 0 && outer.every((e) => e.from === exit(prev).id);
  };
  const runs: Block[][] = [];
  let run: Block[] = [];
  let runKey: string | null = null;
  for (const b of blocks) {
    const k = key(b);
    const prev = run[run.length - 1];
    if (prev && k !== null && k === runKey && fedOnlyBy(b, prev)) {
      run.push(b);
      continue;
    }
    if (run.length >= 2) runs.push(run);
    run = [b];
    runKey = k;
  }
  if (run.length >= 2) runs.push(run);
  return runs;
}
