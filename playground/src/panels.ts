/** The Problems list and the Shapes table: the stable aria contract tests and assistive tech read (README). */
import type { Problem, ShapeRow } from './protocol.js';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
};

/** One `<li>` per diagnostic: `line:column message`; clicking moves the cursor there. */
export function renderProblems(list: HTMLElement, problems: readonly Problem[], go: (pos: number) => void): void {
  list.replaceChildren(...problems.map((p) => {
    const li = el('li');
    li.append(el('span', `${p.line}:${p.column}`), ' ', el('span', p.message));
    li.className = p.severity;
    li.tabIndex = 0;
    li.onclick = () => go(p.from);
    return li;
  }));
  list.dataset.count = String(problems.length);
}

/** One `<tr>` per layer call: location, call, output shape, params. */
export function renderShapes(table: HTMLTableElement, rows: readonly ShapeRow[]): void {
  const body = table.tBodies[0] ?? table.appendChild(el('tbody'));
  body.replaceChildren(...rows.map((r) => {
    const tr = el('tr');
    tr.append(el('td', `${r.line}:${r.column}`), el('td', r.call), el('td', r.shape), el('td', r.params === null ? '?' : r.params.toLocaleString('en-US')));
    return tr;
  }));
}
