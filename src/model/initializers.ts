/**
 * Weight initialisers. Kernels default to Glorot uniform (Keras' default); biases to zeros. Truncated normal
 * follows TensorFlow's `truncated_normal` as in the seed note: draws beyond two standard deviations are
 * redrawn. He and Glorot variants use the layer's fan-in / fan-out (kernel area × channels).
 */
import { ConvtypeError } from '../errors.js';
import type { Random } from './random.js';
import type { Initializer } from '../../types/initializer.js';

/** A named initialiser, or truncated normal with its own mean and standard deviation. */
export type { Initializer };

/** Fan-in and fan-out of one weight tensor. */
export interface Fans {
  readonly fanIn: number;
  readonly fanOut: number;
}

/** Fills `out` with values drawn from `init`. */
export function initialize(out: Float32Array, init: Initializer, fans: Fans, random: Random): void {
  const kind = typeof init === 'string' ? init : init.kind;
  switch (kind) {
    case 'zeros':
      out.fill(0);
      return;
    case 'ones':
      out.fill(1);
      return;
    case 'constant':
      out.fill((init as { value: number }).value);
      return;
    case 'glorotUniform':
      return uniform(out, Math.sqrt(6 / (fans.fanIn + fans.fanOut)), random);
    case 'heUniform':
      return uniform(out, Math.sqrt(6 / fans.fanIn), random);
    case 'glorotNormal':
      return truncated(out, 0, Math.sqrt(2 / (fans.fanIn + fans.fanOut)) / 0.8796256610342398, random);
    case 'heNormal':
      return truncated(out, 0, Math.sqrt(2 / fans.fanIn) / 0.8796256610342398, random);
    case 'truncatedNormal': {
      const o = typeof init === 'string' ? {} : (init as { mean?: number; stddev?: number });
      return truncated(out, o.mean ?? 0, o.stddev ?? 0.05, random);
    }
    default:
      throw new ConvtypeError(`initializer: unknown kind (got ${JSON.stringify(init)}, expected one of zeros, ones, glorotUniform, glorotNormal, heUniform, heNormal, truncatedNormal, constant)`);
  }
}

function uniform(out: Float32Array, limit: number, random: Random): void {
  for (let i = 0; i < out.length; i++) out[i] = (2 * random.uniform() - 1) * limit;
}

/** Normal draws redrawn outside ±2σ (TF's truncated_normal; Keras scales He/Glorot normal by 1/0.8796 to keep the variance). */
function truncated(out: Float32Array, mean: number, stddev: number, random: Random): void {
  for (let i = 0; i < out.length; i++) {
    let z = random.normal();
    while (z < -2 || z > 2) z = random.normal();
    out[i] = mean + stddev * z;
  }
}
