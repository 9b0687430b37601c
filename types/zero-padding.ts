/**
 * zeroPadding2d: `[B, H, W, C]` → `[B, top + H + bottom, left + W + right, C]`, the new cells zero (Keras
 * `ZeroPadding2D`; `[ph, pw]` pads both sides of an axis alike). Runtime twin: `zeroPadding2dShape` in
 * src/shapes/zero-padding.ts.
 */
import type { AddDigits } from './arithmetic/internal/add.js';
import type { NumberOf } from './arithmetic/operand.js';
import type { CheckKnown } from './internal/checks.js';
import type { RankMessage } from './messages.js';
import type { CheckRanges, ExplicitPadding, OptionOf, PadsOf } from './options.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** Options of `zeroPadding2d`. */
export interface ZeroPadding2dOptions {
  /** Rows/columns of zeros: `p` on all sides, `[ph, pw]` per axis, or `[[top, bottom], [left, right]]`; each ≥ 0. */
  readonly padding: number | readonly [number, number] | ExplicitPadding;
  /** Layer name. */
  readonly name?: string;
}

type Keys = ['padding', 'name'];
type Ranges = [['padding', 'nonNegative']];

/** `Begin + In + End`, or `number` when any is unknown. */
type Padded<In extends number, Begin extends number, End extends number> = number extends In | Begin | End
  ? number
  : NumberOf<AddDigits<AddDigits<`${Begin}`, `${In}`>, `${End}`>>;

/**
 * The outcome of `zeroPadding2d` with options `O` on shape `S`.
 * @example OutputOf<ZeroPadding2dResult<readonly [number, 224, 224, 3], { padding: 3 }>> //=> readonly [number, 230, 230, 3]
 */
export type ZeroPadding2dResult<S extends Shape, O> = S extends readonly [
  infer B extends number,
  infer H extends number,
  infer W extends number,
  infer C extends number,
]
  ? CheckKnown<'zeroPadding2d', O, Keys, readonly [B, number, number, C]> extends infer R1
    ? R1 extends Fail<string, string, Shape>
      ? R1
      : CheckRanges<'zeroPadding2d', O, Ranges, readonly [B, number, number, C]> extends infer R2
        ? R2 extends Fail<string, string, Shape>
          ? R2
          : PadsOf<OptionOf<O, 'padding'>> extends [
                [infer PT extends number, infer PB extends number],
                [infer PL extends number, infer PR extends number],
              ]
            ? Ok<readonly [B, Padded<H, PT, PB>, Padded<W, PL, PR>, C]>
            : Ok<readonly [B, number, number, C]>
        : never
    : never
  : Fail<'', RankMessage<'zeroPadding2d', FormatShape<S>, 'rank 4 [B, H, W, C]'>, readonly [number, number, number, number]>;
