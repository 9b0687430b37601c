/**
 * Runtime twin of types/suggestions/join.ts: when one input of `add`/`concat` is smaller than the other by the
 * same δ on every spatial axis, what a stride-1 conv (padding δ/2, or 'same' for an odd δ) or a transposed
 * conv (outputPadding δ) that made it needs. An unknown dim (−1), an uneven gap or one of at least the smaller
 * size gives no suggestion.
 */

const AXIS_NAMES: Record<number, string> = { 1: 'length', 2: 'height and width', 3: 'depth, height and width' };

/**
 * Twin of `JoinFix`; '' when there is no suggestion.
 * @example joinFix('add', [-1, 56, 56, 64], [-1, 54, 54, 64]).startsWith('; the second is 2 smaller in height and width') //=> true
 */
export function joinFix(layer: string, a: readonly number[], b: readonly number[]): string {
  if (a.length !== b.length || a.length < 3) return '';
  const agree = (x: number, y: number): boolean => x < 0 || y < 0 || x === y;
  if (!agree(a[0]!, b[0]!)) return '';
  if (layer !== 'concat' && !agree(a[a.length - 1]!, b[b.length - 1]!)) return '';
  let found: [string, number] | undefined;
  for (let i = 1; i < a.length - 1; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < 0 || y < 0 || x === y) return '';
    const gap: [string, number] = x > y ? ['second', x - y] : ['first', y - x];
    if (gap[1] >= Math.min(x, y)) return '';
    if (found && (found[0] !== gap[0] || found[1] !== gap[1])) return '';
    found = gap;
  }
  if (!found) return '';
  const [side, delta] = found;
  const half = Math.floor(delta / 2);
  const conv =
    delta % 2 === 0
      ? `after a stride-1 conv padding ${half} keeps it (p = d(k−1)/2) or 'same'`
      : `after a stride-1 conv only padding 'same' keeps it (${half} before, ${half + 1} after; d(k−1) = ${delta} is odd)`;
  return `; the ${side} is ${delta} smaller in ${AXIS_NAMES[a.length - 2]}: ${conv}, after a transposed conv outputPadding ${delta}`;
}
