/** The graph picture from the Shapes rows, drawn by convtype's renderSvg (loaded lazily with elkjs). */
import { pictureOfCalls, type PictureCall } from '../../src/picture/from-calls.js';
import { renderSvg } from '../../src/picture/svg.js';
import type { Problem, ShapeRow } from './protocol.js';

/** The SVG markup (with `aria-label="Graph"`) for the rows; a problem on a call's line is drawn as its error. */
export function drawPicture(rows: readonly ShapeRow[], problems: readonly Problem[]): Promise<string> {
  const calls: PictureCall[] = rows.map((r) => {
    const p = problems.find((q) => q.line === r.line);
    return { kind: r.kind, call: r.call, shape: r.dims, params: r.params, inputs: r.inputs, ...(p ? { error: p.message } : {}) };
  });
  return renderSvg(pictureOfCalls(calls));
}
