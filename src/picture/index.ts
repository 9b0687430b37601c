/**
 * `convtype/picture`: graph pictures (SVG, DOT) of a model — built (`toSvg(model)`) or read by the type checker
 * (`convtype graph`, the playground) — with shapes on the edges, params and MACs per layer, repeated blocks folded.
 * Browser-safe; `renderSvg` loads elkjs (an optional peer dependency) on its first call.
 */
export type { PictureEdge, PictureGraph, PictureNode, PictureOptions } from './graph.js';
export { renderDot } from './dot.js';
export { renderSvg } from './svg.js';
export { pictureOfModel, toDot, toSvg } from './from-model.js';
export { pictureOfCalls, type PictureCall } from './from-calls.js';
