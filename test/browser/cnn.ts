/**
 * The small CNN the browser test runs, defined once for both sides: the page builds it from the bundle,
 * the Node test builds it from src/ (to export it with `toOnnx` for the ONNX Runtime reference). The library
 * is passed in, never imported here, so bundling the page script cannot pull src/ into the page.
 *
 * input [B, 16, 16, 3] → conv2d 8 k3 same → relu → maxPool2d 2 → conv2d 16 k3 same → globalAvgPool2d
 * → dense 10 → softmax.
 */
import type * as Convtype from '../../src/index.js';

/** The library's public surface: `../../src/index.js` in Node, `dist/index.js` in the page. */
export type Library = typeof Convtype;
export type Backend = NonNullable<Convtype.ModelOptions['backend']>;

/** What the page fetches from `/case.json`: the batch and every weight, made in Node. */
export interface CaseData {
  readonly input: { readonly shape: number[]; readonly data: number[] };
  readonly weights: Record<string, { readonly shape: number[]; readonly data: number[] }>;
}

/** What the page posts to `/result`. */
export interface PageResult {
  readonly backend: string;
  /** Threads the backend has ready (the page's own included). */
  readonly threads: number;
  /** The WebAssembly backend's heap: shared memory, relaxed-SIMD build, workers that failed to start. */
  readonly wasm?: { readonly shared: boolean; readonly relaxed: boolean; readonly failures: readonly string[] };
  readonly crossOriginIsolated: boolean;
  readonly output?: { readonly shape: number[]; readonly data: number[] };
  /** The data of runs 2…N of the same batch (query `repeat=N`). */
  readonly repeats?: number[][];
  /** The bad-input case: the error thrown by `run`, and the output of a good batch run after it. */
  readonly thrown?: { readonly name: string; readonly message: string; readonly isInputError: boolean; readonly isConvtypeError: boolean };
  /** Anything that went wrong in the page itself (the test fails with it). */
  readonly failure?: string;
}

export const CNN_INPUT = [16, 16, 3] as const;

/** The CNN on `lib`, computing on `backend` (the library's default when undefined). */
export function buildCnn(lib: Library, backend?: Backend) {
  const x = lib.input(CNN_INPUT);
  const y = x
    .conv2d({ filters: 8, kernel: 3, padding: 'same' })
    .relu()
    .maxPool2d({ size: 2 })
    .conv2d({ filters: 16, kernel: 3, padding: 'same' })
    .globalAvgPool2d()
    .dense({ units: 10 })
    .softmax();
  return lib.model(x, y, backend === undefined ? { seed: 1 } : { seed: 1, backend });
}
