/** Standalone specs of the normalisation layers and the added activations, for `apply`, `sequential`, `residual`, `branches`. */
import type { OptionalSpecFactory, SpecFactory } from '../../types/factory.js';
import { factory } from './spec.js';

export const batchNorm = factory('batchNorm') as unknown as OptionalSpecFactory<'batchNorm'>;
export const dropout = factory('dropout') as unknown as SpecFactory<'dropout'>;
export const relu6 = factory('relu6') as unknown as OptionalSpecFactory<'relu6'>;
export const leakyRelu = factory('leakyRelu') as unknown as OptionalSpecFactory<'leakyRelu'>;
export const elu = factory('elu') as unknown as OptionalSpecFactory<'elu'>;
export const gelu = factory('gelu') as unknown as OptionalSpecFactory<'gelu'>;
export const hardSigmoid = factory('hardSigmoid') as unknown as OptionalSpecFactory<'hardSigmoid'>;
export const hardSwish = factory('hardSwish') as unknown as OptionalSpecFactory<'hardSwish'>;
