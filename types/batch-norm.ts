/**
 * batchNorm (inference): `[B, …, C]` → the same shape, each channel (the last axis) normalised with its
 * moving statistics, `y = γ·(x − μ)/√(σ² + ε) + β`; any rank ≥ 2 (`[B, F]` after dense, `[B, H, W, C]` after
 * conv). Weights `gamma`, `beta` (trainable), `movingMean`, `movingVariance` (not trainable), SEMANTICS.md §6.
 * Runtime twin: `batchNormShape` in src/shapes/batch-norm.ts.
 */
import type { CheckKnown } from './internal/checks.js';
import type { RankMessage } from './messages.js';
import type { OptionOf } from './options.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** Options of `batchNorm`. */
export interface BatchNormOptions {
  /**
   * ε added to the variance, default 1e-3 (Keras and tfjs-layers). PyTorch's `BatchNorm2d` and ONNX use 1e-5:
   * write `epsilon: 1e-5` when porting PyTorch weights.
   */
  readonly epsilon?: number;
  /** Layer name, default `batchNorm_<n>`. */
  readonly name?: string;
}

/** An `epsilon` that is not a finite number > 0. */
export type EpsilonMessage<V extends string | number> = `batchNorm: epsilon is not a positive number (got ${V}, expected a finite number > 0)`;

/** What `batchNorm` accepts, as the rank message prints it. */
export type BatchNormRank = 'rank ≥ 2 [B, …, C]';

/** Literal epsilons that are ≤ 0 (or infinite); `number` and non-literals pass (the runtime checks them). */
type BadEpsilon<E> = [E] extends [number]
  ? number extends E
    ? false
    : `${E}` extends `-${string}` | '0' | 'Infinity'
      ? true
      : false
  : false;

/**
 * The outcome of `batchNorm` with options `O` on shape `S`: the shape itself. A shape of unknown rank
 * (`readonly number[]`) is let through to the option checks; only ranks 0 and 1 have no channel axis.
 * @example OutputOf<BatchNormResult<readonly [number, 112, 112, 64], { epsilon: 1e-5 }>> //=> readonly [number, 112, 112, 64]
 */
export type BatchNormResult<S extends Shape, O> = S extends readonly [] | readonly [number]
  ? Fail<'', RankMessage<'batchNorm', FormatShape<S>, BatchNormRank>, S>
  : CheckKnown<'batchNorm', O, ['epsilon', 'name'], S> extends infer R1
    ? R1 extends Fail<string, string, Shape>
      ? R1
      : BadEpsilon<OptionOf<O, 'epsilon'>> extends true
        ? Fail<'epsilon', EpsilonMessage<OptionOf<O, 'epsilon'> & number>, S>
        : Ok<S>
    : never;
