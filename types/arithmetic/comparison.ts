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

/** The smaller of A and B (`number` when either is `number`). @example Min<3, 11> //=> 3 */
export type Min<A extends number, B extends number> = Compare<A, B> extends 'lt' | 'eq'
  ? A
  : Compare<A, B> extends 'gt'
    ? B
    : Compare<A, B> extends string
      ? [Compare<A, B>] extends ['lt' | 'eq' | 'gt']
        ? number
        : Compare<A, B>
      : number;

/** The larger of A and B. @example Max<3, 11> //=> 11 */
export type Max<A extends number, B extends number> = Compare<A, B> extends 'gt' | 'eq'
  ? A
  : Compare<A, B> extends 'lt'
    ? B
    : Compare<A, B> extends string
      ? [Compare<A, B>] extends ['lt' | 'eq' | 'gt']
        ? number
        : Compare<A, B>
      : number;
