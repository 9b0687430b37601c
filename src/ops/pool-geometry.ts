/**
 * Pooling geometry for any rank: the per-axis window of the options (src/shapes/pool.ts, the shape rule's own
 * normalisation), 'same' resolved with TF's pads, and the 2-D kernel records the kernels run. A 1-D pool is
 * the 2-D kernel at height 1; a 3-D pool is the 2-D kernel over (H, W) of every depth slice, then the 2-D
 * kernel at height 1 over D with `OH·OW·C` channels (max and the box average are separable, and the average's
 * divisor is the product of the per-axis tap counts, so the two passes give the 3-D result).
 */
import type { PoolLayer } from '../../types/pool.js';
import type { Pool2dGeometry } from '../kernels/geometry.js';
import { samePads } from '../shapes/axis.js';
import { POOL_RANK, poolWindowOf, type PoolOptions } from '../shapes/pool.js';

/** One spatial axis of a pooling window with its explicit pads. */
export interface PoolAxis {
  readonly inLen: number;
  readonly outLen: number;
  readonly size: number;
  readonly stride: number;
  readonly dilation: number;
  readonly padBegin: number;
  readonly padEnd: number;
}

/** An axis of length 1 pooled by a window of 1: what a 1-D pool's height is. */
export const UNIT_AXIS: PoolAxis = { inLen: 1, outLen: 1, size: 1, stride: 1, dilation: 1, padBegin: 0, padEnd: 0 };

/** Every spatial axis of `layer` on NHWC-style `input` → `output` (batch first, channels last). */
export function poolAxes(layer: PoolLayer, input: readonly number[], output: readonly number[], options: PoolOptions): PoolAxis[] {
  const w = poolWindowOf(layer, options);
  return Array.from({ length: POOL_RANK[layer] }, (_, i) => {
    const inLen = input[i + 1]!;
    const [padBegin, padEnd] = w.pads === 'same' ? samePads(inLen, w.size[i]!, w.stride[i]!, w.dilation[i]!) : w.pads[i]!;
    return { inLen, outLen: output[i + 1]!, size: w.size[i]!, stride: w.stride[i]!, dilation: w.dilation[i]!, padBegin, padEnd };
  });
}

/** The 2-D kernel record pooling axes `h` and `w` of `[batch, h, w, channels]`. */
export function poolPlane(batch: number, channels: number, h: PoolAxis, w: PoolAxis, countIncludePad: boolean): Pool2dGeometry {
  return {
    batch,
    channels,
    inH: h.inLen,
    inW: w.inLen,
    outH: h.outLen,
    outW: w.outLen,
    kernelH: h.size,
    kernelW: w.size,
    strideH: h.stride,
    strideW: w.stride,
    dilationH: h.dilation,
    dilationW: w.dilation,
    padTop: h.padBegin,
    padLeft: w.padBegin,
    padBottom: h.padEnd,
    padRight: w.padEnd,
    countIncludePad,
  };
}

/** A 3-D pool as two 2-D passes: (H, W) per depth slice into scratch, then D at height 1. */
export interface Pool3dGeometry {
  readonly planes: Pool2dGeometry;
  readonly depth: Pool2dGeometry;
  /** Elements of the intermediate `[batch, inD, outH, outW, channels]`. */
  readonly scratchSize: number;
}

/** The records of every rank: `plane` for 1-D and 2-D, `pool3d` for 3-D. */
export function poolGeometry(layer: PoolLayer, input: readonly number[], output: readonly number[], options: PoolOptions): Pool2dGeometry | Pool3dGeometry {
  const axes = poolAxes(layer, input, output, options);
  const batch = output[0]!;
  const channels = input[input.length - 1]!;
  const include = 'countIncludePad' in options && options.countIncludePad === true;
  if (axes.length === 1) return poolPlane(batch, channels, UNIT_AXIS, axes[0]!, include);
  if (axes.length === 2) return poolPlane(batch, channels, axes[0]!, axes[1]!, include);
  const [d, h, w] = axes as [PoolAxis, PoolAxis, PoolAxis];
  const planes = poolPlane(batch * d.inLen, channels, h, w, include);
  const depth = poolPlane(batch, h.outLen * w.outLen * channels, UNIT_AXIS, d, include);
  return { planes, depth, scratchSize: batch * d.inLen * h.outLen * w.outLen * channels };
}
