/**
 * Several inputs and outputs: a model over two inputs joined by concat equals the one-input model run on the
 * inputs concatenated by hand (same weights), for every output; and the array forms are checked.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { concat, input, InputError, model, tensor } from '../../src/index.js';

function seeded(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1);
}

describe('model([a, b], [c, d])', () => {
  const a = input([6, 6, 2]);
  const b = input([6, 6, 3]);
  const c = concat([a, b]).conv2d({ filters: 4, kernel: 3, padding: 'same' });
  const d = c.relu().flatten().dense({ units: 5 });
  const two = model([a, b], [c, d], { seed: 3 });

  const x = input([6, 6, 5]);
  const c1 = x.conv2d({ filters: 4, kernel: 3, padding: 'same' });
  const one = model([x], [c1, c1.relu().flatten().dense({ units: 5 })], { seed: 9 });
  one.setWeights(two.weights);

  it('x=[2,6,6,2]+[2,6,6,3] concat → conv2d k3 same → relu → dense 5 equals the model on the concatenated input', () => {
    const da = seeded(2 * 36 * 2, 1);
    const db = seeded(2 * 36 * 3, 2);
    const joined = new Float32Array(2 * 36 * 5);
    for (let p = 0; p < 2 * 36; p++) {
      joined.set(da.subarray(p * 2, p * 2 + 2), p * 5);
      joined.set(db.subarray(p * 3, p * 3 + 3), p * 5 + 2);
    }
    const [oc, od] = two.run([tensor([2, 6, 6, 2], da), tensor([2, 6, 6, 3], db)]);
    const [rc, rd] = one.run([tensor([2, 6, 6, 5], joined)]);
    expectTypeOf(oc.shape).toEqualTypeOf<readonly [2, 6, 6, 4]>();
    expectTypeOf(od.shape).toEqualTypeOf<readonly [2, 5]>();
    expect(oc.shape).toEqual([2, 6, 6, 4]);
    expect(od.shape).toEqual([2, 5]);
    expect(Array.from(oc.data)).toEqual(Array.from(rc.data));
    expect(Array.from(od.data)).toEqual(Array.from(rd.data));
  });

  it('needs every input, one batch size, and arrays', () => {
    const run = (xs: unknown): unknown => (two as unknown as { run(xs: unknown): unknown }).run(xs);
    expect(() => run([tensor([1, 6, 6, 2])])).toThrow(new InputError('model.run: wrong number of inputs (got 1, expected 2)'));
    expect(() => run([tensor([1, 6, 6, 2]), tensor([2, 6, 6, 3])])).toThrow(
      new InputError('model.run: inputs have different batch sizes (got 1, 2, expected one batch size)'),
    );
    expect(() => run(tensor([1, 6, 6, 2]))).toThrow(InputError);
  });
});
