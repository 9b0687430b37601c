/**
 * Integer upsampling in NHWC (Keras `UpSampling2D`).
 *
 * Contract: x (batch, inH, inW, channels) at xOff, y (batch, inH·scaleH, inW·scaleW, channels) at yOff, not
 * overlapping; both arrays may be the same arena.
 * - nearest: `y[oy, ox] = x[⌊oy/sH⌋, ⌊ox/sW⌋]` (each pixel repeated sH × sW times; = ONNX Resize nearest
 *   'asymmetric' 'floor', tfjs resizeNearestNeighbor, and TF2's half-pixel nearest at integer scales).
 *   One output row is written per input row, then copied sH − 1 times.
 * - bilinear, half-pixel centres (align_corners=False): source `s = max((o + ½)/scale − ½, 0)`, taps
 *   `⌊s⌋` and `min(⌊s⌋ + 1, in − 1)` with weight `s − ⌊s⌋` on the second (= Keras/TF2 `UpSampling2D`
 *   bilinear, PyTorch `Upsample(align_corners=False)`, ONNX Resize linear 'half_pixel', tfjs
 *   `resizeBilinear(halfPixelCenters=true)`). The taps and weights per axis are tabled once per geometry
 *   (`upSampling2dGeometry`, at compile time); weights are applied in double precision.
 * Reference: upsampling-naive.ts.
 */
import type { Interpolation } from '../../types/upsampling.js';

/** One axis of bilinear taps: output i reads `lo[i]` and `hi[i]` with weight `t[i]` on `hi`. */
export interface LinearAxis {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly t: Float64Array;
}

/** What the kernels need. */
export interface UpSampling2dGeometry {
  readonly batch: number;
  readonly inH: number;
  readonly inW: number;
  readonly channels: number;
  readonly scaleH: number;
  readonly scaleW: number;
  readonly interpolation: Interpolation;
  /** Bilinear taps (empty for nearest). */
  readonly rows: LinearAxis;
  readonly cols: LinearAxis;
}

/** Half-pixel bilinear taps of an axis of `inLen` upsampled `scale` times. */
export function linearAxis(inLen: number, scale: number): LinearAxis {
  const n = inLen * scale;
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const t = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    const s = Math.max((o + 0.5) / scale - 0.5, 0);
    const i = Math.floor(s);
    lo[o] = i;
    hi[o] = Math.min(i + 1, inLen - 1);
    t[o] = s - i;
  }
  return { lo, hi, t };
}

const EMPTY: LinearAxis = { lo: new Int32Array(0), hi: new Int32Array(0), t: new Float64Array(0) };

/**
 * The geometry of NHWC `input` (batch resolved) upsampled by `[scaleH, scaleW]`.
 * @example upSampling2dGeometry([1, 2, 2, 1], 2, 2, 'bilinear').cols.t //=> Float64Array [0, 0.25, 0.75, 0.25]
 */
export function upSampling2dGeometry(input: readonly number[], scaleH: number, scaleW: number, interpolation: Interpolation): UpSampling2dGeometry {
  const [batch, inH, inW, channels] = input as [number, number, number, number];
  const linear = interpolation === 'bilinear';
  return {
    batch,
    inH,
    inW,
    channels,
    scaleH,
    scaleW,
    interpolation,
    rows: linear ? linearAxis(inH, scaleH) : EMPTY,
    cols: linear ? linearAxis(inW, scaleW) : EMPTY,
  };
}

/**
 * Upsampling by the geometry's interpolation.
 * @example upSampling2d(g, x, 0, y, 0) // y [1, 28, 28, 512] from x [1, 14, 14, 512], scale 2
 */
export function upSampling2d(g: UpSampling2dGeometry, x: Float32Array, xOff: number, y: Float32Array, yOff: number): void {
  if (g.interpolation === 'bilinear') bilinear(g, x, xOff, y, yOff);
  else nearest(g, x, xOff, y, yOff);
}

function nearest(g: UpSampling2dGeometry, x: Float32Array, xOff: number, y: Float32Array, yOff: number): void {
  const C = g.channels;
  const outW = g.inW * g.scaleW;
  const rowLen = outW * C;
  for (let n = 0; n < g.batch; n++) {
    for (let iy = 0; iy < g.inH; iy++) {
      const src = xOff + (n * g.inH + iy) * g.inW * C;
      const first = yOff + (n * g.inH + iy) * g.scaleH * rowLen;
      let o = first;
      for (let ix = 0; ix < g.inW; ix++) {
        const xo = src + ix * C;
        for (let r = 0; r < g.scaleW; r++) {
          for (let c = 0; c < C; c++) y[o + c] = x[xo + c]!;
          o += C;
        }
      }
      for (let r = 1; r < g.scaleH; r++) y.copyWithin(first + r * rowLen, first, first + rowLen);
    }
  }
}

function bilinear(g: UpSampling2dGeometry, x: Float32Array, xOff: number, y: Float32Array, yOff: number): void {
  const C = g.channels;
  const outH = g.inH * g.scaleH;
  const outW = g.inW * g.scaleW;
  const { rows, cols } = g;
  for (let n = 0; n < g.batch; n++) {
    const xn = xOff + n * g.inH * g.inW * C;
    for (let oy = 0; oy < outH; oy++) {
      const top = xn + rows.lo[oy]! * g.inW * C;
      const bottom = xn + rows.hi[oy]! * g.inW * C;
      const ty = rows.t[oy]!;
      let o = yOff + (n * outH + oy) * outW * C;
      for (let ox = 0; ox < outW; ox++) {
        const left = cols.lo[ox]! * C;
        const right = cols.hi[ox]! * C;
        const tx = cols.t[ox]!;
        for (let c = 0; c < C; c++) {
          const a = x[top + left + c]!;
          const b = x[top + right + c]!;
          const d = x[bottom + left + c]!;
          const e = x[bottom + right + c]!;
          const upper = a + (b - a) * tx;
          const lower = d + (e - d) * tx;
          y[o + c] = upper + (lower - upper) * ty;
        }
        o += C;
      }
    }
  }
}
