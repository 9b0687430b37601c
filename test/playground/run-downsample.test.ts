/**
 * The digit pad's MNIST-style down-sampling (playground/run/digit/downsample.ts) on synthetic drawings whose
 * result is known by construction: the ink's longer side becomes 20 pixels, its centre of mass lands on
 * (14, 14), the ink is conserved up to the scale², and an empty drawing gives null. Plus the panel's pure
 * helpers: the seeded input, the specifier rewrite, top-k and softmax.
 */
import { describe, expect, it } from 'vitest';
import { BOX, centreOfMass, FIELD, mnistDownsample } from '../../playground/run/digit/downsample.js';
import { randomData } from '../../playground/run/input.js';
import { probabilities, topK } from '../../playground/run/outputs.js';
import { rewriteSpecifiers } from '../../playground/run/specifiers.js';

/** A `w`×`h` canvas with ink 1 in the rectangles given as [x0, y0, x1, y1) (exclusive ends). */
function drawing(w: number, h: number, rects: readonly (readonly [number, number, number, number])[]) {
  const data = new Float32Array(w * h);
  for (const [x0, y0, x1, y1] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * w + x] = 1;
  return { width: w, height: h, data };
}

/** Rows and columns of `img` holding ink above `t`. */
function extent(img: Float32Array, t = 0.01) {
  let r0 = FIELD, r1 = -1, c0 = FIELD, c1 = -1;
  for (let r = 0; r < FIELD; r++) for (let c = 0; c < FIELD; c++) if (img[r * FIELD + c]! > t) [r0, r1, c0, c1] = [Math.min(r0, r), Math.max(r1, r), Math.min(c0, c), Math.max(c1, c)];
  return { rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

describe('mnistDownsample', () => {
  it('an empty drawing gives null; a wrong data length throws', () => {
    expect(mnistDownsample(drawing(280, 280, []))).toBeNull();
    expect(() => mnistDownsample({ width: 4, height: 4, data: new Float32Array(15) })).toThrow('mnistDownsample: data length does not match the size (got 15, expected 4 × 4 = 16)');
  });

  it('a filled 200×200 square off-centre becomes a 20×20 block of ink 1 at the centre', () => {
    const img = mnistDownsample(drawing(280, 280, [[10, 50, 210, 250]]))!;
    expect(img.length).toBe(FIELD * FIELD);
    const com = centreOfMass(img);
    expect(com.x).toBeCloseTo(14, 5);
    expect(com.y).toBeCloseTo(14, 5);
    expect(com.mass).toBeCloseTo(BOX * BOX, 3);
    expect(img[14 * FIELD + 14]).toBeCloseTo(1, 5);
    expect(img[3 * FIELD + 3]).toBe(0);
    expect(extent(img)).toEqual({ rows: 20, cols: 20 });
  });

  it('a tall stroke (40 wide, 200 high) keeps its aspect: 20 high, 4 wide, centred by mass', () => {
    const img = mnistDownsample(drawing(280, 280, [[200, 20, 240, 220]]))!;
    expect(extent(img)).toEqual({ rows: 20, cols: 4 });
    const com = centreOfMass(img);
    expect(com.x).toBeCloseTo(14, 5);
    expect(com.y).toBeCloseTo(14, 5);
    // Ink is conserved: 40 · 200 source pixels, each 0.1² of an output pixel.
    expect(com.mass).toBeCloseTo(40 * 200 * 0.01, 3);
  });

  it('an "L" is placed by its centre of mass, not its box: the heavy corner moves off the centre', () => {
    // A vertical bar and a bottom bar: the mass sits low-left of the bounding box's centre.
    const img = mnistDownsample(drawing(200, 200, [[0, 0, 40, 200], [0, 160, 200, 200]]))!;
    const com = centreOfMass(img);
    expect(com.x).toBeCloseTo(14, 5);
    expect(com.y).toBeCloseTo(14, 5);
    // Mass x = (8000 · 20 + 6400 · 120) / 14400 = 64.44 source px → the box's left edge lands at
    // 14 − 6.444 = 7.56 (column 7), not at 14 − 10 = 4 as centring the box would put it.
    let firstCol = FIELD;
    for (let r = 0; r < FIELD; r++) for (let c = 0; c < FIELD; c++) if (img[r * FIELD + c]! > 0.01) firstCol = Math.min(firstCol, c);
    expect(firstCol).toBe(7);
    expect(img[14 * FIELD + 7]).toBeCloseTo(0.44, 2); // the column is covered from 7.56 to 8
  });

  it('a stroke thinner than an output pixel becomes grey (area resampling), never above 1', () => {
    const img = mnistDownsample(drawing(280, 280, [[100, 40, 105, 240]]))!; // 5 px wide → 0.5 output px
    const max = Math.max(...img);
    expect(max).toBeGreaterThan(0.2);
    expect(max).toBeLessThan(0.8);
  });
});

describe('the run panel\'s pure helpers', () => {
  it('randomData is reproducible from its seed, in [0, 1), and differs between seeds', () => {
    const a = randomData(1000, 1);
    expect(randomData(1000, 1)).toEqual(a);
    expect(randomData(1000, 2)).not.toEqual(a);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a)).toBeLessThan(1);
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('rewriteSpecifiers points static, bare and dynamic convtype imports at the URLs, leaves the rest', () => {
    const js = `import { input } from 'convtype';\nimport { readSafetensors } from "convtype/safetensors";\nimport 'convtype/onnx';\nconst m = await import('convtype/pytorch');\nimport x from 'convtypes';\nexport { tensor } from 'convtype';`;
    expect(rewriteSpecifiers(js, (e) => `/lib/${e}.js`)).toBe(
      `import { input } from '/lib/index.js';\nimport { readSafetensors } from "/lib/safetensors.js";\nimport '/lib/onnx.js';\nconst m = await import('/lib/pytorch.js');\nimport x from 'convtypes';\nexport { tensor } from '/lib/index.js';`,
    );
    expect(() => rewriteSpecifiers("import 'convtype/import';", (e) => e)).toThrow(
      "playground: no library entry 'convtype/import' (got 'import', expected one of 'convtype/safetensors', 'convtype/pytorch', 'convtype/tfjs', 'convtype/onnx' or 'convtype')",
    );
  });

  it('topK ranks largest first; probabilities is a softmax unless the row already is one', () => {
    expect(topK([0.1, 0.7, 0.2, 0.7], 3)).toEqual([{ index: 1, value: 0.7 }, { index: 3, value: 0.7 }, { index: 2, value: 0.2 }]);
    const p = probabilities([0, Math.log(3)]);
    expect(p[0]).toBeCloseTo(0.25, 12);
    expect(p[1]).toBeCloseTo(0.75, 12);
    expect(probabilities([0.2, 0.8])).toEqual([0.2, 0.8]);
    expect(probabilities([1000, 1000]).every((v) => Math.abs(v - 0.5) < 1e-12)).toBe(true);
  });
});
