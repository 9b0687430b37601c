/**
 * importOnnx on seeded mutants of a small model that imports — truncations and byte flips, and graphs whose
 * nodes are turned into other supported ops with odd attributes and inputs: every mutant either
 * imports to a graph that buildModel accepts, or throws one of convtype's typed errors (FormatError for bytes
 * that are not a model, ImportError listing what convtype cannot express, GraphError) — never a TypeError,
 * a hang or a runaway allocation.
 */
import { describe, expect, it } from 'vitest';
import { ConvtypeError } from '../../src/errors.js';
import { buildModel } from '../../src/import/build.js';
import { importOnnx } from '../../src/import/onnx.js';
import { mutant } from '../onnx/mutants.js';
import type { OnnxNode } from '../reference/onnx.js';
import { ONNX_OPS } from '../../src/import/onnx.js';
import { rng } from '../io/build.js';
import { bytesOf, init, ints, scalar, type Case } from './onnx-helpers.js';

const node = (opType: string, inputs: string[], outputs: string[], attributes?: OnnxNode['attributes']): OnnxNode => ({ opType, inputs, outputs, ...(attributes ? { attributes } : {}) });

const CASE: Case = {
  x: [1, 3, 8, 8],
  nodes: [
    node('Conv', ['x', 'w', 'b'], ['c'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [2, 1], group: 1 }),
    node('BatchNormalization', ['c', 'g', 'be', 'm', 'v'], ['n'], { epsilon: { float: 1e-5 } }),
    node('Add', ['n', 'three'], ['a']),
    node('Clip', ['a', 'lo', 'hi'], ['k']),
    node('Mul', ['n', 'k'], ['h']),
    node('Div', ['h', 'six'], ['hs']),
    node('MaxPool', ['hs', ], ['p'], { kernel_shape: [2, 2], strides: [2, 2] }),
    node('Shape', ['p'], ['s']),
    node('Gather', ['s', 'zero'], ['n0'], { axis: 0 }),
    node('Unsqueeze', ['n0', 'axes'], ['n1']),
    node('Concat', ['n1', 'minus1'], ['shape'], { axis: 0 }),
    node('Reshape', ['p', 'shape'], ['f']),
    node('Gemm', ['f', 'fw', 'fb'], ['y'], { transB: 1 }),
  ],
  initializers: [
    init('w', [4, 3, 3, 3], 1),
    init('b', [4], 2),
    init('g', [4], 3),
    init('be', [4], 4),
    init('m', [4], 5),
    { name: 'v', dims: [4], data: Float32Array.of(1, 2, 3, 4) },
    scalar('three', 3),
    scalar('lo', 0),
    scalar('hi', 6),
    scalar('six', 6),
    { name: 'zero', dims: [], data: BigInt64Array.of(0n) },
    ints('axes', [0]),
    ints('minus1', [-1]),
    init('fw', [5, 32], 6),
    init('fb', [5], 7),
  ],
};
const BASE = bytesOf(CASE);

/** Outcome of one import: 'imported' (and built), or the name of the typed error; anything else throws. */
function outcome(bytes: Uint8Array, label: string): string {
  try {
    buildModel(importOnnx(bytes));
    return 'imported';
  } catch (e) {
    if (!(e instanceof ConvtypeError)) throw new Error(`${label}: ${e instanceof Error ? e.stack : String(e)}`);
    return e.name;
  }
}

/** Attribute values a mutated node may get: odd lists, zeros, negatives, strings where numbers go. */
const ODD_ATTRIBUTES: readonly OnnxNode['attributes'][] = [
  {},
  { axis: -7 },
  { axis: 3, keepdims: 0 },
  { perm: [0, 2, 3, 1] },
  { perm: [3, 2] },
  { pads: [1, 2] },
  { pads: [-1, 0, 0, 2] },
  { kernel_shape: [0, 3], strides: [0, 1] },
  { group: 3 },
  { group: 0 },
  { axes: [2, 3] },
  { axes: [9] },
  { to: 7 },
  { alpha: { float: Number.NaN } },
  { auto_pad: 'SAME_LOWER', strides: [3, 3], kernel_shape: [2, 2] },
  { mode: 'reflect' },
  { transB: 1, transA: 1 },
  { min: { float: 0 }, max: { float: 6 } },
  { value: { tensor: { name: '', dims: [2], data: BigInt64Array.of(-1n, 4n) } } },
];

describe('fuzz: importOnnx on mutants of a small importable model', () => {
  it('2,000 seeded mutants each import (and build) or throw a typed convtype error', () => {
    const g = importOnnx(BASE);
    expect(g.layers.map((l) => l.kind)).toEqual(['conv2d', 'batchNorm', 'hardSwish', 'maxPool2d', 'flatten', 'dense']);
    const N = 2000;
    const outcomes: Record<string, number> = {};
    for (let seed = 1; seed <= N; seed++) {
      const o = outcome(mutant(BASE, seed), `seed ${seed}`);
      outcomes[o] = (outcomes[o] ?? 0) + 1;
    }
    console.log(`onnx import fuzz (bytes): ${N} mutants of ${BASE.length} bytes: ${JSON.stringify(outcomes)}`);
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(N);
    expect(outcomes.ImportError).toBeGreaterThan(0);
    expect(outcomes.FormatError).toBeGreaterThan(0);
  });

  it('1,500 graphs with 1–3 nodes turned into another supported op, with odd attributes and inputs: each imports or throws a typed error', () => {
    const N = 1500;
    const outcomes: Record<string, number> = {};
    const names = ['x', 'w', 'b', 'c', 'n', 'a', 'k', 'h', 'hs', 'p', 's', 'shape', 'f', 'three', 'zero', 'axes', 'fw', ''];
    for (let seed = 1; seed <= N; seed++) {
      const r = rng(seed);
      const nodes = CASE.nodes.map((n) => ({ ...n }));
      for (let m = 0, count = 1 + Math.floor(r() * 3); m < count; m++) {
        const i = Math.floor(r() * nodes.length);
        const inputs = [...nodes[i]!.inputs];
        if (r() < 0.4) inputs[Math.floor(r() * (inputs.length + 1))] = names[Math.floor(r() * names.length)]!;
        nodes[i] = { ...nodes[i]!, opType: ONNX_OPS[Math.floor(r() * ONNX_OPS.length)]!, inputs, attributes: ODD_ATTRIBUTES[Math.floor(r() * ODD_ATTRIBUTES.length)]! };
      }
      let bytes: Uint8Array;
      try {
        bytes = bytesOf({ ...CASE, nodes });
      } catch {
        continue; // the encoder refuses (a NaN where an INT goes, …)
      }
      const o = outcome(bytes, `seed ${seed}: ${nodes.map((n) => n.opType).join(' ')}`);
      outcomes[o] = (outcomes[o] ?? 0) + 1;
    }
    console.log(`onnx import fuzz (ops): ${JSON.stringify(outcomes)}`);
    expect(outcomes.ImportError).toBeGreaterThan(N / 4);
  });
});
