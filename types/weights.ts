/**
 * Typed checkpoints: the weights a spec creates when applied to an input, as `'<layer>/<param>'` → literal
 * shape (`WeightsOf`), and the check of a checkpoint's manifest against them (`WeightsFit`), whose failure is
 * ONE sentence listing every wrong, missing and unexpected entry.
 *
 * Decision: derived from a spec (`sequential(...)`, `residual`, `branches`, a layer spec) and the input it is
 * applied to, because a spec's type records every layer's kind and options while a `SymbolicTensor` records
 * only its shape (adding the layer history to the tensor type would make every hover print it). The names
 * follow the model's run-time rule (src/model/graph.ts): the user's `name`, else `<kind>_<n>` counted per
 * kind in creation order, skipping names the user took — so `WeightsOf` is exactly `model(x,
 * x.apply(spec)).weights`' keys and shapes. (Only weighted layers' own names are seen as taken: a `relu` named
 * `conv2d_1` would shift the run-time numbering and not the type's — name layers after what they are.) Weight layouts are README "The executor": conv `[...k, in/groups,
 * filters]`, transposed `[kh, kw, filters, in]`, depthwise `[kh, kw, C, M]`, dense `[in, units]`.
 *
 * A manifest is an ordered list of `[name, shape]` entries (what `convtype weights-types` writes): a
 * record's key order is not visible to the type checker, and the sentence must list entries in one order
 * on every compiler.
 */
import type { FloorDivide, Multiply } from './arithmetic/index.js';
import type { ConcatResult } from './merge.js';
import type { LayerKind, Rule, Typed } from './registry.js';
import type { OutputOf } from './result.js';
import type { Shape } from './shape.js';
import type { BranchesSpec, LayerSpec, ResidualSpec, SequentialSpec } from './spec.js';

/** A checkpoint's manifest: `[name, shape]` per tensor, in file order. */
export type CheckpointManifest = readonly (readonly [string, readonly number[]])[];

/** The kinds that create weights (`ParamsOf`); only their applications are collected. */
type WeightedKind = 'conv1d' | 'conv2d' | 'conv3d' | 'conv2dTranspose' | 'depthwiseConv2d' | 'separableConv2d' | 'dense' | 'batchNorm';

/** One layer application: kind, options, input shape. */
type Node = readonly [LayerKind, unknown, Shape];

/** The kinds that create weights, and the `[param, shape]` entries they create for input S and options O. */
type ParamsOf<K, O, S extends Shape> = K extends 'conv2d'
  ? KernelAndBias<[...KernelDims<O, 2>, InPerGroup<S[3], O>, Num<O, 'filters'>], Num<O, 'filters'>, O>
  : K extends 'conv1d'
    ? KernelAndBias<[...KernelDims<O, 1>, InPerGroup<S[2], O>, Num<O, 'filters'>], Num<O, 'filters'>, O>
    : K extends 'conv3d'
      ? KernelAndBias<[...KernelDims<O, 3>, InPerGroup<S[4], O>, Num<O, 'filters'>], Num<O, 'filters'>, O>
      : K extends 'conv2dTranspose'
        ? KernelAndBias<[...KernelDims<O, 2>, Num<O, 'filters'>, S[3]], Num<O, 'filters'>, O>
        : K extends 'depthwiseConv2d'
          ? KernelAndBias<[...KernelDims<O, 2>, S[3], Multiplier<O>], Mul<S[3], Multiplier<O>>, O>
          : K extends 'separableConv2d'
            ? [
                ['depthwiseKernel', readonly [...KernelDims<O, 2>, S[3], Multiplier<O>]],
                ['pointwiseKernel', readonly [1, 1, Mul<S[3], Multiplier<O>>, Num<O, 'filters'>]],
                ...(O extends { readonly useBias: false } ? [] : [['bias', readonly [Num<O, 'filters'>]]]),
              ]
            : K extends 'dense'
              ? KernelAndBias<[S[1], Num<O, 'units'>], Num<O, 'units'>, O>
              : K extends 'batchNorm'
                ? S extends readonly [...number[], infer C extends number]
                  ? [['gamma', readonly [C]], ['beta', readonly [C]], ['movingMean', readonly [C]], ['movingVariance', readonly [C]]]
                  : []
                : [];

type KernelAndBias<Kernel extends readonly number[], Units extends number, O> = O extends { readonly useBias: false }
  ? [['kernel', readonly [...Kernel]]]
  : [['kernel', readonly [...Kernel]], ['bias', readonly [Units]]];

type Num<O, Key extends string> = O extends { readonly [P in Key]: infer V extends number } ? V : number;
type Multiplier<O> = O extends { readonly depthMultiplier: infer M extends number } ? M : 1;
type Mul<A, B> = A extends number ? (B extends number ? Multiply<A, B> : number) : number;
type InPerGroup<C, O> = C extends number
  ? O extends { readonly groups: infer G extends number }
    ? FloorDivide<C, G> extends infer Q extends number
      ? Q
      : number
    : C
  : number;

