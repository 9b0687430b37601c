/** Runtime twin of `FormatShape`: `[B, 55, 55, 96]`, an unknown batch (−1) printed as `B`. */

/** @example formatShape([-1, 55, 55, 96]) //=> '[B, 55, 55, 96]' */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.map((d, i) => (d < 0 ? (i === 0 ? 'B' : '?') : String(d))).join(', ')}]`;
}
