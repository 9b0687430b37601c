/** Standalone specs of the resize family: `globalAvgPool2d()`, `upSampling2d({...})`, `reshape({...})`… as values for `apply`, `sequential`, `residual`, `branches`. */
import type { OptionalSpecFactory, SpecFactory } from '../../types/factory.js';
import { factory } from './spec.js';

export const globalAvgPool2d = factory('globalAvgPool2d') as unknown as OptionalSpecFactory<'globalAvgPool2d'>;
export const globalMaxPool2d = factory('globalMaxPool2d') as unknown as OptionalSpecFactory<'globalMaxPool2d'>;
export const adaptiveAvgPool2d = factory('adaptiveAvgPool2d') as unknown as SpecFactory<'adaptiveAvgPool2d'>;
export const upSampling2d = factory('upSampling2d') as unknown as OptionalSpecFactory<'upSampling2d'>;
export const zeroPadding2d = factory('zeroPadding2d') as unknown as SpecFactory<'zeroPadding2d'>;
export const reshape = factory('reshape') as unknown as SpecFactory<'reshape'>;
