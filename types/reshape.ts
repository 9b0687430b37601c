/**
 * reshape: `[B, d1, …, dn]` → `[B, ...shape]` with the same number of elements per example, in NHWC
 * memory order (a view: no data moves; Keras `Reshape`, ONNX `Reshape` on row-major data). One entry may be
 * `-1`, inferred as `input elements / product of the other entries` when that divides exactly. Counts are
 * digit strings (`ProductDigits`), exact for every size; an unknown (`number`) dim on either side skips the
 * count check and an inferred `-1` becomes `number`. Runtime twin: `reshapeShape` in src/shapes/reshape.ts.
 */
import type { DivModDigits } from './arithmetic/internal/divide.js';
import type { MultiplyDigits } from './arithmetic/internal/multiply.js';
import type { IsDigits } from './arithmetic/internal/strings.js';
import type { NumberOf } from './arithmetic/operand.js';
import type { ProductDigits } from './flatten.js';
import type { CheckKnown } from './internal/checks.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

type Value = string | number;

/** Options of `reshape`. */
export interface ReshapeOptions {
  /** The new dims without the batch, each ≥ 1; at most one `-1`, inferred from the element count. */
  readonly shape: readonly number[];
  /** Layer name. */
  readonly name?: string;
}

/** A `shape` entry that is neither a positive integer nor -1. */
export type ReshapeDimMessage<V extends Value> =
  `reshape: shape has a dimension that is not a positive integer or -1 (got ${V}, expected an integer ≥ 1, or one -1)`;

/** A `shape` with more than one -1. */
export type ReshapeInferTwiceMessage<Target extends string> =
  `reshape: shape has more than one -1 (got ${Target}, expected at most one dimension to infer)`;

/** A `shape` whose element count is not the input's. */
export type ReshapeCountMessage<Target extends string, TargetCount extends Value, InputCount extends Value, Input extends string> =
  `reshape: element count differs from the input's (got ${Target} with ${TargetCount} elements, expected ${InputCount} as in ${Input})`;

/** A `shape` with a -1 whose other entries do not divide the input's element count. */
export type ReshapeInferMessage<Target extends string, Known extends Value, InputCount extends Value, Input extends string> =
  `reshape: -1 cannot be inferred (got ${Target} with ${Known} known elements, expected a divisor of ${InputCount} as in ${Input})`;

/** What a scan of the target found: the product of its literal entries, how many -1s, whether one is `number`. */
interface Scan<Known extends string, Infer extends number, Unknown extends boolean> {
  readonly known: Known;
  readonly infer: Infer;
  readonly unknown: Unknown;
}

/** Scans the target entries left to right; the first invalid entry stops the scan as `{ bad: entry }`. */
type ScanTarget<T extends readonly number[], Known extends string = '1', Infer extends 0[] = [], Unknown extends boolean = false> =
  T extends readonly [infer D extends number, ...infer Rest extends readonly number[]]
    ? number extends D
      ? ScanTarget<Rest, Known, Infer, true>
      : D extends -1
        ? ScanTarget<Rest, Known, [...Infer, 0], Unknown>
        : IsDigits<`${D}`> extends true
          ? D extends 0
            ? { readonly bad: D }
            : ScanTarget<Rest, MultiplyDigits<Known, `${D}`>, Infer, Unknown>
          : { readonly bad: D }
    : Scan<Known, Infer['length'], Unknown>;

/** The target with every entry that is not a positive literal (a -1, a bad entry) replaced by `Fill`. */
type Settle<T extends readonly number[], Fill extends number, Acc extends number[] = []> = T extends readonly [
  infer D extends number,
  ...infer Rest extends readonly number[],
]
  ? Settle<Rest, Fill, [...Acc, number extends D ? number : IsDigits<`${D}`> extends true ? (D extends 0 ? Fill : D) : Fill]>
  : Acc;

type TargetOf<O> = O extends { readonly shape: infer T extends readonly number[] } ? T : readonly number[];

/**
 * The outcome of `reshape` with options `O` on shape `S`.
 * @example OutputOf<ReshapeResult<readonly [number, 7, 7, 512], { shape: [49, -1] }>> //=> readonly [number, 49, 512]
 */
