/**
 * Type-level arithmetic (types/arithmetic): exact on digit strings up to 2^53 − 1, `number` beyond it or
 * for a `number`/union operand, a message string for an operand that is not a non-negative integer literal.
 *
 * Every expected value was computed with JS BigInt outside the type system and pasted here as a literal.
 * Each check uses `Equal` (identity, not assignability) inside `expectType<true>`, so it is exact under plain
 * `tsc` too: under tsc, `expectType<10000>(x)` alone is only assignability and would accept `never`.
 */
import { expectType } from 'tsd';
import type {
  Add,
  CeilDivide,
  Compare,
  FloorDivide,
  GreaterThan,
  IsDivisible,
  LessOrEqual,
  LessThan,
  Max,
  MaxSafeInteger,
  Min,
  Multiply,
  Remainder,
  Subtract,
} from '../types/arithmetic/index.js';

/** `true` exactly when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** The message every operation gives for an operand that is not a non-negative integer literal. */
type Invalid<Op extends string, Got extends string> =
  `${Op}: operand is not a non-negative integer (got ${Got}, expected an integer literal ≥ 0)`;

// ─── 2^53 − 1 ──────────────────────────────────────────────────────────────────────────────────────
expectType<Equal<MaxSafeInteger, 9007199254740991>>(true);

// ─── Add ───────────────────────────────────────────────────────────────────────────────────────────
expectType<Equal<Add<0, 0>, 0>>(true);
expectType<Equal<Add<0, 227>, 227>>(true);
expectType<Equal<Add<227, 0>, 227>>(true);
expectType<Equal<Add<5, 995>, 1000>>(true); // carry through every digit of the shorter operand
expectType<Equal<Add<9999, 1>, 10000>>(true); // carry out of the top digit
expectType<Equal<Add<1, 9999>, 10000>>(true); // longer operand second
expectType<Equal<Add<999999999, 1>, 1000000000>>(true);
expectType<Equal<Add<99999999999, 1>, 100000000000>>(true);
expectType<Equal<Add<123456789, 987654321>, 1111111110>>(true);
// at 2^53 − 1: exact up to it, `number` one above it
expectType<Equal<Add<9007199254740990, 1>, 9007199254740991>>(true);
expectType<Equal<Add<9007199254740991, 0>, 9007199254740991>>(true);
expectType<Equal<Add<4503599627370496, 4503599627370495>, 9007199254740991>>(true);
expectType<Equal<Add<9007199254740991, 1>, number>>(true);
expectType<Equal<Add<4503599627370496, 4503599627370496>, number>>(true);
// `number` and unions widen
expectType<Equal<Add<number, 1>, number>>(true);
expectType<Equal<Add<1, number>, number>>(true);
expectType<Equal<Add<1 | 2, 3>, number>>(true);
expectType<Equal<Add<3, 1 | 2>, number>>(true);
// invalid operands: the message names the operation and the operand, for either position
expectType<Equal<Add<-3, 1>, Invalid<'Add', '-3'>>>(true);
expectType<Equal<Add<1, -3>, Invalid<'Add', '-3'>>>(true);
expectType<Equal<Add<2.5, 1>, Invalid<'Add', '2.5'>>>(true);
expectType<Equal<Add<1e21, 1>, Invalid<'Add', '1e+21'>>>(true);
expectType<Equal<Add<-3, 1>, 'Add: operand is not a non-negative integer (got -3, expected an integer literal ≥ 0)'>>(true);
expectType<Equal<Add<number, -3>, Invalid<'Add', '-3'>>>(true); // an error wins over `number`

// ─── Subtract ──────────────────────────────────────────────────────────────────────────────────────
expectType<Equal<Subtract<227, 0>, 227>>(true);
expectType<Equal<Subtract<5, 5>, 0>>(true);
expectType<Equal<Subtract<100, 99>, 1>>(true); // leading zeros stripped
expectType<Equal<Subtract<10000, 1>, 9999>>(true); // borrow through every digit
expectType<Equal<Subtract<1000000000, 1>, 999999999>>(true);
expectType<Equal<Subtract<1000000000000000, 1>, 999999999999999>>(true);
expectType<Equal<Subtract<20000, 10001>, 9999>>(true);
expectType<Equal<Subtract<9007199254740991, 9007199254740991>, 0>>(true);
// negative outcomes are negative literals
expectType<Equal<Subtract<3, 5>, -2>>(true);
expectType<Equal<Subtract<1, 10000>, -9999>>(true);
expectType<Equal<Subtract<10001, 20000>, -9999>>(true);
expectType<Equal<Subtract<0, 9007199254740991>, -9007199254740991>>(true);
// at 2^53 − 1: an operand above it is `number` (its literal spelling need not be its value), and so is a magnitude above it
expectType<Equal<Subtract<9007199254740992, 1>, number>>(true);
expectType<Equal<Subtract<0, 9007199254740992>, number>>(true);
expectType<Equal<Subtract<number, 1>, number>>(true);
expectType<Equal<Subtract<1, number>, number>>(true);
expectType<Equal<Subtract<5 | 6, 1>, number>>(true);
expectType<Equal<Subtract<5, -3>, Invalid<'Subtract', '-3'>>>(true);
expectType<Equal<Subtract<2.5, 1>, Invalid<'Subtract', '2.5'>>>(true);
expectType<Equal<Subtract<1e21, 1>, Invalid<'Subtract', '1e+21'>>>(true);

