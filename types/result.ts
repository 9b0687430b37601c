/**
 * The outcome of a shape rule, and where its error is shown.
 *
 * Decision: a rule returns `Ok<Shape>` or `Fail<Option, Message, Fallback>`. The layer method's parameter
 * becomes the options object with the offending option's type replaced by the message (so the squiggle sits
 * on that option and reads as a sentence), or the message itself when no single option is to blame. The
 * return type is the fallback shape, with unknown (`number`) dims where the rule failed, so one mistake
 * does not cascade into errors at every later call. Rejected: `never & { error }` (collapses to `never`, the
 * message is lost) and errors on `this` or the return type (reported far from the cause).
 */
import type { Shape } from './shape.js';

/** A rule that produced a shape. */
export interface Ok<S extends Shape> {
  readonly shape: S;
}

/** A rule that failed: `Option` is the option to blame (or `''`), `Message` the sentence, `Fallback` the shape to continue with. */
export interface Fail<Option extends string, Message extends string, Fallback extends Shape> {
  readonly shape: Fallback;
  readonly failure: [Option, Message];
}

/** Either outcome. */
export type Outcome = Ok<Shape> | Fail<string, string, Shape>;

/**
 * The parameter type that carries a failure to the call site: the options with the message at the blamed option.
 *
 * Decision: the blame is tested as `[P] extends [BlamedOption<R>]`, never as `R extends Fail<infer …>`. Inside a
 * generic block (`function convBn<const F extends number>(filters: F)`) the rule is deferred, and TypeScript
 * accepts an argument for a deferred conditional only if the conditional has no `infer`, is not distributive, and
 * the argument fits every branch it cannot rule out. It rules a branch out by evaluating the rule with the type
 * parameters as wildcards: then the rule passes, `BlamedOption` is `never`, the message branches are ruled out and
 * the argument needs only fit the options. Concrete options are judged as before, so `conv2d({ filters: 0 })`
 * still fails at its call; a block's checks run where it is applied. Rejected: overloads (a second, unchecked
 * signature would also accept concrete mistakes).
 */
export type ArgumentFor<Options, R> = [BlamedOption<R>] extends [never]
  ? Options
  : [true] extends [IsUnplaced<Options, R>]
    ? MessageOf<R>
    : { [P in keyof Options]: [P] extends [BlamedOption<R>] ? MessageOf<R> : Options[P] };

/** The option a failed rule blames (`''` for the whole argument), or `never` when the rule passed. */
export type BlamedOption<R> = [R] extends [{ readonly failure?: never }]
  ? never
  : R extends Fail<infer Option, string, Shape>
    ? string extends Option
      ? never // a blame on every key (options whose inference failed, seen as their constraint): TypeScript's own error stands
      : Option
    : never;

/** `true` when the blamed option is not a key of the argument (`''`, or a spec's inner option): the whole argument carries the message. */
type IsUnplaced<Options, R> = [Exclude<BlamedOption<R>, keyof Options>] extends [never] ? never : true;

/** The sentence of a failed rule. */
export type MessageOf<R> = R extends Fail<string, infer Message, Shape> ? Message : never;

/** The shape a call returns, whether the rule passed or failed. */
export type OutputOf<R> = R extends { readonly shape: infer S extends Shape } ? S : never;
