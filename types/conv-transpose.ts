/**
 * conv2dTranspose: `[B, H, W, C]` → `[B, OH, OW, filters]`, `OH = (H − 1)·s − pt − pb + d·(k − 1) + op + 1`
 * with `0 ≤ op < max(s, d)`; 'same' gives `H·s` (Keras) (SEMANTICS.md §3). Runtime twin: `conv2dTransposeShape`.
 */
import type { Initializer } from './initializer.js';
import type { TransposeLength, TransposeSameLength } from './internal/axis.js';
import type { CheckKnown } from './internal/checks.js';
import type { OutputPaddingMessage, RankMessage, TransposeFitMessage } from './messages.js';
import type { CheckRanges, OptionOf, Padding, PadsOf, Pair, PairOf, PositiveOrNumber } from './options.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** Options of `conv2dTranspose`. */
export interface Conv2dTransposeOptions {
  /** Output channels. */
  readonly filters: number;
  /** Kernel size `k` or `[kh, kw]`. */
  readonly kernel: Pair;
  /** Stride, default 1. */
  readonly stride?: Pair;
  /** Padding removed from the full output, default 0; 'same' gives `in·stride`. */
  readonly padding?: Padding;
  /** Extra rows/columns at the end, `0 ≤ op < max(stride, dilation)`, default 0. */
  readonly outputPadding?: Pair;
  /** Dilation, default 1. */
  readonly dilation?: Pair;
  /** Add a bias, default true. */
  readonly useBias?: boolean;
  /** Kernel initialiser, default 'glorotUniform'. */
  readonly kernelInitializer?: Initializer;
  /** Bias initialiser, default 'zeros'. */
  readonly biasInitializer?: Initializer;
  /** Layer name. */
  readonly name?: string;
}

type Keys = ['filters', 'kernel', 'stride', 'padding', 'outputPadding', 'dilation', 'useBias', 'kernelInitializer', 'biasInitializer', 'name'];
type Ranges = [
  ['filters', 'positive'],
  ['kernel', 'positive'],
  ['stride', 'positive'],
  ['dilation', 'positive'],
  ['padding', 'nonNegative'],
  ['outputPadding', 'nonNegative'],
];
type FiltersOf<O> = O extends { readonly filters: infer F extends number } ? PositiveOrNumber<F> : number;

/**
 * The outcome of `conv2dTranspose` with options `O` on shape `S`.
 * @example OutputOf<Conv2dTransposeResult<readonly [number, 32, 32, 128], { filters: 64; kernel: 4; stride: 2; padding: 1 }>> //=> readonly [number, 64, 64, 64]
 */
export type Conv2dTransposeResult<S extends Shape, O> = S extends readonly [
  infer B extends number,
  infer H extends number,
  infer W extends number,
  number,
]
  ? CheckKnown<'conv2dTranspose', O, Keys, readonly [B, number, number, FiltersOf<O>]> extends infer R1
    ? R1 extends Fail<string, string, Shape>
      ? R1
      : CheckRanges<'conv2dTranspose', O, Ranges, readonly [B, number, number, FiltersOf<O>]> extends infer R2
        ? R2 extends Fail<string, string, Shape>
          ? R2
          : TransposeSpatial<S, B, H, W, O, readonly [B, number, number, FiltersOf<O>]>
        : never
    : never
  : Fail<'', RankMessage<'conv2dTranspose', FormatShape<S>, 'rank 4 [B, H, W, C]'>, readonly [number, number, number, FiltersOf<O>]>;

type AxisFailure<R, Axis extends string, S extends Shape, Fallback extends Shape> = R extends { readonly op: infer Limit extends number }
  ? Fail<'outputPadding', OutputPaddingMessage<'conv2dTranspose', Axis, OpOf<R>, Limit>, Fallback>
  : R extends { readonly fit: [infer Pads extends number, infer Full extends number] }
    ? Fail<'padding', TransposeFitMessage<'conv2dTranspose', Axis, Pads, Full, FormatShape<S>>, Fallback>
    : never;
type OpOf<R> = R extends { readonly given: infer G extends number } ? G : number;

type WithOp<R, Op extends number> = R extends { readonly op: number } ? R & { readonly given: Op } : R;

type TransposeSpatial<S extends Shape, B extends number, H extends number, W extends number, O, Fallback extends Shape> =
  PairOf<OptionOf<O, 'kernel'>, 1> extends [infer KH extends number, infer KW extends number]
    ? PairOf<OptionOf<O, 'stride'>, 1> extends [infer SH extends number, infer SW extends number]
      ? PairOf<OptionOf<O, 'dilation'>, 1> extends [infer DH extends number, infer DW extends number]
        ? PairOf<OptionOf<O, 'outputPadding'>, 0> extends [infer OpH extends number, infer OpW extends number]
          ? PadsOf<OptionOf<O, 'padding'>> extends infer Pads
            ? WithOp<Pads extends [[infer PT extends number, infer PB extends number], unknown] ? TransposeLength<H, KH, SH, DH, PT, PB, OpH> : TransposeSameLength<H, SH>, OpH> extends infer OH
              ? OH extends { readonly out: infer OutH extends number }
                ? WithOp<Pads extends [unknown, [infer PL extends number, infer PR extends number]] ? TransposeLength<W, KW, SW, DW, PL, PR, OpW> : TransposeSameLength<W, SW>, OpW> extends infer OW
                  ? OW extends { readonly out: infer OutW extends number }
                    ? Ok<readonly [B, OutH, OutW, FiltersOf<O>]>
                    : AxisFailure<OW, 'width', S, Fallback>
                  : never
                : AxisFailure<OH, 'height', S, Fallback>
              : never
            : never
          : never
        : never
      : never
    : never;
