/**
 * `convtype weights-types`: the LeNet fixture's state dict (PyTorch names, OIHW and [out, in] layouts) written as a
 * typed manifest, with and without `--pytorch`; the committed test/fixtures/lenet/lenet.weights.ts is what the
 * command writes; usage and format errors exit 2 and 1. That the manifest's names and shapes are the model's is
 * test/model/checkpoint.test.ts; that it type-checks against the model is test-d/weights.test-d.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readSafetensorsHeader } from '../../src/io/safetensors.js';
import { root } from '../../scripts/internal/compilers.js';

const dir = mkdtempSync(join(tmpdir(), 'convtype-weights-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lenet = 'test/fixtures/lenet/lenet.safetensors';

async function run(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: root });
  return { code, stdout, stderr };
}

describe('convtype weights-types', () => {
  it('--pytorch: writes the committed LeNet manifest (convtype names, HWIO and [in, out] shapes)', async () => {
    const out = join(dir, 'lenet.weights.ts');
    const r = await run(['weights-types', lenet, '--pytorch', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('14 tensors');
    const written = readFileSync(out, 'utf8');
    expect(written).toBe(readFileSync(join(root, 'test/fixtures/lenet/lenet.weights.ts'), 'utf8'));
    // Against the file's own header: conv1.weight [6, 1, 5, 5] (OIHW) → HWIO, fc1.weight [120, 400] → [400, 120].
    const header = Object.fromEntries(readSafetensorsHeader(readFileSync(join(root, lenet))).entries.map((e) => [e.name, e.shape]));
    const [o, i, kh, kw] = header['conv1.weight']!;
    expect(written).toContain(`['conv1/kernel', [${[kh, kw, i, o].join(', ')}]]`);
    expect(written).toContain(`['fc1/kernel', [${[...header['fc1.weight']!].reverse().join(', ')}]]`);
    expect(written).toContain(`['bn2/movingVariance', [${header['bn2.running_var']!.join(', ')}]]`);
    expect(written).not.toContain('num_batches_tracked');
  });

  it('without --pytorch: the names and shapes as stored', async () => {
    const out = join(dir, 'raw.weights.ts');
    expect((await run(['weights-types', lenet, '--out', out])).code).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(written).toContain("['conv1.weight', [6, 1, 5, 5]]");
    expect(written).toContain("['bn2.num_batches_tracked', []]");
    expect(written).toMatch(/\] as const;\n$/);
  });

  it('usage errors exit 2, a file that is not safetensors exits 1', async () => {
    const noOut = await run(['weights-types', lenet]);
    expect([noOut.code, noOut.stderr.split('\n')[0]]).toEqual([2, 'convtype weights-types: --out <model.weights.ts> is required']);
    expect((await run(['weights-types', 'nope.safetensors', '--out', join(dir, 'x.ts')])).code).toBe(2);
    const bad = join(dir, 'bad.safetensors');
    writeFileSync(bad, 'not a safetensors file');
    const r = await run(['weights-types', bad, '--out', join(dir, 'bad.ts')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^convtype weights-types: .*header length/);
  });
});
