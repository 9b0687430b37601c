/** Layers that resize or reshape without weights (global/adaptive pooling, upsampling, zero padding, reshape). */
import type { Shape } from '../shape.js';

export interface ResizeOptionsMap {}

export interface ResizeRules<S extends Shape, O> {}

export interface ResizeMethods {}
