/** Standalone layer specs: `conv2d({...})` and friends as values for `apply`, `sequential`, `residual`, `branches`. */
import type { OptionalSpecFactory, SpecFactory } from '../../types/factory.js';
import { factory } from './spec.js';

export const conv2d = factory('conv2d') as unknown as SpecFactory<'conv2d'>;
export const conv2dTranspose = factory('conv2dTranspose') as unknown as SpecFactory<'conv2dTranspose'>;
export const maxPool2d = factory('maxPool2d') as unknown as SpecFactory<'maxPool2d'>;
export const avgPool2d = factory('avgPool2d') as unknown as SpecFactory<'avgPool2d'>;
export const dense = factory('dense') as unknown as SpecFactory<'dense'>;
export const flatten = factory('flatten') as unknown as OptionalSpecFactory<'flatten'>;
export const relu = factory('relu') as unknown as OptionalSpecFactory<'relu'>;
export const sigmoid = factory('sigmoid') as unknown as OptionalSpecFactory<'sigmoid'>;
export const tanh = factory('tanh') as unknown as OptionalSpecFactory<'tanh'>;
export const softmax = factory('softmax') as unknown as OptionalSpecFactory<'softmax'>;
export const cropping2d = factory('cropping2d') as unknown as SpecFactory<'cropping2d'>;
