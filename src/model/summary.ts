/** `model.summary()`: an aligned table of layers (name, type, output shape, parameters, MACs) and totals. */
import type { LayerSummary } from '../../types/model.js';
import { formatShape } from '../shapes/format.js';

const grouped = (n: number): string => n.toLocaleString('en-US');

/** MACs with a unit: 1.14 G, 105.4 M. */
export function formatMacs(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(3)} G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} M`;
  return grouped(n);
}

/** The table. */
export function formatSummary(rows: readonly LayerSummary[]): string {
  const header = ['Layer', 'Type', 'Output shape', 'Params', 'MACs'];
  const cells = rows.map((r) => [r.name, r.kind, formatShape(r.shape), grouped(r.params), grouped(r.macs)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]): string =>
    c.map((v, i) => (i >= 3 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  const params = rows.reduce((a, r) => a + r.params, 0);
  const macs = rows.reduce((a, r) => a + r.macs, 0);
  const rule = '-'.repeat(widths.reduce((a, w) => a + w + 2, -2));
  return [
    line(header),
    rule,
    ...cells.map(line),
    rule,
    `Total params: ${grouped(params)}`,
    `MACs per example: ${grouped(macs)} (${formatMacs(macs)}; FLOPs ≈ 2 × MACs)`,
  ].join('\n');
}
