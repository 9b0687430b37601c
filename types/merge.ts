/**
 * add and concat: tensors that must agree dim by dim (an unknown `number` dim agrees with anything, and
 * the known one wins in the result). Runtime twins: src/shapes/merge.ts.
 */
import type { AddDigits } from './arithmetic/internal/add.js';
import type { NumberOf } from './arithmetic/operand.js';
import type { ConcatMismatchMessage, ShapesDifferMessage } from './messages.js';
import type { Fail, Ok } from './result.js';
import type { JoinFix } from './suggestions/join.js';
import type { FormatShape, Shape } from './shape.js';

/** The dim-by-dim agreement of A and B (known dims win), or `false`. */
export type Unify<A extends readonly number[], B extends readonly number[], Acc extends number[] = []> = A extends readonly [
  infer a extends number,
  ...infer AR extends readonly number[],
]
  ? B extends readonly [infer b extends number, ...infer BR extends readonly number[]]
    ? number extends a
      ? Unify<AR, BR, [...Acc, b]>
      : number extends b
        ? Unify<AR, BR, [...Acc, a]>
        : a extends b
          ? Unify<AR, BR, [...Acc, a]>
          : false
    : false
  : B extends readonly []
    ? Acc
    : false;

/**
 * The outcome of an elementwise layer over A and B (`add`, `multiply`): equal shapes.
 * @example OutputOf<ElementwiseResult<'add', readonly [number, 56, 56, 256], readonly [number, 56, 56, 256]>> //=> readonly [number, 56, 56, 256]
 */
export type ElementwiseResult<Layer extends string, A extends Shape, B extends Shape> = Unify<A, B> extends infer U extends number[]
  ? Ok<Readonly<U>>
  : Fail<'', ShapesDifferMessage<Layer, FormatShape<A>, FormatShape<B>, JoinFix<Layer, A, B>>, A>;

type Init<S extends readonly number[]> = S extends readonly [...infer I extends number[], number] ? I : never;
type Last<S extends readonly number[]> = S extends readonly [...number[], infer L extends number] ? L : never;

/**
 * The outcome of concatenating shapes along the last (channel) axis: equal other dims, channels summed.
 * @example OutputOf<ConcatResult<[readonly [number, 28, 28, 64], readonly [number, 28, 28, 128]]>> //=> readonly [number, 28, 28, 192]
 */
export type ConcatResult<Shapes extends readonly Shape[]> = Shapes extends readonly [infer First extends Shape, ...infer Rest extends readonly Shape[]]
  ? ConcatFold<First, Rest, Init<First>, number extends Last<First> ? 'unknown' : `${Last<First>}`>
  : Fail<'', 'concat: nothing to concatenate (got [], expected at least one tensor)', readonly number[]>;

type ConcatFold<First extends Shape, Rest extends readonly Shape[], Outer extends readonly number[], Channels extends string> =
  Rest extends readonly [infer Next extends Shape, ...infer More extends readonly Shape[]]
    ? Unify<Outer, Init<Next>> extends infer U extends number[]
      ? ConcatFold<First, More, U, number extends Last<Next> ? 'unknown' : Channels extends 'unknown' ? 'unknown' : AddDigits<Channels, `${Last<Next>}`>>
      : Fail<'', ConcatMismatchMessage<FormatShape<First>, FormatShape<Next>, JoinFix<'concat', First, Next>>, readonly [...Outer, number]>
    : Ok<readonly [...Outer, Channels extends 'unknown' ? number : NumberOf<Channels>]>;
