/**
 * A drawing turned into the 28×28 image a digit classifier takes, the way MNIST was made (LeCun et al.):
 * the ink's bounding box scaled, aspect kept, so its longer side is 20 pixels, then placed in a 28×28 field
 * so that its centre of mass falls on the field's centre (14, 14). Resampling is by area: every source pixel
 * spreads its ink over the output pixels its scaled footprint covers, in proportion to the overlap, so a
 * thin stroke becomes grey, as MNIST's anti-aliased digits are.
 *
 * Pure (no DOM), so the Node tests run it on synthetic strokes; the pad feeds it the canvas's ink.
 */

/** The output field's side (MNIST: 28). */
export const FIELD = 28;
/** The longer side of the scaled bounding box (MNIST: 20). */
export const BOX = 20;
/** Ink below this is background (canvas anti-aliasing leaves faint pixels that would widen the box). */
const INK_THRESHOLD = 0.05;

/** A grey image, row-major, values in [0, 1] (1 = ink). */
export interface InkImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/** Overlap of [a0, a1) and [b0, b1). */
const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/**
 * The 28×28 image (row-major, [0, 1]) of `ink`, or `null` when nothing is drawn.
 * @example mnistDownsample({ width: 2, height: 2, data: Float32Array.of(1, 1, 1, 1) })!.length //=> 784 (a 20×20 square at the centre)
 */
export function mnistDownsample(ink: InkImage, field = FIELD, box = BOX): Float32Array | null {
  const { width, height, data } = ink;
  if (data.length !== width * height) throw new Error(`mnistDownsample: data length does not match the size (got ${data.length}, expected ${width} × ${height} = ${width * height})`);
  let x0 = width, y0 = height, x1 = -1, y1 = -1;
  let mass = 0, mx = 0, my = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x]!;
      if (v < INK_THRESHOLD) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  if (x1 < 0) return null;
  const scale = box / Math.max(x1 - x0 + 1, y1 - y0 + 1);
  // A source point p lands at (p − centre of mass) · scale + field / 2.
  const cx = mx / mass, cy = my / mass, half = field / 2;
  const out = new Float32Array(field * field);
  for (let y = y0; y <= y1; y++) {
    const v0 = (y - cy) * scale + half, v1 = v0 + scale;
    const rowFrom = Math.max(0, Math.floor(v0)), rowTo = Math.min(field - 1, Math.ceil(v1) - 1);
    for (let x = x0; x <= x1; x++) {
      const v = data[y * width + x]!;
      if (v < INK_THRESHOLD) continue;
      const u0 = (x - cx) * scale + half, u1 = u0 + scale;
      const colFrom = Math.max(0, Math.floor(u0)), colTo = Math.min(field - 1, Math.ceil(u1) - 1);
      for (let r = rowFrom; r <= rowTo; r++) {
        const h = overlap(v0, v1, r, r + 1);
        for (let c = colFrom; c <= colTo; c++) out[r * field + c]! += v * h * overlap(u0, u1, c, c + 1);
      }
    }
  }
  for (let i = 0; i < out.length; i++) if (out[i]! > 1) out[i] = 1;
  return out;
}

/** Centre of mass (x, y) of a square `field`×`field` image, in pixel units (pixel centres at +0.5). */
export function centreOfMass(image: Float32Array, field = FIELD): { x: number; y: number; mass: number } {
  let mass = 0, x = 0, y = 0;
  for (let r = 0; r < field; r++) {
    for (let c = 0; c < field; c++) {
      const v = image[r * field + c]!;
      mass += v;
      x += v * (c + 0.5);
      y += v * (r + 0.5);
    }
  }
  return { x: x / mass, y: y / mass, mass };
}
