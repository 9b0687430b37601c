/** Elementwise activations and softmax as tensor methods: the shape passes through unchanged. */
import type { CheckKnown } from '../internal/checks.js';
import type { LayerRules, Param, Typed } from '../registry.js';
import type { Ok, OutputOf } from '../result.js';
import type { Shape } from '../shape.js';
import type { SymbolicTensor } from '../tensor.js';

/** Options of parameterless layers. */
export interface NameOption {
  /** Layer name. */
  readonly name?: string;
}

/** Options of `leakyRelu`. */
export interface LeakyReluOptions {
  /** Slope for x < 0, default 0.3 (Keras' `LeakyReLU` and tfjs-layers; PyTorch and ONNX default to 0.01). */
  readonly alpha?: number;
  /** Layer name. */
  readonly name?: string;
}

/** Options of `elu`. */
export interface EluOptions {
  /** Scale of the negative part `α·(eˣ − 1)`, default 1 (Keras, PyTorch, ONNX). */
  readonly alpha?: number;
  /** Layer name. */
  readonly name?: string;
}

/** Options of `gelu`. */
export interface GeluOptions {
  /**
   * 'none' (default): the exact `x·Φ(x) = x·(1 + erf(x/√2))/2`; 'tanh': `x·(1 + tanh(√(2/π)·(x + 0.044715x³)))/2`
   * (PyTorch's `approximate`, ONNX Gelu-20's attribute).
   */
  readonly approximate?: 'none' | 'tanh';
  /** Layer name. */
  readonly name?: string;
}

/** Options of `hardSigmoid`: `clamp(α·x + β, 0, 1)`. */
export interface HardSigmoidOptions {
  /** Slope α, default 1/6 (PyTorch's Hardsigmoid); 0.2 is ONNX HardSigmoid's default, Keras 2's and Paddle's fluid API's. */
  readonly alpha?: number;
  /** Offset β, default 0.5 (PyTorch, ONNX, Keras). */
  readonly beta?: number;
  /** Layer name. */
  readonly name?: string;
}

/** A numeric option that is not a finite number (run time only: every number literal type is finite). */
export type FiniteMessage<Layer extends string, Option extends string, V extends string | number> =
  `${Layer}: ${Option} is not a finite number (got ${V}, expected a finite number)`;

/** An `alpha` that is not a finite number (run time only). */
export type AlphaMessage<Layer extends string, V extends string | number> = FiniteMessage<Layer, 'alpha', V>;

/** A `gelu` `approximate` that is neither form (run time only: the option's type already rejects it). */
export type ApproximateMessage<V extends string> = `gelu: approximate is not a known form (got ${V}, expected 'none' or 'tanh')`;

export interface ActivationOptionsMap {
  relu: NameOption;
  sigmoid: NameOption;
  tanh: NameOption;
  softmax: NameOption;
  relu6: NameOption;
  leakyRelu: LeakyReluOptions;
  elu: EluOptions;
  gelu: GeluOptions;
  hardSigmoid: HardSigmoidOptions;
  hardSwish: NameOption;
}

export interface ActivationRules<S extends Shape, O> {
  relu: Ok<S>;
  sigmoid: Ok<S>;
  tanh: Ok<S>;
  softmax: Ok<S>;
  relu6: CheckKnown<'relu6', O, ['name'], S>;
  leakyRelu: CheckKnown<'leakyRelu', O, ['alpha', 'name'], S>;
  elu: CheckKnown<'elu', O, ['alpha', 'name'], S>;
  gelu: CheckKnown<'gelu', O, ['approximate', 'name'], S>;
  hardSigmoid: CheckKnown<'hardSigmoid', O, ['alpha', 'beta', 'name'], S>;
  hardSwish: CheckKnown<'hardSwish', O, ['name'], S>;
}

export interface ActivationMethods {
  /** max(x, 0). */
  relu<This extends Typed, const O extends NameOption = {}>(this: This, options?: Param<'relu', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['relu']>>;
  /** 1 / (1 + e^−x). */
  sigmoid<This extends Typed, const O extends NameOption = {}>(this: This, options?: Param<'sigmoid', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['sigmoid']>>;
  /** tanh(x). */
  tanh<This extends Typed, const O extends NameOption = {}>(this: This, options?: Param<'tanh', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['tanh']>>;
  /** Softmax over the last axis. */
  softmax<This extends Typed, const O extends NameOption = {}>(this: This, options?: Param<'softmax', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['softmax']>>;
  /** min(max(x, 0), 6) (MobileNet v1/v2); fused into a preceding conv/dense. */
  relu6<This extends Typed, const O extends NameOption = {}>(this: This, options?: Param<'relu6', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['relu6']>>;
  /** x for x ≥ 0, α·x below, α default 0.3 (Keras; PyTorch uses 0.01); fused into a preceding conv/dense. */
  leakyRelu<This extends Typed, const O extends LeakyReluOptions = {}>(this: This, options?: Param<'leakyRelu', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['leakyRelu']>>;
  /** x for x > 0, α·(eˣ − 1) below, α default 1. */
  elu<This extends Typed, const O extends EluOptions = {}>(this: This, options?: Param<'elu', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['elu']>>;
  /** x·Φ(x) with the exact erf form by default, or the tanh approximation. */
  gelu<This extends Typed, const O extends GeluOptions = {}>(this: This, options?: Param<'gelu', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['gelu']>>;
  /**
   * clamp(α·x + β, 0, 1); by default α = 1/6, β = 0.5, i.e. relu6(x + 3)/6 (PyTorch's Hardsigmoid); `{ alpha: 0.2 }`
   * is ONNX's default and Keras 2's.
   */
  hardSigmoid<This extends Typed, const O extends HardSigmoidOptions = {}>(this: This, options?: Param<'hardSigmoid', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['hardSigmoid']>>;
  /** x·relu6(x + 3)/6 (MobileNetV3, ONNX HardSwish). */
  hardSwish<This extends Typed, const O extends NameOption = {}>(this: This, options?: Param<'hardSwish', This, O>): SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['hardSwish']>>;
}
