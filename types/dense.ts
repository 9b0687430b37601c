/**
 * dense: `[B, F]` → `[B, units]`; a rank-4 input must be flattened first (NHWC order, SEMANTICS.md §5);
 * `inFeatures` (PyTorch's `in_features`) is checked against F. Runtime twin: `denseShape` in src/shapes/dense.ts.
 */
import type { Initializer } from './initializer.js';
import type { CheckDeclared, CheckKnown } from './internal/checks.js';
import type { RankMessage } from './messages.js';
import type { CheckRanges, PositiveOrNumber } from './options.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** Options of `dense`. */
export interface DenseOptions {
  /** Output features. */
  readonly units: number;
  /** Declared input features, checked against the input. */
  readonly inFeatures?: number;
  /** Add a bias, default true. */
  readonly useBias?: boolean;
  /** Kernel initialiser, default 'glorotUniform'. */
  readonly kernelInitializer?: Initializer;
  /** Bias initialiser, default 'zeros'. */
  readonly biasInitializer?: Initializer;
  /** Layer name, default `dense_<n>`. */
  readonly name?: string;
}

type UnitsOf<O> = O extends { readonly units: infer U extends number } ? PositiveOrNumber<U> : number;

/**
 * The outcome of `dense` with options `O` on shape `S`.
 * @example OutputOf<DenseResult<readonly [number, 9216], { units: 4096 }>> //=> readonly [number, 4096]
 */
export type DenseResult<S extends Shape, O> = S extends readonly [infer B extends number, infer F extends number]
  ? CheckKnown<'dense', O, ['units', 'inFeatures', 'useBias', 'kernelInitializer', 'biasInitializer', 'name'], readonly [B, UnitsOf<O>]> extends infer R1
    ? R1 extends Fail<string, string, Shape>
      ? R1
      : CheckRanges<'dense', O, [['units', 'positive'], ['inFeatures', 'positive']], readonly [B, UnitsOf<O>]> extends infer R2
        ? R2 extends Fail<string, string, Shape>
          ? R2
          : CheckDeclared<'dense', 'inFeatures', O extends { readonly inFeatures: infer I } ? I : undefined, F, 'features', FormatShape<S>, readonly [B, UnitsOf<O>]> extends infer R3
            ? R3 extends Fail<string, string, Shape>
              ? R3
              : Ok<readonly [B, UnitsOf<O>]>
            : never
        : never
    : never
  : Fail<'', RankMessage<'dense', FormatShape<S>, 'rank 2 [B, features]; flatten first'>, readonly [S[0], UnitsOf<O>]>;
