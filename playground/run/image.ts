/**
 * Images in and out of NHWC tensors in the page: an image file resized (by the browser's resampler) to a
 * model's input as RGB values 0–255, and a `[1, H, W, 3]` output drawn on a canvas (values rounded and
 * clamped to 0–255, the upscaler's output range).
 */

/** RGB values 0–255 of the image at `url`, resized to `width`×`height`, NHWC order. */
export async function loadRgb(url: string, width: number, height: number): Promise<Float32Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`playground: could not load the image (got HTTP ${res.status} for ${url}, expected 200)`);
  const bitmap = await createImageBitmap(await res.blob());
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const rgb = new Float32Array(width * height * 3);
  for (let p = 0; p < width * height; p++) for (let c = 0; c < 3; c++) rgb[p * 3 + c] = rgba[p * 4 + c]!;
  return rgb;
}

/** Draws NHWC RGB `data` (0–255) of size `width`×`height` on `canvas` (resized to it). */
export function drawRgb(canvas: HTMLCanvasElement, data: Float32Array, width: number, height: number): void {
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(width, height);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 3; c++) img.data[p * 4 + c] = Math.max(0, Math.min(255, Math.round(data[p * 3 + c]!)));
    img.data[p * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}
