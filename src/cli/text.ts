/**
 * The text of `convtype shapes` (one aligned table per file, a block per chain, then the errors) and of
 * `convtype check` (compiler-like lines).
 */
import { compilerLine } from './diagnostics.js';
import type { CallRow, ChainReport, ErrorReport, FileReport, LayerRow } from './report.js';
import { type Align, type Cell, type Paint, grouped, line, widths } from './table.js';

export interface TextOptions {
  readonly paint: Paint;
  /** Also list the layers inside each applied spec. */
  readonly expand: boolean;
}

const header: readonly Cell[] = ['location', 'call', 'name', 'output shape', 'params'].map((text) => ({ text, styles: ['dim'] }));
const align: readonly Align[] = ['left', 'left', 'left', 'left', 'right'];
const plain = (text: string): Cell => ({ text });

/** A chain's title: its declarations (first three, …, last two when there are many) and its lines. */
function title(chain: ChainReport): string {
  const n = chain.names;
  const names = n.length === 0 ? 'chain' : n.length <= 6 ? n.join(', ') : [...n.slice(0, 3), '…', ...n.slice(-2)].join(', ');
  const lines = chain.startLine === chain.endLine ? `line ${chain.startLine}` : `lines ${chain.startLine}–${chain.endLine}`;
  return `${names} · ${lines}`;
}

function callCells(file: string, c: CallRow): Cell[] {
  const failed = c.error !== undefined;
  return [
    { text: `${file}:${c.line}`, styles: ['dim'] },
    { text: `${failed ? '✗ ' : ''}${c.call}`, styles: failed ? ['red'] : [] },
    { text: c.name ?? '', styles: ['cyan'] },
    { text: c.shapeText, styles: failed ? ['red', 'bold'] : ['bold'] },
    { text: grouped(c.params), styles: c.params === null ? ['yellow'] : [] },
  ];
}

/** The rows of an applied spec's layers, with a `body:` / `shortcut:` / `branch n:` line where a part starts. */
function layerCells(layers: readonly LayerRow[]): Cell[][] {
  const out: Cell[][] = [];
  let open: readonly string[] = [];
  for (const l of layers) {
    let common = 0;
    while (common < open.length && common < l.path.length && open[common] === l.path[common]) common++;
    for (let i = common; i < l.path.length; i++) out.push([plain(''), { text: `${'  '.repeat(i + 1)}${l.path[i]}:`, styles: ['dim'] }]);
    open = l.path;
    const indent = '  '.repeat(l.path.length + 1);
    out.push([
      plain(''),
      { text: `${indent}${l.call}`, styles: ['dim'] },
      { text: l.name ?? '', styles: ['cyan'] },
      { text: l.shapeText, styles: ['dim'] },
      { text: grouped(l.params), styles: ['dim'] },
    ]);
  }
  return out;
}

function errorLine(e: ErrorReport, paint: Paint): string {
  const where = `${e.file}:${e.line}:${e.column}`;
  return `  ${paint('✗', 'red')} ${paint(where, 'dim')}  ${paint(`TS${e.code}`, 'dim')}  ${e.shapeError ? paint(e.message, 'red') : e.message}`;
}

/** One file's table. */
export function fileText(report: FileReport, options: TextOptions): string {
  const { paint } = options;
  const rows: (readonly Cell[])[] = [header];
  const blocks: { title: string; start: number; end: number; total: Cell[] }[] = [];
  for (const chain of report.chains) {
    const start = rows.length;
    for (const c of chain.calls) {
      rows.push(callCells(report.file, c));
      if (options.expand && c.layers) rows.push(...layerCells(c.layers));
    }
    const total: Cell[] = [plain(''), plain(''), plain(''), { text: 'total', styles: ['dim'] }, { text: grouped(chain.params), styles: ['bold'] }];
    blocks.push({ title: title(chain), start, end: rows.length, total });
  }
  const w = widths([...rows, ...blocks.map((b) => b.total)]);
  const out: string[] = [paint(report.file, 'bold') + paint(report.tsconfig ? `  (tsconfig: ${report.tsconfig})` : '  (no tsconfig.json: default options)', 'dim')];
  if (report.chains.length === 0) out.push('', '  no convtype builder calls');
  for (const b of blocks) {
    out.push('', `  ${paint(b.title, 'bold')}`, line(rows[0]!, w, align, paint, '  '));
    for (let i = b.start; i < b.end; i++) out.push(line(rows[i]!, w, align, paint, '  '));
    out.push(line(b.total, w, align, paint, '  '));
  }
  if (report.errors.length > 0) {
    out.push('', `  ${paint(`${report.errors.length} error${report.errors.length === 1 ? '' : 's'}`, 'red', 'bold')}`);
    for (const e of report.errors) out.push(errorLine(e, paint));
  }
  return out.join('\n');
}

/** Every file's table and a closing line. */
export function shapesText(reports: readonly FileReport[], options: TextOptions): string {
  const errors = reports.reduce((n, r) => n + r.errors.length, 0);
  const calls = reports.reduce((n, r) => n + r.chains.reduce((m, c) => m + c.calls.length, 0), 0);
  const summary = `${reports.length} file${reports.length === 1 ? '' : 's'}, ${calls} builder call${calls === 1 ? '' : 's'}, `;
  const verdict = errors === 0 ? options.paint('no errors', 'green') : options.paint(`${errors} error${errors === 1 ? '' : 's'}`, 'red', 'bold');
  return [reports.map((r) => fileText(r, options)).join('\n\n'), '', summary + verdict, ''].join('\n');
}

/** `convtype check`: one compiler-like line per error, then a count on stderr's behalf (returned separately). */
export function checkText(errors: readonly ErrorReport[]): string {
  return errors.map((e) => `${compilerLine(e)}\n`).join('');
}
