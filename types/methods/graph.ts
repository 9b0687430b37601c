/** `apply(spec)`: a layer, a sequence, a residual block or concatenated branches, checked at the call. */
import type { Typed } from '../registry.js';
import type { ArgumentFor, OutputOf } from '../result.js';
import type { AnySpec, ApplySpec } from '../spec.js';
import type { SymbolicTensor } from '../tensor.js';

export interface GraphMethods {
  /**
   * Applies a spec (a layer value, `sequential(...)`, `residual(...)`, `branches(...)`) to this tensor; the
   * output shape is computed here, and a spec that does not fit is an error at this argument naming the inner layer.
   * @example input([56, 56, 256]).apply(bottleneck).shape //=> readonly [number, 56, 56, 256]
   */
  apply<This extends Typed, const Sp extends AnySpec>(
    this: This,
    spec: ArgumentFor<Sp, ApplySpec<This['shape'], Sp>>,
  ): SymbolicTensor<OutputOf<ApplySpec<This['shape'], Sp>>>;
}
