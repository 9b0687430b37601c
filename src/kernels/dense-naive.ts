/**
 * Reference dense (fully connected) layer, straight from the definition. Slow on purpose.
 *
 * Contract: x is (batch, inFeatures), w is (inFeatures, units), bias is (units) or null,
 * returns a new y (batch, units): y[b, u] = act(bias[u] + Σ_i x[b, i]·w[i, u]). Sums in double.
 */
import { NO_ACTIVATION, type Activation } from './activation.js';
import { activationNaive } from './activation-naive.js';
import type { DenseGeometry } from './geometry.js';

/**
 * Returns `act(x·w + bias)` as a new Float32Array.
 * @example denseNaive({ batch: 1, inFeatures: 2, units: 1 }, Float32Array.of(1, 2), Float32Array.of(3, 4), null) //=> [11]
 */
export function denseNaive(
  g: DenseGeometry,
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  act: Activation = NO_ACTIVATION,
): Float32Array {
  const y = new Float32Array(g.batch * g.units);
  for (let b = 0; b < g.batch; b++) {
    for (let u = 0; u < g.units; u++) {
      let sum = bias === null ? 0 : bias[u];
      for (let i = 0; i < g.inFeatures; i++) sum += x[b * g.inFeatures + i] * w[i * g.units + u];
      y[b * g.units + u] = activationNaive(act, sum);
    }
  }
  return y;
}
