/**
 * Helpers of the ONNX export tests: randomise a model's weights (biases and batch-norm statistics too, so a
 * dropped bias or a swapped statistic shows), export it with `toOnnx`, run the bytes on onnxruntime-node
 * with graph optimisations off and 'all', and compare both with `model.run` on the same NHWC batch.
 * Metric: relErr = max|ours − ORT| / max(1, max|ORT|) ≤ 1e-4 (test/model/helpers.ts).
 */
import * as ort from 'onnxruntime-node';
import { expect } from 'vitest';
import { toOnnx, type OnnxExportOptions } from '../../src/onnx/index.js';
import { randomData, relErr, rng, sizeOf, TOLERANCE, type ErrorLog } from '../model/helpers.js';

ort.env.logLevel = 'fatal';

export type WeightRecord = Readonly<Record<string, { readonly shape: readonly number[]; readonly data: Float32Array }>>;

/** What the tests need of a model (single or several inputs/outputs). */
export interface Runnable {
  readonly weights: WeightRecord;
  readonly inputShape: readonly number[];
  setWeights(record: WeightRecord): void;
  run(x: never): unknown;
}

/** Every bias and batch-norm statistic random; kernels keep their (Glorot) initialisation. */
export function randomizeWeights(m: Runnable, seed: number): void {
  const r = rng(seed);
  const uniform = (n: number, lo: number, hi: number) => Float32Array.from({ length: n }, () => lo + (hi - lo) * r());
  const record: Record<string, { shape: readonly number[]; data: Float32Array }> = {};
  for (const [key, t] of Object.entries(m.weights)) {
    const n = t.data.length;
    const leaf = key.slice(key.lastIndexOf('/') + 1);
    if (leaf === 'gamma') record[key] = { shape: t.shape, data: uniform(n, 0.5, 1.5) };
    else if (leaf === 'movingVariance') record[key] = { shape: t.shape, data: uniform(n, 0.25, 2.25) };
    else if (leaf === 'beta' || leaf === 'movingMean' || leaf === 'bias') record[key] = { shape: t.shape, data: uniform(n, -0.5, 0.5) };
  }
  m.setWeights(record);
}

type Level = 'disabled' | 'all';

/** Runs ONNX bytes on ORT (CPU, one thread) and returns the outputs in graph order. */
export async function runOrt(bytes: Uint8Array, feeds: Record<string, { shape: readonly number[]; data: Float32Array }>, level: Level): Promise<{ dims: number[]; data: Float32Array }[]> {
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: ['cpu'],
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: level,
    logSeverityLevel: 4,
  });
  try {
    const inputs: Record<string, ort.Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) inputs[name] = new ort.Tensor('float32', t.data, t.shape);
    const results = await session.run(inputs);
    return session.outputNames.map((name) => {
      const t = results[name]!;
      return { dims: [...t.dims], data: t.data as Float32Array };
    });
  } finally {
    await session.release();
  }
}

/** The NHWC input batch for `shape` (an unknown batch becomes `batch`). */
export function batchOf(shape: readonly number[], batch: number, seed: number): { shape: number[]; data: Float32Array } {
  const dims = shape.map((d, i) => (i === 0 && d < 0 ? batch : d));
  return { shape: dims, data: randomData(rng(seed), sizeOf(dims)) };
}

/**
 * Exports `m`, runs it on ORT (optimisations off and 'all') and on convtype, checks shapes and relErr ≤ 1e-4
 * for every output (`many`: the model was built from arrays), logs the error under `kind`, and returns the larger of the two errors.
 */
export async function expectSameAsOrt(
  m: Runnable,
  inputs: readonly { shape: number[]; data: Float32Array }[],
  log: ErrorLog,
  kind: string,
  config: string,
  options: OnnxExportOptions = {},
  many = inputs.length > 1,
): Promise<number> {
  const bytes = toOnnx(m as never, options);
  const ours = (many ? m.run(inputs as never) : [m.run(inputs[0] as never)]) as { shape: readonly number[]; data: Float32Array }[];
  const oursList = Array.isArray(ours) ? ours : [ours];
  const names = options.inputName === undefined ? null : typeof options.inputName === 'string' ? [options.inputName] : options.inputName;
  const session = await ort.InferenceSession.create(bytes, { logSeverityLevel: 4 });
  const inputNames = names ?? session.inputNames;
  await session.release();
  const feeds = Object.fromEntries(inputNames.map((n, i) => [n, inputs[i]!]));
  let worst = 0;
  for (const level of ['disabled', 'all'] as const) {
    const theirs = await runOrt(bytes, feeds, level);
    expect(theirs.length).toBe(oursList.length);
    theirs.forEach((t, i) => {
      expect(t.dims, `${config}: output ${i} shape (${level})`).toEqual([...oursList[i]!.shape]);
      const err = relErr(oursList[i]!.data, t.data);
      worst = Math.max(worst, err);
      expect(err, `${config}: output ${i} (${level})`).toBeLessThanOrEqual(TOLERANCE);
    });
  }
  log.add(kind, worst, config);
  return worst;
}
