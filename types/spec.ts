/**
 * Layer specs: layers as values, applied to a tensor at the call site (`x.apply(block)`), so one block
 * (a ResNet bottleneck, an Inception module) serves every stage at its own sizes. TypeScript cannot call
 * the checked methods inside a generic `function block<S>(x)`, which is why blocks are values.
 */
import type { Add } from './arithmetic/operations.js';
import type { SpecInput } from './factory.js';
import type { ChainMessage } from './messages.js';
import type { ConcatResult, ElementwiseResult } from './merge.js';
import type { LayerKind, Rule } from './registry.js';
import type { Fail, Ok } from './result.js';
import type { Shape } from './shape.js';

/** One layer with its options. */
export interface LayerSpec<K extends LayerKind, O> {
  readonly kind: K;
  readonly options: O;
}

/** Specs applied one after another. */
export interface SequentialSpec<Specs extends readonly AnySpec[]> {
  readonly kind: 'sequential';
  readonly specs: Specs;
}

/** `body(x) + shortcut(x)` (the shortcut is the identity when absent). */
export interface ResidualSpec<Body extends AnySpec, Shortcut extends AnySpec | undefined> {
  readonly kind: 'residual';
  readonly body: Body;
  readonly shortcut: Shortcut;
}

/** Branches applied to the same input and concatenated along channels (Inception). */
export interface BranchesSpec<Branches extends readonly AnySpec[]> {
  readonly kind: 'branches';
  readonly branches: Branches;
}

/** Any spec. */
export type AnySpec =
  | LayerSpec<LayerKind, unknown>
  | SequentialSpec<readonly AnySpec[]>
  | ResidualSpec<AnySpec, AnySpec | undefined>
  | BranchesSpec<readonly AnySpec[]>;

/**
 * The outcome of applying spec Sp to a tensor of shape S.
 * @example OutputOf<ApplySpec<readonly [number, 56, 56, 64], SequentialSpec<[LayerSpec<'conv2d', { filters: 64; kernel: 3; padding: 1 }>]>>> //=> readonly [number, 56, 56, 64]
 */
export type ApplySpec<S extends Shape, Sp> = [AnySpec] extends [Sp]
  ? Ok<Shape> // a spec not yet known (the constraint seen during contextual typing): stop, don't recurse
  : Sp extends { readonly kind: 'sequential'; readonly specs: infer Specs extends readonly AnySpec[] }
    ? ApplySequence<S, Specs>
    : Sp extends { readonly kind: 'residual'; readonly body: infer Body; readonly shortcut: infer Shortcut }
      ? ApplyResidual<S, Body, Shortcut>
      : Sp extends { readonly kind: 'branches'; readonly branches: infer Branches extends readonly AnySpec[] }
        ? ApplyBranches<S, Branches>
        : Sp extends { readonly kind: infer K extends LayerKind; readonly options: infer O }
          ? Rule<K, S, O>
          : never;

/** A failure that also says which spec of a sequence failed (0-based). */
export interface FailAt<Index extends number, Message extends string, Fallback extends Shape> extends Fail<'', Message, Fallback> {
  readonly index: Index;
}

type ApplySequence<S extends Shape, Specs extends readonly AnySpec[], I extends 0[] = []> = Specs extends readonly [
  infer Head,
  ...infer Tail extends readonly AnySpec[],
]
  ? ApplySpec<S, Head> extends infer R
    ? R extends Fail<string, infer M, infer F>
      ? FailAt<I['length'], M, F>
      : R extends Ok<infer Next>
        ? ApplySequence<Next, Tail, [...I, 0]>
        : never
    : never
  : Ok<S>;

type ApplyResidual<S extends Shape, Body, Shortcut> = ApplySpec<S, Body> extends infer B
  ? B extends Fail<string, string, Shape>
    ? B
    : (Shortcut extends undefined ? Ok<S> : ApplySpec<S, Shortcut>) extends infer C
      ? C extends Fail<string, string, Shape>
        ? C
        : [B, C] extends [Ok<infer BS>, Ok<infer CS>]
          ? ElementwiseResult<'residual add', BS, CS>
          : never
      : never
  : never;

type ApplyBranches<S extends Shape, Branches extends readonly AnySpec[], Outs extends Shape[] = []> = Branches extends readonly [
  infer Head,
  ...infer Tail extends readonly AnySpec[],
]
  ? ApplySpec<S, Head> extends infer R
    ? R extends Fail<string, string, Shape>
      ? R
      : R extends Ok<infer Out>
        ? ApplyBranches<S, Tail, [...Outs, Out]>
        : never
    : never
  : ConcatResult<Outs>;

/** The unknown-size input a chain of specs is checked on before it meets a tensor: rank from its first layer. */
type ChainInput<Sp> = Sp extends LayerSpec<infer K, unknown>
  ? SpecInput<K>
  : Sp extends SequentialSpec<readonly [infer First, ...any[]]>
    ? ChainInput<First>
    : Sp extends ResidualSpec<infer Body, any>
      ? ChainInput<Body>
      : Sp extends BranchesSpec<readonly [infer First, ...any[]]>
        ? ChainInput<First>
        : readonly [number, number, number, number];

/**
 * The arguments of `sequential(...specs)`: the specs, or them with the first layer whose declared size
 * (`inChannels`, `inFeatures`) disagrees with the layer before it replaced by the message — so a
 * PyTorch-style chain with a wrong channel count fails at that argument, before it meets any input.
 * Written like `ArgumentFor` (types/result.ts): inside a generic block the chain's check is deferred to
 * where the block is applied, and the specs are accepted as they are.
 */
export type ChainArguments<Specs extends readonly AnySpec[]> = [ChainFailure<Specs>] extends [false]
  ? Specs
  : { [I in keyof Specs]: [I] extends [FailedIndex<Specs>] ? ChainFailureMessage<Specs> : Specs[I] };

/** The tuple key (`'2'`) of the first spec that does not fit the one before it, or `never`. */
type FailedIndex<Specs extends readonly AnySpec[]> = [ChainFailure<Specs>] extends [false]
  ? never
  : ChainFailure<Specs> extends [infer I extends number, string]
    ? `${I}`
    : never;

type ChainFailureMessage<Specs extends readonly AnySpec[]> = ChainFailure<Specs> extends [infer I extends number, infer M extends string]
  ? ChainMessage<Add<I, 1> & number, M>
  : never;

type ChainFailure<Specs extends readonly AnySpec[]> = Specs extends readonly [infer First, ...any[]]
  ? ChainInput<First> extends infer In extends Shape
    ? ApplySequence<In, Specs> extends infer R
      ? R extends FailAt<infer I, infer M, Shape>
        ? [I, M]
        : false
      : false
    : false
  : false;
