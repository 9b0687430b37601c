/**
 * The compute backend seen by the ops layer: pack weights once per layer, then call compute-only
 * kernels on caller-owned Float32Array views (buffer + element offset) and caller-owned scratch.
 *
 * Why this shape: a WebAssembly-SIMD backend keeps its packed weights inside its own memory and copies
 * (or aliases) the views; a multi-threaded one runs the executor in a worker over SharedArrayBuffer
 * views and splits each call by output rows. Neither needs the layers to change, because layers only
 * ever hold the opaque handles a backend returned and pass views with offsets. Methods are
 * synchronous: an asynchronous interface would force every layer to await, for no gain on one thread.
 *
 * Contract for every method: shapes come from the geometry records (geometry.ts); outputs never
 * overlap inputs (except `activation`/`softmax`, which may run in place); scratch holds at least the
 * matching `*ScratchSize(g)` float32 elements; no allocation per call.
 */
import { activation, type Activation } from './activation.js';
import { conv2d, conv2dScratchSize, packConv2dWeights, type PackedConv2d } from './conv2d.js';
import {
  conv2dTranspose,
  conv2dTransposeScratchSize,
  packConv2dTransposeWeights,
  type PackedConv2dTranspose,
} from './conv2d-transpose.js';
import { dense, denseScratchSize, packDenseWeights, type PackedDense } from './dense.js';
import type { Conv2dGeometry, Conv2dTransposeGeometry, DenseGeometry, Pool2dGeometry } from './geometry.js';
import { avgPool2d, maxPool2d } from './pool.js';
import { softmax } from './softmax.js';

/** Packed weights of one layer, owned by the backend that made them. */
export interface PackedHandle<G> {
  /** `name` of the backend that packed these weights; other backends reject them. */
  readonly backend: string;
  readonly geometry: G;
}

/** The kernels a backend provides. */
export interface Backend {
  readonly name: string;
  packConv2d(g: Conv2dGeometry, kernel: Float32Array, bias: Float32Array | null): PackedHandle<Conv2dGeometry>;
  conv2dScratchSize(g: Conv2dGeometry): number;
  conv2d(p: PackedHandle<Conv2dGeometry>, x: Float32Array, xOff: number, y: Float32Array, yOff: number, act: Activation, scratch: Float32Array): void;
  packConv2dTranspose(g: Conv2dTransposeGeometry, kernel: Float32Array, bias: Float32Array | null): PackedHandle<Conv2dTransposeGeometry>;
  conv2dTransposeScratchSize(g: Conv2dTransposeGeometry): number;
  conv2dTranspose(
    p: PackedHandle<Conv2dTransposeGeometry>,
    x: Float32Array,
    xOff: number,
    y: Float32Array,
    yOff: number,
    act: Activation,
    scratch: Float32Array,
  ): void;
  packDense(g: DenseGeometry, kernel: Float32Array, bias: Float32Array | null): PackedHandle<DenseGeometry>;
  denseScratchSize(g: DenseGeometry): number;
  dense(p: PackedHandle<DenseGeometry>, x: Float32Array, xOff: number, y: Float32Array, yOff: number, act: Activation, scratch: Float32Array): void;
  maxPool2d(g: Pool2dGeometry, x: Float32Array, xOff: number, y: Float32Array, yOff: number): void;
  avgPool2d(g: Pool2dGeometry, x: Float32Array, xOff: number, y: Float32Array, yOff: number): void;
  /** `y[yOff + i] = act(x[xOff + i])` for i < n; may run in place. */
  activation(act: Activation, x: Float32Array, xOff: number, y: Float32Array, yOff: number, n: number): void;
  /** Softmax over the last axis of a (rows, cols) block; may run in place. */
  softmax(x: Float32Array, xOff: number, y: Float32Array, yOff: number, rows: number, cols: number): void;
  /**
   * Optional: `m[y + i] = act(m[a + i] + m[b + i])` for i < n (y may alias a or b); without it the layer
   * runs the plain-TS kernel (merge.ts).
   */
  add?(m: Float32Array, a: number, b: number, y: number, n: number, act: Activation): void;
  /**
   * Optional: `floats` zeroed float32 in the backend's own memory, as a getter of the current view (a
   * WebAssembly memory's views can be detached by its growth). The executor places its arena and scratch
   * there so kernels read and write in place.
   */
  allocate?(floats: number): () => Float32Array;
}

const JS = 'js';

type Js<T> = T & { readonly backend: typeof JS };

function own<T extends { readonly geometry: unknown }>(p: PackedHandle<T['geometry']>, kernel: string): Js<T> {
  if (p.backend !== JS) throw new Error(`${kernel}: weights were packed by backend '${p.backend}', not '${JS}'`);
  return p as Js<T>;
}

/**
 * The plain-TypeScript backend: packed 3×4 GEMM, Winograd F(2×2, 3×3) for 3×3 stride-1 convs and
 * (through space-to-depth) for strided convs whose kernel regroups to 3×3, direct depthwise.
 * @example const p = jsBackend.packConv2d(g, hwio, bias); jsBackend.conv2d(p, x, 0, y, 0, { kind: 'relu' }, scratch)
 */
export const jsBackend: Backend = {
  name: JS,
  packConv2d: (g, kernel, bias) => ({ ...packConv2dWeights(g, kernel, bias), backend: JS }),
  conv2dScratchSize: (g) => conv2dScratchSize(g),
  conv2d: (p, x, xOff, y, yOff, act, scratch) => conv2d(own<PackedConv2d>(p, 'conv2d'), x, xOff, y, yOff, act, scratch),
  packConv2dTranspose: (g, kernel, bias) => ({ ...packConv2dTransposeWeights(g, kernel, bias), backend: JS }),
  conv2dTransposeScratchSize: (g) => conv2dTransposeScratchSize(g),
  conv2dTranspose: (p, x, xOff, y, yOff, act, scratch) =>
    conv2dTranspose(own<PackedConv2dTranspose>(p, 'conv2dTranspose'), x, xOff, y, yOff, act, scratch),
  packDense: (g, kernel, bias) => ({ ...packDenseWeights(g, kernel, bias), backend: JS }),
  denseScratchSize: (g) => denseScratchSize(g),
  dense: (p, x, xOff, y, yOff, act, scratch) => dense(own<PackedDense>(p, 'dense'), x, xOff, y, yOff, act, scratch),
  maxPool2d,
  avgPool2d,
  activation,
  softmax,
};