// ─── Multiply ──────────────────────────────────────────────────────────────────────────────────────
expectType<Equal<Multiply<0, 9007199254740991>, 0>>(true);
expectType<Equal<Multiply<9007199254740991, 1>, 9007199254740991>>(true);
expectType<Equal<Multiply<7, 512>, 3584>>(true);
expectType<Equal<Multiply<7, Multiply<7, 512>>, 25088>>(true); // VGG-16 flatten
expectType<Equal<Multiply<36, 256>, 9216>>(true); // AlexNet flatten
expectType<Equal<Multiply<227, 227>, 51529>>(true);
expectType<Equal<Multiply<99999, 99999>, 9999800001>>(true); // carries in every partial product
expectType<Equal<Multiply<94906265, 94906265>, 9007199136250225>>(true);
// 2^53 − 1 = 6361 · 69431 · 20394401: exact at the limit, `number` just above it
expectType<Equal<Multiply<6361, 69431>, 441650591>>(true);
expectType<Equal<Multiply<441650591, 20394401>, 9007199254740991>>(true);
expectType<Equal<Multiply<6361, Multiply<69431, 20394401>>, 9007199254740991>>(true);
expectType<Equal<Multiply<3, 3002399751580330>, 9007199254740990>>(true);
expectType<Equal<Multiply<3, 3002399751580331>, number>>(true);
expectType<Equal<Multiply<94906266, 94906266>, number>>(true);
expectType<Equal<Multiply<9007199254740991, 2>, number>>(true);
expectType<Equal<Multiply<123456789, 987654321>, number>>(true);
expectType<Equal<Multiply<number, 2>, number>>(true);
expectType<Equal<Multiply<0, number>, number>>(true); // `number` in → `number` out, even times 0
expectType<Equal<Multiply<2 | 3, 4>, number>>(true);
expectType<Equal<Multiply<-3, 4>, Invalid<'Multiply', '-3'>>>(true);
expectType<Equal<Multiply<4, 2.5>, Invalid<'Multiply', '2.5'>>>(true);
expectType<Equal<Multiply<1e21, 1>, Invalid<'Multiply', '1e+21'>>>(true);

