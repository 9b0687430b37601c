/**
 * The graph under construction: nodes, initializers and unique value names, plus the layout of every value.
 *
 * Decision: convtype's activations are channels-last (NHWC); ONNX's spatial operators are channels-first.
 * Each value records which of the two it is in, and a layer asks for the layout it needs
 * (`channelsFirst` / `channelsLast`), which inserts one Transpose the first time and re-uses it after.
 * So a conv stack stays NCHW end to end, and transposes appear only at the boundary and where a layer reads
 * NHWC memory order (flatten, reshape). Rejected: converting every layer's output back to NHWC (two
 * transposes per layer), and a layout-assignment pass (no gain over this on the graphs convtype builds).
 */
import { DataType, type AttributeValue, type NamedTensor, type OnnxNode, type TensorData } from '../encode.js';

/** Channels-first (ONNX `[N, C, ...spatial]`) or channels-last (convtype `[N, ...spatial, C]`). */
export type Layout = 'channelsFirst' | 'channelsLast';

/** A value of the graph: its name, rank and layout (rank ≤ 2 values are the same in both layouts). */
export interface Value {
  readonly name: string;
  readonly rank: number;
  readonly layout: Layout;
}

/** Permutation `[N, ...spatial, C]` → `[N, C, ...spatial]` for this rank. */
export const toChannelsFirst = (rank: number): number[] => [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];

/** Permutation `[N, C, ...spatial]` → `[N, ...spatial, C]` for this rank. */
export const toChannelsLast = (rank: number): number[] => [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1];

export class GraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: NamedTensor[] = [];
  private readonly names = new Set<string>();
  private readonly converted = new Map<string, string>();

  /** Reserves `base`, or `base_1`, `base_2`, … if taken. */
  fresh(base: string): string {
    let name = base;
    for (let i = 1; this.names.has(name); i++) name = `${base}_${i}`;
    this.names.add(name);
    return name;
  }

  /** Adds a node with one output named `output` (made unique) and returns the output's name. */
  node(opType: string, inputs: readonly string[], attributes: Readonly<Record<string, AttributeValue>> = {}, output = opType.toLowerCase()): string {
    const name = this.fresh(output);
    this.nodes.push({ opType, inputs, outputs: [name], name, attributes });
    return name;
  }

  /** Adds an initializer and returns its (unique) name. */
  constant(base: string, dims: readonly number[], data: TensorData): string {
    const name = this.fresh(base);
    this.initializers.push({ name, dims, data });
    return name;
  }

  /** A 1-D int64 initializer. */
  ints(base: string, values: readonly number[]): string {
    return this.constant(base, [values.length], BigInt64Array.from(values, (v) => BigInt(v)));
  }

  /** A 1-D float initializer. */
  floats(base: string, values: readonly number[], dims: readonly number[] = [values.length]): string {
    return this.constant(base, dims, Float32Array.from(values));
  }

  /** A float scalar initializer. */
  scalar(base: string, value: number): string {
    return this.constant(base, [], Float32Array.of(value));
  }

  /** The name of `v` in channels-first layout (a Transpose the first time it is needed). */
  channelsFirst(v: Value): string {
    if (v.rank <= 2 || v.layout === 'channelsFirst') return v.name;
    return this.transposed(v, toChannelsFirst(v.rank), `${v.name}/nchw`);
  }

  /** The name of `v` in channels-last layout (a Transpose the first time it is needed). */
  channelsLast(v: Value): string {
    if (v.rank <= 2 || v.layout === 'channelsLast') return v.name;
    return this.transposed(v, toChannelsLast(v.rank), `${v.name}/nhwc`);
  }

  private transposed(v: Value, perm: number[], base: string): string {
    const key = `${v.name}\u0000${perm.join(',')}`;
    let name = this.converted.get(key);
    if (name === undefined) {
      name = this.node('Transpose', [v.name], { perm }, base);
      this.converted.set(key, name);
    }
    return name;
  }
}

export { DataType };
