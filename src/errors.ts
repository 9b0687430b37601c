/**
 * The error classes convtype throws. Every error is a `ConvtypeError`; `ShapeError` carries the same sentence
 * the type checker shows at compile time, plus the layer and the option to blame.
 */

/** Base class of every error convtype throws. */
export class ConvtypeError extends Error {
  override name = 'ConvtypeError';
}

/** A layer that does not fit its input, or an option out of range. */
export class ShapeError extends ConvtypeError {
  override name = 'ShapeError';
  /** The layer kind (`conv2d`, …) or `input`. */
  readonly layer: string;
  /** The option to blame, or `undefined` when no single option is. */
  readonly option: string | undefined;
  constructor(message: string, layer: string, option?: string) {
    super(message);
    this.layer = layer;
    this.option = option;
  }
}

/** A tensor given to `run` or `tensor` that does not fit (shape, rank, data length or type). */
export class InputError extends ConvtypeError {
  override name = 'InputError';
}

/** Weights given to `setWeights` that do not fit; `problems` lists every mismatch, one sentence each. */
export class WeightError extends ConvtypeError {
  override name = 'WeightError';
  readonly problems: readonly string[];
  /** `message` replaces the default listing (a checkpoint's one sentence, the same as its compile error). */
  constructor(problems: readonly string[], message?: string) {
    super(message ?? `setWeights: ${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing changed:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

/** A model whose graph cannot be built (an output that does not depend on the inputs, a duplicate name). */
export class GraphError extends ConvtypeError {
  override name = 'GraphError';
}
