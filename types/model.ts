/**
 * The typed model: `run` accepts a tensor whose shape fits the input (batch free unless fixed) and returns
 * the output shape with the batch taken from the argument.
 */
import type { FormatShape, Shape } from './shape.js';

/** A tensor with data: a shape (batch first) and a Float32Array of exactly that many elements. */
export interface Tensor<S extends Shape = Shape> {
  readonly shape: S;
  readonly data: Float32Array;
}

/** The message when `run` is given a tensor of the wrong shape. */
export type RunShapeMessage<Got extends string, Expected extends string> =
  `model.run: input shape does not fit the model (got ${Got}, expected ${Expected})`;

type DimsFit<Expected extends readonly number[], Got extends readonly number[]> = Expected extends readonly [
  infer E extends number,
  ...infer ERest extends readonly number[],
]
  ? Got extends readonly [infer G extends number, ...infer GRest extends readonly number[]]
    ? number extends E | G
      ? DimsFit<ERest, GRest>
      : E extends G
        ? DimsFit<ERest, GRest>
        : false
    : false
  : Got extends readonly []
    ? true
    : false;

/** `Tensor<X>` when X fits the model input `In`, else the message (shown at the argument). */
export type RunArgument<In extends Shape, X extends Shape> = number extends X['length']
  ? Tensor<X>
  : DimsFit<In, X> extends true
    ? Tensor<X>
    : RunShapeMessage<FormatShape<X>, FormatShape<In>>;

/** The output shape for an argument of shape X: the model's output with X's batch. */
export type RunOutput<Out extends Shape, X extends Shape> = Out extends readonly [number, ...infer Rest extends readonly number[]]
  ? readonly [X[0], ...Rest]
  : Out;

/** One row of `summary()`. */
export interface LayerSummary {
  readonly name: string;
  readonly kind: string;
  /** Output shape, batch −1 when unknown. */
  readonly shape: readonly number[];
  /** Trainable parameters. */
  readonly params: number;
  /** Multiply-accumulates per example. */
  readonly macs: number;
}

/** A model built by `model(input, output)`: weights, summary and a synchronous `run`. */
export interface Model<In extends Shape, Out extends Shape> {
  /** Input and output shapes as built (batch −1 when unknown). */
  readonly inputShape: In;
  readonly outputShape: Out;
  /** Every weight tensor by `<layer>/<name>` (conv kernels HWIO `[kh, kw, in/groups, filters]`, dense `[in, units]`). */
  readonly weights: Readonly<Record<string, Tensor>>;
  /** Replaces some or all weights; validates everything first and changes nothing if any entry is wrong. */
  setWeights(record: Readonly<Record<string, Tensor | { readonly shape: readonly number[]; readonly data: Float32Array }>>): void;
  /** Runs the model on a batch; the result's batch is the argument's. */
  run<const X extends Shape>(x: RunArgument<In, X>): Tensor<RunOutput<Out, X>>;
  /** Per-layer rows: name, kind, output shape, parameters, MACs. */
  readonly layers: readonly LayerSummary[];
  /** Trainable parameters. */
  readonly params: number;
  /** Multiply-accumulates per example (FLOPs ≈ 2 × MACs). */
  readonly macs: number;
  /** The summary as an aligned text table with totals. */
  summary(): string;
}

type AllFit<Ins extends readonly Shape[], Xs extends readonly Tensor[]> = Ins extends readonly [
  infer I extends Shape,
  ...infer IRest extends readonly Shape[],
]
  ? Xs extends readonly [infer X extends Tensor, ...infer XRest extends readonly Tensor[]]
    ? RunArgument<I, X['shape']> extends Tensor
      ? AllFit<IRest, XRest>
      : RunArgument<I, X['shape']>
    : `model.run: too few inputs (expected ${Ins['length']} more)`
  : Xs extends readonly []
    ? true
    : `model.run: too many inputs (got ${Xs['length']} extra)`;

/** The argument of a several-input model's `run`: the tensors, or the message of the first that does not fit. */
export type RunArguments<Ins extends readonly Shape[], Xs extends readonly Tensor[]> = AllFit<Ins, Xs> extends true ? Xs : AllFit<Ins, Xs>;

/** A model with several inputs and/or outputs: `run` takes and returns arrays (batch from the first input). */
export interface MultiModel<Ins extends readonly Shape[], Outs extends readonly Shape[]>
  extends Omit<Model<Ins[0], Outs[0]>, 'run'> {
  run<const Xs extends readonly Tensor[]>(
    xs: RunArguments<Ins, Xs>,
  ): { readonly [I in keyof Outs]: Outs[I] extends infer O extends Shape ? Tensor<RunOutput<O, Xs[0]['shape']>> : never };
}
