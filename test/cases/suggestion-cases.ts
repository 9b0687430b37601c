/**
 * The suggestions that end shape errors (types/suggestions/*.ts and their runtime twins), each written out
 * literally: the contract shared by the type-level computation (test-d/suggestions.test-d.ts) and the runtime
 * twin (test/suggestions.test.ts, which also applies every suggested fix to the shape rule and checks it
 * works and, for the kernel bounds, is the largest that does).
 *
 * Shapes are batch first; an unknown dim is `-1` here and `number` at the type level (see `TypeShape` in the
 * tsd test). Join cases carry the whole sentence, so the part without a suggestion is pinned too.
 */

/** A kernel-fit (or window-fit) failure: the figures the rule reports and the suggestion it ends with. */
export interface FitFixCase {
  readonly name: string;
  readonly option: 'kernel' | 'size';
  readonly axis: string;
  readonly kernel: number;
  readonly dilated: number;
  readonly padded: number;
  readonly fix: string;
}

export const FIT_FIX_CASES = [
  { name: 'k=7 P=5', option: 'kernel', axis: 'height', kernel: 7, dilated: 7, padded: 5, fix: '; to fit, add padding 1 on each side of the height or use kernel ≤ 5' },
  { name: 'k=7 P=4 (even gap 3 rounds up)', option: 'kernel', axis: 'width', kernel: 7, dilated: 7, padded: 4, fix: '; to fit, add padding 2 on each side of the width or use kernel ≤ 4' },
  { name: 'k=3 d=4 P=8', option: 'kernel', axis: 'height', kernel: 3, dilated: 9, padded: 8, fix: '; to fit, add padding 1 on each side of the height or use kernel ≤ 2 or dilation ≤ 3' },
  { name: 'k=3 d=5 P=2 (no dilation fits)', option: 'kernel', axis: 'length', kernel: 3, dilated: 11, padded: 2, fix: '; to fit, add padding 5 on each side of the length or use kernel ≤ 1' },
  { name: 'k=11 P=1', option: 'kernel', axis: 'depth', kernel: 11, dilated: 11, padded: 1, fix: '; to fit, add padding 5 on each side of the depth or use kernel ≤ 1' },
  { name: 'k=1025 P=1000', option: 'kernel', axis: 'width', kernel: 1025, dilated: 1025, padded: 1000, fix: '; to fit, add padding 13 on each side of the width or use kernel ≤ 1000' },
  { name: 'pool size=3 P=1', option: 'size', axis: 'height', kernel: 3, dilated: 3, padded: 1, fix: '; to fit, add padding 1 on each side of the height or use size ≤ 1' },
  { name: 'pool size=3 d=2 P=3', option: 'size', axis: 'width', kernel: 3, dilated: 5, padded: 3, fix: '; to fit, add padding 1 on each side of the width or use size ≤ 2 or dilation ≤ 1' },
] as const satisfies readonly FitFixCase[];

/** A transposed conv whose padding removes the whole output: the full length and the suggestion. */
export const TRANSPOSE_FIX_CASES = [
  { name: 'full=2', axis: 'height', full: 2, fix: '; to keep an output, use padding ≤ 0 on each side of the height' },
  { name: 'full=4', axis: 'width', full: 4, fix: '; to keep an output, use padding ≤ 1 on each side of the width' },
  { name: 'full=63', axis: 'height', full: 63, fix: '; to keep an output, use padding ≤ 31 on each side of the height' },
] as const;

/** A join of two shapes that fails, and its whole sentence. */
export interface JoinCase {
  readonly name: string;
  readonly layer: 'add' | 'residual add' | 'concat';
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly message: string;
}

const SAME = "expected equal shapes)";
const CONCAT = 'expected equal batch and spatial sizes)';

