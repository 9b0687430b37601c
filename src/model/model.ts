/**
 * `model(input, output, { seed })`: collects the graph, creates every weight deterministically from the
 * seed, and runs batches through a plan cached per batch size.
 */
import type { LayerSummary, Model, Tensor } from '../../types/model.js';
import type { Shape } from '../../types/shape.js';
import type { SymbolicTensor } from '../../types/tensor.js';
import { InputError, WeightError } from '../errors.js';
import { untyped } from '../graph/tensor.js';
import { jsBackend, type Backend } from '../kernels/backend.js';
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
  /** The compute backend, default the plain-TypeScript one. */
  readonly backend?: Backend;
}

/**
 * A runnable model from `input` to `output`.
 * @example model(x, y, { seed: 1 }).run(tensor([1, 227, 227, 3])).shape //=> [1, 1000]
 */
export function model<In extends Shape, Out extends Shape>(
  input: SymbolicTensor<In>,
  output: SymbolicTensor<Out>,
  options: ModelOptions = {},
): Model<In, Out> {
  return new ModelImpl(input, output, options) as unknown as Model<In, Out>;
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

  constructor(input: SymbolicTensor<Shape>, output: SymbolicTensor<Shape>, options: ModelOptions) {
    const inNode = untyped(input).node;
    const outNode = untyped(output).node;
    this.backend = options.backend ?? jsBackend;
    this.inputIds = [inNode.id];
    this.outputIds = [outNode.id];
    this.inputShape = inNode.shape;
    this.outputShape = outNode.shape;
    this.graph = collectGraph([inNode], [outNode]);
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

  get weights(): Readonly<Record<string, Tensor>> {
    const out: Record<string, Tensor> = {};
    for (const [key, e] of this.entries) out[key] = Object.freeze({ shape: e.spec.shape, data: e.data });
    return out;
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

  run(x: Tensor): Tensor {
    const batch = this.checkInput(x);
    const plan = this.planFor(batch);
    plan.memory.set(x.data, plan.inputOffsets[0]);
    for (const step of plan.steps) step.run(plan.memory, step.inputs, step.output);
    const shape = plan.outputShapes[0]!;
    const start = plan.outputOffsets[0]!;
    return Object.freeze({ shape: Object.freeze([...shape]), data: plan.memory.slice(start, start + sizeOf(shape)) });
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
  private checkInput(x: Tensor): number {
    const expected = this.inputShape;
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

const formatDims = (dims: readonly number[]): string => (Array.isArray(dims) ? `[${dims.join(', ')}]` : String(dims));
