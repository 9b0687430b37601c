/**
 * Fast dense layer: one GEMM with M = batch, K = inFeatures, N = units, weights packed once.
 *
 * Contract: x (batch, inFeatures) at xOff, kernel (inFeatures, units), bias (units) or null,
 * y (batch, units) at yOff (must not overlap x), scratch ≥ `denseScratchSize(g)` float32 elements
 * (the packed copy of x). Bias and activation are fused into the GEMM store.
 */
import { activateRows, type Activation } from './activation.js';
import { gemmPacked, NR, packA, packB, packedASize, packedBSize } from './gemm.js';
import type { DenseGeometry } from './geometry.js';

/** A dense layer's packed weights: B panels of (inFeatures, units), then the padded bias. */
export interface PackedDense {
  readonly geometry: DenseGeometry;
  readonly weights: Float32Array;
}

/**
 * Packs the (inFeatures, units) kernel and bias once.
 * @example const p = packDenseWeights({ batch: 1, inFeatures: 4096, units: 1000 }, w, b)
 */
export function packDenseWeights(g: DenseGeometry, kernel: Float32Array, bias: Float32Array | null): PackedDense {
  if (kernel.length !== g.inFeatures * g.units) {
    throw new Error(`dense: kernel has ${kernel.length} elements (expected ${g.inFeatures * g.units})`);
  }
  if (bias !== null && bias.length !== g.units) throw new Error(`dense: bias has ${bias.length} elements (expected ${g.units})`);
  const bSize = packedBSize(g.inFeatures, g.units);
  const weights = new Float32Array(bSize + Math.ceil(g.units / NR) * NR);
  packB(g.inFeatures, g.units, kernel, 0, g.units, 1, weights, 0);
  if (bias !== null) weights.set(bias, bSize);
  return { geometry: g, weights };
}

/** Float32 scratch elements `dense` needs for `g`. */
export function denseScratchSize(g: DenseGeometry): number {
  return packedASize(g.batch, g.inFeatures);
}

/**
 * `y = act(x·w + bias)`.
 * @example dense(p, x, 0, y, 0, { kind: 'relu' }, scratch)
 */
export function dense(
  p: PackedDense,
  x: Float32Array,
  xOff: number,
  y: Float32Array,
  yOff: number,
  act: Activation,
  scratch: Float32Array,
): void {
  const g = p.geometry;
  packA(g.batch, g.inFeatures, x, xOff, g.inFeatures, scratch, 0);
  const bSize = packedBSize(g.inFeatures, g.units);
  gemmPacked(g.batch, g.units, g.inFeatures, scratch, 0, p.weights, 0, p.weights, bSize, y, yOff, g.units);
  activateRows(act, y, yOff, g.batch, g.units, g.units);
}