/** A `kernel` option as `Rank` dims: `3` → `[3, 3]`, `[3, 5]` → `[3, 5]`. */
type KernelDims<O, Rank extends number> = O extends { readonly kernel: infer V }
  ? V extends readonly number[]
    ? V extends { readonly length: Rank }
      ? [...V]
      : Repeat<number, Rank>
    : V extends number
      ? Repeat<V, Rank>
      : Repeat<number, Rank>
  : Repeat<number, Rank>;
type Repeat<V, N extends number, Acc extends V[] = []> = Acc['length'] extends N ? Acc : Repeat<V, N, [...Acc, V]>;

/** The layer applications of spec Sp on shape S, in creation order, and the output shape. */
type Walk<Sp, S extends Shape, Acc extends readonly Node[]> = Sp extends readonly unknown[]
  ? WalkSequence<Sp, S, Acc>
  : Sp extends { readonly kind: infer K; readonly options: infer O }
    ? K extends LayerKind
      ? [K extends WeightedKind ? [...Acc, [K, O, S]] : Acc, OutputOf<Rule<K, S, O>>]
      : [Acc, S]
    : Sp extends { readonly kind: 'sequential'; readonly specs: infer Specs }
      ? WalkSequence<Specs, S, Acc>
      : Sp extends { readonly kind: 'residual'; readonly body: infer Body; readonly shortcut: infer Shortcut }
        ? WalkResidual<Body, Shortcut, S, Acc>
        : Sp extends { readonly kind: 'branches'; readonly branches: infer Branches }
          ? WalkBranches<Branches, S, Acc, []>
          : [Acc, S];

/** The body's layers, then the shortcut's (the run-time order of src/graph/spec.ts); the output is the body's. */
type WalkResidual<Body, Shortcut, S extends Shape, Acc extends readonly Node[]> = Walk<Body, S, Acc> extends [
  infer BodyNodes extends readonly Node[],
  infer Out extends Shape,
]
  ? Shortcut extends undefined
    ? [BodyNodes, Out]
    : Walk<Shortcut, S, BodyNodes> extends [infer All extends readonly Node[], Shape]
      ? [All, Out]
      : never
  : never;

type WalkSequence<Specs, S extends Shape, Acc extends readonly Node[]> = Specs extends readonly [infer Head, ...infer Tail]
  ? Walk<Head, S, Acc> extends [infer Nodes extends readonly Node[], infer Out extends Shape]
    ? WalkSequence<Tail, Out, Nodes>
    : never
  : [Acc, S];

type WalkBranches<Branches, S extends Shape, Acc extends readonly Node[], Outs extends Shape[]> = Branches extends readonly [
  infer Head,
  ...infer Tail,
]
  ? Walk<Head, S, Acc> extends [infer Nodes extends readonly Node[], infer Out extends Shape]
    ? WalkBranches<Tail, S, Nodes, [...Outs, Out]>
    : never
  : [Acc, OutputOf<ConcatResult<Outs>>];

/** The names users gave (`name` options). */
type GivenNames<Nodes extends readonly Node[]> = Nodes[number] extends infer N
  ? N extends readonly [LayerKind, infer O, Shape]
    ? O extends { readonly name: infer Name extends string }
      ? Name
      : never
    : never
  : never;

/** `<kind>_<n>` for the first n not taken (n from 1). */
type AutoName<K extends string, Taken, N extends 0[] = [0]> = `${K}_${N['length']}` extends Taken ? AutoName<K, Taken, [...N, 0]> : `${K}_${N['length']}`;

/** `[name, shape]` of every weight of the nodes, in creation order. */
type Entries<Nodes extends readonly Node[], Taken, Acc extends readonly (readonly [string, Shape])[] = []> = Nodes extends readonly [
  infer N extends Node,
  ...infer Rest extends readonly Node[],
]
  ? ParamsOf<N[0], N[1], N[2]> extends infer Params extends readonly (readonly [string, Shape])[]
    ? Params extends readonly []
      ? Entries<Rest, Taken, Acc>
      : (N[1] extends { readonly name: infer Name extends string } ? Name : AutoName<N[0], Taken>) extends infer Name extends string
        ? Entries<Rest, Taken | Name, [...Acc, ...Prefixed<Name, Params>]>
        : never
    : never
  : Acc;

type Prefixed<Name extends string, Params extends readonly (readonly [string, Shape])[]> = {
  [I in keyof Params]: Params[I] extends readonly [infer P extends string, infer S extends Shape] ? readonly [`${Name}/${P}`, S] : never;
};

/** The `[name, shape]` entries of the weights of spec Sp (or a list of specs) applied to In, in the model's order. */
export type WeightEntriesOf<Sp, In extends Shape | Typed> = (In extends Typed ? In['shape'] : In) extends infer S extends Shape
  ? Walk<Sp, S, []> extends [infer Nodes extends readonly Node[], Shape]
    ? Entries<Nodes, GivenNames<Nodes>>
    : never
  : never;

