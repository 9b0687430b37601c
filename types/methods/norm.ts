/** Normalisation and regularisation layers (batchNorm, dropout) as tensor methods. */
import type { Shape } from '../shape.js';

export interface NormOptionsMap {}

export interface NormRules<S extends Shape, O> {}

export interface NormMethods {}
