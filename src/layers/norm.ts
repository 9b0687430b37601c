/** Normalisation and regularisation layers (batchNorm, dropout). */
import type { LayerDefinition } from './definition.js';

export const normLayers: LayerDefinition[] = [];
