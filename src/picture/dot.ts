/**
 * `renderDot`: the picture as Graphviz DOT (top to bottom, shapes on the edges, a shape error as a red edge with
 * its sentence), for `dot -Tsvg` or any DOT viewer. Synchronous and free of Node APIs.
 */
import { layoutGraph } from './fold.js';
import type { PictureGraph, PictureOptions } from './graph.js';
import { wrap } from './text.js';

const RED = '#c62828';

/** A DOT string literal. */
const quote = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/**
 * The graph as DOT; repeated blocks folded unless `fold: false`.
 * @example renderDot(pictureOfModel(net)) //=> 'digraph "convtype" {\n  rankdir=TB; …'
 */
export function renderDot(graph: PictureGraph, options: PictureOptions = {}): string {
  const drawn = layoutGraph(graph, options.fold ?? true);
  const out = [
    `digraph ${quote(options.title ?? 'convtype')} {`,
    '  rankdir=TB;',
    '  node [shape=box, style="rounded,filled", fillcolor="#f7f9fc", color="#5b6b7f", fontname="monospace", fontsize=10];',
    '  edge [color="#5b6b7f", fontname="monospace", fontsize=9];',
  ];
  if (options.title !== undefined) out.push(`  label=${quote(options.title)}; labelloc=t;`);
  for (const n of drawn.nodes) {
    const attrs = [`label=${quote([n.title, ...n.lines].join('\n'))}`];
    if (n.folded > 0) attrs.push('peripheries=2');
    if (n.error !== undefined) attrs.push(`color="${RED}"`, `fontcolor="${RED}"`);
    out.push(`  ${quote(n.id)} [${attrs.join(', ')}];`);
    if (n.sink) out.push(`  ${quote(`${n.id}:output`)} [label="output", shape=plaintext, style=""];`);
  }
  for (const e of drawn.edges) {
    const label = [e.label, ...(e.error === undefined ? [] : wrap(e.error))].join("\n");
    const attrs = [`label=${quote(label)}`];
    if (e.error !== undefined) attrs.push(`color="${RED}"`, `fontcolor="${RED}"`, 'penwidth=2');
    out.push(`  ${quote(e.from)} -> ${quote(e.to)} [${attrs.join(', ')}];`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
