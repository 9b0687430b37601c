/**
 * The code generator (src/import/codegen.ts) on the pinned upscaler model and on a small functional model
 * built here with tfjs-layers: the generated modules are written into a temporary folder inside the
 * repository (`.cache/`, git-ignored, so the imports resolve as in a user's project), type-checked by TS 7
 * with 0 errors; the `// shape:` comment of the output and the type of `createModel(…).outputShape`
 * are tfjs's output shape; and the generated file, run with its safetensors weights, matches `model.predict`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoTempDir } from './temp-dir.js';
import { root } from '../../scripts/internal/compilers.js';
import { generateModelSource, type GeneratedModel } from '../../src/import/codegen.js';
import { importTfjsLayers } from '../../src/import/tfjs.js';
import { tensor } from '../../src/index.js';
import { TOLERANCE, relErr } from '../kernels/helpers.js';
import { UPSCALER_JSON, loadInTfjs, predict, randomInput, readModelFiles, saveToMemory, seedWeights, tfReady, tfl, type SavedModel } from './helpers.js';

interface Case {
  readonly name: string;
  readonly saved: SavedModel;
  readonly reference: tfl.LayersModel;
  readonly inputShape: readonly number[];
  generated?: GeneratedModel;
  expectedShape?: number[];
}

let dir: string;
const cases: Case[] = [];

/** A small functional model: stem, two branches joined by concat, a residual add, SE-style multiply, upsampling. */
function smallModel(): tfl.LayersModel {
  const x = tfl.input({ shape: [16, 12, 3], name: 'image' });
  const stem = tfl.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', name: 'stem' }).apply(x) as tfl.SymbolicTensor;
  const a = tfl.layers.depthwiseConv2d({ kernelSize: 3, padding: 'same', name: 'dw' }).apply(stem) as tfl.SymbolicTensor;
  const b = tfl.layers.conv2d({ filters: 8, kernelSize: 1, activation: 'sigmoid', name: 'gate' }).apply(stem) as tfl.SymbolicTensor;
  const gated = tfl.layers.multiply({ name: 'gated' }).apply([a, b]) as tfl.SymbolicTensor;
  const joined = tfl.layers.concatenate({ name: 'joined' }).apply([gated, stem]) as tfl.SymbolicTensor;
  const reduced = tfl.layers.conv2d({ filters: 8, kernelSize: 1, name: 'reduce' }).apply(joined) as tfl.SymbolicTensor;
  const res = tfl.layers.add({ name: 'residual' }).apply([reduced, stem]) as tfl.SymbolicTensor;
  const pooled = tfl.layers.maxPooling2d({ poolSize: 2, name: 'pool' }).apply(res) as tfl.SymbolicTensor;
  const up = tfl.layers.upSampling2d({ size: [2, 2], name: 'up' }).apply(pooled) as tfl.SymbolicTensor;
  const out = tfl.layers.conv2d({ filters: 2, kernelSize: 3, strides: 2, padding: 'valid', activation: 'tanh', name: 'head' }).apply(up) as tfl.SymbolicTensor;
  const m = tfl.model({ inputs: x, outputs: out });
  seedWeights(m, 40);
  return m;
}

