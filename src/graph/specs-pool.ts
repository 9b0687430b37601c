/** Standalone specs of the 1-D and 3-D pooling layers, as values for `apply` and `sequential`. */
import type { OptionalSpecFactory, SpecFactory } from '../../types/factory.js';
import { factory } from './spec.js';

export const maxPool1d = factory('maxPool1d') as unknown as SpecFactory<'maxPool1d'>;
export const avgPool1d = factory('avgPool1d') as unknown as SpecFactory<'avgPool1d'>;
export const maxPool3d = factory('maxPool3d') as unknown as SpecFactory<'maxPool3d'>;
export const avgPool3d = factory('avgPool3d') as unknown as SpecFactory<'avgPool3d'>;
export const globalAvgPool1d = factory('globalAvgPool1d') as unknown as OptionalSpecFactory<'globalAvgPool1d'>;
export const globalMaxPool1d = factory('globalMaxPool1d') as unknown as OptionalSpecFactory<'globalMaxPool1d'>;
export const adaptiveAvgPool1d = factory('adaptiveAvgPool1d') as unknown as SpecFactory<'adaptiveAvgPool1d'>;
