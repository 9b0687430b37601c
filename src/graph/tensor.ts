/**
 * The runtime side of `SymbolicTensor`: every method records one node after checking its shape rule, which
 * throws the same sentence the type checker shows. The class is typed loosely; users see it through the
 * `SymbolicTensor<S>` interface (types/tensor.ts), whose methods carry the exact shapes.
 */
import type { Shape } from '../../types/shape.js';
import type { SymbolicTensor } from '../../types/tensor.js';
import { SHAPE_RULES } from './layers.js';
import { createNode, type GraphNode } from './node.js';

/** The implementation behind `SymbolicTensor`. */
export class Tensor {
  readonly node: GraphNode;
  constructor(node: GraphNode) {
    this.node = node;
  }
  get shape(): readonly number[] {
    return this.node.shape;
  }
  /** Checks the rule of `kind` on this tensor's shape and records the node. */
  protected layer(kind: string, options: object = {}): Tensor {
    const rule = SHAPE_RULES[kind];
    if (!rule) throw new Error(`convtype: unknown layer kind ${kind}`);
    const shape = rule([this.node.shape], options);
    return new Tensor(createNode(kind, options as Record<string, unknown>, [this.node], shape));
  }
  conv2d(options: object) {
    return this.layer('conv2d', options);
  }
  conv2dTranspose(options: object) {
    return this.layer('conv2dTranspose', options);
  }
  maxPool2d(options: object) {
    return this.layer('maxPool2d', options);
  }
  avgPool2d(options: object) {
    return this.layer('avgPool2d', options);
  }
  flatten(options?: object) {
    return this.layer('flatten', options);
  }
  dense(options: object) {
    return this.layer('dense', options);
  }
  relu(options?: object) {
    return this.layer('relu', options);
  }
  sigmoid(options?: object) {
    return this.layer('sigmoid', options);
  }
  tanh(options?: object) {
    return this.layer('tanh', options);
  }
  softmax(options?: object) {
    return this.layer('softmax', options);
  }
}

/** The typed view of a runtime tensor. */
export const typed = <S extends Shape>(t: Tensor): SymbolicTensor<S> => t as unknown as SymbolicTensor<S>;

/** The runtime tensor behind a typed one. */
export const untyped = (t: SymbolicTensor<Shape>): Tensor => t as unknown as Tensor;
