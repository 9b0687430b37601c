/**
 * Reference 3-D max and average pooling, straight from the definition (SEMANTICS.md §4), with no use of the
 * 2-D kernels. Slow on purpose.
 *
 * Contract: x is (batch, inD, inH, inW, channels), returns a new y (batch, outD, outH, outW, channels).
 * Along axis a, output o reads positions `o·s − pb + t·d` for t in [0, k).
 * - max: maximum over in-bounds taps (padding is −∞).
 * - avg: sum over in-bounds taps divided by their number, or, with `countIncludePad`, by the number of taps
 *   inside the explicitly padded input (ceil overhang not counted).
 */
import type { PoolAxis } from '../ops/pool-geometry.js';

/** `[d, h, w]` axes, batch and channels of a 3-D pool. */
export interface Pool3dNaiveGeometry {
  readonly batch: number;
  readonly channels: number;
  readonly axes: readonly [PoolAxis, PoolAxis, PoolAxis];
  readonly countIncludePad: boolean;
}

/** 3-D pooling as a new Float32Array. @example pool3dNaive(g, x, 'max') // [1, 8, 28, 28, 64] for x [1, 16, 56, 56, 64], size 2 */
export function pool3dNaive(g: Pool3dNaiveGeometry, x: Float32Array, kind: 'max' | 'avg'): Float32Array {
  const [D, H, W] = g.axes;
  const C = g.channels;
  const y = new Float32Array(g.batch * D.outLen * H.outLen * W.outLen * C);
  const pos = (a: PoolAxis, o: number, t: number): number => o * a.stride - a.padBegin + t * a.dilation;
  const inPadded = (a: PoolAxis, p: number): boolean => p >= -a.padBegin && p < a.inLen + a.padEnd;
  let yi = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let od = 0; od < D.outLen; od++) {
      for (let oh = 0; oh < H.outLen; oh++) {
        for (let ow = 0; ow < W.outLen; ow++) {
          for (let c = 0; c < C; c++) {
            let max = -Infinity;
            let sum = 0;
            let inBounds = 0;
            let withPad = 0;
            for (let td = 0; td < D.size; td++) {
              const id = pos(D, od, td);
              for (let th = 0; th < H.size; th++) {
                const ih = pos(H, oh, th);
                for (let tw = 0; tw < W.size; tw++) {
                  const iw = pos(W, ow, tw);
                  if (inPadded(D, id) && inPadded(H, ih) && inPadded(W, iw)) withPad++;
                  if (id < 0 || id >= D.inLen || ih < 0 || ih >= H.inLen || iw < 0 || iw >= W.inLen) continue;
                  const v = x[(((n * D.inLen + id) * H.inLen + ih) * W.inLen + iw) * C + c]!;
                  if (v > max) max = v;
                  sum += v;
                  inBounds++;
                }
              }
            }
            y[yi++] = kind === 'max' ? max : sum / (g.countIncludePad ? withPad : inBounds);
          }
        }
      }
    }
  }
  return y;
}
