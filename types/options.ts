/**
 * Layer options as users write them (`kernel: 3 | [3, 5]`, `padding: 1 | [1, 2] | [[0, 1], [1, 0]] | 'same'`),
 * normalised per axis, and the check that every numeric option is an integer in its range.
 */
import type { IsSafeNatural } from './arithmetic/operand.js';
import type { NotNonNegativeMessage, NotPositiveMessage } from './messages.js';
import type { Fail, Ok } from './result.js';
import type { Shape } from './shape.js';

/** `n` for both spatial axes, or `[h, w]`. */
export type Pair = number | readonly [number, number];

/** Explicit `[[top, bottom], [left, right]]`. */
export type ExplicitPadding = readonly [readonly [number, number], readonly [number, number]];

/** Every padding form. */
export type Padding = number | readonly [number, number] | ExplicitPadding | 'valid' | 'same';

/** The type of option K, `undefined` when absent. */
export type OptionOf<O, K extends string> = K extends keyof O ? O[K] : undefined;

/** `[h, w]` of a `Pair` option, `[Default, Default]` when absent, `[number, number]` when not literal. */
export type PairOf<V, Default extends number> = [V] extends [undefined]
  ? [Default, Default]
  : [V] extends [readonly [infer H extends number, infer W extends number]]
    ? [H, W]
    : [V] extends [number]
      ? [V, V]
      : [number, number];

/** `[[top, bottom], [left, right]]` of a padding option, or 'same'. */
export type PadsOf<P> = [P] extends [undefined | 'valid']
  ? [[0, 0], [0, 0]]
  : [P] extends ['same']
    ? 'same'
    : [P] extends [number]
      ? [[P, P], [P, P]]
      : [P] extends [readonly [infer H extends number, infer W extends number]]
        ? [[H, H], [W, W]]
        : [P] extends [readonly [readonly [infer T extends number, infer B extends number], readonly [infer L extends number, infer R extends number]]]
          ? [[T, B], [L, R]]
          : [[number, number], [number, number]];

/** The numbers inside an option value, in order. */
type Leaves<V> = V extends number ? [V] : V extends readonly [infer A, ...infer R] ? [...Leaves<A>, ...Leaves<R>] : [];

/** How a numeric option is checked. */
export type Range = 'positive' | 'nonNegative';

type FirstBad<Values, R extends Range> = Values extends [infer V extends number, ...infer Rest]
  ? number extends V
    ? FirstBad<Rest, R>
    : IsSafeNatural<V> extends true
      ? R extends 'positive'
        ? V extends 0
          ? [V]
          : FirstBad<Rest, R>
        : FirstBad<Rest, R>
      : [V]
  : [];

/**
 * The first option whose value is out of its range, as a `Fail` blaming that option, else `Ok<Fallback>`.
 * `Rules` lists `[option, range]` pairs in the order they are checked.
 */
export type CheckRanges<
  Layer extends string,
  Options,
  Rules extends [string, Range][],
  Fallback extends Shape,
> = Rules extends [[infer K extends string, infer R extends Range], ...infer Rest extends [string, Range][]]
  ? FirstBad<Leaves<K extends keyof Options ? Options[K] : undefined>, R> extends [infer V extends number]
    ? Fail<K, R extends 'positive' ? NotPositiveMessage<Layer, K, V> : NotNonNegativeMessage<Layer, K, V>, Fallback>
    : CheckRanges<Layer, Options, Rest, Fallback>
  : Ok<Fallback>;

/** V when it is a valid positive integer literal, else `number` (a rejected size must not flow on into later layers). */
export type PositiveOrNumber<V extends number> = number extends V ? number : V extends 0 ? number : IsSafeNatural<V> extends true ? V : number;
