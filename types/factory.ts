/** The types of the standalone layer factories (`conv2d({...})` as a value) and of `sequential`. */
import type { LayerKind, LayerOptions, Rule } from './registry.js';
import type { ArgumentFor } from './result.js';
import type { LayerSpec } from './spec.js';

/** The unknown-size input a lone spec is checked on: its ranges and option names, before any tensor. */
export type SpecInput<K extends LayerKind> = K extends 'dense'
  ? readonly [number, number]
  : K extends 'conv1d' | 'maxPool1d' | 'avgPool1d' | 'globalAvgPool1d' | 'globalMaxPool1d' | 'adaptiveAvgPool1d'
    ? readonly [number, number, number]
    : K extends 'conv3d' | 'maxPool3d' | 'avgPool3d'
      ? readonly [number, number, number, number, number]
      : readonly [number, number, number, number];

/** A factory of specs of kind K whose options are required. */
export type SpecFactory<K extends LayerKind> = <const O extends LayerOptions[K]>(
  options: ArgumentFor<O, Rule<K, SpecInput<K>, O>>,
) => LayerSpec<K, O>;

/** A factory of specs of kind K whose options may be omitted. */
export type OptionalSpecFactory<K extends LayerKind> = <const O extends LayerOptions[K] = LayerOptions[K]>(
  options?: ArgumentFor<O, Rule<K, SpecInput<K>, O>>,
) => LayerSpec<K, O>;
