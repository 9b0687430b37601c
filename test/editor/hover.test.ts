/**
 * What the editor shows, from the real language services (TS 6.0 and 5.9 JS `LanguageService`, TS 7.0
 * `tsc --lsp -stdio`): every layer method, `apply`, `add`/`concat`/`multiply`, `input`, `model` and `run`
 * hover as the resolved type (`SymbolicTensor<readonly [number, 55, 55, 96]>`), never as an alias of the
 * machinery, and compile errors print the tensors they name the same way.
 *
 * The expected shapes are computed here from the shape formulas (`convOut`), not read from any output.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { root } from '../../scripts/internal/compilers.js';
import { type HoverService, type Locator, jsLanguageService, nativeLanguageServer } from './harness.js';

const hovers = 'test/editor/fixtures/hovers.ts';
const errors = 'test/editor/fixtures/errors.ts';

/** ⌊(size + 2·padding − kernel)/stride⌋ + 1: the output size of an undilated conv or pooling window. */
const convOut = (size: number, kernel: number, stride = 1, padding = 0): number => Math.floor((size + 2 * padding - kernel) / stride) + 1;

const tensor = (...dims: (number | 'number')[]): string => `SymbolicTensor<readonly [${dims.join(', ')}]>`;

/** Type names of the machinery, which a person must never meet in a hover or an error. */
const machinery =
  /\b(Returns|Rule|LayerRules|Param|OutputShape|OutputOf|ArgumentFor|ApplySpec|Ok|Fail|Outcome|InputDims|InputBatch|InputCheck|BatchArgument|RunArgument|RunArguments|RunOutput|ShapesOf|[A-Z]\w*Result)\b/;

// AlexNet's sizes, stage by stage.
const c1 = convOut(227, 11, 4); // 55
const p1 = convOut(c1, 3, 2); // 27
const c2 = convOut(p1, 5, 1, 2); // 27
const p2 = convOut(c2, 3, 2); // 13
// The block and the other methods, on s = [8, 16, 16, 32].
const b = convOut(16, 3, 1, 1); // 16

/** `const <name>` in the fixture and the type its hover must show. */
const variables: readonly (readonly [string, string])[] = [
  ['images', tensor('number', 227, 227, 3)],
  ['c1', tensor('number', c1, c1, 96)],
  ['r1', tensor('number', c1, c1, 96)],
  ['p1', tensor('number', p1, p1, 96)],
  ['c2', tensor('number', c2, c2, 256)],
  ['p2', tensor('number', p2, p2, 256)],
  ['features', tensor('number', p2, p2, 256)],
  ['flat', tensor('number', p2 * p2 * 256)],
  ['logits', tensor('number', 10)],
  ['probs', tensor('number', 10)],
  ['net', 'Model<readonly [number, 227, 227, 3], readonly [number, 10]>'],
  ['y', 'Tensor<readonly [2, 10]>'],
  ['s', tensor(8, 16, 16, 32)],
  ['pointwise', tensor(8, 16, 16, 16)],
  ['applied', tensor(8, b, b, 64)],
  ['side', tensor(8, 16, 16, 64)],
  ['sum', tensor(8, 16, 16, 64)],
  ['joined', tensor(8, 16, 16, 64 + 64 + 32)],
  ['gate', tensor(8, 1, 1, 64)],
  ['scaled', tensor(8, 16, 16, 64)],
  ['m1', tensor(8, (16 - 1) * 2 + 3, (16 - 1) * 2 + 3, 8)],
  ['m2', tensor(8, convOut(16, 3), convOut(16, 3), 32 * 2)],
  ['m3', tensor(8, 16, 16, 48)],
  ['m4', tensor(8, convOut(16, 2, 2), convOut(16, 2, 2), 32)],
  ['m5', tensor(8, 32)],
  ['m6', tensor(8, 4, 4, 32)],
  ['m7', tensor(8, 32, 32, 32)],
  ['m8', tensor(8, 18, 18, 32)],
  ['m9', tensor(8, 16 - 1 - 2, 16 - 3 - 4, 32)],
  ['m10', tensor(8, 256, (16 * 16 * 32) / 256)],
  ['m11', tensor(8, 16, 16, 32)],
  ['m12', tensor(8, 16, 16, 32)],
  ['seq', tensor('number', convOut(100, 5, 2), 16)],
  ['vol', tensor('number', 8, 32, 32, 4)],
  ['p1d', tensor('number', convOut(convOut(100, 5, 2), 2, 2), 16)],
  ['a1d', tensor('number', convOut(convOut(100, 5, 2), 3, 3), 16)],
  ['p3d', tensor('number', convOut(8, 2, 2), convOut(32, 2, 2), convOut(32, 2, 2), 4)],
  ['a3d', tensor('number', convOut(8, 4, 4), convOut(32, 4, 4), convOut(32, 4, 4), 4)],
  ['g1', tensor('number', 16)],
  ['g2', tensor('number', 1, 16)],
  ['ad1', tensor('number', 6, 16)],
  ['two', 'MultiModel<readonly [readonly [8, 16, 16, 32], readonly [8, 16, 16, 1]], readonly [readonly [8, 16, 16, 64], readonly [8, 16, 16, 33]]>'],
  ['outs', 'readonly [Tensor<readonly [8, 16, 16, 64]>, Tensor<readonly [8, 16, 16, 33]>]'],
];