export type ReshapeResult<S extends Shape, O> = S extends readonly [infer B extends number, ...infer Dims extends readonly number[]]
  ? TargetOf<O> extends infer T extends readonly number[]
    ? number extends T['length']
      ? Ok<readonly [B, ...number[]]> // a target of unknown length: nothing to check
      : readonly [B, ...Settle<T, number>] extends infer Fallback extends Shape
        ? CheckKnown<'reshape', O, ['shape', 'name'], Fallback> extends infer R1
          ? R1 extends Fail<string, string, Shape>
            ? R1
            : ReshapeCounts<S, B, Dims, T, Fallback>
          : never
        : never
    : never
  : Ok<readonly number[]>; // a shape of unknown rank

/** Dims without their first entry equal to D, or `false` when none is. */
type RemoveOne<Dims extends readonly number[], D extends number, Acc extends number[] = []> = Dims extends readonly [
  infer H extends number,
  ...infer Rest extends readonly number[],
]
  ? number extends H
    ? RemoveOne<Rest, D, [...Acc, H]>
    : H extends D
      ? [...Acc, ...Rest]
      : RemoveOne<Rest, D, [...Acc, H]>
  : false;

/**
 * `[input dims, target entries]` left after cancelling each positive target entry against an equal input dim
 * (-1 dropped). The products of what is left have the same ratio, and are usually small: `[54, 54, 64]` →
 * `[-1, 64]` leaves `[54, 54]` and `[]`, so no long division by 64 is needed (it costs ~5,000 instantiations).
 */
type Cancel<Dims extends readonly number[], T extends readonly number[], Left extends number[] = []> = T extends readonly [
  infer D extends number,
  ...infer Rest extends readonly number[],
]
  ? D extends -1
    ? Cancel<Dims, Rest, Left>
    : RemoveOne<Dims, D> extends infer Fewer extends readonly number[]
      ? Cancel<Fewer, Rest, Left>
      : Cancel<Dims, Rest, [...Left, D]>
  : [Dims, Left];

type ReshapeCounts<S extends Shape, B extends number, Dims extends readonly number[], T extends readonly number[], Fallback extends Shape> =
  ScanTarget<T> extends infer Found
    ? Found extends { readonly bad: infer D extends number }
      ? Fail<'shape', ReshapeDimMessage<D>, Fallback>
      : Found extends Scan<string, infer Infer, infer Unknown>
        ? Infer extends 0 | 1
          ? Unknown extends true
            ? Ok<Fallback> // a `number` entry: the count cannot be checked
            : Cancel<Dims, T> extends [infer InLeft extends readonly number[], infer TargetLeft extends readonly number[]]
              ? [ProductDigits<InLeft>, ProductDigits<TargetLeft>] extends [infer Count extends string, infer Known extends string]
                ? Infer extends 0
                  ? Known extends Count
                    ? Ok<Fallback>
                    : CountFailure<S, B, Dims, T, Fallback>
                  : DivModDigits<Count, Known> extends [infer Q extends string, '0']
                    ? Ok<readonly [B, ...Settle<T, NumberOf<Q>>]>
                    : InferFailure<S, B, Dims, T, Fallback>
                : Ok<Fallback> // an unknown input dim: the count cannot be checked
              : never
          : Fail<'shape', ReshapeInferTwiceMessage<FormatShape<readonly [B, ...T]>>, Fallback>
        : never
    : never;

/** The figures of the messages, computed only when a check failed: the full products, not the cancelled ones. */
type CountFailure<S extends Shape, B extends number, Dims extends readonly number[], T extends readonly number[], Fallback extends Shape> =
  Fail<'shape', ReshapeCountMessage<FormatShape<readonly [B, ...T]>, KnownOf<T>, ProductDigits<Dims> & string, FormatShape<S>>, Fallback>;

type InferFailure<S extends Shape, B extends number, Dims extends readonly number[], T extends readonly number[], Fallback extends Shape> =
  Fail<'shape', ReshapeInferMessage<FormatShape<readonly [B, ...T]>, KnownOf<T>, ProductDigits<Dims> & string, FormatShape<S>>, Fallback>;

/** The product of the positive entries of T, as digits. */
type KnownOf<T extends readonly number[]> = ScanTarget<T> extends Scan<infer Known, number, boolean> ? Known : never;
