/**
 * Every fixture under `fixtures/` fails exactly where and how its `// @expect-error` annotations
 * say, with no other diagnostic in the file, on TS 7.0 (tsc), TS 6.0 (ts-morph) and TS 5.9 (tsc),
 * and the three compilers report the same (line, code, sentence) set.
 *
 * Run one fixture: `npx vitest run test/diagnostics -t <fixture name>` (all fixtures are still
 * compiled once; the filter only selects the tests).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { type CompilerResult, collectAll, comparableKeys, loadFixtures, matchFixture } from './harness.js';

const fixtures = loadFixtures();
const fixturePaths = new Set(fixtures.map((f) => f.path));
let results: CompilerResult[] = [];

beforeAll(async () => {
  results = await collectAll(fixtures);
  console.info(`diagnostics of ${fixtures.length} fixture(s): ${results.map((r) => `${r.label} ${(r.ms / 1000).toFixed(1)}s`).join(', ')}`);
}, 120_000);

/** [test name, index into `results`]: the order of `collectAll`. */
const compilerCases: [string, number][] = [
  ['TS 7 (tsc)', 0],
  ['TS 6 (ts-morph)', 1],
  ['TS 5.9 (tsc)', 2],
];

describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
  test.each(compilerCases)('%s', (_label, index) => {
    const result = results[index] as CompilerResult;
    const problems = matchFixture(fixture.expected, result.diagnostics.filter((d) => d.file === fixture.path));
    expect(problems, `${result.label} on ${fixture.path}`).toEqual([]);
  });

  test('same (line, code, sentence) on all compilers', () => {
    const [first, ...rest] = results.map((r) => ({
      label: r.label,
      keys: comparableKeys(fixture.expected, r.diagnostics.filter((d) => d.file === fixture.path)),
    }));
    for (const other of rest) expect(other.keys, `${other.label} vs ${first?.label}`).toEqual(first?.keys);
  });
});

describe('outside the fixtures', () => {
  test.each(compilerCases)('%s: no diagnostics in library files or config', (_label, index) => {
    const result = results[index] as CompilerResult;
    const stray = result.diagnostics
      .filter((d) => d.file === undefined || !fixturePaths.has(d.file))
      .map((d) => `${d.file ?? '<global>'}(${d.line},${d.column}) TS${d.code}: ${d.message}`);
    expect(stray, result.label).toEqual([]);
  });
});
