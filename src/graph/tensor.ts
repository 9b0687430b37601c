/**
 * The runtime side of `SymbolicTensor`: one method per layer kind (generated from the layer table), each
 * checking its shape rule — which throws the sentence the type checker shows — and recording a node.
 * Users see this class through the `SymbolicTensor<S>` interface (types/tensor.ts).
 */
import type { Shape } from '../../types/shape.js';
import type { SymbolicTensor } from '../../types/tensor.js';
import { FUNCTION_KINDS, LAYERS } from '../layers/index.js';
import { createNode, type GraphNode, inBlock } from './node.js';
import { applySpec, type RuntimeSpec } from './spec.js';

/** The implementation behind `SymbolicTensor`. */
export class GraphTensor {
  readonly node: GraphNode;
  constructor(node: GraphNode) {
    this.node = node;
  }
  get shape(): readonly number[] {
    return this.node.shape;
  }
  /** Checks the rule of `kind` on this tensor (and `others`) and records the node. */
  layer(kind: string, options: object = {}, others: readonly GraphTensor[] = []): GraphTensor {
    const def = LAYERS[kind];
    if (!def) throw new Error(`convtype: unknown layer kind '${kind}'`);
    const inputs = [this.node, ...others.map((t) => t.node)];
    const shape = def.shape(
      inputs.map((n) => n.shape),
      options,
    );
    return new GraphTensor(createNode(kind, options as Record<string, unknown>, inputs, shape));
  }
  /** Applies a layer spec, sequence, residual block or branches. */
  apply(spec: RuntimeSpec): GraphTensor {
    return inBlock(blockLabel(spec), () => applySpec(this, spec));
  }
}

for (const kind of Object.keys(LAYERS)) {
  if (FUNCTION_KINDS.has(kind)) continue;
  Object.defineProperty(GraphTensor.prototype, kind, {
    value(this: GraphTensor, options?: object) {
      return this.layer(kind, options ?? {});
    },
    writable: true,
    configurable: true,
  });
}

/** What a block is called in a picture: `residual block` when a residual sits at its top, else its kind. */
function blockLabel(spec: RuntimeSpec): string {
  const top = spec.kind === 'sequential' ? (spec as { specs: RuntimeSpec[] }).specs : [spec];
  if (top.some((s) => s.kind === 'residual')) return 'residual block';
  if (top.some((s) => s.kind === 'branches')) return 'branches';
  return spec.kind === 'sequential' ? 'block' : spec.kind;
}

/** The typed view of a runtime tensor. */
export const typed = <S extends Shape>(t: GraphTensor): SymbolicTensor<S> => t as unknown as SymbolicTensor<S>;

/** The runtime tensor behind a typed one. */
export function untyped(t: unknown): GraphTensor {
  if (!(t instanceof GraphTensor)) throw new TypeError(`convtype: expected a symbolic tensor from input(...) (got ${String(t)})`);
  return t;
}
