/** What an emitter gets for one layer, and the emitter type: one convtype layer → some ONNX nodes. */
import type { GraphBuilder, Value } from './builder.js';

/** One layer of the model, with its inputs already in the graph. */
export interface EmitContext {
  /** The layer's model-wide name (`conv2d_1`, or the user's). */
  readonly name: string;
  readonly kind: string;
  readonly options: Readonly<Record<string, any>>;
  /** Input shapes as convtype sees them (NHWC, batch −1 when unknown). */
  readonly inputShapes: readonly (readonly number[])[];
  /** The output shape as convtype sees it. */
  readonly shape: readonly number[];
  readonly inputs: readonly Value[];
  /** This layer's weight `<name>/<weight>` (a copy). */
  weight(weight: string): { readonly shape: readonly number[]; readonly data: Float32Array } | undefined;
  readonly builder: GraphBuilder;
}

/** Emits the nodes of one layer and returns its output value. */
export type Emitter = (ctx: EmitContext) => Value;

/** A value made by a node in channels-first layout (for rank ≥ 3). */
export const channelsFirstValue = (name: string, rank: number): Value => ({ name, rank, layout: 'channelsFirst' });

/** A value made by a node in convtype's layout. */
export const channelsLastValue = (name: string, rank: number): Value => ({ name, rank, layout: 'channelsLast' });

/** The weight, or an internal error naming it (the model always has the weights its layers declare). */
export function requireWeight(ctx: EmitContext, weight: string): { readonly shape: readonly number[]; readonly data: Float32Array } {
  const w = ctx.weight(weight);
  if (w === undefined) throw new Error(`toOnnx: ${ctx.name} has no weight '${weight}' (a ${ctx.kind} layer should have one)`);
  return w;
}