/** A call in the fixture and the return type its hover must show. */
const calls: readonly (readonly [Locator, string])[] = [
  [{ line: 'export const images =', at: 'input' }, tensor('number', 227, 227, 3)],
  [{ line: 'export const c1 =', at: 'conv2d' }, tensor('number', c1, c1, 96)],
  [{ line: 'export const r1 =', at: 'relu' }, tensor('number', c1, c1, 96)],
  [{ line: 'export const p1 =', at: 'maxPool2d' }, tensor('number', p1, p1, 96)],
  [{ line: '  .conv2d({ filters: 256, kernel: 5, padding: 2 })', at: 'conv2d' }, tensor('number', c2, c2, 256)],
  [{ line: '.maxPool2d({ size: 3, stride: 2 }); // [number, 13', at: 'maxPool2d' }, tensor('number', p2, p2, 256)],
  [{ line: 'export const flat =', at: 'flatten' }, tensor('number', p2 * p2 * 256)],
  [{ line: 'export const logits =', at: 'dense' }, tensor('number', 10)],
  [{ line: 'export const net =', at: 'model' }, 'Model<readonly [number, 227, 227, 3], readonly [number, 10]>'],
  [{ line: 'export const y =', at: 'run' }, 'Tensor<readonly [2, 10]>'],
  [{ line: 'export const pointwise =', at: 'apply' }, tensor(8, 16, 16, 16)],
  [{ line: 'export const sum =', at: 'add' }, tensor(8, 16, 16, 64)],
  [{ line: 'export const joined =', at: 'concat' }, tensor(8, 16, 16, 160)],
  [{ line: 'export const scaled =', at: 'multiply' }, tensor(8, 16, 16, 64)],
  [{ line: 'export const gate =', at: 'globalAvgPool2d' }, tensor(8, 1, 1, 64)],
  [{ line: 'export const m11 =', at: '.elu(' }, tensor(8, 16, 16, 32)],
  [{ line: 'export const outs =', at: 'run' }, 'readonly [Tensor<readonly [8, 16, 16, 64]>, Tensor<readonly [8, 16, 16, 33]>]'],
];

/** Every layer method's name, read from the method interfaces (so a new method must join the fixture). */
const methodNames = readdirSync(join(root, 'types/methods'))
  .filter((f) => f.endsWith('.ts'))
  .flatMap((f) => [...readFileSync(join(root, 'types/methods', f), 'utf8').matchAll(/^ {2}(\w+)<This extends Typed/gm)].map((m) => m[1]!));

/**
 * The return type in a signature hover: after the last `): `, without what the JS services append to an
 * imported function (` (+1 overload)`, a last line `import model`).
 */
function returnType(code: string): string {
  const flat = code
    .replace(/\nimport \w+$/, '')
    .replace(/\s+/g, ' ')
    .replace(/ \(\+\d+ overloads?\)$/, '');
  return flat.slice(flat.lastIndexOf('): ') + 3);
}

