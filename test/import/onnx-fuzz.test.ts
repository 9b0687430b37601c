/**
 * importOnnx on seeded mutants (truncations, byte flips) of a small model that imports: every mutant either
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
import { bytesOf, init, ints, scalar } from './onnx-helpers.js';

const node = (opType: string, inputs: string[], outputs: string[], attributes?: OnnxNode['attributes']): OnnxNode => ({ opType, inputs, outputs, ...(attributes ? { attributes } : {}) });

const BASE = bytesOf({
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
});

describe('fuzz: importOnnx on mutants of a small importable model', () => {
  it('2,000 seeded mutants each import (and build) or throw a typed convtype error', () => {
    const g = importOnnx(BASE);
    expect(g.layers.map((l) => l.kind)).toEqual(['conv2d', 'batchNorm', 'hardSwish', 'maxPool2d', 'flatten', 'dense']);
    const N = 2000;
    const outcomes: Record<string, number> = {};
    let slowest = 0;
    for (let seed = 1; seed <= N; seed++) {
      const bytes = mutant(BASE, seed);
      const t0 = performance.now();
      let outcome: string;
      try {
        buildModel(importOnnx(bytes));
        outcome = 'imported';
      } catch (e) {
        if (!(e instanceof ConvtypeError)) throw new Error(`seed ${seed}: ${e instanceof Error ? e.stack : String(e)}`);
        outcome = e.name;
      }
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      slowest = Math.max(slowest, performance.now() - t0);
    }
    console.log(`onnx import fuzz: ${N} mutants of ${BASE.length} bytes: ${JSON.stringify(outcomes)}, slowest ${slowest.toFixed(1)} ms`);
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(N);
    expect(outcomes.ImportError).toBeGreaterThan(0);
    expect(outcomes.FormatError).toBeGreaterThan(0);
  });
});
