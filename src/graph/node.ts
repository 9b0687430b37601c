/**
 * The graph a model is made of: each symbolic tensor is the output of one node, which records the layer
 * kind, its options, its input nodes and its checked output shape (batch −1 when unknown).
 */

/** One layer application (or an input) in the graph. */
export interface GraphNode {
  /** Creation order, unique in the process; also a stable tie-breaker for default names. */
  readonly id: number;
  /** `input`, `conv2d`, `relu`, … */
  readonly kind: string;
  /** The options as the user wrote them. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Input nodes, in argument order. */
  readonly inputs: readonly GraphNode[];
  /** The output shape, batch first. */
  readonly shape: readonly number[];
}

let nextId = 0;

/** Creates a node with a fresh id. */
export function createNode(kind: string, options: Readonly<Record<string, unknown>>, inputs: readonly GraphNode[], shape: readonly number[]): GraphNode {
  return Object.freeze({ id: nextId++, kind, options: Object.freeze({ ...options }), inputs, shape: Object.freeze([...shape]) });
}
