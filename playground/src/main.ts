/** The playground page: editor, Problems, Shapes, the graph picture, and the run section's hook. */
import { EditorView, keymap, lineNumbers, hoverTooltip, Decoration, WidgetType, type DecorationSet } from '@codemirror/view';
import { EditorState, StateEffect, StateField } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { autocompletion, type CompletionContext } from '@codemirror/autocomplete';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { ask } from './client.js';
import { decodeShare, encodeShare } from './share.js';
import type { Analysis, ShapeRow } from './protocol.js';
import { renderProblems, renderShapes } from './panels.js';
import { EXAMPLE } from './example.js';

const $ = (id: string) => document.getElementById(id)!;

/** Inlay hints: the shape after each layer call, shown at the end of its line. */
class ShapeHint extends WidgetType {
  constructor(readonly text: string) { super(); }
  override eq(other: ShapeHint) { return other.text === this.text; }
  toDOM() { const s = document.createElement('span'); s.className = 'cm-shape-hint'; s.textContent = this.text; return s; }
}
const setHints = StateEffect.define<DecorationSet>();
const hints = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update: (deco, tr) => tr.effects.reduce((d, e) => (e.is(setHints) ? e.value : d), deco.map(tr.changes)),
  provide: (f) => EditorView.decorations.from(f),
});
function hintSet(view: EditorView, rows: readonly ShapeRow[]): DecorationSet {
  const lastOnLine = new Map<number, ShapeRow>();
  for (const r of rows) if (r.line <= view.state.doc.lines) lastOnLine.set(r.line, r);
  const ranges = [...lastOnLine.values()].map((r) =>
    Decoration.widget({ widget: new ShapeHint(`→ ${r.shape}`), side: 1 }).range(view.state.doc.line(r.line).to));
  return Decoration.set(ranges, true);
}

let latest: Analysis | undefined;
let shareTimer: ReturnType<typeof setTimeout> | undefined;

const lint = linter(async (view) => {
  const code = view.state.doc.toString();
  const result = await ask({ kind: 'analyze', code });
  if (view.state.doc.toString() !== code) return [];
  latest = result;
  renderProblems($('problems'), result.problems, (pos) => { view.dispatch({ selection: { anchor: pos }, scrollIntoView: true }); view.focus(); });
  renderShapes($('shapes') as HTMLTableElement, result.rows);
  view.dispatch({ effects: setHints.of(hintSet(view, result.rows)) });
  void drawGraph(result);
  document.body.dataset.state = 'ready';
  return result.problems.map((p): Diagnostic => ({ from: p.from, to: Math.max(p.to, p.from + 1), severity: p.severity, message: p.message }));
}, { delay: 250 });

const hover = hoverTooltip(async (view, pos) => {
  const info = await ask({ kind: 'hover', code: view.state.doc.toString(), pos });
  if (!info) return null;
  return { pos: info.from, end: info.to, above: true, create: () => { const d = document.createElement('pre'); d.className = 'cm-hover'; d.textContent = info.text; return { dom: d }; } };
});

async function complete(ctx: CompletionContext) {
  const word = ctx.matchBefore(/[\w$]*/);
  if (!ctx.explicit && (!word || word.from === word.to) && ctx.state.sliceDoc(ctx.pos - 1, ctx.pos) !== '.') return null;
  const r = await ask({ kind: 'complete', code: ctx.state.doc.toString(), pos: ctx.pos });
  return { from: r.from, options: r.items.map((i) => ({ label: i.label, type: i.kind === 'method' ? 'method' : i.kind === 'property' ? 'property' : 'variable' })) };
}

/** The graph picture: drawn by convtype's renderSvg when that module is present, lazily (elkjs is large). */
let drawing = 0;
async function drawGraph(result: Analysis): Promise<void> {
  const mine = ++drawing;
  const { drawPicture } = await import('./picture.js');
  const svg = await drawPicture(result.rows, result.problems);
  if (mine === drawing) $('graph').innerHTML = svg;
}

const initial = decodeShare(location.hash) ?? EXAMPLE;
const view = new EditorView({
  parent: $('editor'),
  state: EditorState.create({
    doc: initial,
    extensions: [lineNumbers(), EditorView.lineWrapping, history(), keymap.of([...defaultKeymap, ...historyKeymap]), javascript({ typescript: true }),
      lintGutter(), lint, hover, hints, autocompletion({ override: [complete] }),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        clearTimeout(shareTimer);
        shareTimer = setTimeout(() => history_replace(u.state.doc.toString()), 300);
      })],
  }),
});
function history_replace(code: string): void { window.history.replaceState(null, '', `#code=${encodeShare(code)}`); }

/** The hook for the run section (playground/README.md): the editor's source and its JavaScript. */
const hook = {
  getSource: () => view.state.doc.toString(),
  setSource: (source: string) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: source } }),
  getCompiledJs: () => ask({ kind: 'transpile', code: view.state.doc.toString() }),
  analysis: () => latest,
};
(globalThis as { convtypePlayground?: typeof hook }).convtypePlayground = hook;
