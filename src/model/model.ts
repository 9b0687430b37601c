/**
 * `model(input, output, { seed })`: collects the graph, creates every weight deterministically from the
 * seed, and runs batches through a plan cached per batch size.
 */
import type { LayerSummary, Model, MultiModel, Tensor } from '../../types/model.js';
import type { Typed } from '../../types/registry.js';
import type { Shape } from '../../types/shape.js';
import type { SymbolicTensor } from '../../types/tensor.js';

type ShapesOf<Ts extends readonly Typed[]> = { readonly [I in keyof Ts]: Ts[I]['shape'] };
import { GraphError, InputError, WeightError } from '../errors.js';
import { untyped } from '../graph/tensor.js';
import type { Backend } from '../kernels/backend.js';
import { resolveBackend, type BackendName } from '../kernels/select.js';
import { sizeOf, type ParameterSpec } from '../layers/definition.js';
import { LAYERS } from '../layers/index.js';
import { formatShape } from '../shapes/format.js';
import { describe } from '../tensor.js';
import { collectGraph, type NamedNode } from './graph.js';
import { initialize } from './initializers.js';
import { buildPlan, type Plan } from './plan.js';
import { seededRandom } from './random.js';
import { formatSummary } from './summary.js';

/** Options of `model`. */
export interface ModelOptions {
  /** Seed of the weight initialisers, default 0: the same seed gives the same weights everywhere. */
  readonly seed?: number;
  /**
   * The compute backend: `'wasm'` (WebAssembly SIMD kernels, the default; the plain-TS ones where the runtime
   * has no SIMD), `'js'` (plain TypeScript), or a `Backend` such as `createWasmBackend({ threads: 1 })`.
   */
  readonly backend?: Backend | BackendName;
}

/**
 * A runnable model from `input` to `output`.
 * @example model(x, y, { seed: 1 }).run(tensor([1, 227, 227, 3])).shape //=> [1, 1000]
 */
export function model<In extends Shape, Out extends Shape>(
  input: SymbolicTensor<In>,
  output: SymbolicTensor<Out>,
  options?: ModelOptions,
): Model<In, Out>;
/**
 * A runnable model with several inputs and/or outputs (given as arrays); `run` takes and returns arrays.
 * @example model([image, mask], [logits, boxes]).run([x1, x2]).length //=> 2
 */
export function model<const Ins extends readonly Typed[], const Outs extends readonly Typed[]>(
  inputs: Ins,
  outputs: Outs,
  options?: ModelOptions,
): MultiModel<ShapesOf<Ins>, ShapesOf<Outs>>;
export function model(input: unknown, output: unknown, options: ModelOptions = {}): unknown {
  const many = Array.isArray(input) || Array.isArray(output);
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
  return new ModelImpl(list(input), list(output), many, options);
}

interface WeightEntry {
  readonly layer: string;
  readonly spec: ParameterSpec;
  readonly data: Float32Array;
}

class ModelImpl {
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  readonly layers: readonly LayerSummary[];
  readonly params: number;
  readonly macs: number;
  private readonly graph: readonly NamedNode[];
  private readonly inputIds: number[];
  private readonly outputIds: number[];
  private readonly entries = new Map<string, WeightEntry>();
  private readonly plans = new Map<number, Plan>();
  private readonly backend: Backend;

  private readonly many: boolean;
  private readonly inputShapes: readonly (readonly number[])[];

  constructor(inputs: readonly unknown[], outputs: readonly unknown[], many: boolean, options: ModelOptions) {
    const inNodes = inputs.map((t) => untyped(t).node);
    const outNodes = outputs.map((t) => untyped(t).node);
    if (inNodes.length === 0 || outNodes.length === 0) {
      throw new GraphError(`model: needs at least one input and one output (got ${inNodes.length} and ${outNodes.length})`);
    }
    for (const n of inNodes) {
      if (n.kind !== 'input') throw new GraphError(`model: an input is not made by input(...) (got a ${n.kind} output, expected input(...))`);
    }
    this.many = many;
    this.backend = resolveBackend(options.backend, 'model');
    this.inputIds = inNodes.map((n) => n.id);
    this.outputIds = outNodes.map((n) => n.id);
    this.inputShapes = inNodes.map((n) => n.shape);
    this.inputShape = inNodes[0]!.shape;
    this.outputShape = outNodes[0]!.shape;
    this.graph = collectGraph(inNodes, outNodes);
    const random = seededRandom(options.seed ?? 0);
    const rows: LayerSummary[] = [];
    for (const { node, name } of this.graph) {
      const def = LAYERS[node.kind];
      const inputShapes = node.inputs.map((i) => i.shape);
      const specs = def?.parameters?.(inputShapes, node.options) ?? [];
      for (const spec of specs) {
        const data = new Float32Array(sizeOf(spec.shape));
        initialize(data, spec.init, spec.fans, random);
        this.entries.set(`${name}/${spec.name}`, { layer: name, spec, data });
      }
      rows.push({
        name,
        kind: node.kind,
        shape: node.shape,
        params: specs.filter((s) => s.trainable).reduce((a, s) => a + sizeOf(s.shape), 0),
        macs: def?.macs?.(inputShapes, node.shape, node.options) ?? 0,
      });
    }
    this.layers = rows;
    this.params = rows.reduce((a, r) => a + r.params, 0);
    this.macs = rows.reduce((a, r) => a + r.macs, 0);
  }

