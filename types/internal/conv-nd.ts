/**
 * The convolution rule for any spatial rank (1, 2 or 3 axes): conv1d, conv2d and conv3d are its instances
 * (`ConvNdResult<Layer, S, O, R>`), depthwiseConv2d and separableConv2d use its spatial step. Options normalised per axis (`n | [n, …]`, padding `n | [p, …] | [[begin, end], …] |
 * 'valid' | 'same'`), then `ConvLength`/`SameLength` (axis.ts) applied to each axis in turn (SEMANTICS.md §1).
 * Runtime twin: src/shapes/conv-nd.ts (`axesOf`, `padsNdOf`, `convAxes`, `convNdShape`).
 *
 * Decision: one loop over the axes with an accumulator instead of a hand-unrolled height/width (conv2d had
 * one, and it drifted from conv1d/conv3d), so every conv-like layer of any rank shares one formula and one
 * error order (first axis first). Rank counts come from
 * fixed tuple patterns (`Repeat`), never from arithmetic on tuple lengths.
 */
import type { IsDivisible } from '../arithmetic/division.js';
import type { Initializer } from '../initializer.js';
import type { GroupsMessage, KernelFitMessage, RankMessage } from '../messages.js';
import type { CheckRanges, OptionOf, PositiveOrNumber } from '../options.js';
import type { Fail, Ok } from '../result.js';
import type { FormatShape, Shape } from '../shape.js';
import type { ConvLength, SameLength } from './axis.js';
import type { CheckDeclared, CheckKnown } from './checks.js';

/** Number of spatial axes. */
export type Rank = 1 | 2 | 3;

/** `[V]`, `[V, V]` or `[V, V, V]`. */
export type Repeat<V, R extends Rank> = R extends 1 ? [V] : R extends 2 ? [V, V] : [V, V, V];

/** The names of the spatial axes in messages, by rank. */
export type SpatialNames<R extends Rank> = R extends 1 ? ['length'] : R extends 2 ? ['height', 'width'] : ['depth', 'height', 'width'];

/** The rank a layer of `R` spatial axes expects, as messages state it. */
export type RankRule<R extends Rank> = R extends 1 ? 'rank 3 [B, L, C]' : R extends 2 ? 'rank 4 [B, H, W, C]' : 'rank 5 [B, D, H, W, C]';

/**
 * Per-axis values of a `n | [n, …]` option: `Default` on every axis when absent, `number` when not literal.
 * @example AxesOf<readonly [3, 5, 5], 3, 1> //=> [3, 5, 5]
 */
export type AxesOf<V, R extends Rank, Default extends number> = [V] extends [undefined]
  ? Repeat<Default, R>
  : [V] extends [number]
    ? Repeat<V, R>
    : [V] extends [readonly [infer A extends number]]
      ? [A]
      : [V] extends [readonly [infer A extends number, infer B extends number]]
        ? [A, B]
        : [V] extends [readonly [infer A extends number, infer B extends number, infer C extends number]]
          ? [A, B, C]
          : Repeat<number, R>;

/**
 * Per-axis `[begin, end]` pads of a padding option, or `'same'`.
 * @example PadsNdOf<readonly [1, 0, 2], 3> //=> [[1, 1], [0, 0], [2, 2]]
 */
export type PadsNdOf<P, R extends Rank> = [P] extends [undefined | 'valid']
  ? Repeat<[0, 0], R>
  : [P] extends ['same']
    ? 'same'
    : [P] extends [number]
      ? Repeat<[P, P], R>
      : [P] extends [readonly (readonly [number, number])[]]
        ? { -readonly [I in keyof P]: P[I] extends readonly [infer PB extends number, infer PE extends number] ? [PB, PE] : never }
        : [P] extends [readonly number[]]
          ? { -readonly [I in keyof P]: [P[I], P[I]] }
          : Repeat<[number, number], R>;

