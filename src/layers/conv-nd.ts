/** More convolutions: conv1d, conv3d, depthwiseConv2d, separableConv2d. */
import type { LayerDefinition } from './definition.js';

export const convNdLayers: LayerDefinition[] = [];