  /** Copies, made when a key is read: editing one cannot desynchronise the plans (use `setWeights`). */
  get weights(): Readonly<Record<string, Tensor>> {
    const out: Record<string, Tensor> = {};
    for (const [key, e] of this.entries) {
      Object.defineProperty(out, key, {
        enumerable: true,
        get: () => Object.freeze({ shape: e.spec.shape, data: e.data.slice() }),
      });
    }
    return Object.freeze(out);
  }

  setWeights(record: Readonly<Record<string, { readonly shape: readonly number[]; readonly data: Float32Array }>>): void {
    const problems: string[] = [];
    for (const [key, t] of Object.entries(record)) {
      const e = this.entries.get(key);
      if (!e) {
        problems.push(`${key}: no such weight (expected one of ${[...this.entries.keys()].slice(0, 8).join(', ')}${this.entries.size > 8 ? ', …' : ''})`);
        continue;
      }
      if (!t || !(t.data instanceof Float32Array)) {
        problems.push(`${e.layer}: ${key} data is not a Float32Array (got ${describe(t?.data)}, expected Float32Array)`);
        continue;
      }
      const shapeOk = Array.isArray(t.shape) && t.shape.length === e.spec.shape.length && t.shape.every((d, i) => d === e.spec.shape[i]);
      if (!shapeOk) {
        problems.push(`${e.layer}: ${key} has the wrong shape (got ${formatDims(t.shape)}, expected ${formatDims(e.spec.shape)})`);
        continue;
      }
      if (t.data.length !== e.data.length) {
        problems.push(`${e.layer}: ${key} data length does not match its shape (got ${t.data.length}, expected ${e.data.length})`);
      }
    }
    if (problems.length > 0) throw new WeightError(problems);
    for (const [key, t] of Object.entries(record)) this.entries.get(key)!.data.set(t.data);
    this.plans.clear();
  }

  run(x: Tensor | readonly Tensor[]): Tensor | Tensor[] {
    const xs = this.many ? (Array.isArray(x) ? (x as readonly Tensor[]) : notArray(x)) : [x as Tensor];
    if (xs.length !== this.inputIds.length) {
      throw new InputError(`model.run: wrong number of inputs (got ${xs.length}, expected ${this.inputIds.length})`);
    }
    const batches = xs.map((t, i) => this.checkInput(t, i));
    if (batches.some((b) => b !== batches[0])) {
      throw new InputError(`model.run: inputs have different batch sizes (got ${batches.join(', ')}, expected one batch size)`);
    }
    const plan = this.planFor(batches[0]!);
    const memory = plan.memory;
    xs.forEach((t, i) => memory.set(t.data, plan.inputOffsets[i]));
    for (const step of plan.steps) step.run(memory, step.inputs, step.output);
    const outs = plan.outputShapes.map((shape, i) => {
      const start = plan.outputOffsets[i]!;
      return Object.freeze({ shape: Object.freeze([...shape]), data: memory.slice(start, start + sizeOf(shape)) });
    });
    return this.many ? outs : outs[0]!;
  }

  summary(): string {
    return formatSummary(this.layers);
  }

  private planFor(batch: number): Plan {
    let plan = this.plans.get(batch);
    if (!plan) {
      const weights = new Map([...this.entries].map(([k, e]) => [k, e.data]));
      plan = buildPlan(this.graph, this.inputIds, this.outputIds, batch, weights, this.backend);
      this.plans.set(batch, plan);
    }
    return plan;
  }

  /** The batch of `x`, after checking it fits the input (the runtime twin of `RunArgument`). */
  private checkInput(x: Tensor, index: number): number {
    const expected = this.inputShapes[index]!;
    if (x === null || typeof x !== 'object' || !Array.isArray(x.shape)) {
      throw new InputError(`model.run: input is not a tensor (got ${describe(x)}, expected { shape, data: Float32Array })`);
    }
    const fits =
      x.shape.length === expected.length &&
      x.shape.every((d, i) => Number.isSafeInteger(d) && d >= 1 && (expected[i]! < 0 || expected[i] === d));
    if (!fits) {
      throw new InputError(`model.run: input shape does not fit the model (got ${formatShape(x.shape)}, expected ${formatShape(expected)})`);
    }
    if (!(x.data instanceof Float32Array)) {
      throw new InputError(`model.run: input data is not a Float32Array (got ${describe(x.data)}, expected Float32Array)`);
    }
    const size = sizeOf(x.shape);
    if (x.data.length !== size) {
      throw new InputError(`model.run: input data length does not match its shape (got ${x.data.length}, expected ${size} for ${formatShape(x.shape)})`);
    }
    return x.shape[0]!;
  }
}

function notArray(x: unknown): never {
  throw new InputError(`model.run: this model has several inputs or outputs (got ${describe(x)}, expected an array of tensors)`);
}

const formatDims = (dims: readonly number[]): string => (Array.isArray(dims) ? `[${dims.join(', ')}]` : String(dims));
