/**
 * Shapes read off a user's own values, for pinning them in type tests (tsd's `expectType`):
 * `ShapeOf<typeof logits>`, `InputShapeOf<typeof net>`, `OutputShapeOf<typeof net>`.
 */
import type { Shape } from './shape.js';

/**
 * The shape of a symbolic tensor, a tensor with data, or anything else with a `shape`.
 * @example ShapeOf<typeof logits> //=> readonly [number, 10]
 */
export type ShapeOf<T extends { readonly shape: Shape }> = T['shape'];

/**
 * The input shape of a model (the first input's, for a model with several).
 * @example InputShapeOf<typeof net> //=> readonly [number, 28, 28, 1]
 */
export type InputShapeOf<M extends { readonly inputShape: Shape }> = M['inputShape'];

/**
 * The output shape of a model (the first output's, for a model with several).
 * @example OutputShapeOf<typeof net> //=> readonly [number, 10]
 */
export type OutputShapeOf<M extends { readonly outputShape: Shape }> = M['outputShape'];
