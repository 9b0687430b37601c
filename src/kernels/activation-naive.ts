/**
 * Reference activations, straight from their definitions; the naive kernels use these so they share
 * no code with the branch-free fast forms in activation.ts.
 *
 * Contract: `activationNaive(act, v)` returns act(v) for one value, computed in double precision.
 */
import type { Activation } from './activation.js';

/**
 * One activation value by its textbook definition.
 * @example activationNaive({ kind: 'leakyRelu', alpha: 0.1 }, -2) //=> -0.2
 */
export function activationNaive(act: Activation, v: number): number {
  switch (act.kind) {
    case 'none':
      return v;
    case 'relu':
      return Math.max(v, 0);
    case 'relu6':
      return Math.min(Math.max(v, 0), 6);
    case 'leakyRelu':
      return v >= 0 ? v : act.alpha * v;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-v));
    case 'tanh':
      return Math.tanh(v);
  }
}
