/**
 * cropping2d against ONNX Runtime's Slice on NCHW data, through model.run; the runtime twin's sentences;
 * and U-Net's crop-and-concat sizes (Ronneberger et al. 2015, Fig. 1: 568 → 392 with 88 cropped per side).
 */
import { describe, expect, it } from 'vitest';
import { input, model, ShapeError, tensor, type Cropping2dOptions } from '../../src/index.js';
import { nchwToNhwc, nhwcToNchw, runOnnxOp } from '../reference/onnx.js';

function random(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1);
}

const cases: [number[], [[number, number], [number, number]]][] = [
  [[1, 9, 7, 3], [[1, 2], [0, 3]]],
  [[2, 5, 5, 4], [[0, 0], [2, 2]]],
  [[1, 12, 10, 2], [[4, 4], [3, 1]]],
];

describe('cropping2d vs ORT Slice', () => {
  for (const [dims, [[t, b], [l, r]]] of cases) {
    it(`x=[${dims}] crop=[[${t},${b}],[${l},${r}]]`, async () => {
      const [n, h, w, c] = dims as [number, number, number, number];
      const x = input([h, w, c]);
      const m = model(x, x.cropping2d({ cropping: [[t, b], [l, r]] }));
      const data = random(n * h * w * c, h * 31 + w);
      const ours = m.run(tensor([n, h, w, c], data));
      const ref = await runOnnxOp({
        opType: 'Slice',
        inputs: [{ name: 'x', ...nhwcToNchw({ dims, data }) }],
        initializers: [
          { name: 'starts', dims: [2], data: BigInt64Array.from([BigInt(t), BigInt(l)]) },
          { name: 'ends', dims: [2], data: BigInt64Array.from([BigInt(h - b), BigInt(w - r)]) },
          { name: 'axes', dims: [2], data: BigInt64Array.from([2n, 3n]) },
        ],
      });
      const expected = nchwToNhwc({ dims: ref.dims, data: ref.data as Float32Array });
      expect(ours.shape).toEqual(expected.dims);
      expect(Array.from(ours.data)).toEqual(Array.from(expected.data));
    });
  }
});

describe('cropping2d shapes', () => {
  it('U-Net: 568 cropped by 88 per side is 392 (Ronneberger et al. 2015)', () => {
    expect(input([568, 568, 64]).cropping2d({ cropping: 88 }).shape).toEqual([-1, 392, 392, 64]);
  });
  it('throws the compile-time sentence when nothing is left', () => {
    // Options typed as the wide `Cropping2dOptions` are only checked at run time.
    const options: Cropping2dOptions = { cropping: [[2, 2], [0, 0]] };
    expect(() => void input([4, 4, 1]).cropping2d(options)).toThrow(
      new ShapeError('cropping2d: cropping 4 leaves nothing of the height 4 (input [B, 4, 4, 1])', 'cropping2d', 'cropping'),
    );
  });
});
