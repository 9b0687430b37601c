/**
 * Helpers of the zoo tests: tying a symbolic tensor's TYPE-level shape to its row in a model's runtime
 * `summary()` (`model.layers`), and a deterministic input.
 *
 * `expectSummaryShape(rows, t, dims)` is checked twice: at compile time `dims` must be exactly the type the
 * checker computed for `t.shape` (batch written −1 when it is `number`; a type with any other unknown dim is
 * rejected, so a widened shape cannot pass), and at run time the summary row of `t` and `t.shape` must equal
 * `dims`. One literal list per tensor, both sides pinned to it.
 */
import { expect } from 'vitest';
import type { LayerSummary, Shape, SymbolicTensor } from '../../src/index.js';
import type { FormatShape } from '../../src/types-entry.js';
import { untyped } from '../../src/graph/tensor.js';
import { collectGraph } from '../../src/model/graph.js';

/** The shape as the runtime prints it: an unknown batch is −1. */
type RuntimeDims<S extends Shape> = S extends readonly [infer B extends number, ...infer Rest extends number[]]
  ? readonly [number extends B ? -1 : B, ...Rest]
  : never;

type HasUnknown<D extends readonly number[]> = D extends readonly [infer H extends number, ...infer R extends number[]]
  ? number extends H
    ? true
    : HasUnknown<R>
  : false;

/** What `dims` must be for a tensor of type-level shape S: its exact literal dims (batch −1 when unknown). */
export type ExpectedDims<S extends Shape> =
  HasUnknown<RuntimeDims<S>> extends true ? `the type-level shape ${FormatShape<S>} has an unknown dim` : RuntimeDims<S>;

/** The summary row of a symbolic tensor, named as `model(inputs, outputs)` names it. */
export type RowOf = (t: unknown) => LayerSummary;

/** Rows of `m` by tensor, for a model built from `inputs` to `outputs` (the same graph walk as `model()`). */
export function summaryRows(m: { readonly layers: readonly LayerSummary[] }, inputs: readonly unknown[], outputs: readonly unknown[]): RowOf {
  const named = collectGraph(
    inputs.map((t) => untyped(t).node),
    outputs.map((t) => untyped(t).node),
  );
  const byName = new Map(m.layers.map((r) => [r.name, r]));
  return (t) => {
    const node = untyped(t).node;
    const entry = named.find((e) => e.node === node);
    if (!entry) throw new Error(`tensor ${JSON.stringify(node.shape)} is not in the model's graph`);
    const row = byName.get(entry.name);
    if (!row) throw new Error(`no summary row named ${entry.name}`);
    return row;
  };
}

/** `t`'s summary row and runtime shape equal `dims`, which the compiler has checked is `t`'s type-level shape. */
export function expectSummaryShape<S extends Shape>(rowOf: RowOf, t: SymbolicTensor<S>, dims: ExpectedDims<S>): void {
  const expected = [...(dims as readonly number[])];
  expect([...rowOf(t).shape], `summary row of ${JSON.stringify(expected)}`).toEqual(expected);
  expect([...untyped(t).shape]).toEqual(expected);
}

/** A deterministic smooth image-like input in about [−1, 1] (no PRNG). */
export function pattern(n: number, phase = 0): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + phase) * 0.8 + Math.cos(i * 0.011) * 0.2);
}

/** Every value finite, and not all equal (a dead network would pass a finiteness check). */
export function expectLive(data: Float32Array): void {
  expect(data.every(Number.isFinite)).toBe(true);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  expect(hi - lo).toBeGreaterThan(0);
}
