/**
 * What a layer kind is: its shape rule, its parameters, its cost, and how it compiles to a step of the
 * executor. Layers hold no loops (CONVENTIONS.md habit 8): `compile` builds a geometry record and hands
 * packed weights to a kernel through the ops layer.
 */
import type { Activation } from '../kernels/activation.js';
import type { Backend } from '../kernels/backend.js';
import type { Fans, Initializer } from '../model/initializers.js';

/** A shape, batch first; −1 for an unknown batch in the graph. */
export type Dims = readonly number[];

/** One weight tensor of a layer. */
export interface ParameterSpec {
  /** Short name inside the layer: `kernel`, `bias`, `gamma`, … (the model names it `<layer>/<name>`). */
  readonly name: string;
  readonly shape: readonly number[];
  readonly init: Initializer;
  readonly fans: Fans;
  /** Running statistics are weights but not trainable parameters (batch norm). */
  readonly trainable: boolean;
}

/** Everything `compile` needs for one batch size. */
export interface CompileContext<O> {
  readonly options: O;
  /** Input shapes with the batch resolved. */
  readonly inputs: readonly Dims[];
  /** Output shape with the batch resolved. */
  readonly output: Dims;
  /** This layer's weights by short name. */
  readonly weights: Readonly<Record<string, Float32Array>>;
  /** An activation the planner fused into this layer's epilogue (only if `fusesActivation`). */
  readonly activation: Activation;
  /** Scratch memory shared by all steps; holds at least the `scratchSize` the layer reports, once compiled. */
  readonly scratch: () => Float32Array;
  /** The backend whose kernels run the layer. */
  readonly backend: Backend;
}

/**
 * One compiled layer: reads its inputs at `inputs[i]` and writes its output at `output`, all element
 * offsets into the one activation arena `memory` (distinct ranges unless the layer is `inPlace`).
 */
export type Step = (memory: Float32Array, inputs: readonly number[], output: number) => void;

/** A compiled layer and the scratch it needs. */
export interface Compiled {
  readonly run: Step;
  readonly scratchSize: number;
}

/** The definition of one layer kind. */
export interface LayerDefinition<O = any> {
  readonly kind: string;
  /** Output shape, or throws `ShapeError` with the compile-time sentence. */
  shape(inputs: readonly Dims[], options: O): number[];
  /** Weight tensors, for an input of these shapes. */
  parameters?(inputs: readonly Dims[], options: O): ParameterSpec[];
  /** Multiply-accumulates for ONE example. */
  macs?(inputs: readonly Dims[], output: Dims, options: O): number;
  /** Can take a following elementwise activation into its epilogue. */
  readonly fusesActivation?: boolean;
  /** The elementwise activation this layer is, when it is one (so the planner can fuse it). */
  activation?(options: O): Activation | undefined;
  /** May write its output over its input (elementwise layers). */
  readonly inPlace?: boolean;
  compile(ctx: CompileContext<O>): Compiled;
}

/** Product of dims. */
export const sizeOf = (dims: Dims): number => dims.reduce((a, b) => a * b, 1);

/** Kernel / bias specs shared by conv-like and dense layers. */
export function kernelAndBias(
  kernelShape: readonly number[],
  fans: Fans,
  units: number,
  options: { useBias?: boolean; kernelInitializer?: Initializer; biasInitializer?: Initializer },
): ParameterSpec[] {
  const specs: ParameterSpec[] = [
    { name: 'kernel', shape: kernelShape, init: options.kernelInitializer ?? 'glorotUniform', fans, trainable: true },
  ];
  if (options.useBias !== false) {
    specs.push({ name: 'bias', shape: [units], init: options.biasInitializer ?? 'zeros', fans, trainable: true });
  }
  return specs;
}
