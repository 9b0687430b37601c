/**
 * The engine-derived shape table (test/cases/engine-shapes.json, written by
 * `npx tsx scripts/gen-shape-cases.ts`) drives three checks:
 * (a) the committed tsd file is exactly what the table renders to (it is current);
 * (b) the runtime DSL computes the engine's shape for every case (batch unknown → -1);
 * (c) a fixed sample of cases, re-run on the engine named in each case, still gives the table's output.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { engineOutput } from '../scripts/shape-cases/engine.js';
import { caseName, renderJson, renderTestD } from '../scripts/shape-cases/render.js';
import { LAYERS } from '../scripts/shape-cases/types.js';
import type { ShapeCase } from '../scripts/shape-cases/types.js';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const jsonText = read('./cases/engine-shapes.json');
const cases = JSON.parse(jsonText) as ShapeCase[];

/** How many cases (c) re-runs on the engines. */
const SAMPLE_SIZE = 40;

describe('engine-shapes.json', () => {
  it('has at least 600 cases covering every layer, with unique names that describe them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(600);
    for (const layer of LAYERS) expect(cases.some((c) => c.layer === layer)).toBe(true);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    for (const c of cases) expect(c.name).toBe(caseName(c));
  });

  it('is in the generator’s canonical format', () => {
    expect(jsonText).toBe(renderJson(cases));
  });

  it('(a) the committed test-d file is current (equals render(JSON))', () => {
    expect(read('../test-d/generated/engine-shapes.test-d.ts')).toBe(renderTestD(cases));
  });
});

/** The DSL seen loosely: any `[H, W, C]`, any layer method by name, any options. */
type LooseInput = (shape: readonly number[]) => Record<string, (options: unknown) => { readonly shape: readonly number[] }>;

describe('(b) the runtime DSL gives the engine’s shape', () => {
  let input: LooseInput;
  beforeAll(async () => {
    // Imported here rather than at the top so (a) and (c) still run while src/ is being built.
    const dsl = (await import('../src/index.js')) as unknown as { input: LooseInput };
    input = dsl.input;
  });

  it.each(cases)('$name', (c) => {
    expect([...input(c.input)[c.layer](c.options).shape]).toEqual([-1, ...c.output]);
  });
});

describe(`(c) a sample of ${SAMPLE_SIZE} cases re-run on their engine`, () => {
  const sample = Array.from({ length: SAMPLE_SIZE }, (_, i) => cases[Math.floor((i * cases.length) / SAMPLE_SIZE)]);

  it('samples every layer', () => {
    for (const layer of LAYERS) expect(sample.some((c) => c.layer === layer)).toBe(true);
  });

  it.each(sample)('$name → $output ($engine)', async (c) => {
    expect(await engineOutput(c)).toEqual(c.output);
  });
});