/**
 * Output lengths of every axis (`{ out: [...] }`), or the first axis whose dilated kernel is longer than its
 * padded length (`{ fit: [k, ke, axis name, padded] }`).
 */
export type ConvAxes<
  Ins extends readonly number[],
  Ks,
  Ss,
  Ds,
  Pads,
  Names extends readonly string[],
  Acc extends number[] = [],
> = Ins extends readonly [infer In extends number, ...infer InRest extends number[]]
  ? [Ks, Ss, Ds, Names] extends [
      [infer K extends number, ...infer KR],
      [infer St extends number, ...infer SR],
      [infer D extends number, ...infer DR],
      readonly [infer Name extends string, ...infer NR extends string[]],
    ]
    ? (Pads extends readonly [readonly [infer PB extends number, infer PE extends number], ...unknown[]]
        ? ConvLength<In, K, St, D, PB, PE>
        : SameLength<In, St>) extends infer R
      ? R extends { readonly fit: [infer KE extends number, infer Padded extends number] }
        ? { readonly fit: [K, KE, Name, Padded] }
        : R extends { readonly out: infer Out extends number }
          ? ConvAxes<InRest, KR, SR, DR, Pads extends readonly [unknown, ...infer PR] ? PR : 'same', NR, [...Acc, Out]>
          : never
      : never
    : never
  : { readonly out: Acc };

/**
 * The spatial step of a conv-like layer: `Ok<[B, ...out, COut]>`, or the kernel-fit failure of the first axis
 * that does not fit. `Spatial` are the input's spatial dims, `Names` their names in messages.
 */
export type ConvSpatial<
  Layer extends string,
  S extends Shape,
  B extends number,
  Spatial extends readonly number[],
  COut extends number,
  O,
  R extends Rank,
  Names extends readonly string[],
  Fallback extends Shape,
> =
  ConvAxes<
    Spatial,
    AxesOf<OptionOf<O, 'kernel'>, R, 1>,
    AxesOf<OptionOf<O, 'stride'>, R, 1>,
    AxesOf<OptionOf<O, 'dilation'>, R, 1>,
    PadsNdOf<OptionOf<O, 'padding'>, R>,
    Names
  > extends infer Axes
    ? Axes extends { readonly fit: [infer K extends number, infer KE extends number, infer Name extends string, infer Padded extends number] }
      ? Fail<'kernel', KernelFitMessage<Layer, K, KE, Name, Padded, FormatShape<S>>, Fallback>
      : Axes extends { readonly out: infer Out extends number[] }
        ? Ok<readonly [B, ...Out, COut]>
        : never
    : never;

/**
 * Options of a convolution of any rank; `Axes` is how a per-axis option is written (`n | [h, w]` …) and `Pad`
 * the padding forms. conv1d/conv2d/conv3d's option interfaces are its instances.
 */
export interface ConvNdOptions<Axes, Pad> {
  /** Output channels. */
  readonly filters: number;
  /** Kernel size: one number for every axis, or one per axis. */
  readonly kernel: Axes;
  /** Stride, default 1. */
  readonly stride?: Axes;
  /** Padding, default 0 ('valid'); 'same' is TensorFlow's (extra pad at the end). */
  readonly padding?: Pad;
  /** Dilation, default 1. */
  readonly dilation?: Axes;
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
  /** Layer name, default `<layer>_<n>`. */
  readonly name?: string;
}

/** Option names of every convolution rank, in message order (the runtime table `CONV_ND_KEYS` satisfies it). */
export type ConvNdKeys = ['filters', 'kernel', 'stride', 'padding', 'dilation', 'groups', 'useBias', 'inChannels', 'kernelInitializer', 'biasInitializer', 'name'];

/** The checked numeric options in check order (the runtime table `CONV_ND_RANGES` satisfies it). */
export type ConvNdRanges = [
  ['filters', 'positive'],
  ['kernel', 'positive'],
  ['stride', 'positive'],
  ['dilation', 'positive'],
  ['groups', 'positive'],
  ['inChannels', 'positive'],
  ['padding', 'nonNegative'],
];

