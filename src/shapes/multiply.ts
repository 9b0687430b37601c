/** Runtime twin of types/multiply.ts: equal shapes, or `b` `[B, 1, 1, C]` / `[B, C]` broadcast over `a` `[B, H, W, C]`. */
import type { MultiplyMessage } from '../../types/multiply.js';
import { ShapeError } from '../errors.js';
import { formatShape } from './format.js';
import { unify } from './merge.js';

/** The message of a `b` that does not fit `a` (its type is the compile-time message). */
export const multiplyMessage = <A extends string, B extends string, X extends string>(a: A, b: B, allowed: X): MultiplyMessage<A, B, X> =>
  `multiply: b does not broadcast over a (got a ${a} and b ${b}, expected b ${allowed})`;

/** Twin of `MultiplyAllowed`. @example multiplyAllowed([-1, 7, 7, 64]) //=> '[B, 7, 7, 64], [B, 1, 1, 64] or [B, 64]' */
export function multiplyAllowed(a: readonly number[]): string {
  if (a.length !== 4) return formatShape(a);
  return `${formatShape(a)}, ${formatShape([a[0]!, 1, 1, a[3]!])} or ${formatShape([a[0]!, a[3]!])}`;
}

/** Whether `b` broadcasts over `a` (rather than matching it element for element). */
export function isChannelBroadcast(a: readonly number[], b: readonly number[]): boolean {
  return a.length === 4 && ((b.length === 4 && b[1] === 1 && b[2] === 1) || b.length === 2);
}

/** Twin of `MultiplyResult`. @example multiplyShape([-1, 56, 56, 256], [-1, 1, 1, 256]) //=> [-1, 56, 56, 256] */
export function multiplyShape(a: readonly number[], b: readonly number[]): number[] {
  if (isChannelBroadcast(a, b)) {
    const u = unify([a[0]!, a[3]!], [b[0]!, b[b.length - 1]!]);
    if (u) return [u[0]!, a[1]!, a[2]!, u[1]!];
  } else {
    const u = unify(a, b);
    if (u) return u;
  }
  throw new ShapeError(multiplyMessage(formatShape(a), formatShape(b), multiplyAllowed(a)), 'multiply');
}