export const JOIN_CASES = [
  {
    name: 'add 56 vs 54 (3×3 conv, p = 1)',
    layer: 'add',
    a: [-1, 56, 56, 64],
    b: [-1, 54, 54, 64],
    message: `add: shapes differ (got [B, 56, 56, 64] and [B, 54, 54, 64], ${SAME}; the second is 2 smaller in height and width: after a stride-1 conv padding 1 keeps it (p = d(k−1)/2) or 'same', after a transposed conv outputPadding 2`,
  },
  {
    name: 'residual add 52 vs 56 (the body is smaller)',
    layer: 'residual add',
    a: [-1, 52, 52, 64],
    b: [-1, 56, 56, 64],
    message: `residual add: shapes differ (got [B, 52, 52, 64] and [B, 56, 56, 64], ${SAME}; the first is 4 smaller in height and width: after a stride-1 conv padding 2 keeps it (p = d(k−1)/2) or 'same', after a transposed conv outputPadding 4`,
  },
  {
    name: 'add 56 vs 53 (odd d(k−1) = 3)',
    layer: 'add',
    a: [8, 56, 56, 64],
    b: [8, 53, 53, 64],
    message: `add: shapes differ (got [8, 56, 56, 64] and [8, 53, 53, 64], ${SAME}; the second is 3 smaller in height and width: after a stride-1 conv only padding 'same' keeps it (1 before, 2 after; d(k−1) = 3 is odd), after a transposed conv outputPadding 3`,
  },
  {
    name: 'concat U-Net 570 (55 vs 54, channels may differ)',
    layer: 'concat',
    a: [-1, 55, 55, 512],
    b: [-1, 54, 54, 256],
    message: `concat: sizes differ outside the channel axis (got [B, 55, 55, 512] and [B, 54, 54, 256], ${CONCAT}; the second is 1 smaller in height and width: after a stride-1 conv only padding 'same' keeps it (0 before, 1 after; d(k−1) = 1 is odd), after a transposed conv outputPadding 1`,
  },
  {
    name: 'add conv1d 100 vs 98',
    layer: 'add',
    a: [-1, 100, 16],
    b: [-1, 98, 16],
    message: `add: shapes differ (got [B, 100, 16] and [B, 98, 16], ${SAME}; the second is 2 smaller in length: after a stride-1 conv padding 1 keeps it (p = d(k−1)/2) or 'same', after a transposed conv outputPadding 2`,
  },
  {
    name: 'add conv3d 16×32×32 vs 14×30×30',
    layer: 'add',
    a: [-1, 16, 32, 32, 8],
    b: [-1, 14, 30, 30, 8],
    message: `add: shapes differ (got [B, 16, 32, 32, 8] and [B, 14, 30, 30, 8], ${SAME}; the second is 2 smaller in depth, height and width: after a stride-1 conv padding 1 keeps it (p = d(k−1)/2) or 'same', after a transposed conv outputPadding 2`,
  },
  // ── no suggestion: the error stays as it was ──
  { name: 'add channels differ', layer: 'add', a: [-1, 56, 56, 128], b: [-1, 54, 54, 64], message: `add: shapes differ (got [B, 56, 56, 128] and [B, 54, 54, 64], ${SAME}` },
  { name: 'add batch differs', layer: 'add', a: [2, 56, 56, 64], b: [3, 54, 54, 64], message: `add: shapes differ (got [2, 56, 56, 64] and [3, 54, 54, 64], ${SAME}` },
  { name: 'add uneven gap (kernel [3, 5])', layer: 'add', a: [-1, 56, 56, 64], b: [-1, 54, 52, 64], message: `add: shapes differ (got [B, 56, 56, 64] and [B, 54, 52, 64], ${SAME}` },
  { name: 'add one axis equal', layer: 'add', a: [-1, 56, 56, 64], b: [-1, 56, 54, 64], message: `add: shapes differ (got [B, 56, 56, 64] and [B, 56, 54, 64], ${SAME}` },
  { name: 'add mixed sides', layer: 'add', a: [-1, 56, 54, 64], b: [-1, 54, 56, 64], message: `add: shapes differ (got [B, 56, 54, 64] and [B, 54, 56, 64], ${SAME}` },
  { name: 'concat factor 2 (a missing stride)', layer: 'concat', a: [-1, 56, 56, 128], b: [-1, 28, 28, 128], message: `concat: sizes differ outside the channel axis (got [B, 56, 56, 128] and [B, 28, 28, 128], ${CONCAT}` },
  { name: 'add unknown height', layer: 'add', a: [-1, -1, 56, 64], b: [-1, 54, 54, 64], message: `add: shapes differ (got [B, ?, 56, 64] and [B, 54, 54, 64], ${SAME}` },
  { name: 'add dense features', layer: 'add', a: [-1, 10], b: [-1, 8], message: `add: shapes differ (got [B, 10] and [B, 8], ${SAME}` },
  { name: 'add ranks differ', layer: 'add', a: [-1, 56, 56, 64], b: [-1, 54, 64], message: `add: shapes differ (got [B, 56, 56, 64] and [B, 54, 64], ${SAME}` },
] as const satisfies readonly JoinCase[];
