/**
 * conv2d: `[B, H, W, C]` → `[B, OH, OW, filters]`, `OH = ⌊(H + pt + pb − d(k−1) − 1)/s⌋ + 1` per axis, or
 * `⌈H/s⌉` for 'same' (SEMANTICS.md §1–2). Runtime twin: `conv2dShape` in src/shapes/conv.ts.
 */
import type { Initializer } from './initializer.js';
import type { IsDivisible } from './arithmetic/division.js';
import type { ConvLength, SameLength } from './internal/axis.js';
import type { CheckDeclared, CheckKnown } from './internal/checks.js';
import type { GroupsMessage, KernelFitMessage, RankMessage } from './messages.js';
import type { CheckRanges, OptionOf, Padding, PadsOf, Pair, PairOf, PositiveOrNumber } from './options.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** Options of `conv2d`. */
export interface Conv2dOptions {
  /** Output channels. */
  readonly filters: number;
  /** Kernel size `k` or `[kh, kw]`. */
  readonly kernel: Pair;
  /** Stride, default 1. */
  readonly stride?: Pair;
  /** Padding, default 0 ('valid'); 'same' is TensorFlow's (extra pad at the end). */
  readonly padding?: Padding;
  /** Dilation, default 1. */
  readonly dilation?: Pair;
  /** Groups, default 1; must divide the input channels and `filters`. */
  readonly groups?: number;
  /** Add a bias, default true. */
  readonly useBias?: boolean;
  /** Kernel initialiser, default 'glorotUniform'. */
  readonly kernelInitializer?: Initializer;
  /** Bias initialiser, default 'zeros'. */
  readonly biasInitializer?: Initializer;
  /** Declared input channels (PyTorch style), checked against the input. */
  readonly inChannels?: number;
  /** Layer name, default `conv2d_<n>`. */
  readonly name?: string;
}

type Conv2dKeys = ['filters', 'kernel', 'stride', 'padding', 'dilation', 'groups', 'useBias', 'inChannels', 'kernelInitializer', 'biasInitializer', 'name'];
type Conv2dRanges = [
  ['filters', 'positive'],
  ['kernel', 'positive'],
  ['stride', 'positive'],
  ['dilation', 'positive'],
  ['groups', 'positive'],
  ['inChannels', 'positive'],
  ['padding', 'nonNegative'],
];

type FiltersOf<O> = O extends { readonly filters: infer F extends number } ? PositiveOrNumber<F> : number;
type GroupsOf<O> = O extends { readonly groups: infer G extends number } ? G : 1;

/**
 * The outcome of `conv2d` with options `O` on a tensor of shape `S`.
 * @example OutputOf<Conv2dResult<readonly [256, 227, 227, 3], { filters: 96; kernel: 11; stride: 4 }>> //=> readonly [256, 55, 55, 96]
 */
export type Conv2dResult<S extends Shape, O> = S extends readonly [
  infer B extends number,
  infer H extends number,
  infer W extends number,
  infer C extends number,
]
  ? Conv2dChecked<S, B, H, W, C, O, readonly [B, number, number, FiltersOf<O>]>
  : Fail<'', RankMessage<'conv2d', FormatShape<S>, 'rank 4 [B, H, W, C]'>, readonly [number, number, number, FiltersOf<O>]>;

type Conv2dChecked<S extends Shape, B extends number, H extends number, W extends number, C extends number, O, Fallback extends Shape> =
  CheckKnown<'conv2d', O, Conv2dKeys, Fallback> extends infer R1
    ? R1 extends Fail<string, string, Shape>
      ? R1
      : CheckRanges<'conv2d', O, Conv2dRanges, Fallback> extends infer R2
        ? R2 extends Fail<string, string, Shape>
          ? R2
          : CheckDeclared<'conv2d', 'inChannels', O extends { readonly inChannels: infer I } ? I : undefined, C, 'channels', FormatShape<S>, Fallback> extends infer R3
            ? R3 extends Fail<string, string, Shape>
              ? R3
              : Conv2dGroups<C, FiltersOf<O>, GroupsOf<O>, Fallback> extends infer R4
                ? R4 extends Fail<string, string, Shape>
                  ? R4
                  : Conv2dSpatial<S, B, H, W, O, Fallback>
                : never
            : never
        : never
  : never;

type Conv2dGroups<C extends number, F extends number, G extends number, Fallback extends Shape> = G extends 1
  ? Ok<Fallback>
  : IsDivisible<C, G> extends false
    ? Fail<'groups', GroupsMessage<'conv2d', G, 'input channels', C>, Fallback>
    : IsDivisible<F, G> extends false
      ? Fail<'groups', GroupsMessage<'conv2d', G, 'filters', F>, Fallback>
      : Ok<Fallback>;

type Conv2dSpatial<S extends Shape, B extends number, H extends number, W extends number, O, Fallback extends Shape> =
  PairOf<OptionOf<O, 'kernel'>, 1> extends [infer KH extends number, infer KW extends number]
      ? PairOf<OptionOf<O, 'stride'>, 1> extends [infer SH extends number, infer SW extends number]
        ? PairOf<OptionOf<O, 'dilation'>, 1> extends [infer DH extends number, infer DW extends number]
          ? PadsOf<OptionOf<O, 'padding'>> extends infer Pads
            ? (Pads extends [[infer PT extends number, infer PB extends number], unknown] ? ConvLength<H, KH, SH, DH, PT, PB> : SameLength<H, SH>) extends infer OH
              ? OH extends { readonly fit: [infer KE extends number, infer Padded extends number] }
                ? Fail<'kernel', KernelFitMessage<'conv2d', KH, KE, 'height', Padded, FormatShape<S>>, Fallback>
                : (Pads extends [unknown, [infer PL extends number, infer PR extends number]] ? ConvLength<W, KW, SW, DW, PL, PR> : SameLength<W, SW>) extends infer OW
                  ? OW extends { readonly fit: [infer KE extends number, infer Padded extends number] }
                    ? Fail<'kernel', KernelFitMessage<'conv2d', KW, KE, 'width', Padded, FormatShape<S>>, Fallback>
                    : [OH, OW] extends [{ readonly out: infer OutH extends number }, { readonly out: infer OutW extends number }]
                      ? Ok<readonly [B, OutH, OutW, FiltersOf<O>]>
                      : never
                  : never
              : never
            : never
          : never
        : never
      : never;
