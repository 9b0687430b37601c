/** Layers that resize or reshape without weights (global/adaptive pooling, upsampling, zero padding, reshape). */
import type { LayerDefinition } from './definition.js';

export const resizeLayers: LayerDefinition[] = [];
