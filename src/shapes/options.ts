/** Runtime twins of types/options.ts and types/internal/checks.ts: option normalisation and range checks. */
import { ShapeError } from '../errors.js';
import type { Padding, Pair } from '../../types/options.js';
import { inputSizeMessage, notNonNegativeMessage, notPositiveMessage, unknownOptionMessage } from './messages.js';

/** `[[top, bottom], [left, right]]`, or 'same'. */
export type Pads = [[number, number], [number, number]] | 'same';

/** `[h, w]` of a `Pair` option (twin of `PairOf`). */
export function pairOf(value: Pair | undefined, fallback: number): [number, number] {
  if (value === undefined) return [fallback, fallback];
  return typeof value === 'number' ? [value, value] : [value[0], value[1]];
}

/** Twin of `PadsOf`. */
export function padsOf(padding: Padding | undefined): Pads {
  if (padding === undefined || padding === 'valid') return [[0, 0], [0, 0]];
  if (padding === 'same') return 'same';
  if (typeof padding === 'number') return [[padding, padding], [padding, padding]];
  const [h, w] = padding;
  if (typeof h === 'number' && typeof w === 'number') return [[h, h], [w, w]];
  if (Array.isArray(h) && Array.isArray(w)) return [[h[0], h[1]], [w[0], w[1]]];
  throw new TypeError(`padding has an unknown form (got ${JSON.stringify(padding)})`);
}

/** How a numeric option is checked (twin of `Range`). */
export type Range = 'positive' | 'nonNegative';

function leaves(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (value !== undefined && typeof value !== 'string') out.push(value);
  return out;
}

/** Throws for the first option outside its range, in the order of `rules` (twin of `CheckRanges`). */
export function checkRanges(layer: string, options: object, rules: readonly (readonly [string, Range])[]): void {
  for (const [key, range] of rules) {
    for (const v of leaves((options as Record<string, unknown>)[key])) {
      const ok = typeof v === 'number' && Number.isSafeInteger(v) && (range === 'positive' ? v >= 1 : v >= 0);
      if (ok) continue;
      const shown = typeof v === 'number' ? v : String(v);
      throw new ShapeError(
        range === 'positive' ? notPositiveMessage(layer, key, shown) : notNonNegativeMessage(layer, key, shown),
        layer,
        key,
      );
    }
  }
}

/** Throws for an option name the layer does not have (twin of `CheckKnown`). */
export function checkKnown(layer: string, options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new ShapeError(unknownOptionMessage(layer, key, known.join(', ')), layer, key);
  }
}

/** Throws when a declared size (`inChannels`, `inFeatures`) differs from the input's (twin of `CheckDeclared`). */
export function checkDeclared(
  layer: string,
  option: string,
  declared: number | undefined,
  actual: number,
  what: string,
  input: string,
): void {
  if (declared !== undefined && actual >= 0 && declared !== actual) {
    throw new ShapeError(inputSizeMessage(layer, option, declared, actual, what, input), layer, option);
  }
}
