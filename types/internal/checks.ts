/** Checks shared by several layers: unknown option names, and a declared input size against the input. */
import type { InputSizeMessage, UnknownOptionMessage } from '../messages.js';
import type { Fail, Ok } from '../result.js';
import type { Shape } from '../shape.js';

type Join<Keys extends string[], Acc extends string = ''> = Keys extends [infer K extends string, ...infer Rest extends string[]]
  ? Join<Rest, Acc extends '' ? K : `${Acc}, ${K}`>
  : Acc;

/** Fails on the first option name not in `Known`. */
export type CheckKnown<Layer extends string, Options, Known extends string[], Fallback extends Shape> =
  Exclude<keyof Options, Known[number]> extends infer Extra
    ? [Extra] extends [never]
      ? Ok<Fallback>
      : Extra extends string
        ? Fail<Extra, UnknownOptionMessage<Layer, Extra, Join<Known>>, Fallback>
        : Ok<Fallback>
    : never;

/** Fails when the declared size (`inChannels`, `inFeatures`) is a literal other than the input's literal size. */
export type CheckDeclared<
  Layer extends string,
  Option extends string,
  Declared,
  Actual extends number,
  What extends string,
  Input extends string,
  Fallback extends Shape,
> = [Declared] extends [number]
  ? number extends Declared | Actual
    ? Ok<Fallback>
    : Declared extends Actual
      ? Ok<Fallback>
      : Fail<Option, InputSizeMessage<Layer, Option, Declared, Actual, What, Input>, Fallback>
  : Ok<Fallback>;
