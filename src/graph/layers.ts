/** The shape rule of every layer kind, read from the layer table (src/layers), so a layer is defined once. */
import { LAYERS } from '../layers/index.js';

/** How a layer kind turns its input shapes and options into its output shape (throws `ShapeError`). */
export type ShapeRule = (inputs: readonly (readonly number[])[], options: any) => number[];

/** Shape rules by layer kind. */
export const SHAPE_RULES: Readonly<Record<string, ShapeRule>> = Object.fromEntries(
  Object.entries(LAYERS).map(([kind, def]) => [kind, (inputs: readonly (readonly number[])[], o: any) => def.shape(inputs, o)]),
);
