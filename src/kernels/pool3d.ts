/**
 * 3-D max and average pooling in NDHWC as two passes of the 2-D kernels (pool.ts): (H, W) of every depth
 * slice into scratch, then D with the slice's `OH·OW·C` values as channels (see src/ops/pool-geometry.ts for
 * why the passes compose exactly). Reference: pool3d-naive.ts.
 *
 * Contract: x (batch, inD, inH, inW, channels) at xOff, y (batch, outD, outH, outW, channels) at yOff, not
 * overlapping; scratch holds `g.scratchSize` elements from 0.
 */
import type { Pool3dGeometry } from '../ops/pool-geometry.js';
import { avgPool2d, maxPool2d } from './pool.js';

/** 3-D max pooling. @example maxPool3d(g, x, 0, y, 0, scratch) // y [1, 8, 28, 28, 64] from x [1, 16, 56, 56, 64], size 2 */
export function maxPool3d(g: Pool3dGeometry, x: Float32Array, xOff: number, y: Float32Array, yOff: number, scratch: Float32Array): void {
  maxPool2d(g.planes, x, xOff, scratch, 0);
  maxPool2d(g.depth, scratch, 0, y, yOff);
}

/** 3-D average pooling. @example avgPool3d(g, x, 0, y, 0, scratch) // y [1, 8, 28, 28, 64] from x [1, 16, 56, 56, 64], size 2 */
export function avgPool3d(g: Pool3dGeometry, x: Float32Array, xOff: number, y: Float32Array, yOff: number, scratch: Float32Array): void {
  avgPool2d(g.planes, x, xOff, scratch, 0);
  avgPool2d(g.depth, scratch, 0, y, yOff);
}