// ─── FloorDivide / CeilDivide / Remainder / IsDivisible ────────────────────────────────────────────
expectType<Equal<FloorDivide<216, 4>, 54>>(true); // AlexNet conv1: (227 − 11) / 4
expectType<Equal<FloorDivide<227, 4>, 56>>(true);
expectType<Equal<CeilDivide<227, 4>, 57>>(true);
expectType<Equal<CeilDivide<216, 4>, 54>>(true);
expectType<Equal<Remainder<227, 4>, 3>>(true);
expectType<Equal<IsDivisible<96, 2>, true>>(true);
expectType<Equal<IsDivisible<227, 4>, false>>(true);
expectType<Equal<FloorDivide<0, 5>, 0>>(true);
expectType<Equal<CeilDivide<0, 5>, 0>>(true);
expectType<Equal<FloorDivide<5, 7>, 0>>(true);
expectType<Equal<CeilDivide<5, 7>, 1>>(true);
expectType<Equal<Remainder<5, 7>, 5>>(true);
expectType<Equal<FloorDivide<10000000000, 10>, 1000000000>>(true);
// one-digit divisors over the whole range
expectType<Equal<FloorDivide<9007199254740991, 1>, 9007199254740991>>(true);
expectType<Equal<FloorDivide<9007199254740991, 2>, 4503599627370495>>(true);
expectType<Equal<CeilDivide<9007199254740991, 2>, 4503599627370496>>(true);
expectType<Equal<FloorDivide<9007199254740991, 7>, 1286742750677284>>(true);
expectType<Equal<Remainder<9007199254740991, 7>, 3>>(true);
// long division with multi-digit divisors
expectType<Equal<FloorDivide<9007199254740991, 12345>, 729623268913>>(true);
expectType<Equal<CeilDivide<9007199254740991, 12345>, 729623268914>>(true);
expectType<Equal<Remainder<9007199254740991, 12345>, 10006>>(true);
expectType<Equal<IsDivisible<9007199254740991, 12345>, false>>(true);
expectType<Equal<FloorDivide<9007199254740991, 10>, 900719925474099>>(true);
expectType<Equal<Remainder<9007199254740991, 10>, 1>>(true);
expectType<Equal<FloorDivide<9007199254740991, 6361>, 1416003655831>>(true);
expectType<Equal<IsDivisible<9007199254740991, 6361>, true>>(true);
expectType<Equal<Remainder<9007199254740991, 6361>, 0>>(true);
expectType<Equal<FloorDivide<9007199254740991, 94906265>, 94906266>>(true);
expectType<Equal<Remainder<9007199254740991, 94906265>, 23584501>>(true);
expectType<Equal<FloorDivide<123456789012345, 987654321>, 124999>>(true);
expectType<Equal<CeilDivide<123456789012345, 987654321>, 125000>>(true);
expectType<Equal<Remainder<123456789012345, 987654321>, 986541666>>(true);
expectType<Equal<FloorDivide<1000000000, 999999999>, 1>>(true);
expectType<Equal<CeilDivide<1000000000, 999999999>, 2>>(true);
expectType<Equal<FloorDivide<9007199254740991, 9007199254740991>, 1>>(true);
expectType<Equal<FloorDivide<9007199254740991, 9007199254740990>, 1>>(true);
expectType<Equal<Remainder<9007199254740991, 9007199254740990>, 1>>(true);
expectType<Equal<FloorDivide<9007199254740990, 9007199254740991>, 0>>(true);
expectType<Equal<Remainder<9007199254740990, 9007199254740991>, 9007199254740990>>(true);
// a dividend above 2^53 − 1 is unknown, even when the quotient would be below it
expectType<Equal<FloorDivide<9007199254740992, 3>, number>>(true);
expectType<Equal<CeilDivide<9007199254740992, 3>, number>>(true);
// unknown operands
expectType<Equal<FloorDivide<number, 2>, number>>(true);
expectType<Equal<CeilDivide<227, number>, number>>(true);
expectType<Equal<Remainder<number, 4>, number>>(true);
expectType<Equal<IsDivisible<number, 2>, boolean>>(true);
expectType<Equal<IsDivisible<96, number>, boolean>>(true);
expectType<Equal<FloorDivide<224 | 227, 4>, number>>(true);
expectType<Equal<IsDivisible<96 | 97, 2>, boolean>>(true);
// division by zero is a message, not `number`
expectType<Equal<FloorDivide<5, 0>, 'FloorDivide: division by zero (got 5 / 0, expected a divisor ≥ 1)'>>(true);
expectType<Equal<CeilDivide<227, 0>, 'CeilDivide: division by zero (got 227 / 0, expected a divisor ≥ 1)'>>(true);
expectType<Equal<Remainder<0, 0>, 'Remainder: division by zero (got 0 / 0, expected a divisor ≥ 1)'>>(true);
expectType<Equal<IsDivisible<96, 0>, 'IsDivisible: division by zero (got 96 / 0, expected a divisor ≥ 1)'>>(true);
// invalid operands
expectType<Equal<FloorDivide<-3, 2>, Invalid<'FloorDivide', '-3'>>>(true);
expectType<Equal<CeilDivide<5, 2.5>, Invalid<'CeilDivide', '2.5'>>>(true);
expectType<Equal<Remainder<1e21, 7>, Invalid<'Remainder', '1e+21'>>>(true);
expectType<Equal<IsDivisible<-3, 3>, Invalid<'IsDivisible', '-3'>>>(true);
expectType<Equal<FloorDivide<2.5, 0>, Invalid<'FloorDivide', '2.5'>>>(true); // the operand is checked before the divisor

