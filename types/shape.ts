/**
 * Shapes as readonly tuples, batch first: `readonly [B, H, W, C]` (NHWC) or `readonly [B, F]`.
 * A dimension is a non-negative integer literal when known and `number` when not.
 */

/** Any tensor shape. */
export type Shape = readonly number[];

/** A rank-4 image batch: `[B, H, W, C]`. */
export type ImageShape = readonly [number, number, number, number];

/**
 * A shape as users read it in messages: the batch prints as `B` when unknown, other unknown dims as `?`.
 * @example FormatShape<readonly [number, 55, 55, 96]> //=> '[B, 55, 55, 96]'
 */
export type FormatShape<S extends Shape> = S extends readonly [infer B extends number, ...infer Rest extends number[]]
  ? `[${number extends B ? 'B' : B}${JoinDims<Rest>}]`
  : '[]';

type JoinDims<Dims extends number[], Acc extends string = ''> = Dims extends [
  infer D extends number,
  ...infer Rest extends number[],
]
  ? JoinDims<Rest, `${Acc}, ${number extends D ? '?' : D}`>
  : Acc;
