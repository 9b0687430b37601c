/**
 * The Backend contract as the ops layer sees it: jsBackend packs once and computes through opaque
 * handles, matches the naive kernels, and refuses handles packed by another backend.
 */
import { describe, expect, it } from 'vitest';
import { jsBackend, type PackedHandle } from '../../src/kernels/backend.js';
import { conv2dNaive } from '../../src/kernels/conv2d-naive.js';
import { conv2dTransposeNaive } from '../../src/kernels/conv2d-transpose-naive.js';
import { denseNaive } from '../../src/kernels/dense-naive.js';
import type { Conv2dGeometry } from '../../src/kernels/geometry.js';
import { maxPool2dNaive } from '../../src/kernels/pool-naive.js';
import { convGeometry, convTransposeGeometry, poolGeometry, randomData, relErr, rng, TOLERANCE } from './helpers.js';

describe('jsBackend', () => {
  const r = rng(11);

  it('conv2d x=[2,9,9,16] f=[3,3,16,16] s=1 d=1 p=[[1,1],[1,1]] through a handle, reused twice', () => {
    const g = convGeometry({ batch: 2, h: 9, w: 9, c: 16, outC: 16, k: [3, 3], s: [1, 1], d: [1, 1], p: [[1, 1], [1, 1]] });
    const x = randomData(r, 2 * 81 * 16), w = randomData(r, 9 * 256), b = randomData(r, 16);
    const p = jsBackend.packConv2d(g, w, b);
    expect(p.backend).toBe('js');
    const scratch = new Float32Array(jsBackend.conv2dScratchSize(g));
    const y = new Float32Array(2 * 81 * 16);
    for (let i = 0; i < 2; i++) {
      jsBackend.conv2d(p, x, 0, y, 0, { kind: 'relu6' }, scratch);
      expect(relErr(y, conv2dNaive(g, x, w, b, { kind: 'relu6' }))).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it('conv2dTranspose, dense, maxPool2d, softmax', () => {
    const tg = convTransposeGeometry({ batch: 1, h: 4, w: 4, c: 3, outC: 2, k: [3, 3], s: [2, 2], d: [1, 1], p: [[1, 1], [1, 1]], op: [1, 1] });
    const tx = randomData(r, 48), tw = randomData(r, 9 * 6);
    const ty = new Float32Array(tg.outH * tg.outW * 2);
    jsBackend.conv2dTranspose(jsBackend.packConv2dTranspose(tg, tw, null), tx, 0, ty, 0, { kind: 'none' }, new Float32Array(jsBackend.conv2dTransposeScratchSize(tg)));
    expect(relErr(ty, conv2dTransposeNaive(tg, tx, tw, null))).toBeLessThanOrEqual(TOLERANCE);

    const dg = { batch: 2, inFeatures: 5, units: 3 };
    const dx = randomData(r, 10), dw = randomData(r, 15);
    const dy = new Float32Array(6);
    jsBackend.dense(jsBackend.packDense(dg, dw, null), dx, 0, dy, 0, { kind: 'none' }, new Float32Array(jsBackend.denseScratchSize(dg)));
    expect(relErr(dy, denseNaive(dg, dx, dw, null))).toBeLessThanOrEqual(TOLERANCE);

    const pg = poolGeometry({ batch: 1, h: 5, w: 5, c: 2, k: [2, 2], s: [2, 2], d: [1, 1], p: [[1, 1], [1, 1]], ceil: true, countIncludePad: false });
    const px = randomData(r, 50);
    const py = new Float32Array(pg.outH * pg.outW * 2);
    jsBackend.maxPool2d(pg, px, 0, py, 0);
    expect(py).toEqual(maxPool2dNaive(pg, px));

    const s = Float32Array.of(1, 2, 3, 4);
    jsBackend.softmax(s, 0, s, 0, 2, 2);
    expect(s[0] + s[1]).toBeCloseTo(1, 6);
  });

  it('refuses weights packed by another backend', () => {
    const g: Conv2dGeometry = convGeometry({ batch: 1, h: 3, w: 3, c: 1, outC: 1, k: [1, 1], s: [1, 1], d: [1, 1], p: [[0, 0], [0, 0]] });
    const foreign: PackedHandle<Conv2dGeometry> = { backend: 'wasm-simd', geometry: g };
    expect(() => jsBackend.conv2d(foreign, new Float32Array(9), 0, new Float32Array(9), 0, { kind: 'none' }, new Float32Array(0))).toThrow(
      "conv2d: weights were packed by backend 'wasm-simd', not 'js'",
    );
  });
});