beforeAll(async () => {
  await tfReady();
  dir = repoTempDir('import-codegen-');
  const upscaler = readModelFiles(UPSCALER_JSON);
  cases.push({ name: 'upscaler', saved: upscaler, reference: await loadInTfjs(upscaler), inputShape: [32, 32, 3] });
  const small = smallModel();
  cases.push({ name: 'small', saved: await saveToMemory(small), reference: small, inputShape: [16, 12, 3] });
  const library = '../../src/index.js';
  const safetensors = '../../src/io/safetensors-entry.js';
  const checks: string[] = ['type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;'];
  for (const c of cases) {
    const graph = importTfjsLayers(c.saved.json, c.saved.shards, { inputShapes: [c.inputShape] });
    c.generated = await generateModelSource(graph, { library, safetensors, sourceName: `${c.name}/model.json`, weightsName: `${c.name}.safetensors` });
    writeFileSync(join(dir, `${c.name}.ts`), c.generated.source);
    writeFileSync(join(dir, `${c.name}.safetensors`), c.generated.weights);
    c.expectedShape = predict(c.reference, [1, ...c.inputShape], randomInput([1, ...c.inputShape], 1)).shape;
    const typed = `readonly [number, ${c.expectedShape.slice(1).join(', ')}]`;
    checks.push(`import { createModel as ${c.name} } from './${c.name}.js';`);
    checks.push(`export const ${c.name}Output: Equal<ReturnType<typeof ${c.name}>['outputShape'], ${typed}> = true;`);
    // A wrong expectation must fail, or the check above proves nothing.
    checks.push(`// @ts-expect-error: the output height is not ${c.expectedShape[1]! + 1}\nexport const ${c.name}Wrong: Equal<ReturnType<typeof ${c.name}>['outputShape'], readonly [number, ${c.expectedShape[1]! + 1}, ${c.expectedShape.slice(2).join(', ')}]> = true;`);
  }
  // Two inputs and two outputs: `model([image, mask], [features, logits])`, type-checked with the others.
  const img = tfl.input({ shape: [8, 8, 3], name: 'image' });
  const mask = tfl.input({ shape: [8, 8, 1], name: 'mask' });
  const f = tfl.layers.conv2d({ filters: 5, kernelSize: 3, name: 'features' }).apply(tfl.layers.concatenate().apply([img, mask]) as tfl.SymbolicTensor) as tfl.SymbolicTensor;
  const logits = tfl.layers.dense({ units: 3, name: 'logits' }).apply(tfl.layers.globalAveragePooling2d({}).apply(f) as tfl.SymbolicTensor) as tfl.SymbolicTensor;
  const multi = await saveToMemory(tfl.model({ inputs: [img, mask], outputs: [f, logits] }));
  const multiSource = (await generateModelSource(importTfjsLayers(multi.json, multi.shards), { library, safetensors })).source;
  expect(multiSource).toContain('const net = model([image, mask], [features, logits]);');
  writeFileSync(join(dir, 'multi.ts'), multiSource);
  checks.push("import { createModel as multi } from './multi.js';");
  checks.push("export const multiFirstOutput: Equal<ReturnType<typeof multi>['outputShape'], readonly [number, 6, 6, 5]> = true;");
  writeFileSync(join(dir, 'check.ts'), `${checks.join('\n')}\n`);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { rootDir: '../..', noEmit: true }, include: ['*.ts'] }));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('generated modules', () => {
  it.each([['TS 7', 'typescript']])('type-check with %s: 0 errors, and the output type is tfjs\'s output shape', (label, pkg) => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(root, 'node_modules', pkg, 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json'), '--extendedDiagnostics'], { encoding: 'utf8' });
    const wall = performance.now() - started;
    const check = /Check time:\s+([\d.]+)s/.exec(run.stdout)?.[1];
    console.log(`${label}: generated upscaler + small model + check.ts type-check in ${Math.round(wall)} ms wall, check time ${check} s`);
    expect(run.stdout.split('\n').filter((l) => l.includes('error TS'))).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('the // shape: comment under the output const is tfjs\'s output shape', () => {
    for (const c of cases) {
      const source = c.generated!.source;
      const out = /const net = model\((\w+), (\w+)\);/.exec(source);
      expect(out?.[1], c.name).toBe(c.name === 'upscaler' ? 'LR' : 'image');
      const statement = source.slice(source.indexOf(`export const ${out![2]} = `));
      expect(/\n\/\/ shape: (\[[^\]]*\])\n/.exec(statement)?.[1]).toBe(`[B, ${c.expectedShape!.slice(1).join(', ')}]`);
      expect(c.generated!.outputs[0]!.shape).toEqual([-1, ...c.expectedShape!.slice(1)]);
    }
  });

  it('reads like a hand-written model: literal options, joins, one input(...) with its name', () => {
    const small = cases.find((c) => c.name === 'small')!.generated!.source;
    expect(small).toContain("export const image = input([16, 12, 3], { name: 'image' });");
    expect(small).toContain("concat([gated, stem], { name: 'joined' })");
    expect(small).toContain(".conv2d({ filters: 2, kernel: 3, stride: 2, name: 'head' })");
    expect(small).toMatch(/multiply\(dw, gate(_\d)?, \{ name: 'gated' \}\)/);
    expect(small).toContain("import { readSafetensors } from '../../src/io/safetensors-entry.js';");
  });

  it('runs with its weights file and matches tfjs model.predict', async () => {
    for (const c of cases) {
      const module = (await import(pathToFileURL(join(dir, `${c.name}.ts`)).href)) as {
        createModel(weights: Uint8Array): { run(x: unknown): { shape: readonly number[]; data: Float32Array } };
      };
      const net = module.createModel(new Uint8Array(readFileSync(join(dir, `${c.name}.safetensors`))));
      const shape = [2, ...c.inputShape];
      const x = randomInput(shape, 5);
      const got = net.run(tensor(shape as never, x));
      const expected = predict(c.reference, shape, x);
      expect([...got.shape]).toEqual(expected.shape);
      const error = relErr(got.data, expected.data);
      console.log(`${c.name}: generated module vs tfjs relErr ${error.toExponential(2)}`);
      expect(error).toBeLessThanOrEqual(TOLERANCE);
    }
  });
});

describe('chains', () => {
  it('cuts a long run of single-use layers into consts of at most maxChain calls', async () => {
    const layers = Array.from({ length: 30 }, () => tfl.layers.activation({ activation: 'relu' }));
    const m = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [4], units: 4 }), ...layers] });
    const saved = await saveToMemory(m);
    const graph = importTfjsLayers(saved.json, saved.shards);
    const { source } = await generateModelSource(graph, { maxChain: 8 });
    writeFileSync(join(dir, 'chain.ts'), source);
    const consts = source.split('\n').filter((l) => l.startsWith('export const'));
    expect(consts).toHaveLength(1 + Math.ceil(31 / 8));
    expect(Math.max(...source.split('export const').map((s) => (s.match(/\n {2}\./g) ?? []).length))).toBeLessThanOrEqual(8);
  });
});
