/** Runtime twin of types/suggestions/transpose.ts. */

/** Twin of `TransposeFitFix`. @example transposeFitFix('height', 2) //=> '; to keep an output, use padding ≤ 0 on each side of the height' */
export function transposeFitFix(axis: string, full: number): string {
  return full <= 0 ? '' : `; to keep an output, use padding ≤ ${Math.floor((full - 1) / 2)} on each side of the ${axis}`;
}
