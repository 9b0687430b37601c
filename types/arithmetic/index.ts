export type { Add, Subtract, Multiply } from './operations.js';
export type { FloorDivide, CeilDivide, Remainder, IsDivisible, DivisionByZero } from './division.js';
export type { Compare, LessThan, GreaterThan, LessOrEqual, Min, Max } from './comparison.js';
export type { MaxSafeInteger, InvalidOperand, DigitsOf, NumberOf } from './operand.js';
