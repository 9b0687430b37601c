/**
 * Helpers of the tfjs-layers import tests: tfjs-layers on the cpu backend (test/reference/tfjs.ts), a Keras
 * model saved to an in-memory `model.json` + one shard exactly as `model.save` writes them, seeded weights,
 * the pinned upscaler model read from its files, and a convtype run compared with `model.predict`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tfl from '@tensorflow/tfjs-layers';
import { rng } from '../kernels/helpers.js';
import { realModelDir } from '../setup/real-models.js';
import { tf, tfReady } from '../reference/tfjs.js';

export { tf, tfl, tfReady };

/** A tfjs layers model as its files: model.json (parsed) and the weight shards. */
export interface SavedModel {
  readonly json: Record<string, unknown>;
  readonly shards: Uint8Array[];
}

/** Overwrites every weight with seeded values in [−0.5, 0.5) (variances in [0.5, 1.5)), so biases and statistics matter. */
export function seedWeights(model: tfl.LayersModel, seed: number): void {
  const r = rng(seed);
  const values = model.weights.map((w) => {
    const shape = w.shape as number[];
    const n = shape.reduce((a, b) => a * b, 1);
    const positive = /variance/.test(w.originalName);
    return tf.tensor(Float32Array.from({ length: n }, () => (positive ? 0.5 + r() : r() - 0.5)), shape);
  });
  model.setWeights(values);
  tf.dispose(values);
}

/** `model.save` into memory: the model.json a tfjs layers model writes, with one shard. */
export async function saveToMemory(model: tfl.LayersModel): Promise<SavedModel> {
  let saved: SavedModel | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      const buffer = data === undefined ? new ArrayBuffer(0) : Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data;
      saved = {
        json: JSON.parse(
          JSON.stringify({
            format: artifacts.format ?? 'layers-model',
            generatedBy: artifacts.generatedBy,
            convertedBy: artifacts.convertedBy ?? null,
            modelTopology: artifacts.modelTopology,
            weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
          }),
        ) as Record<string, unknown>,
        shards: [new Uint8Array(buffer)],
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return saved!;
}

/** The files of a tfjs layers model in a folder (`model.json` and the shards its manifest names). */
export function readModelFiles(jsonPath: string): SavedModel {
  const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as { weightsManifest: { paths: string[] }[] };
  const dir = jsonPath.slice(0, jsonPath.lastIndexOf('/'));
  const shards = json.weightsManifest.flatMap((g) => g.paths.map((p) => new Uint8Array(readFileSync(join(dir, p)))));
  return { json: json as unknown as Record<string, unknown>, shards };
}

/** A saved model loaded back into tfjs-layers (what `tf.loadLayersModel` does from its files). */
export async function loadInTfjs(saved: SavedModel): Promise<tfl.LayersModel> {
  const j = saved.json as { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  const weightData = tf.io.concatenateArrayBuffers(saved.shards.map((s) => s.buffer.slice(s.byteOffset, s.byteOffset + s.byteLength) as ArrayBuffer));
  return tfl.loadLayersModel(tf.io.fromMemory({ modelTopology: j.modelTopology, weightSpecs: j.weightsManifest.flatMap((g) => g.weights), weightData }));
}

/** The upscaler's model.json path. */
export const UPSCALER_JSON = join(realModelDir('@upscalerjs/default-model'), 'models', 'model.json');

/** Seeded values in [0, 1) of `shape` (an image-like input). */
export function randomInput(shape: readonly number[], seed: number): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r());
}

/** `model.predict` on one input; the output's shape and values. */
export function predict(model: tfl.LayersModel, shape: readonly number[], data: Float32Array): { shape: number[]; data: Float32Array } {
  const y = tf.tidy(() => model.predict(tf.tensor(data, [...shape])) as tf.Tensor);
  try {
    return { shape: [...y.shape] as number[], data: Float32Array.from(y.dataSync()) };
  } finally {
    y.dispose();
  }
}

