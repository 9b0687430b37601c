/**
 * The layer registry at the type level: every layer kind's options type and shape rule, gathered from
 * one interface per layer family (types/methods/*.ts). Fluent methods and `apply(spec)` both read rules
 * from here, so a layer's rule is written once.
 *
 * Decision: methods take the input shape from `this` (`This['shape']`) rather than from the tensor's type
 * parameter, so the tensor's `S` appears only in `shape` and comparing two tensor types never expands the
 * shape rules (doing so built unions too large to represent, TS2590). Errors still land on the argument.
 *
 * Decision (what the editor shows): every layer method is declared with one pattern,
 *
 *     conv2d<This extends Typed, const O extends Conv2dOptions>(this: This, options: Param<'conv2d', This, O>):
 *       SymbolicTensor<OutputOf<LayerRules<This['shape'], O>['conv2d']>>;
 *
 * The return type is the `SymbolicTensor` interface applied to the shape, not an alias of the whole: TypeScript
 * prints the instantiated type of a call by its alias when it has one, so one alias per call (`Returns<K, This,
 * O>`, the earlier spelling) hovered as the nested alias of every call since the input and hid the shape.
 * `OutputOf<…>` resolves to the shape tuple itself, which carries no alias, so the hover and the "Argument of
 * type '…'" part of an error read `SymbolicTensor<readonly [number, 16, 16, 64]>` on TS 5.9, 6.0 and 7.0
 * (test/editor/). A new method copies the pattern. Rejected: a shorter alias for the shape
 * (`SymbolicTensor<OutputShape<'conv2d', This, O>>`): it prints as well but cost ~170 more instantiations per
 * program (TS 7, examples/alexnet.ts 85,040 against 84,866).
 */
import type { ActivationOptionsMap, ActivationRules } from './methods/activation.js';
import type { ConvOptionsMap, ConvRules } from './methods/conv.js';
import type { CropOptionsMap, CropRules } from './methods/crop.js';
import type { DenseOptionsMap, DenseRules } from './methods/dense.js';
import type { NormOptionsMap, NormRules } from './methods/norm.js';
import type { PoolOptionsMap, PoolRules } from './methods/pool.js';
import type { ResizeOptionsMap, ResizeRules } from './methods/resize.js';
import type { ArgumentFor, OutputOf } from './result.js';
import type { Shape } from './shape.js';
import type { SymbolicTensor } from './tensor.js';

/** The outcome (`Ok`/`Fail`) of every layer kind for input shape S and options O. */
export interface LayerRules<S extends Shape, O>
  extends ConvRules<S, O>,
    PoolRules<S, O>,
    DenseRules<S, O>,
    ActivationRules<S, O>,
    NormRules<S, O>,
    ResizeRules<S, O>,
    CropRules<S, O> {}

/** The options type of every layer kind. */
export interface LayerOptions extends ConvOptionsMap, PoolOptionsMap, DenseOptionsMap, ActivationOptionsMap, NormOptionsMap, ResizeOptionsMap, CropOptionsMap {}

/** A layer kind. */
export type LayerKind = keyof LayerOptions & string;

/** Anything with a shape: the receiver of every layer method. */
export interface Typed {
  readonly shape: Shape;
}

/** The outcome of layer K on shape S with options O. */
export type Rule<K extends LayerKind, S extends Shape, O> = LayerRules<S, O>[K];

/** The options parameter of layer method K: the options, or them with the error at the blamed option. */
export type Param<K extends LayerKind, This extends Typed, O> = ArgumentFor<O, Rule<K, This['shape'], O>>;

/**
 * The tensor layer method K returns.
 * @deprecated Not for a method's return type: an alias instantiation is what the editor prints, so methods
 * returning `Returns<…>` hover as `Returns<"relu", Returns<"conv2d", …>>`. Spell
 * `SymbolicTensor<OutputOf<LayerRules<This['shape'], O>[K]>>` (see the header; test/editor/ checks every method).
 */
export type Returns<K extends LayerKind, This extends Typed, O> = SymbolicTensor<OutputOf<LayerRules<This['shape'], O>[K]>>;
