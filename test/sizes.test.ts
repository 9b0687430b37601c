/**
 * Blocks as plain generic functions at run time, and the size helpers (runtime twins of types/sizes.ts).
 * The type-level half is test-d/blocks.test-d.ts and test/diagnostics/fixtures/blocks.ts; the expected shapes
 * here are the conv formula worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { batchNorm, conv2d, input, minus, over, overCeil, plus, relu, residual, sequential, ShapeError, times } from '../src/index.js';

function convBn<const F extends number, const K extends number>(filters: F, kernel: K) {
  return sequential(conv2d({ filters, kernel, padding: 'same', useBias: false }), batchNorm(), relu());
}
function bottleneck<const W extends number>(width: W) {
  return sequential(residual(sequential(convBn(width, 1), convBn(width, 3), conv2d({ filters: times(width, 4), kernel: 1 }))), relu());
}

describe('size helpers', () => {
  it.each([
    ['times', times, 64, 4, 256],
    ['plus', plus, 64, 32, 96],
    ['minus', minus, 572, 16, 556],
    ['over', over, 255, 4, 63],
    ['overCeil', overCeil, 227, 4, 57],
  ] as const)('%s(%i, %i) = %i', (_name, f, a, b, expected) => {
    expect((f as (a: number, b: number) => number)(a, b)).toBe(expected);
  });

  it.each([
    ['times', -1],
    ['plus', 2.5],
    ['minus', Number.NaN],
    ['over', 2 ** 53],
  ] as const)('%s rejects the operand %s with the compile-time sentence', (name, bad) => {
    const f = { times, plus, minus, over }[name] as (a: number, b: number) => number;
    expect(() => f(bad, 1)).toThrow(ShapeError);
    expect(() => f(bad, 1)).toThrow(`${name}: operand is not a non-negative integer (got ${bad}, expected an integer literal ≥ 0)`);
  });

  it('rejects a zero divisor and an unsafe product', () => {
    expect(() => over(7, 0 as number)).toThrow('over: division by zero (got 7 / 0, expected a divisor ≥ 1)');
    expect(() => times(2 ** 30, 2 ** 30)).toThrow(/times: result is not a safe integer/);
  });
});

describe('generic blocks', () => {
  it('compute the shape where they are applied, at each size', () => {
    expect(input([56, 56, 256]).apply(bottleneck(64)).shape).toEqual([-1, 56, 56, 256]);
    expect(input([14, 14, 1024]).apply(bottleneck(256)).shape).toEqual([-1, 14, 14, 1024]);
    expect(input([28, 28, 3]).apply(convBn(16, 5)).shape).toEqual([-1, 28, 28, 16]);
  });

  it('throw the inner layer sentence where they do not fit', () => {
    expect(() => input([56, 56, 64]).apply(bottleneck(32) as never)).toThrow(
      'residual add: shapes differ (got [B, 56, 56, 128] and [B, 56, 56, 64], expected equal shapes)',
    );
  });
});
