/**
 * `renderSvg`: the picture as one self-contained SVG (no external fonts, CSS or scripts; `aria-label="Graph"` on the
 * root), laid out top to bottom by ELK's layered algorithm (elkjs, the bundled build: no Web Worker, runs in Node
 * and in a page). Shapes label the edges; a node shows its kind and name, key options, params and MACs; a folded
 * block has a double border; a shape error is a red edge carrying its sentence.
 *
 * Decision: elkjs rather than dagre — it is maintained, places edge labels as part of the layout (dagre's labels
 * overlap on joins) and keeps the source order of the layers (`considerModelOrder`), so a residual's body stays on
 * the left of its shortcut. It is loaded on the first call (a dynamic import), so it stays out of the main bundle.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { type DrawGraph, layoutGraph } from './fold.js';
import type { PictureGraph, PictureOptions } from './graph.js';
import { textWidth, wrap, xml } from './text.js';

const FONT = `ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace`;
const TITLE = 11;
const LINE = 10;
const EDGE = 9;
const PAD = 8;
const RED = '#c62828';
const INK = '#2b3440';
const STROKE = '#5b6b7f';

interface Elk {
  layout(graph: ElkNode): Promise<ElkNode>;
}

let elk: Promise<Elk> | undefined;

async function loadElk(): Promise<Elk> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(
    (m) => {
      const ELK = ((m as { default?: unknown }).default ?? m) as new () => Elk;
      return new ELK();
    },
    () => {
      throw new Error('convtype/picture: renderSvg needs the elkjs package (npm install elkjs)');
    },
  );
  return elk;
}

const edgeLines = (e: { label: string; error?: string }): string[] => (e.error === undefined ? [e.label] : [e.label, ...wrap(e.error)]);

/**
 * The graph as an SVG document; repeated blocks folded unless `fold: false`.
 * @example await renderSvg(pictureOfModel(net)) //=> '<svg xmlns="http://www.w3.org/2000/svg" aria-label="Graph" …'
 */
export async function renderSvg(graph: PictureGraph, options: PictureOptions = {}): Promise<string> {
  const drawn = layoutGraph(graph, options.fold ?? true);
  const laid = await (await loadElk()).layout(elkGraph(drawn));
  return draw(drawn, laid, options.title);
}

function elkGraph(drawn: DrawGraph): ElkNode {
  const children: ElkNode[] = [];
  for (const n of drawn.nodes) {
    const width = Math.max(textWidth(n.title, TITLE), ...n.lines.map((l) => textWidth(l, LINE))) + 2 * PAD;
    children.push({ id: n.id, width, height: PAD * 2 + TITLE + 4 + n.lines.length * (LINE + 4) });
    if (n.sink) children.push({ id: `${n.id}:output`, width: textWidth('output', LINE) + 2 * PAD, height: LINE + 2 * PAD });
  }
  const edges: ElkExtendedEdge[] = drawn.edges.map((e, i) => {
    const lines = edgeLines(e);
    return {
      id: `e${i}`,
      sources: [e.from],
      targets: [e.to],
      labels: [{ id: `l${i}`, text: lines.join('\n'), width: Math.max(...lines.map((l) => textWidth(l, EDGE))) + 4, height: lines.length * (EDGE + 3) + 2 }],
    };
  });
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.spacing.nodeNodeBetweenLayers': '18',
      'elk.layered.spacing.edgeNodeBetweenLayers': '8',
      'elk.spacing.nodeNode': '24',
      'elk.spacing.edgeLabel': '2',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
    },
    children,
    edges,
  };
}

