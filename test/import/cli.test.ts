/**
 * `convtype import` (src/cli/import.ts) end to end, in this process: the pinned upscaler model.json → a .ts
 * file and a safetensors file whose weights are the model's, with the summary printed; a model with
 * unsupported layers → exit 1 and the list; usage errors → exit 2.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoTempDir } from './temp-dir.js';
import { main } from '../../src/cli/main.js';
import { readSafetensors } from '../../src/io/safetensors.js';
import { loadTfjsWeights } from '../../src/io/tfjs.js';
import { UPSCALER_JSON, readModelFiles, saveToMemory, tfReady, tfl } from './helpers.js';

let dir: string;

async function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: dir });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  await tfReady();
  dir = repoTempDir('import-cli-');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('convtype import', () => {
  it('writes the upscaler as model.ts + model.safetensors and prints the summary', async () => {
    const r = await run(['import', UPSCALER_JSON, '--out', 'out/upscaler.ts', '--input', '32x32x3']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(1)).toEqual([
      '  input  LR: [B, 32, 32, 3]',
      '  23 layers, 222,075 parameters, 227,885,056 MACs per example',
      '  output SR: [B, 64, 64, 3]',
      '',
    ]);
    expect(r.stdout).toMatch(/^convtype import: .*model\.json \(tfjs-layers\) → out\/upscaler\.ts, out\/upscaler\.safetensors\n/);
    const source = readFileSync(join(dir, 'out/upscaler.ts'), 'utf8');
    expect(source).toContain("import { add, concat, input, model } from 'convtype';");
    expect(source).toContain("import { readSafetensors } from 'convtype/safetensors';");
    // The weights file holds exactly the model's tensors (tfjs's own reader is the reference).
    const saved = readModelFiles(UPSCALER_JSON);
    const reference = loadTfjsWeights(saved.json, saved.shards);
    const written = readSafetensors(readFileSync(join(dir, 'out/upscaler.safetensors'))).tensors;
    expect(Object.keys(written).sort()).toEqual(Object.keys(reference).sort());
    for (const [key, t] of Object.entries(reference)) expect(written[key]!.data).toEqual(t.data);
  });

  it('--weights and --from set the weights path and the library specifier', async () => {
    const r = await run(['import', UPSCALER_JSON, '--out', 'm.ts', '--weights', 'w/weights.safetensors', '--input', '16x24x3', '--from', '@me/convtype']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('output SR: [B, 32, 48, 3]');
    expect(readFileSync(join(dir, 'm.ts'), 'utf8')).toContain("from '@me/convtype/safetensors'");
    expect(readFileSync(join(dir, 'w/weights.safetensors')).byteLength).toBeGreaterThan(888_000);
  });

  it('lists unsupported layers and exits 1', async () => {
    const x = tfl.input({ shape: [4, 4, 2] });
    const p = tfl.layers.permute({ dims: [2, 1, 3], name: 'swap' }).apply(x) as tfl.SymbolicTensor;
    const y = tfl.layers.conv2d({ filters: 2, kernelSize: 1, activation: 'softplus', name: 'conv' }).apply(x) as tfl.SymbolicTensor;
    const saved = await saveToMemory(tfl.model({ inputs: x, outputs: [p, y] }));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(saved.json));
    writeFileSync(join(dir, 'weights.bin'), saved.shards[0]!);
    const r = await run(['import', 'bad.json', '--out', 'bad.ts']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "convtype import tfjs-layers model: 2 unsupported operations:\n  swap (Permute): no convtype layer for this class\n  conv (Conv2D): activation 'softplus' (convtype has relu, relu6, leaky_relu, elu, gelu, sigmoid, hard_sigmoid, tanh, softmax, swish, hard_swish)\n",
    );
  });

  it('an open input size without --input: exit 1 with the option to pass', async () => {
    const r = await run(['import', UPSCALER_JSON, '--out', 'x.ts']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('LR (InputLayer): its size is open ([B, ?, ?, 3]); give it, e.g. inputShapes [32,32,3] (CLI: --input 32x32x3)');
  });

  it.each([
    [['import', UPSCALER_JSON], '--out <model.ts> is required'],
    [['import', '--out', 'a.ts'], 'expected one model file (got 0)'],
    [['import', UPSCALER_JSON, '--out', 'a.ts', '--input', '32x0x3'], "--input '32x0x3' is not a size like 64x64x3"],
    [['import', 'missing.json', '--out', 'a.ts'], 'file not found: missing.json'],
    [['import', 'a.ts', '--out', 'b.ts'], 'file not found'],
    [['import', UPSCALER_JSON, '--out', 'a.ts', '--bogus'], "Unknown option '--bogus'"],
  ])('usage error %j → exit 2', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage:\n  convtype import <model.onnx | model.json>');
  });
});
