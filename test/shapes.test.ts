/**
 * The runtime half of the shape rules:
 * (a) for every case of the shared table (test/cases/error-cases.ts), the runtime twin throws a `ShapeError`
 *     with EXACTLY the sentence the type checker shows (test-d/errors.test-d.ts checks the type side against
 *     the same table), blaming the same option;
 * (b) the published shape vectors, computed at run time by the same calls whose types test-d/shapes.test-d.ts
 *     checks; each call here is also type-checked (`expectTypeOf`), so the type and the value are compared at
 *     one call site. At run time an unknown batch is −1.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ShapeError, input } from '../src/index.js';
import { ERROR_CASES, type ErrorCase } from './cases/error-cases.js';

/** The DSL seen loosely, so that deliberate mistakes reach the runtime checks instead of failing to compile. */
interface LooseTensor {
  readonly shape: readonly number[];
  readonly [method: string]: unknown;
}
const looseInput = input as unknown as (dims: readonly number[], options?: { readonly batch?: number }) => LooseTensor;

/** What `input(case.input, { batch }).<layer>(options)` throws, or `undefined`. */
function thrownBy(c: ErrorCase): unknown {
  try {
    const x = looseInput(c.input, c.batch === undefined ? {} : { batch: c.batch });
    if (c.layer !== undefined) (x[c.layer] as (this: LooseTensor, options: unknown) => LooseTensor).call(x, c.options);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('(a) the runtime twins throw the compile-time sentences', () => {
  it.each(ERROR_CASES.map((c): [string, ErrorCase] => [c.name, c]))('%s', (_name, c) => {
    const error = thrownBy(c);
    expect(error).toBeInstanceOf(ShapeError);
    const shapeError = error as ShapeError;
    expect(shapeError.message).toBe(c.message);
    expect(shapeError.layer).toBe(c.layer ?? 'input');
    expect(shapeError.option).toBe(c.option);
  });

  it('the table covers every layer method and both kinds of blame', () => {
    const layers = new Set(ERROR_CASES.map((c: ErrorCase) => c.layer ?? 'input'));
    expect([...layers].sort()).toEqual(['avgPool2d', 'conv2d', 'conv2dTranspose', 'dense', 'input', 'maxPool2d']);
    expect(ERROR_CASES.some((c: ErrorCase) => c.option === undefined && c.layer !== undefined)).toBe(true);
    expect(new Set(ERROR_CASES.map((c) => c.name)).size).toBe(ERROR_CASES.length);
  });

  it('a valid call right after a mistake is unaffected (errors do not leave state behind)', () => {
    const x = input([27, 27, 96]);
    expect(thrownBy(ERROR_CASES[0])).toBeInstanceOf(ShapeError);
    expect(x.conv2d({ inChannels: 96, filters: 256, kernel: 5 }).shape).toEqual([-1, 23, 23, 256]);
  });

  // The batch is checked at compile time too (test-d/errors.test-d.ts); here, the same sentence at run time.
  it.each([0, 2.5, -1])('input batch=%s throws at run time', (batch) => {
    expect(() => looseInput([227, 227, 3], { batch })).toThrow(
      new ShapeError(`input: dimension batch is not a positive integer (got ${batch}, expected an integer ≥ 1)`, 'input', 'batch'),
    );
  });
});

describe('(b) published shape vectors at run time', () => {
  describe('the seed (227×227)', () => {
    it('AlexNet conv1 x=[256,227,227,3] f=96 k=11 s=4 p=0 → 55', () => {
      const y = input([227, 227, 3], { batch: 256 }).conv2d({ filters: 96, kernel: 11, stride: 4, padding: 0 });
      expectTypeOf(y.shape).toEqualTypeOf<readonly [256, 55, 55, 96]>();
      expect(y.shape).toEqual([256, 55, 55, 96]);
    });
    it('1×1 conv x=[227,227,512] f=32 keeps 227×227', () => {
      const y = input([227, 227, 512]).conv2d({ filters: 32, kernel: 1 });
      expectTypeOf(y.shape).toEqualTypeOf<readonly [number, 227, 227, 32]>();
      expect(y.shape).toEqual([-1, 227, 227, 32]);
    });
    it('dense as conv x=[6,6,256] k=6 f=4096 → 1×1×4096, = flatten + dense', () => {
      const conv = input([6, 6, 256]).conv2d({ filters: 4096, kernel: 6 });
      const dense = input([6, 6, 256]).flatten().dense({ units: 4096, inFeatures: 9216 });
      expectTypeOf(conv.shape).toEqualTypeOf<readonly [number, 1, 1, 4096]>();
      expectTypeOf(dense.shape).toEqualTypeOf<readonly [number, 4096]>();
      expect(conv.shape).toEqual([-1, 1, 1, 4096]);
      expect(conv.flatten().shape).toEqual(dense.shape);
    });
    it('dilated convs keep the size with p = d(k−1)/2 (d=2, 4)', () => {
      const y = input([64, 64, 32]).conv2d({ filters: 32, kernel: 3, dilation: 2, padding: 2 }).conv2d({ filters: 32, kernel: 3, dilation: 4, padding: 4 });
      expectTypeOf(y.shape).toEqualTypeOf<readonly [number, 64, 64, 32]>();
      expect(y.shape).toEqual([-1, 64, 64, 32]);
    });
  });

  it('AlexNet 227 → 55 → 27 → 13 → 6, flatten 9216 → 1000', () => {
    const conv1 = input([227, 227, 3]).conv2d({ filters: 96, kernel: 11, stride: 4 });
    const pool1 = conv1.relu().maxPool2d({ size: 3, stride: 2 });
    const pool2 = pool1.conv2d({ filters: 256, kernel: 5, padding: 2 }).relu().maxPool2d({ size: 3, stride: 2 });
    const conv5 = pool2
      .conv2d({ filters: 384, kernel: 3, padding: 1 })
      .relu()
      .conv2d({ filters: 384, kernel: 3, padding: 1 })
      .relu()
      .conv2d({ filters: 256, kernel: 3, padding: 1 })
      .relu();
    const flat = conv5.maxPool2d({ size: 3, stride: 2 }).flatten();
    const out = flat.dense({ units: 4096 }).relu().dense({ units: 4096 }).relu().dense({ units: 1000 }).softmax();
    expectTypeOf(flat.shape).toEqualTypeOf<readonly [number, 9216]>();
    expectTypeOf(out.shape).toEqualTypeOf<readonly [number, 1000]>();
    expect([conv1.shape, pool1.shape, pool2.shape, conv5.shape, flat.shape, out.shape]).toEqual([
      [-1, 55, 55, 96],
      [-1, 27, 27, 96],
      [-1, 13, 13, 256],
      [-1, 13, 13, 256],
      [-1, 9216],
      [-1, 1000],
    ]);
  });

  it('VGG-16 224 → 112 → 56 → 28 → 14 → 7, flatten 25,088', () => {
    const block1 = input([224, 224, 3]).conv2d({ filters: 64, kernel: 3, padding: 1 }).conv2d({ filters: 64, kernel: 3, padding: 1 }).maxPool2d({ size: 2 });
    const block2 = block1.conv2d({ filters: 128, kernel: 3, padding: 1 }).conv2d({ filters: 128, kernel: 3, padding: 1 }).maxPool2d({ size: 2 });
    const block3 = block2
      .conv2d({ filters: 256, kernel: 3, padding: 1 })
      .conv2d({ filters: 256, kernel: 3, padding: 1 })
      .conv2d({ filters: 256, kernel: 3, padding: 1 })
      .maxPool2d({ size: 2 });
    const block4 = block3
      .conv2d({ filters: 512, kernel: 3, padding: 1 })
      .conv2d({ filters: 512, kernel: 3, padding: 1 })
      .conv2d({ filters: 512, kernel: 3, padding: 1 })
      .maxPool2d({ size: 2 });
    const block5 = block4
      .conv2d({ filters: 512, kernel: 3, padding: 'same' })
      .conv2d({ filters: 512, kernel: 3, padding: 'same' })
      .conv2d({ filters: 512, kernel: 3, padding: 'same' })
      .maxPool2d({ size: 2 });
    const flat = block5.flatten();
    const out = flat.dense({ units: 4096, inFeatures: 25088 }).dense({ units: 4096 }).dense({ units: 1000 });
    expectTypeOf(flat.shape).toEqualTypeOf<readonly [number, 25088]>();
    // (shapes, not tensors, go into the array: on TS 5.9/6.0 mapping over a union-typed array of tensors of different shapes hits TS2590; see README)
    expect([block1.shape[1], block2.shape[1], block3.shape[1], block4.shape[1], block5.shape[1]]).toEqual([112, 56, 28, 14, 7]);
    expect(flat.shape).toEqual([-1, 25088]);
    expect(out.shape).toEqual([-1, 1000]);
  });

  it('ResNet stem 224 → 112 (k7 s2 p3) → 56 (maxpool k3 s2 p1)', () => {
    const stem = input([224, 224, 3]).conv2d({ filters: 64, kernel: 7, stride: 2, padding: 3 });
    const pool = stem.maxPool2d({ size: 3, stride: 2, padding: 1 });
    expectTypeOf(pool.shape).toEqualTypeOf<readonly [number, 56, 56, 64]>();
    expect(stem.shape).toEqual([-1, 112, 112, 64]);
    expect(pool.shape).toEqual([-1, 56, 56, 64]);
  });

  it('GoogLeNet ceil-mode pools 112 → 56 → 28 → 14 → 7 (floor: 55, 27, 13, 7)', () => {
    const p1 = input([112, 112, 64]).maxPool2d({ size: 3, stride: 2, ceilMode: true });
    const p2 = p1.maxPool2d({ size: 3, stride: 2, ceilMode: true });
    const p3 = p2.maxPool2d({ size: 3, stride: 2, ceilMode: true });
    const p4 = p3.maxPool2d({ size: 2, stride: 2, ceilMode: true });
    expectTypeOf(p4.shape).toEqualTypeOf<readonly [number, 7, 7, 64]>();
    expect([p1.shape[1], p2.shape[1], p3.shape[1], p4.shape[1]]).toEqual([56, 28, 14, 7]);
    const f1 = input([112, 112, 64]).maxPool2d({ size: 3, stride: 2 });
    const f2 = input([56, 56, 64]).maxPool2d({ size: 3, stride: 2 });
    const f3 = input([28, 28, 64]).maxPool2d({ size: 3, stride: 2 });
    const f4 = input([14, 14, 64]).maxPool2d({ size: 2, stride: 2 });
    expect([f1.shape[1], f2.shape[1], f3.shape[1], f4.shape[1]]).toEqual([55, 27, 13, 7]);
  });

  it('ceil mode drops a last window that starts past the input: 5, k2 s2 p1 → 3', () => {
    const y = input([5, 5, 1]).maxPool2d({ size: 2, stride: 2, padding: 1, ceilMode: true });
    expectTypeOf(y.shape).toEqualTypeOf<readonly [number, 3, 3, 1]>();
    expect(y.shape).toEqual([-1, 3, 3, 1]);
  });

  it('Inception-v3 stem 299 → 149 → 147 → 147 → 73', () => {
    const a = input([299, 299, 3]).conv2d({ filters: 32, kernel: 3, stride: 2, padding: 'valid' });
    const b = a.conv2d({ filters: 32, kernel: 3 });
    const c = b.conv2d({ filters: 64, kernel: 3, padding: 'same' });
    const d = c.maxPool2d({ size: 3, stride: 2 });
    expectTypeOf(d.shape).toEqualTypeOf<readonly [number, 73, 73, 64]>();
    expect([a.shape, b.shape, c.shape, d.shape]).toEqual([
      [-1, 149, 149, 32],
      [-1, 147, 147, 32],
      [-1, 147, 147, 64],
      [-1, 73, 73, 64],
    ]);
  });

  it('U-Net 572 → 570 → 568 → 284, up-conv 28 → 56', () => {
    const a = input([572, 572, 1]).conv2d({ filters: 64, kernel: 3 });
    const b = a.conv2d({ filters: 64, kernel: 3 });
    const c = b.maxPool2d({ size: 2 });
    const up = input([28, 28, 1024]).conv2dTranspose({ filters: 512, kernel: 2, stride: 2 });
    expectTypeOf(c.shape).toEqualTypeOf<readonly [number, 284, 284, 64]>();
    expect([a.shape[1], b.shape[1], c.shape[1]]).toEqual([570, 568, 284]);
    expect(up.shape).toEqual([-1, 56, 56, 512]);
  });

  it("DeepLab ASPP rate 18 'same' 33 → 33 (and explicit p=18)", () => {
    const same = input([33, 33, 2048]).conv2d({ filters: 256, kernel: 3, dilation: 18, padding: 'same' });
    const explicit = input([33, 33, 2048]).conv2d({ filters: 256, kernel: 3, dilation: 18, padding: 18 });
    expectTypeOf(same.shape).toEqualTypeOf<readonly [number, 33, 33, 256]>();
    expect(same.shape).toEqual([-1, 33, 33, 256]);
    expect(explicit.shape).toEqual([-1, 33, 33, 256]);
  });

  it('DCGAN transposed 1 → 4 (k4 s1 p0) and 32 → 64 (k4 s2 p1)', () => {
    const g4 = input([1, 1, 100]).conv2dTranspose({ filters: 512, kernel: 4, stride: 1, padding: 0 });
    const g64 = input([32, 32, 64]).conv2dTranspose({ filters: 3, kernel: 4, stride: 2, padding: 1 });
    expectTypeOf(g4.shape).toEqualTypeOf<readonly [number, 4, 4, 512]>();
    expectTypeOf(g64.shape).toEqualTypeOf<readonly [number, 64, 64, 3]>();
    expect(g4.shape).toEqual([-1, 4, 4, 512]);
    expect(g64.shape).toEqual([-1, 64, 64, 3]);
  });

  it('an unknown dim is `number` in the type and the actual size at run time', () => {
    const height = 100 as number;
    const y = input([height, 227, 3]).conv2d({ filters: 96, kernel: 11, stride: 4 });
    expectTypeOf(y.shape).toEqualTypeOf<readonly [number, number, 55, 96]>();
    expect(y.shape).toEqual([-1, 23, 55, 96]);
  });

  it('a flatten product of exactly 2^53 − 1 stays exact; one above it is `number`', () => {
    const at = input([6361, 69431, 20394401]).flatten();
    const above = input([6361, 69431, 20394402]).flatten();
    expectTypeOf(at.shape).toEqualTypeOf<readonly [number, 9007199254740991]>();
    expectTypeOf(above.shape).toEqualTypeOf<readonly [number, number]>();
    expect(at.shape).toEqual([-1, Number.MAX_SAFE_INTEGER]);
    expect(above.shape[1]).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
  });
});
