/**
 * Aligned text tables with optional ANSI colours (no dependency). Widths are measured on the plain text, so a
 * coloured table lines up exactly like a plain one.
 */

/** The styles the CLI uses. */
export type Style = 'dim' | 'bold' | 'red' | 'green' | 'yellow' | 'cyan';

const codes: Readonly<Record<Style, [number, number]>> = {
  dim: [2, 22],
  bold: [1, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

/** Applies styles when colour is on; the identity otherwise. */
export type Paint = (text: string, ...styles: Style[]) => string;

/** A painter: ANSI codes when `colour`, plain text otherwise. */
export function painter(colour: boolean): Paint {
  if (!colour) return (text) => text;
  return (text, ...styles) => (text === '' ? text : styles.reduce((t, s) => `\u001b[${codes[s][0]}m${t}\u001b[${codes[s][1]}m`, text));
}

/** Colour on for a terminal unless NO_COLOR is set; FORCE_COLOR (not 0) forces it on. */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

/** One table cell: its text and the styles to paint it with. */
export interface Cell {
  readonly text: string;
  readonly styles?: readonly Style[];
}

/** Column alignment. */
export type Align = 'left' | 'right';

/** Column widths for these rows (each at least its header's). */
export function widths(rows: readonly (readonly Cell[])[]): number[] {
  const out: number[] = [];
  for (const row of rows) row.forEach((c, i) => (out[i] = Math.max(out[i] ?? 0, [...c.text].length)));
  return out;
}

/** One row padded to `w`, two spaces between columns, trailing blanks removed. */
export function line(row: readonly Cell[], w: readonly number[], align: readonly Align[], paint: Paint, indent = ''): string {
  const cells = row.map((c, i) => {
    const pad = ' '.repeat(Math.max(0, (w[i] ?? 0) - [...c.text].length));
    const painted = paint(c.text, ...(c.styles ?? []));
    return align[i] === 'right' ? pad + painted : painted + pad;
  });
  return (indent + cells.join('  ')).trimEnd();
}

/** `1,234,567`, or `?` for an unknown count. */
export function grouped(n: number | null): string {
  return n === null ? '?' : n.toLocaleString('en-US');
}
