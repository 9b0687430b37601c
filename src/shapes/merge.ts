/** Runtime twins of types/merge.ts: equal shapes for elementwise layers, concatenation along channels. */
import { ShapeError } from '../errors.js';
import { formatShape } from './format.js';
import { concatMismatchMessage, shapesDifferMessage } from './messages.js';
import { joinFix } from './suggestions/join.js';

/** Dim-by-dim agreement (−1 agrees with anything, the known one wins), or `undefined` (twin of `Unify`). */
export function unify(a: readonly number[], b: readonly number[]): number[] | undefined {
  if (a.length !== b.length) return undefined;
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < 0) out.push(y);
    else if (y < 0 || x === y) out.push(x);
    else return undefined;
  }
  return out;
}

/** Twin of `ElementwiseResult`. */
export function elementwiseShape(layer: string, a: readonly number[], b: readonly number[]): number[] {
  const u = unify(a, b);
  if (!u) throw new ShapeError(shapesDifferMessage(layer, formatShape(a), formatShape(b), joinFix(layer, a, b)), layer);
  return u;
}

/** Twin of `ConcatResult`. */
export function concatShape(shapes: readonly (readonly number[])[]): number[] {
  if (shapes.length === 0) throw new ShapeError('concat: nothing to concatenate (got [], expected at least one tensor)', 'concat');
  const first = shapes[0]!;
  let outer: number[] = first.slice(0, -1);
  let channels = first[first.length - 1]!;
  for (const next of shapes.slice(1)) {
    const u = unify(outer, next.slice(0, -1));
    if (!u) {
      throw new ShapeError(concatMismatchMessage(formatShape(first), formatShape(next), joinFix('concat', first, next)), 'concat');
    }
    outer = u;
    const c = next[next.length - 1]!;
    channels = channels < 0 || c < 0 ? -1 : channels + c;
  }
  return [...outer, channels];
}
