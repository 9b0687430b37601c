/**
 * Runtime twins of types/sizes.ts: integer arithmetic on sizes, typed so the results stay literal.
 * An operand that is not a safe non-negative integer throws a `ShapeError` with the compile-time sentence.
 * The results are cast with `as never`: asserting `as Times<A, B>` made the checker evaluate the digit arithmetic on
 * the type parameters' constraints, about 800 instantiations in every program that imports the root.
 */
import type { DivisionByZero } from '../types/arithmetic/division.js';
import type { InvalidOperand } from '../types/arithmetic/operand.js';
import type { Minus, Over, OverCeil, Plus, SizeOperand, Times } from '../types/sizes.js';
import { ShapeError } from './errors.js';

/** The message of a rejected operand (the text of `InvalidOperand`). */
export const invalidOperandMessage = <Op extends string, N extends number>(op: Op, value: N): InvalidOperand<Op, N> =>
  `${op}: operand is not a non-negative integer (got ${value}, expected an integer literal ≥ 0)`;

/** The operand as a number; from untyped JavaScript anything may arrive. */
function operand(op: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ShapeError(invalidOperandMessage(op, typeof value === 'number' ? value : (String(value) as never)), op);
  }
  return value;
}

function result(op: string, value: number): number {
  if (!Number.isSafeInteger(value)) throw new ShapeError(`${op}: result is not a safe integer (got ${value}, expected ≤ 2^53 − 1)`, op);
  return value;
}

/**
 * `a · b`, typed `Multiply<A, B>`: a bottleneck's `times(width, 4)` filters.
 * @example times(64, 4) //=> 256 (type 256)
 */
export const times = <const A extends number, const B extends number>(a: SizeOperand<'times', A>, b: SizeOperand<'times', B>): Times<A, B> =>
  result('times', operand('times', a) * operand('times', b)) as never;

/**
 * `a + b`, typed `Add<A, B>`.
 * @example plus(64, 32) //=> 96 (type 96)
 */
export const plus = <const A extends number, const B extends number>(a: SizeOperand<'plus', A>, b: SizeOperand<'plus', B>): Plus<A, B> =>
  result('plus', operand('plus', a) + operand('plus', b)) as never;

/**
 * `a − b`, typed `Subtract<A, B>`.
 * @example minus(572, 16) //=> 556 (type 556)
 */
export const minus = <const A extends number, const B extends number>(a: SizeOperand<'minus', A>, b: SizeOperand<'minus', B>): Minus<A, B> =>
  (operand('minus', a) - operand('minus', b)) as never;

/** The message of a zero divisor (the text of `DivisionByZero`). */
export const divisionByZeroMessage = <Op extends string, A extends number>(op: Op, a: A): DivisionByZero<Op, A> =>
  `${op}: division by zero (got ${a} / 0, expected a divisor ≥ 1)`;

function quotient(op: string, a: unknown, b: unknown, round: (x: number) => number): number {
  const dividend = operand(op, a);
  const divisor = operand(op, b);
  if (divisor === 0) throw new ShapeError(divisionByZeroMessage(op, dividend), op);
  return round(dividend / divisor);
}

/**
 * `⌊a / b⌋`, typed `FloorDivide<A, B>`: a channel reduction such as `over(channels, 16)`.
 * @example over(256, 4) //=> 64 (type 64)
 */
export const over = <const A extends number, const B extends number>(a: SizeOperand<'over', A>, b: SizeOperand<'over', B>): Over<A, B> =>
  quotient('over', a, b, Math.floor) as never;

/**
 * `⌈a / b⌉`, typed `CeilDivide<A, B>`.
 * @example overCeil(227, 4) //=> 57 (type 57)
 */
export const overCeil = <const A extends number, const B extends number>(a: SizeOperand<'overCeil', A>, b: SizeOperand<'overCeil', B>): OverCeil<A, B> =>
  quotient('overCeil', a, b, Math.ceil) as never;
