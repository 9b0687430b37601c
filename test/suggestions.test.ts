/**
 * The runtime twins of the suggestions (src/shapes/suggestions/*.ts):
 * (a) against the shared table test/cases/suggestion-cases.ts (test-d/suggestions.test-d.ts checks the types
 *     against the same table): `fitFix`, and the whole sentence `add`/`residual add`/`concat` throw, through the
 *     shape functions and through the DSL;
 * (b) every suggestion WORKS when applied to the shape rule (src/shapes/axis.ts, itself checked against ONNX
 *     Runtime and tfjs in test/layers and test/reference), over a sweep of configurations: the added padding
 *     makes the kernel fit and one less does not; the suggested kernel and dilation fit and one more does not;
 *     a stride-1 conv's shrink `d(k−1)` is undone by padding `d(k−1)/2` or, when odd, by TF 'same' pads of
 *     exactly the sentence's `before`/`after`; a transposed conv's shortfall is reached by `outputPadding δ`.
 */
import { describe, expect, it } from 'vitest';
import { ShapeError, add, concat, conv2d, input, residual, sequential } from '../src/index.js';
import { convLength, poolLength, samePads, transposeLength, type AxisResult } from '../src/shapes/axis.js';
import { concatShape, elementwiseShape } from '../src/shapes/merge.js';
import { fitFix } from '../src/shapes/suggestions/fit.js';
import { joinFix } from '../src/shapes/suggestions/join.js';
import { transposeFitFix } from '../src/shapes/suggestions/transpose.js';
import { FIT_FIX_CASES, JOIN_CASES, TRANSPOSE_FIX_CASES, type JoinCase } from './cases/suggestion-cases.js';

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
};

/** A DSL tensor seen loosely, so that deliberate mistakes reach the runtime checks. */
type Loose = { readonly shape: readonly number[] };
const looseInput = input as unknown as (dims: readonly number[], options?: { readonly batch?: number }) => Loose;
const looseAdd = add as unknown as (a: Loose, b: Loose) => Loose;
const looseConcat = concat as unknown as (ts: readonly Loose[]) => Loose;
const tensorOf = (s: readonly number[]): Loose => looseInput(s.slice(1), s[0]! < 0 ? {} : { batch: s[0]! });

describe('(a) the shared table', () => {
  it.each(FIT_FIX_CASES.map((c) => [c.name, c] as const))('fit %s', (_name, c) => {
    expect(fitFix(c.option, c.axis, c.kernel, c.dilated, c.padded)).toBe(c.fix);
  });

  it.each(TRANSPOSE_FIX_CASES.map((c) => [c.name, c] as const))('transpose %s', (_name, c) => {
    expect(transposeFitFix(c.axis, c.full)).toBe(c.fix);
  });

  it.each(JOIN_CASES.map((c): [string, JoinCase] => [c.name, c]))('join %s: the shape function throws the sentence', (_name, c) => {
    const error = thrown(() => (c.layer === 'concat' ? concatShape([c.a, c.b]) : elementwiseShape(c.layer, c.a, c.b)));
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).message).toBe(c.message);
  });

  // At run time every dim but the batch is known, so the DSL route takes the cases without an unknown dim.
  const known = JOIN_CASES.filter((c) => c.layer !== 'residual add' && [...c.a, ...c.b].slice(1).every((d, i) => i === c.a.length - 1 || d > 0));
  it.each(known.map((c): [string, JoinCase] => [c.name, c]))('join %s: add/concat on tensors throws the sentence', (_name, c) => {
    const [a, b] = [tensorOf(c.a), tensorOf(c.b)];
    const error = thrown(() => (c.layer === 'concat' ? looseConcat([a, b]) : looseAdd(a, b)));
    expect((error as ShapeError).message).toBe(c.message);
  });

  it('residual(spec) throws the sentence of test/diagnostics/fixtures/suggestions.ts', () => {
    const x = looseInput([56, 56, 64]) as unknown as ReturnType<typeof input<[56, 56, 64]>>;
    const block = sequential(conv2d({ filters: 64, kernel: 3 }));
    const error = thrown(() => (x as unknown as { apply(s: unknown): unknown }).apply(residual(block)));
    expect((error as ShapeError).message).toBe(
      "residual add: shapes differ (got [B, 54, 54, 64] and [B, 56, 56, 64], expected equal shapes); the first is 2 smaller in height and width: after a stride-1 conv padding 1 keeps it (p = d(k−1)/2) or 'same', after a transposed conv outputPadding 2",
    );
  });
});

