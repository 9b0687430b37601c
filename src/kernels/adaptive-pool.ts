/**
 * Adaptive average pooling in NHWC (PyTorch `AdaptiveAvgPool2d`): output bin i of an axis averages input
 * `[⌊i·in/out⌋, ⌈(i+1)·in/out⌉)` (SEMANTICS.md §4). The bin bounds are computed once per geometry
 * (`adaptivePool2dGeometry`, at compile time); a call adds contiguous channel rows of each bin.
 *
 * Contract: x (batch, inH, inW, channels) at xOff, y (batch, outH, outW, channels) at yOff, not overlapping.
 * Sums in float32, then multiplies by 1/(bin rows · bin columns). Reference: adaptive-pool-naive.ts.
 */

/** What the kernel needs, bins included. */
export interface AdaptivePool2dGeometry {
  readonly batch: number;
  readonly inH: number;
  readonly inW: number;
  readonly channels: number;
  readonly outH: number;
  readonly outW: number;
  /** First input row of output row i, and one past its last. */
  readonly rowStart: Int32Array;
  readonly rowEnd: Int32Array;
  /** First input column of output column j, and one past its last. */
  readonly colStart: Int32Array;
  readonly colEnd: Int32Array;
}

/** `[start, end)` of every bin of an axis: `⌊i·in/out⌋` and `⌈(i+1)·in/out⌉`, in integer arithmetic. */
export function adaptiveBins(inLen: number, outLen: number): { start: Int32Array; end: Int32Array } {
  const start = new Int32Array(outLen);
  const end = new Int32Array(outLen);
  for (let i = 0; i < outLen; i++) {
    start[i] = Math.floor((i * inLen) / outLen);
    end[i] = Math.floor(((i + 1) * inLen + outLen - 1) / outLen);
  }
  return { start, end };
}

/**
 * The geometry of NHWC `input` → `output` (batch resolved).
 * @example adaptivePool2dGeometry([1, 7, 7, 256], [1, 6, 6, 256]).rowEnd //=> Int32Array [2, 3, 4, 5, 6, 7]
 */
export function adaptivePool2dGeometry(input: readonly number[], output: readonly number[]): AdaptivePool2dGeometry {
  const [batch, inH, inW, channels] = input as [number, number, number, number];
  const [, outH, outW] = output as [number, number, number, number];
  const rows = adaptiveBins(inH, outH);
  const cols = adaptiveBins(inW, outW);
  return { batch, inH, inW, channels, outH, outW, rowStart: rows.start, rowEnd: rows.end, colStart: cols.start, colEnd: cols.end };
}

/**
 * Adaptive average pooling.
 * @example adaptiveAvgPool2d(g, x, 0, y, 0) // y [1, 6, 6, 256] from x [1, 7, 7, 256] (overlapping bins of 2)
 */
export function adaptiveAvgPool2d(g: AdaptivePool2dGeometry, x: Float32Array, xOff: number, y: Float32Array, yOff: number): void {
  const C = g.channels;
  for (let n = 0; n < g.batch; n++) {
    for (let oy = 0; oy < g.outH; oy++) {
      const y0 = g.rowStart[oy]!;
      const y1 = g.rowEnd[oy]!;
      for (let ox = 0; ox < g.outW; ox++) {
        const x0 = g.colStart[ox]!;
        const x1 = g.colEnd[ox]!;
        const yo = yOff + ((n * g.outH + oy) * g.outW + ox) * C;
        for (let c = 0; c < C; c++) y[yo + c] = 0;
        for (let iy = y0; iy < y1; iy++) {
          const row = xOff + (n * g.inH + iy) * g.inW * C;
          for (let ix = x0; ix < x1; ix++) {
            const xo = row + ix * C;
            for (let c = 0; c < C; c++) y[yo + c] += x[xo + c]!;
          }
        }
        const scale = 1 / ((y1 - y0) * (x1 - x0));
        for (let c = 0; c < C; c++) y[yo + c] *= scale;
      }
    }
  }
}
