/** Elementwise activations and softmax as tensor methods: the shape passes through unchanged. */
import type { Param, Returns, Typed } from '../registry.js';
import type { Ok } from '../result.js';
import type { Shape } from '../shape.js';

/** Options of parameterless layers. */
export interface NameOption {
  /** Layer name. */
  readonly name?: string;
}

export interface ActivationOptionsMap {
  relu: NameOption;
  sigmoid: NameOption;
  tanh: NameOption;
  softmax: NameOption;
}

export interface ActivationRules<S extends Shape, O> {
  relu: Ok<S>;
  sigmoid: Ok<S>;
  tanh: Ok<S>;
  softmax: Ok<S>;
}

export interface ActivationMethods {
  /** max(x, 0). */
  relu<This extends Typed, const O extends NameOption = {}>(this: This, options?: Param<'relu', This, O>): Returns<'relu', This, O>;
  /** 1 / (1 + e^−x). */
  sigmoid<This extends Typed, const O extends NameOption = {}>(this: This, options?: Param<'sigmoid', This, O>): Returns<'sigmoid', This, O>;
  /** tanh(x). */
  tanh<This extends Typed, const O extends NameOption = {}>(this: This, options?: Param<'tanh', This, O>): Returns<'tanh', This, O>;
  /** Softmax over the last axis. */
  softmax<This extends Typed, const O extends NameOption = {}>(this: This, options?: Param<'softmax', This, O>): Returns<'softmax', This, O>;
}
