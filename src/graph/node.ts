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
  /** The `x.apply(spec)` call this node was made by, if any (graph pictures fold repeated blocks by it). */
  readonly block?: BlockRecord;
}

/** One `x.apply(spec)` call: a process-unique id and what the spec is (`residual`, `branches`, `sequential`, a kind). */
export interface BlockRecord {
  readonly id: number;
  readonly label: string;
}

let nextId = 0;
let nextBlock = 0;
let currentBlock: BlockRecord | undefined;

/** Runs `build` with every node it creates recorded as made by one block application (the outermost one wins). */
export function inBlock<T>(label: string, build: () => T): T {
  if (currentBlock !== undefined) return build();
  currentBlock = { id: nextBlock++, label };
  try {
    return build();
  } finally {
    currentBlock = undefined;
  }
}

/** Creates a node with a fresh id. */
export function createNode(kind: string, options: Readonly<Record<string, unknown>>, inputs: readonly GraphNode[], shape: readonly number[]): GraphNode {
  const block = currentBlock === undefined ? {} : { block: currentBlock };
  return Object.freeze({ id: nextId++, kind, options: Object.freeze({ ...options }), inputs, shape: Object.freeze([...shape]), ...block });
}