// ─── Compare / LessThan / GreaterThan / LessOrEqual ────────────────────────────────────────────────
expectType<Equal<Compare<55, 227>, 'lt'>>(true);
expectType<Equal<Compare<227, 55>, 'gt'>>(true);
expectType<Equal<Compare<227, 227>, 'eq'>>(true);
expectType<Equal<Compare<0, 0>, 'eq'>>(true);
expectType<Equal<Compare<1000, 999>, 'gt'>>(true); // more digits wins
expectType<Equal<Compare<999, 1000>, 'lt'>>(true);
expectType<Equal<Compare<123456789, 123456798>, 'lt'>>(true); // first differing digit decides
expectType<Equal<Compare<9007199254740991, 9007199254740990>, 'gt'>>(true);
expectType<Equal<Compare<9007199254740991, 9007199254740992>, 'lt' | 'eq' | 'gt'>>(true); // 2^53 is past the safe range: unknown
expectType<Equal<Compare<number, 1>, 'lt' | 'eq' | 'gt'>>(true);
expectType<Equal<Compare<1 | 2, 1>, 'lt' | 'eq' | 'gt'>>(true);
expectType<Equal<Compare<-3, 1>, Invalid<'Compare', '-3'>>>(true);
expectType<Equal<Compare<1, 2.5>, Invalid<'Compare', '2.5'>>>(true);
expectType<Equal<Compare<1e21, 1>, Invalid<'Compare', '1e+21'>>>(true);

expectType<Equal<LessThan<3, 11>, true>>(true);
expectType<Equal<LessThan<11, 11>, false>>(true);
expectType<Equal<LessThan<12, 11>, false>>(true);
expectType<Equal<LessThan<9007199254740990, 9007199254740991>, true>>(true);
expectType<Equal<LessThan<number, 11>, boolean>>(true);
expectType<Equal<LessThan<3 | 30, 11>, boolean>>(true);
expectType<Equal<LessThan<-3, 11>, Invalid<'Compare', '-3'>>>(true);

expectType<Equal<GreaterThan<3, 11>, false>>(true);
expectType<Equal<GreaterThan<11, 11>, false>>(true);
expectType<Equal<GreaterThan<10000, 9999>, true>>(true);
expectType<Equal<GreaterThan<11, number>, boolean>>(true);
expectType<Equal<GreaterThan<2.5, 1>, Invalid<'Compare', '2.5'>>>(true);

expectType<Equal<LessOrEqual<11, 11>, true>>(true);
expectType<Equal<LessOrEqual<10, 11>, true>>(true);
expectType<Equal<LessOrEqual<12, 11>, false>>(true);
expectType<Equal<LessOrEqual<9007199254740991, 9007199254740991>, true>>(true);
expectType<Equal<LessOrEqual<number, number>, boolean>>(true);
expectType<Equal<LessOrEqual<1e21, 1>, Invalid<'Compare', '1e+21'>>>(true);

// ─── Min / Max ─────────────────────────────────────────────────────────────────────────────────────
expectType<Equal<Min<3, 11>, 3>>(true);
expectType<Equal<Min<11, 3>, 3>>(true);
expectType<Equal<Min<7, 7>, 7>>(true);
expectType<Equal<Min<9999, 10000>, 9999>>(true);
expectType<Equal<Min<9007199254740991, 9007199254740990>, 9007199254740990>>(true);
expectType<Equal<Min<number, 3>, number>>(true);
expectType<Equal<Min<3 | 4, 5>, number>>(true);
expectType<Equal<Min<-3, 5>, Invalid<'Compare', '-3'>>>(true);
expectType<Equal<Max<3, 11>, 11>>(true);
expectType<Equal<Max<11, 3>, 11>>(true);
expectType<Equal<Max<0, 0>, 0>>(true);
expectType<Equal<Max<9999, 10000>, 10000>>(true);
expectType<Equal<Max<9007199254740991, 1>, 9007199254740991>>(true);
expectType<Equal<Max<3, number>, number>>(true);
expectType<Equal<Max<3, 4 | 5>, number>>(true);
expectType<Equal<Max<5, 2.5>, Invalid<'Compare', '2.5'>>>(true);

// ─── What does NOT compile ─────────────────────────────────────────────────────────────────────────
// @ts-expect-error: operands are number types; a numeric string is not accepted
type StringOperand = Add<'3', 1>;
// @ts-expect-error: bigint operands are not accepted either
type BigintOperand = Multiply<3n, 1>;
// @ts-expect-error: 2^53 − 1 + 1 widens to `number`, which is not the literal 9007199254740992
const pastTheLimit: 9007199254740992 = null! as Add<9007199254740991, 1>;
// @ts-expect-error: an invalid operand yields the message string, which is not a number
const fromInvalid: number = null! as Add<-3, 1>;
// @ts-expect-error: a division by zero yields the message string, which is not a number
const fromZero: number = null! as FloorDivide<5, 0>;
// @ts-expect-error: 3 − 5 is the negative literal −2, not 0 (no clamping)
const clamped: 0 = null! as Subtract<3, 5>;
// @ts-expect-error: an unknown operand gives `boolean`, which is not `true`
const unknownOrder: true = null! as LessThan<number, 11>;

export type { StringOperand, BigintOperand };
export { pastTheLimit, fromInvalid, fromZero, clamped, unknownOrder };