function draw(drawn: DrawGraph, laid: ElkNode, title: string | undefined): string {
  const top = title === undefined ? 0 : TITLE + 16;
  const width = Math.ceil(Math.max(laid.width ?? 0, title === undefined ? 0 : textWidth(title, TITLE + 2) + 32));
  const height = Math.ceil((laid.height ?? 0) + top);
  const place = new Map((laid.children ?? []).map((c) => [c.id, c]));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xml(FONT)}">`,
    `<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" fill="${STROKE}"/></marker>` +
      `<marker id="arrow-error" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" fill="${RED}"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  if (title !== undefined) out.push(`<text x="16" y="${TITLE + 10}" font-size="${TITLE + 2}" font-weight="bold" fill="${INK}">${xml(title)}</text>`);
  out.push(`<g transform="translate(0 ${top})">`);
  (laid.edges as ElkExtendedEdge[] | undefined)?.forEach((edge, i) => {
    const e = drawn.edges[i]!;
    const error = e.error !== undefined;
    const colour = error ? RED : STROKE;
    const points = (edge.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    const path = points.map((p, j) => `${j === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');
    const label = edge.labels?.[0];
    const parts = [`<g class="edge${error ? ' error' : ''}" data-from="${xml(e.from)}" data-to="${xml(e.to)}">`];
    parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="${error ? 2 : 1.2}" marker-end="url(#${error ? 'arrow-error' : 'arrow'})"/>`);
    if (label) {
      const lines = edgeLines(e);
      const x = round(label.x ?? 0);
      const y = round(label.y ?? 0);
      parts.push(`<rect x="${x}" y="${y}" width="${round(label.width ?? 0)}" height="${round(label.height ?? 0)}" fill="#ffffff" fill-opacity="0.85"/>`);
      parts.push(
        `<text x="${x + 2}" y="${y + EDGE}" font-size="${EDGE}" fill="${error ? RED : INK}">${lines.map((l, j) => `<tspan x="${x + 2}" dy="${j === 0 ? 0 : EDGE + 3}">${xml(l)}</tspan>`).join('')}</text>`,
      );
    }
    parts.push('</g>');
    out.push(parts.join(''));
  });
  for (const n of drawn.nodes) {
    const p = place.get(n.id);
    if (!p) continue;
    const [x, y, w, h] = [round(p.x ?? 0), round(p.y ?? 0), round(p.width ?? 0), round(p.height ?? 0)];
    const error = n.error !== undefined;
    const stroke = error ? RED : STROKE;
    const parts = [`<g class="node${n.folded > 0 ? ' folded' : ''}${error ? ' error' : ''}" data-id="${xml(n.id)}">`];
    if (n.error !== undefined) parts.push(`<title>${xml(n.error)}</title>`);
    if (n.folded > 0) parts.push(`<rect x="${x + 3}" y="${y + 3}" width="${w}" height="${h}" rx="5" fill="#e8eef7" stroke="${stroke}"/>`);
    parts.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="5" fill="${error ? '#fdecea' : n.folded > 0 ? '#eef3fb' : '#f7f9fc'}" stroke="${stroke}" stroke-width="${error ? 2 : 1}"/>`);
    parts.push(`<text x="${x + PAD}" y="${y + PAD + TITLE - 1}" font-size="${TITLE}" font-weight="bold" fill="${error ? RED : INK}">${xml(n.title)}</text>`);
    n.lines.forEach((l, j) => parts.push(`<text x="${x + PAD}" y="${y + PAD + TITLE + 4 + (j + 1) * (LINE + 4) - 3}" font-size="${LINE}" fill="${INK}">${xml(l)}</text>`));
    parts.push('</g>');
    out.push(parts.join(''));
    const o = n.sink ? place.get(`${n.id}:output`) : undefined;
    if (o) out.push(`<g class="output"><text x="${round((o.x ?? 0) + PAD)}" y="${round((o.y ?? 0) + PAD + LINE - 1)}" font-size="${LINE}" font-style="italic" fill="${STROKE}">output</text></g>`);
  }
  out.push('</g>', '</svg>');
  return `${out.join('\n')}\n`;
}

const round = (v: number): number => Math.round(v * 10) / 10;
