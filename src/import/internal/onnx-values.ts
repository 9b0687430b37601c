/**
 * What the ONNX importer knows about each value of the graph while it walks the nodes: a constant (an
 * initializer, a `Constant` node, or shape arithmetic folded at import time, since input sizes are fixed),
 * or an activation that a convtype layer (or graph input) computes. Activations carry convtype's shape
 * (NHWC, batch first as −1); their ONNX shape is derived (NCHW). A flattened feature map remembers the
 * `[H, W, C]` it came from, because convtype flattens in NHWC order and ONNX in NCHW order: the dense that
 * reads it reorders its kernel rows, and ops that would see the different order are refused.
 *
 * Also the context a node converter sees (`NodeContext`): its inputs as constants or activations, its
 * attributes with ONNX defaults, and `emit` to add a convtype layer.
 */
import type { OnnxGraphNode } from '../../onnx/graph.js';
import { formatShape } from '../../shapes/format.js';
import type { ImportedWeight, OptionValue } from '../ir.js';

/** A tensor known at import time. `int`: an integer element type (Div truncates, Cast rounds toward 0). */
export interface ConstValue {
  readonly kind: 'const';
  readonly dims: readonly number[];
  readonly data: Float32Array;
  readonly int: boolean;
}

/** A tensor computed by the convtype model: the layer (or input) `ref`, its convtype shape, batch first (−1). */
export interface ActValue {
  readonly kind: 'act';
  readonly ref: string;
  readonly shape: readonly number[];
  /** For a rank-2 value flattened from a feature map with more than one pixel: that map's `[H, W, C]`. */
  readonly flat?: readonly number[];
  /**
   * The ONNX tensor is this map in NHWC order, as convtype holds it: a tf2onnx-style graph takes NHWC input and
   * transposes it to NCHW (and back at the end). Only a `Transpose` (or a graph output) may read it.
   */
  readonly channelsLast?: boolean;
}

export type Value = ConstValue | ActValue;

/** A node convtype cannot express; the walker lists it with every other one. */
export class Unsupported extends Error {}

export const unsupported = (reason: string): never => {
  throw new Unsupported(reason);
};

/** The ONNX (NCHW) dims of an activation, batch 1: `[1, C, H, W]` for convtype's `[B, H, W, C]`. */
export function onnxDims(v: ActValue): number[] {
  const s = v.shape.map((d, i) => (i === 0 ? 1 : d));
  return s.length === 4 && !v.channelsLast ? [s[0]!, s[3]!, s[1]!, s[2]!] : s;
}

/** `[1, C, H, W]` as printed in messages, with the batch as `B`. */
export const showOnnx = (v: ActValue): string => formatShape([-1, ...onnxDims(v).slice(1)]);

export const sizeOf = (dims: readonly number[]): number => dims.reduce((a, b) => a * b, 1);

/** A constant holding `values` (`int` by default when every value is an integer). */
export function constant(dims: readonly number[], values: ArrayLike<number>, int?: boolean): ConstValue {
  const data = Float32Array.from(values);
  return { kind: 'const', dims: [...dims], data, int: int ?? data.every((v) => Number.isInteger(v)) };
}

/** A single-number constant's value, or undefined when `v` is not one. */
export function scalarOf(v: Value | undefined): number | undefined {
  return v?.kind === 'const' && v.data.length === 1 ? v.data[0] : undefined;
}

/** A weight in convtype's layout. */
export const weight = (shape: readonly number[], data: Float32Array): ImportedWeight => ({ shape: [...shape], data });

/** The activation as a feature map `[B, H, W, C]` (throws for other ranks). */
export function map4(ctx: NodeContext, i = 0): ActValue {
  const x = ctx.act(i);
  if (x.shape.length !== 4) unsupported(`reads ${showOnnx(x)}, expected an NCHW feature map [N, C, H, W]`);
  return x;
}

/** `n` when both are `n`, else the pair: how convtype options print. */
export const pairOption = (a: number, b: number): OptionValue => (a === b ? a : [a, b]);

/** What a converter sees of one node. */
export interface NodeContext {
  readonly node: OnnxGraphNode;
  /** The default-domain opset of the model. */
  readonly opset: number;
  /** Input `i`, undefined when absent (`''` or past the end). */
  input(i: number): Value | undefined;
  /** Input `i` as an activation (throws `Unsupported` for a constant or absent input). */
  act(i: number): ActValue;
  /** Input `i` as a constant (throws `Unsupported`: convtype weights must be known at import). */
  constant(i: number, what: string): ConstValue;
  int(name: string, fallback: number): number;
  ints(name: string, fallback: readonly number[] | undefined): readonly number[] | undefined;
  float(name: string, fallback: number): number;
  string(name: string, fallback: string): string;
  /** Adds a convtype layer on `inputs` (default: input 0) and returns its value; the shape rule runs here. */
  emit(kind: string, options: Record<string, OptionValue | undefined>, weights?: Record<string, ImportedWeight>, inputs?: readonly ActValue[]): ActValue;
  /** The nodes that read value `name` (the walker has not converted them yet when they come later). */
  consumers(name: string): readonly OnnxGraphNode[];
  /** Whether value `name` is a graph output. */
  isOutput(name: string): boolean;
  /** The value of `name` if it is already known (inputs of other nodes a fusion looks at). */
  valueOf(name: string): Value | undefined;
  /** Marks `node` as converted by this one (a fused pattern); its outputs get the values `set` gives. */
  absorb(node: OnnxGraphNode): void;
  /** Sets a value other than this node's own outputs (the last output of a fused pattern). */
  set(name: string, value: Value): void;
}

/** A node converter: the values of the node's outputs (the first at least; missing ones are unknown). */
export type Converter = (ctx: NodeContext) => Value | readonly Value[];
