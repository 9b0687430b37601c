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

/** The parameter type that carries a failure to the call site: the options with the message at the blamed option. */
export type ArgumentFor<Options, R> = [R] extends [Fail<infer Option, infer Message, Shape>]
  ? [Option] extends [keyof Options]
    ? { [P in keyof Options]: P extends Option ? Message : Options[P] }
    : Message
  : Options;

/** The shape a call returns, whether the rule passed or failed. */
export type OutputOf<R> = R extends { readonly shape: infer S extends Shape } ? S : never;
