/**
 * Zero padding in NHWC (Keras `ZeroPadding2D`, ONNX `Pad` constant 0 on H and W).
 *
 * Contract: x (batch, inH, inW, channels) at xOff, y (batch, top + inH + bottom, left + inW + right, channels)
 * at yOff, not overlapping; both arrays may be the same arena. Pad rows and columns are filled with zeros,
 * each input row is copied as one contiguous run (`copyWithin` when x and y are the same array).
 * Reference: zero-padding-naive.ts.
 */

/** What the kernel needs. */
export interface ZeroPadding2dGeometry {
  readonly batch: number;
  readonly inH: number;
  readonly inW: number;
  readonly channels: number;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/**
 * Zero padding.
 * @example zeroPadding2d(g, x, 0, y, 0) // y [1, 230, 230, 3] from x [1, 224, 224, 3], padding 3
 */
export function zeroPadding2d(g: ZeroPadding2dGeometry, x: Float32Array, xOff: number, y: Float32Array, yOff: number): void {
  const C = g.channels;
  const inRow = g.inW * C;
  const outRow = (g.left + g.inW + g.right) * C;
  const outH = g.top + g.inH + g.bottom;
  const leftLen = g.left * C;
  const same = x === y;
  for (let n = 0; n < g.batch; n++) {
    const yn = yOff + n * outH * outRow;
    y.fill(0, yn, yn + g.top * outRow);
    for (let iy = 0; iy < g.inH; iy++) {
      const o = yn + (g.top + iy) * outRow;
      const src = xOff + (n * g.inH + iy) * inRow;
      y.fill(0, o, o + leftLen);
      if (same) y.copyWithin(o + leftLen, src, src + inRow);
      else for (let k = 0; k < inRow; k++) y[o + leftLen + k] = x[src + k]!;
      y.fill(0, o + leftLen + inRow, o + outRow);
    }
    y.fill(0, yn + (g.top + g.inH) * outRow, yn + outH * outRow);
  }
}
