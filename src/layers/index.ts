/** Every layer kind by name: the one table the graph, the planner and the summary read. */
import { reluLayer, sigmoidLayer, softmaxLayer, tanhLayer } from './activation.js';
import { conv2dLayer } from './conv2d.js';
import { conv2dTransposeLayer } from './conv2d-transpose.js';
import { denseLayer, flattenLayer } from './dense.js';
import type { LayerDefinition } from './definition.js';
import { avgPool2dLayer, maxPool2dLayer } from './pool.js';

export const LAYERS: Readonly<Record<string, LayerDefinition>> = Object.fromEntries(
  [conv2dLayer, conv2dTransposeLayer, maxPool2dLayer, avgPool2dLayer, denseLayer, flattenLayer, reluLayer, sigmoidLayer, tanhLayer, softmaxLayer].map(
    (l) => [l.kind, l],
  ),
);