/** The type TS prints in "Argument of type '…'" or "The 'this' context of type '…'". */
function printedArgument(message: string): string | undefined {
  return /^(?:Argument of type|The 'this' context of type) '(.*?)' is not assignable/.exec(message)?.[1];
}

const services: readonly (readonly [string, () => Promise<HoverService> | HoverService])[] = [
  ['TS 6.0 LanguageService', () => jsLanguageService('ts60', [hovers, errors])],
  ['TS 5.9 LanguageService', () => jsLanguageService('ts59', [hovers, errors])],
  ['TS 7.0 tsc --lsp', () => nativeLanguageServer([hovers, errors])],
];

test('the method interfaces are read (the fixture covers every method)', () => {
  expect(methodNames).toContain('conv2d');
  expect(methodNames).toContain('apply');
  const fixture = readFileSync(join(root, hovers), 'utf8');
  expect(methodNames.filter((name) => !fixture.includes(`.${name}(`))).toEqual([]);
});

test('no method signature returns an alias of the whole tensor type', () => {
  for (const f of readdirSync(join(root, 'types/methods'))) {
    expect(readFileSync(join(root, 'types/methods', f), 'utf8'), f).not.toMatch(/\bReturns</);
  }
});

describe.each(services)('%s', (_label, start) => {
  let service: HoverService;
  beforeAll(async () => {
    service = await start();
  });
  afterAll(async () => {
    await service?.close();
  });

  test.each(variables)('const %s: %s', async (name, expected) => {
    const code = await service.hover(hovers, { line: `export const ${name} =`, at: `${name} =` });
    expect(code).toBe(`const ${name}: ${expected}`);
    expect(code.length).toBeLessThanOrEqual(160);
  });

  test.each(calls)('call %o returns %s', async (at, expected) => {
    const code = await service.hover(hovers, at);
    expect(returnType(code)).toBe(expected);
    expect(code).not.toMatch(machinery);
  });

  test('apply of a long spec: no machinery in the method hover (its return type may be elided past 500 characters)', async () => {
    const code = await service.hover(hovers, { line: 'export const applied =', at: 'apply' });
    expect(code).not.toMatch(machinery);
    expect(returnType(code)).toMatch(/^SymbolicTensor<(readonly \[8, 16, 16, 64\]|\.\.\.)>$/);
  });

  test('every layer method returns a resolved SymbolicTensor', async () => {
    const fixture = readFileSync(join(root, hovers), 'utf8').split('\n');
    const unresolved: string[] = [];
    for (const name of methodNames) {
      const line = fixture.find((l) => l.includes(`.${name}(`))!;
      const code = await service.hover(hovers, { line, at: `.${name}(` });
      const returned = returnType(code);
      if (!/^SymbolicTensor<readonly \[(number|\d+)(, \d+)*\]>$/.test(returned) || machinery.test(code)) unresolved.push(`${name}: ${code}`);
    }
    expect(unresolved).toEqual([]);
  });

  test('errors print the tensors resolved', async () => {
    const diagnostics = await service.diagnostics(errors);
    expect(diagnostics.map((d) => d.line)).toEqual([11, 12, 13, 14, 15, 16, 18]);
    for (const d of diagnostics) expect(d.message).not.toMatch(machinery);
    const printed = diagnostics.map((d) => printedArgument(d.message));
    const narrow = 2 * Math.floor(convOut(64, 5) / 2); // 60: conv k5 then pool 2 then upsample ×2
    expect(printed[0]).toMatch(/^\(.*\)\[\]$/); // concat's array argument: its elements, each resolved
    expect(printed[0]).toContain(tensor('number', 64, 64, 128));
    expect(printed[0]).toContain(tensor('number', narrow, narrow, 128));
    expect(printed[1]).toBe(tensor('number', narrow, narrow, 128)); // add
    expect(printed[2]).toBe(tensor('number', 64)); // multiply
    expect(printed[3]).toBe(tensor('number', 64 * 64 * 128)); // globalAvgPool2d on `this`
    expect(printed[6]).toBe('Tensor<readonly [1, 32, 32, 3]>'); // run
  });
});