/** The numbers of a fit suggestion. */
function parseFit(fix: string): { pad: number; kernel: number; dilation: number | undefined } {
  const m = /^; to fit, add padding (\d+) on each side of the \w+ or use (?:kernel|size) ≤ (\d+)(?: or dilation ≤ (\d+))?$/.exec(fix);
  if (!m) throw new Error(`unexpected fix: ${fix}`);
  return { pad: Number(m[1]), kernel: Number(m[2]), dilation: m[3] === undefined ? undefined : Number(m[3]) };
}
const fits = (r: AxisResult): boolean => 'out' in r && r.out >= 1;

describe('(b) every suggestion works on the shape rule', () => {
  it('conv: the padding to add is the least that fits, the kernel and dilation the largest that fit', () => {
    let checked = 0;
    for (let len = 1; len <= 12; len++)
      for (let k = 2; k <= 9; k++)
        for (const d of [1, 2, 3])
          for (const [pb, pe] of [[0, 0], [1, 1], [0, 2]] as const)
            for (const s of [1, 2]) {
              const r = convLength(len, k, s, d, pb, pe);
              if (!('fit' in r)) continue;
              const [ke, padded] = r.fit;
              const fix = parseFit(fitFix('kernel', 'height', k, ke, padded));
              expect(fits(convLength(len, k, s, d, pb + fix.pad, pe + fix.pad)), `pad ${len} k${k} d${d}`).toBe(true);
              expect(fits(convLength(len, k, s, d, pb + fix.pad - 1, pe + fix.pad - 1))).toBe(false);
              expect(fits(convLength(len, fix.kernel, s, d, pb, pe))).toBe(true);
              expect(fits(convLength(len, fix.kernel + 1, s, d, pb, pe))).toBe(false);
              if (d > 1 && fix.dilation === undefined) expect(fits(convLength(len, k, s, 1, pb, pe))).toBe(false);
              if (fix.dilation !== undefined) {
                expect(fits(convLength(len, k, s, fix.dilation, pb, pe))).toBe(true);
                expect(fits(convLength(len, k, s, fix.dilation + 1, pb, pe))).toBe(false);
              }
              checked++;
            }
    expect(checked).toBeGreaterThan(500);
  });

  it('pool (floor mode, symmetric padding): the padding fits within ⌊ke/2⌋, the window is the largest that fits', () => {
    let checked = 0;
    for (let len = 1; len <= 8; len++)
      for (let k = 2; k <= 7; k++)
        for (const d of [1, 2])
          for (const p of [0, 1]) {
            const r = poolLength(len, k, k, d, p, p, false);
            if (!('fit' in r)) continue;
            const [ke, padded] = r.fit;
            const fix = parseFit(fitFix('size', 'width', k, ke, padded));
            expect(fits(poolLength(len, k, k, d, p + fix.pad, p + fix.pad, false)), `pool ${len} k${k} d${d} p${p}`).toBe(true);
            expect(fits(poolLength(len, fix.kernel, fix.kernel, d, p, p, false)), `window ${len} k${k} d${d} p${p}`).toBe(true);
            expect(fits(poolLength(len, fix.kernel + 1, fix.kernel + 1, d, p, p, false))).toBe(false);
            checked++;
          }
    expect(checked).toBeGreaterThan(50);
  });

  it('pool in ceil mode: the suggestion still fits (sufficient; ceil mode may accept up to s − 1 less)', () => {
    let checked = 0;
    for (let len = 1; len <= 8; len++)
      for (let k = 3; k <= 7; k++)
        for (const s of [2, 3]) {
          const r = poolLength(len, k, s, 1, 0, 0, true);
          if (!('fit' in r)) continue;
          const fix = parseFit(fitFix('size', 'height', k, r.fit[0], r.fit[1]));
          expect(fits(poolLength(len, k, s, 1, fix.pad, fix.pad, true))).toBe(true);
          expect(fits(poolLength(len, fix.kernel, s, 1, 0, 0, true))).toBe(true);
          checked++;
        }
    expect(checked).toBeGreaterThan(5);
  });

  it("a stride-1 conv's shrink d(k−1): padding d(k−1)/2 keeps the size, or (odd) exactly the 'same' pads named", () => {
    for (let len = 8; len <= 40; len += 8)
      for (let k = 2; k <= 7; k++)
        for (const d of [1, 2, 3]) {
          const out = convLength(len, k, 1, d, 0, 0);
          if (!('out' in out) || 2 * out.out <= len) continue;
          const fix = joinFix('add', [-1, len, len, 8], [-1, out.out, out.out, 8]);
          const delta = d * (k - 1);
          expect(fix.startsWith(`; the second is ${delta} smaller in height and width: `)).toBe(true);
          const even = /after a stride-1 conv padding (\d+) keeps it/.exec(fix);
          const odd = /only padding 'same' keeps it \((\d+) before, (\d+) after;/.exec(fix);
          if (delta % 2 === 0) {
            expect(even, fix).not.toBeNull();
            expect(convLength(len, k, 1, d, Number(even![1]), Number(even![1]))).toEqual({ out: len });
          } else {
            expect(odd, fix).not.toBeNull();
            const [before, after] = [Number(odd![1]), Number(odd![2])];
            expect(samePads(len, k, 1, d)).toEqual([before, after]);
            expect(convLength(len, k, 1, d, before, after)).toEqual({ out: len });
          }
        }
  });

  it('transposed conv padding that removes the output: the suggested padding is the largest that keeps one', () => {
    let checked = 0;
    for (let len = 1; len <= 6; len++)
      for (let k = 1; k <= 4; k++)
        for (const s of [1, 2])
          for (let p = 0; p <= 6; p++) {
            const r = transposeLength(len, k, s, 1, p, p, 0);
            if (!('fit' in r)) continue;
            const m = /use padding ≤ (\d+) on each side/.exec(transposeFitFix('height', r.fit[1]));
            expect(m).not.toBeNull();
            expect(fits(transposeLength(len, k, s, 1, Number(m![1]), Number(m![1]), 0))).toBe(true);
            expect(fits(transposeLength(len, k, s, 1, Number(m![1]) + 1, Number(m![1]) + 1, 0))).toBe(false);
            checked++;
          }
    expect(checked).toBeGreaterThan(20);
  });

  it('a transposed conv that ends short of the skip: outputPadding δ reaches it', () => {
    let checked = 0;
    for (let skip = 9; skip <= 40; skip++)
      for (const [k, s, p] of [[3, 2, 1], [2, 2, 0], [4, 2, 1], [3, 3, 0], [5, 4, 1]] as const) {
        const down = convLength(skip, k, s, 1, p, p);
        if (!('out' in down)) continue;
        const up = transposeLength(down.out, k, s, 1, p, p, 0);
        if (!('out' in up) || up.out >= skip) continue;
        const fix = joinFix('concat', [-1, skip, skip, 16], [-1, up.out, up.out, 16]);
        const m = /after a transposed conv outputPadding (\d+)$/.exec(fix);
        expect(m, `${skip} k${k} s${s} p${p}: ${fix}`).not.toBeNull();
        expect(transposeLength(down.out, k, s, 1, p, p, Number(m![1]))).toEqual({ out: skip });
        checked++;
      }
    expect(checked).toBeGreaterThan(10);
  });
});
