/**
 * Reference upsampling, straight from the definitions (see upsampling.ts for the conventions). Slow on
 * purpose; computes every source coordinate per output element.
 *
 * Contract: x is (batch, inH, inW, channels) NHWC; returns a new y (batch, inH·sH, inW·sW, channels).
 * - nearest: `y[n, oy, ox, c] = x[n, ⌊oy/sH⌋, ⌊ox/sW⌋, c]`.
 * - bilinear: per axis `s = max((o + ½)/scale − ½, 0)`, `i0 = ⌊s⌋`, `i1 = min(i0 + 1, in − 1)`,
 *   `w = s − i0`; `y = Σ (1 − wy | wy)(1 − wx | wx) x[i0|i1, j0|j1]`.
 */
import type { Interpolation } from '../../types/upsampling.js';

/** The part of the geometry the reference reads. */
export interface UpSampling2dShape {
  readonly batch: number;
  readonly inH: number;
  readonly inW: number;
  readonly channels: number;
  readonly scaleH: number;
  readonly scaleW: number;
  readonly interpolation: Interpolation;
}

/** @example upSampling2dNaive({ batch: 1, inH: 1, inW: 2, channels: 1, scaleH: 1, scaleW: 2, interpolation: 'bilinear' }, Float32Array.of(0, 4)) //=> Float32Array [0, 1, 3, 4] */
export function upSampling2dNaive(g: UpSampling2dShape, x: Float32Array): Float32Array {
  const C = g.channels;
  const outH = g.inH * g.scaleH;
  const outW = g.inW * g.scaleW;
  const y = new Float32Array(g.batch * outH * outW * C);
  const at = (n: number, i: number, j: number, c: number): number => x[((n * g.inH + i) * g.inW + j) * C + c]!;
  for (let n = 0; n < g.batch; n++) {
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        for (let c = 0; c < C; c++) {
          let v: number;
          if (g.interpolation === 'nearest') {
            v = at(n, Math.floor(oy / g.scaleH), Math.floor(ox / g.scaleW), c);
          } else {
            const sy = Math.max((oy + 0.5) / g.scaleH - 0.5, 0);
            const sx = Math.max((ox + 0.5) / g.scaleW - 0.5, 0);
            const i0 = Math.floor(sy);
            const j0 = Math.floor(sx);
            const i1 = Math.min(i0 + 1, g.inH - 1);
            const j1 = Math.min(j0 + 1, g.inW - 1);
            const wy = sy - i0;
            const wx = sx - j0;
            v =
              (1 - wy) * (1 - wx) * at(n, i0, j0, c) +
              (1 - wy) * wx * at(n, i0, j1, c) +
              wy * (1 - wx) * at(n, i1, j0, c) +
              wy * wx * at(n, i1, j1, c);
          }
          y[((n * outH + oy) * outW + ox) * C + c] = v;
        }
      }
    }
  }
  return y;
}
