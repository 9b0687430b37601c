/**
 * Cropping. Contract: x `(batch, inH, inW, c)` NHWC at xOff, y `(batch, inH − top − bottom, inW − left − right, c)`
 * at yOff; row by row copies of contiguous `outW·c` runs.
 */
export function cropping2d(
  m: Float32Array,
  x: number,
  y: number,
  batch: number,
  inH: number,
  inW: number,
  c: number,
  top: number,
  left: number,
  outH: number,
  outW: number,
): void {
  const run = outW * c;
  for (let b = 0; b < batch; b++) {
    for (let r = 0; r < outH; r++) {
      const src = x + ((b * inH + r + top) * inW + left) * c;
      m.copyWithin(y + (b * outH + r) * run, src, src + run);
    }
  }
}
