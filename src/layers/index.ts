/** Every layer kind by name: the one table the graph, the planner and the summary read. */
import { reluLayer, sigmoidLayer, softmaxLayer, tanhLayer } from './activation.js';
import { convNdLayers } from './conv-nd.js';
import { cropping2dLayer } from './crop.js';
import { conv2dLayer } from './conv2d.js';
import { conv2dTransposeLayer } from './conv2d-transpose.js';
import { denseLayer, flattenLayer } from './dense.js';
import type { LayerDefinition } from './definition.js';
import { mergeLayers } from './merge.js';
import { normLayers } from './norm.js';
import { poolLayers } from './pool.js';
import { resizeLayers } from './resize.js';

const ALL: LayerDefinition[] = [
  conv2dLayer,
  conv2dTransposeLayer,
  ...convNdLayers,
  ...poolLayers,
  denseLayer,
  flattenLayer,
  reluLayer,
  sigmoidLayer,
  tanhLayer,
  softmaxLayer,
  ...normLayers,
  ...resizeLayers,
  ...mergeLayers,
  cropping2dLayer,
];

export const LAYERS: Readonly<Record<string, LayerDefinition>> = Object.fromEntries(ALL.map((l) => [l.kind, l]));

/** Kinds that are not methods of a tensor (they join several tensors: `add(a, b)`, `concat([…])`). */
export const FUNCTION_KINDS: ReadonlySet<string> = new Set(['add', 'concat', 'multiply']);
