/** Ordering, minimum and maximum of non-negative integer literal types. */
import type { CompareDigits } from './internal/compare.js';
import type { DigitsOf2 } from './operand.js';

/**
 * 'lt' | 'eq' | 'gt' for A against B; the union of all three when either is `number`.
 * @example Compare<55, 227> //=> 'lt'
 */
export type Compare<A extends number, B extends number> = DigitsOf2<'Compare', A, B> extends [
  infer a extends string,
  infer b extends string,
]
  ? CompareDigits<a, b>
  : DigitsOf2<'Compare', A, B> extends number
    ? 'lt' | 'eq' | 'gt'
    : DigitsOf2<'Compare', A, B>;

/** A < B (`boolean` when unknown). @example LessThan<3, 11> //=> true */
export type LessThan<A extends number, B extends number> = OrderIs<Compare<A, B>, 'lt'>;
/** A > B. @example GreaterThan<3, 11> //=> false */
export type GreaterThan<A extends number, B extends number> = OrderIs<Compare<A, B>, 'gt'>;
/** A ≤ B. @example LessOrEqual<11, 11> //=> true */
export type LessOrEqual<A extends number, B extends number> = OrderIs<Compare<A, B>, 'lt' | 'eq'>;

type OrderIs<C, Wanted> = C extends 'lt' | 'eq' | 'gt'
  ? [C] extends [Wanted]
    ? true
    : [C & Wanted] extends [never]
      ? false
      : boolean
  : C;

/** A when `Compare<A, B>` is one of `KeepA`, B when it is the other order, `number` when unknown, else the error. */
type Choose<A extends number, B extends number, C, KeepA> = [C] extends [KeepA]
  ? A
  : [C] extends ['lt' | 'eq' | 'gt']
    ? [C & KeepA] extends [never]
      ? B
      : number
    : C;

/** The smaller of A and B (`number` when either is `number`). @example Min<3, 11> //=> 3 */
export type Min<A extends number, B extends number> = Choose<A, B, Compare<A, B>, 'lt' | 'eq'>;

/** The larger of A and B. @example Max<3, 11> //=> 11 */
export type Max<A extends number, B extends number> = Choose<A, B, Compare<A, B>, 'gt' | 'eq'>;
