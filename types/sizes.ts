/**
 * Sizes computed from a block's parameters, kept literal: `times(width, 4)` is typed `Multiply<W, 4>`, so a
 * bottleneck's `4 * width` filters are `256` where the block is applied with `width = 64` (a plain `4 * width`
 * is `number`, and the shape after it would be unknown). Runtime twins in src/sizes.ts.
 *
 * Each operand is checked where the helper is called: an operand that is not a safe non-negative integer
 * literal (`-1`, `2.5`) is an error at that argument; a type parameter (inside a generic block) is accepted and
 * checked when the block is applied; `number` in → `number` out. A zero divisor is `number` here (the test that rejects it would also reject a type
 * parameter) and throws at run time.
 */
import type { Add, Multiply, Subtract } from './arithmetic/operations.js';
import type { CeilDivide, FloorDivide } from './arithmetic/division.js';
import type { DigitsOf, InvalidOperand } from './arithmetic/operand.js';

/**
 * The operand parameter of size helper Op: N, or the message when N is not a non-negative integer literal.
 * Written so that a type parameter is accepted (see `ArgumentFor` in result.ts for why the test reads
 * `[true] extends [IsInvalidOperand<…>]`).
 */
export type SizeOperand<Op extends string, N extends number> = [true] extends [IsInvalidOperand<Op, N>] ? InvalidOperand<Op, N> : N;

type IsInvalidOperand<Op extends string, N extends number> = [DigitsOf<N, Op>] extends [`${number}` | number] ? never : true;

/** A result that is a number, or `number` when the operation rejected its operands. */
type AsSize<R> = R extends number ? R : number;

/** A · B. @example Times<64, 4> //=> 256 */
export type Times<A extends number, B extends number> = AsSize<Multiply<A, B>>;
/** A + B. @example Plus<64, 32> //=> 96 */
export type Plus<A extends number, B extends number> = AsSize<Add<A, B>>;
/** A − B (negative literal when B > A). @example Minus<572, 16> //=> 556 */
export type Minus<A extends number, B extends number> = AsSize<Subtract<A, B>>;
/** ⌊A / B⌋. @example Over<256, 4> //=> 64 */
export type Over<A extends number, B extends number> = AsSize<FloorDivide<A, B>>;
/** ⌈A / B⌉. @example OverCeil<227, 4> //=> 57 */
export type OverCeil<A extends number, B extends number> = AsSize<CeilDivide<A, B>>;