/**
 * `filters` of the options; `number` when absent, not literal or rejected (`0`, `2.5`): the range check
 * reports it, and a rejected channel count must not flow on into the next layer's checks.
 */
export type FiltersOf<O> = O extends { readonly filters: infer F extends number } ? PositiveOrNumber<F> : number;
type GroupsOf<O> = O extends { readonly groups: infer G extends number } ? G : 1;

type ConvNdGroups<Layer extends string, C extends number, F extends number, G extends number, Fallback extends Shape> = G extends 1
  ? Ok<Fallback>
  : IsDivisible<C, G> extends false
    ? Fail<'groups', GroupsMessage<Layer, G, 'input channels', C>, Fallback>
    : IsDivisible<F, G> extends false
      ? Fail<'groups', GroupsMessage<Layer, G, 'filters', F>, Fallback>
      : Ok<Fallback>;

/**
 * The outcome of a convolution of rank `R` (conv1d, conv2d, conv3d) with options `O` on shape `S`: the rank
 * check, then `ConvNdChecked`.
 * @example OutputOf<ConvNdResult<'conv2d', readonly [256, 227, 227, 3], { filters: 96; kernel: 11; stride: 4 }, 2>> //=> readonly [256, 55, 55, 96]
 */
export type ConvNdResult<Layer extends string, S extends Shape, O, R extends Rank> = S extends readonly [
  infer B extends number,
  ...infer Spatial extends number[],
  infer C extends number,
]
  ? Spatial extends Repeat<number, R>
    ? ConvNdChecked<Layer, S, B, Spatial, C, O, R, SpatialNames<R>, readonly [B, ...Repeat<number, R>, FiltersOf<O>]>
    : ConvRankFail<Layer, S, O, R>
  : ConvRankFail<Layer, S, O, R>;

type ConvRankFail<Layer extends string, S extends Shape, O, R extends Rank> = Fail<
  '',
  RankMessage<Layer, FormatShape<S>, RankRule<R>>,
  readonly [number, ...Repeat<number, R>, FiltersOf<O>]
>;

/** A convolution after the rank check: unknown options, ranges, `inChannels`, groups, then the spatial rule. */
export type ConvNdChecked<
  Layer extends string,
  S extends Shape,
  B extends number,
  Spatial extends readonly number[],
  C extends number,
  O,
  R extends Rank,
  Names extends readonly string[],
  Fallback extends Shape,
> =
  CheckKnown<Layer, O, ConvNdKeys, Fallback> extends infer R1
    ? R1 extends Fail<string, string, Shape>
      ? R1
      : CheckRanges<Layer, O, ConvNdRanges, Fallback> extends infer R2
        ? R2 extends Fail<string, string, Shape>
          ? R2
          : CheckDeclared<Layer, 'inChannels', O extends { readonly inChannels: infer I } ? I : undefined, C, 'channels', FormatShape<S>, Fallback> extends infer R3
            ? R3 extends Fail<string, string, Shape>
              ? R3
              : ConvNdGroups<Layer, C, FiltersOf<O>, GroupsOf<O>, Fallback> extends infer R4
                ? R4 extends Fail<string, string, Shape>
                  ? R4
                  : ConvSpatial<Layer, S, B, Spatial, FiltersOf<O>, O, R, Names, Fallback>
                : never
            : never
        : never
    : never;

/**
 * A per-axis option of the wrong form, e.g. two kernel sizes for conv3d (only reachable from untyped code: the
 * option types already reject it at compile time).
 */
export type OptionFormMessage<Layer extends string, Option extends string, Got extends string, Expected extends string> =
  `${Layer}: ${Option} has the wrong form (got ${Got}, expected ${Expected})`;
