/**
 * A built model as a `PictureGraph`: one node per layer of its graph (in `model.layers` order, with their params and
 * MACs), edges labelled with the producing layer's output shape, and the `x.apply(spec)` call each node came from
 * (recorded by the graph, src/graph/node.ts) so repeated blocks fold.
 */
import type { GraphNode } from '../graph/node.js';
import type { LayerSummary } from '../../types/model.js';
import type { NamedNode } from '../model/graph.js';
import { renderDot } from './dot.js';
import type { PictureEdge, PictureGraph, PictureNode, PictureOptions } from './graph.js';
import { optionsText } from './options.js';
import { renderSvg } from './svg.js';

/** What a picture reads from a model: its layer rows (public) and its graph (the model's own, in the same order). */
interface ModelLike {
  readonly layers: readonly LayerSummary[];
}

/** The graph behind a model made by `model(…)` (its private `graph`, read here rather than widening the public type). */
function graphOf(m: ModelLike): readonly NamedNode[] {
  const graph = (m as unknown as { graph?: readonly NamedNode[] }).graph;
  if (!Array.isArray(graph) || graph.length !== m.layers.length) {
    throw new TypeError('convtype/picture: expected a model made by model(…) (got an object without its graph)');
  }
  return graph;
}

/**
 * The picture of a model, for `renderSvg` / `renderDot`.
 * @example pictureOfModel(model(x, x.conv2d({ filters: 8, kernel: 3 }))).nodes.length //=> 2
 */
export function pictureOfModel(m: ModelLike): PictureGraph {
  const graph = graphOf(m);
  const ids = new Map<GraphNode, string>(graph.map(({ node }, i) => [node, `n${i}`]));
  const nodes: PictureNode[] = [];
  const edges: PictureEdge[] = [];
  graph.forEach(({ node }, i) => {
    // Only a name the user gave: the model's `conv2d_3` would repeat the kind.
    const name = typeof node.options.name === 'string' ? node.options.name : undefined;
    const row = m.layers[i]!;
    const detail = node.kind === 'input' ? '' : optionsText(node.options);
    nodes.push({
      id: ids.get(node)!,
      kind: node.kind,
      ...(name === undefined ? {} : { name }),
      shape: node.shape,
      ...(detail === '' ? {} : { detail }),
      params: row.params,
      macs: row.macs,
      ...(node.block ? { block: { id: `b${node.block.id}`, label: node.block.label } } : {}),
    });
    for (const input of node.inputs) edges.push({ from: ids.get(input)!, to: ids.get(node)!, shape: input.shape });
  });
  return { nodes, edges };
}

/**
 * The model as an SVG picture (top to bottom, shapes on the edges, repeated blocks folded unless `fold: false`).
 * @example await toSvg(net) //=> '<svg xmlns="http://www.w3.org/2000/svg" aria-label="Graph" …'
 */
export function toSvg(m: ModelLike, options?: PictureOptions): Promise<string> {
  return renderSvg(pictureOfModel(m), options);
}

/**
 * The model as Graphviz DOT.
 * @example toDot(net).startsWith('digraph') //=> true
 */
export function toDot(m: ModelLike, options?: PictureOptions): string {
  return renderDot(pictureOfModel(m), options);
}
