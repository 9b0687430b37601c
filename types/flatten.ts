/**
 * flatten: `[B, d1, …, dn]` → `[B, d1·…·dn]` in NHWC order (VGG-16: 7·7·512 = 25,088). Exact up to 2^53 − 1;
 * an unknown dim gives `number`. Runtime twin: `flattenShape` in src/shapes/dense.ts.
 */
import type { MultiplyDigits } from './arithmetic/internal/multiply.js';
import type { NumberOf } from './arithmetic/operand.js';
import type { Ok } from './result.js';
import type { Shape } from './shape.js';

/**
 * The product of dims as digits, or `number` when one is unknown.
 * @example NumberOf<ProductDigits<[7, 7, 512]>> //=> 25088
 */
export type ProductDigits<Dims extends readonly number[], Acc extends string = '1'> = Dims extends readonly [
  infer D extends number,
  ...infer Rest extends readonly number[],
]
  ? number extends D
    ? number
    : ProductDigits<Rest, MultiplyDigits<Acc, `${D}`>>
  : Acc;

/** The outcome of `flatten` on shape `S` (it cannot fail). @example OutputOf<FlattenResult<readonly [number, 6, 6, 256]>> //=> readonly [number, 9216] */
export type FlattenResult<S extends Shape> = S extends readonly [infer B extends number, ...infer Rest extends readonly number[]]
  ? ProductDigits<Rest> extends infer P
    ? Ok<readonly [B, P extends string ? NumberOf<P> : number]>
    : never
  : Ok<readonly [number, number]>;