/**
 * The weights `model(x, x.apply(spec))` creates, by name, with their literal shapes. `Sp` may also be a list
 * of specs applied one after another. Exact for literal options and input dims; an unknown one is `number`.
 * @example WeightsOf<typeof lenet, typeof image>['conv1/kernel'] //=> readonly [5, 5, 1, 6]
 */
export type WeightsOf<Sp, In extends Shape | Typed> = AsRecord<WeightEntriesOf<Sp, In>>;

type AsRecord<E extends readonly (readonly [string, Shape])[]> = { readonly [Entry in E[number] as Entry[0]]: Entry[1] };

/** The dims of a weight as messages print them: `[5, 5, 1, 6]` (unknown dims `?`). */
type Dims<S> = S extends readonly [infer D, ...infer Rest] ? `[${DimText<D>}${JoinRest<Rest>}]` : '[]';
type JoinRest<S, Acc extends string = ''> = S extends readonly [infer D, ...infer Rest] ? JoinRest<Rest, `${Acc}, ${DimText<D>}`> : Acc;
type DimText<D> = D extends number ? (number extends D ? '?' : `${D}`) : '?';

/** Same rank and every known dim equal (an unknown dim on either side fits). */
type DimsMatch<A, B> = A extends readonly [infer X, ...infer ARest]
  ? B extends readonly [infer Y, ...infer BRest]
    ? number extends X | Y
      ? DimsMatch<ARest, BRest>
      : [X] extends [Y]
        ? DimsMatch<ARest, BRest>
        : false
    : false
  : B extends readonly []
    ? true
    : false;

/**
 * The wrong and missing entries, in model order. `Next` walks the manifest in step with `Expected`: a manifest
 * written in the model's order (what `weights-types` writes from a checkpoint saved by convtype) is compared
 * entry by entry; only an entry out of step is looked up in the whole manifest.
 */
type ExpectedProblems<Expected, M extends CheckpointManifest, Names, Next, Acc extends string[] = []> = Expected extends readonly [
  readonly [infer N extends string, infer S],
  ...infer Rest,
]
  ? Next extends readonly [readonly [N, infer Got], ...infer NextRest]
    ? ExpectedProblems<Rest, M, Names, NextRest, DimsMatch<Got, S> extends true ? Acc : [...Acc, WrongShape<N, Got, S>]>
    : Next extends readonly [readonly [infer X, unknown], ...infer NextRest]
      ? [X] extends [Names]
        ? ExpectedSlow<N, S, Rest, M, Names, Next, Acc>
        : ExpectedProblems<Expected, M, Names, NextRest, Acc> // an unexpected entry: step over it
      : ExpectedSlow<N, S, Rest, M, Names, Next, Acc>
  : Acc;

/** An entry out of step: looked up in the whole manifest. */
type ExpectedSlow<N extends string, S, Rest, M extends CheckpointManifest, Names, Next, Acc extends string[]> = [
  Extract<M[number], readonly [N, unknown]>,
] extends [never]
  ? ExpectedProblems<Rest, M, Names, Next, [...Acc, `${N} is missing (expected ${Dims<S>})`]>
  : Extract<M[number], readonly [N, unknown]>[1] extends infer Got
    ? ExpectedProblems<Rest, M, Names, Next, DimsMatch<Got, S> extends true ? Acc : [...Acc, WrongShape<N, Got, S>]>
    : never;

type WrongShape<N extends string, Got, S> = `${N} has the wrong shape (got ${Dims<Got>}, expected ${Dims<S>})`;

type UnexpectedProblems<Names, M, Acc extends string[] = []> = M extends readonly [readonly [infer N extends string, infer S], ...infer Rest]
  ? [N] extends [Names]
    ? UnexpectedProblems<Names, Rest, Acc>
    : UnexpectedProblems<Names, Rest, [...Acc, `${N} is not a weight of the model (got ${Dims<S>})`]>
  : Acc;

type Join<L extends readonly string[], Acc extends string = ''> = L extends readonly [infer H extends string, ...infer Rest extends string[]]
  ? Join<Rest, Acc extends '' ? H : `${Acc}; ${H}`>
  : Acc;

/** The sentence for a list of problems (the run-time `WeightError` prints the same). */
export type CheckpointMessage<Problems extends readonly string[]> = `checkpoint: ${Problems['length'] extends 1
  ? '1 entry does not'
  : `${Problems['length']} entries do not`} fit the model: ${Join<Problems>}`;

/**
 * `true` when manifest M has exactly the weights `Expected` (a `WeightsOf` entry list), else the sentence
 * listing every wrong shape and missing entry (model order), then every unexpected entry (file order).
 */
export type WeightsFit<Expected extends readonly (readonly [string, Shape])[], M extends CheckpointManifest> = [
  ...ExpectedProblems<Expected, M, Expected[number][0], M>,
  ...UnexpectedProblems<Expected[number][0], M>,
] extends infer P extends string[]
  ? P extends []
    ? true
    : CheckpointMessage<P>
  : never;
