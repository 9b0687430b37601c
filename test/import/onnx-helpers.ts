/**
 * Helpers of the ONNX import tests: a hand-made NCHW graph run by ONNX Runtime (test/reference/onnx.ts, the
 * production encoder) and by convtype after `importOnnx` + `buildModel`, compared in NHWC:
 * relErr = max|ours − ORT| / max(1, max|ORT|).
 */
import { buildModel } from '../../src/import/build.js';
import type { ImportedGraph, ImportOptions } from '../../src/import/ir.js';
import { importOnnx } from '../../src/import/onnx.js';
import { tensor } from '../../src/index.js';
import { rng } from '../kernels/helpers.js';
import { encodeModel, nchwToNhwc, runOnnxGraph, type NamedTensor, type OnnxNode } from '../reference/onnx.js';

export { relErr } from '../kernels/helpers.js';

/** Seeded values in [−1, 1) times `scale`. */
export const values = (seed: number, n: number, scale = 1): Float32Array => {
  const r = rng(seed);
  return Float32Array.from({ length: n }, () => (r() * 2 - 1) * scale);
};

/** A seeded float initializer. */
export const init = (name: string, dims: readonly number[], seed: number, scale = 0.5): NamedTensor => ({
  name,
  dims,
  data: values(seed, dims.reduce((a, b) => a * b, 1), scale),
});

/** An int64 initializer (shapes, axes). */
export const ints = (name: string, data: readonly number[]): NamedTensor => ({ name, dims: [data.length], data: BigInt64Array.from(data.map(BigInt)) });

/** A float scalar initializer. */
export const scalar = (name: string, v: number): NamedTensor => ({ name, dims: [], data: Float32Array.of(v) });

/** A hand-made ONNX graph with one float input `x` (NCHW unless `nhwc`, declared with a symbolic batch) and one output `y`. */
export interface Case {
  readonly nodes: readonly OnnxNode[];
  readonly initializers?: readonly NamedTensor[];
  /** The input's run dims, NCHW, batch first. */
  readonly x: readonly number[];
  readonly opset?: number;
  /** The graph's input and output are NHWC already (tf2onnx style): no transposes around the comparison. */
  readonly nhwc?: boolean;
}

/** The case as ONNX bytes (batch declared as 'N'). */
export function bytesOf(c: Case): Uint8Array {
  return encodeModel({
    nodes: c.nodes,
    inputs: [{ name: 'x', dims: c.x, data: new Float32Array(c.x.reduce((a, b) => a * b, 1)), declaredDims: ['N', ...c.x.slice(1)] }],
    initializers: c.initializers ?? [],
    outputs: ['y'],
    ...(c.opset !== undefined ? { opset: c.opset } : {}),
  });
}

/** ONNX Runtime's `y` (NCHW, transposed to NHWC when rank 4) and convtype's, on the same seeded input. */
export async function runBoth(c: Case, options: ImportOptions = {}): Promise<{ ours: Float32Array; ort: Float32Array; graph: ImportedGraph; shape: number[]; dims: number[] }> {
  const graph = importOnnx(bytesOf(c), options);
  const data = values(99, c.x.reduce((a, b) => a * b, 1), 2);
  const ref = (
    await runOnnxGraph({
      nodes: c.nodes,
      inputs: [{ name: 'x', dims: c.x, data, declaredDims: ['N', ...c.x.slice(1)] }],
      initializers: c.initializers ?? [],
      outputs: ['y'],
      ...(c.opset !== undefined ? { opset: c.opset } : {}),
    })
  ).y!;
  const m = buildModel(graph) as unknown as { run(x: unknown): { shape: readonly number[]; data: Float32Array } };
  const nhwcIn = c.x.length === 4 && !c.nhwc ? nchwToNhwc({ dims: c.x, data }) : { dims: c.x, data };
  const out = m.run(tensor(nhwcIn.dims as number[], nhwcIn.data));
  const ort = ref.dims.length === 4 && !c.nhwc ? nchwToNhwc(ref) : ref;
  return { ours: out.data, ort: ort.data, graph, shape: [...out.shape], dims: [...ort.dims] };
}
