/** Standalone specs of conv1d, conv3d, depthwiseConv2d and separableConv2d, as values for `apply` and `sequential`. */
import type { SpecFactory } from '../../types/factory.js';
import { factory } from './spec.js';

export const conv1d = factory('conv1d') as unknown as SpecFactory<'conv1d'>;
export const conv3d = factory('conv3d') as unknown as SpecFactory<'conv3d'>;
export const depthwiseConv2d = factory('depthwiseConv2d') as unknown as SpecFactory<'depthwiseConv2d'>;
export const separableConv2d = factory('separableConv2d') as unknown as SpecFactory<'separableConv2d'>;
