/**
 * `convtype/checkpoint`: typed checkpoints. `WeightsOf` computes a model's weight names and literal shapes from
 * its specs, and `loadCheckpoint` checks a manifest against them at compile time and at run time.
 *
 * Decision: a subpath, not the root, because checking types/weights.ts costs every program that imports it
 * about 4,200 type instantiations (measured on examples/pointwise.ts with TS 7, `--checkers 1`): a program
 * that loads no checkpoint should not pay for one.
 */
export { loadCheckpoint, type CheckpointTarget } from './model/checkpoint.js';
export type { WeightsOf, WeightEntriesOf, WeightsFit, CheckpointManifest, CheckpointMessage } from '../types/weights.js';
