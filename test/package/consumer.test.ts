/**
 * What README "Test your model's types" promises, as a user gets it: a consumer project in a temporary folder
 * installs the packed package (`npm run build` and `npm pack` of a copy of the sources, `npm install <tarball>`
 * offline: it has no dependencies), links the repository's tsd (no download), and runs tsd on its own test-d file that pins its
 * model's shapes (`expectType<readonly [number, 10]>(logits.shape)`, `InputShapeOf`, `OutputShapeOf`,
 * `ShapeOf`, `WeightsOf`), checks a mistake fails (`expectError`), and reads `convtype/types`. The same tsd
 * run on a file with one wrong expectation must fail at that line.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/internal/compilers.js';

const dir = mkdtempSync(join(tmpdir(), 'convtype-consumer-'));
const project = join(dir, 'project');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
function sh(command: string, args: readonly string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const files: Record<string, string> = {
  'package.json': JSON.stringify(
    { name: 'my-model', private: true, type: 'module', tsd: { compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true } } },
    null,
    2,
  ),
  'src/net.ts': `import { conv2d, dense, flatten, input, maxPool2d, model, relu, sequential } from 'convtype';

export const features = sequential(conv2d({ filters: 8, kernel: 3, padding: 'same', name: 'conv1' }), relu(), maxPool2d({ size: 2 }));
export const image = input([28, 28, 1]);
export const logits = image.apply(features).apply(sequential(flatten(), dense({ units: 10, name: 'fc' })));
export const net = model(image, logits);
`,
  'test-d/net.test-d.ts': `import { expectError, expectType } from 'tsd';
import type { InputShapeOf, OutputShapeOf, ShapeOf } from 'convtype';
import type { WeightsOf } from 'convtype/checkpoint';
import type { Multiply } from 'convtype/types';
import { features, image, logits, net } from '../src/net.js';

expectType<readonly [number, 10]>(logits.shape);
expectType<readonly [number, 10]>({} as ShapeOf<typeof logits>);
expectType<readonly [number, 28, 28, 1]>({} as InputShapeOf<typeof net>);
expectType<readonly [number, 10]>({} as OutputShapeOf<typeof net>);
expectType<readonly [3, 3, 1, 8]>({} as WeightsOf<typeof features, typeof image>['conv1/kernel']);
expectType<12>({} as Multiply<3, 4>);
// A kernel larger than the padded input is an error at that call.
expectError(image.conv2d({ filters: 8, kernel: 29 }));
`,
  'test-d/surface.test-d.ts': `import type { Multiply } from 'convtype';
import type { Backend, ModelOptions } from 'convtype';
import { expectType } from 'tsd';

expectType<Backend | 'wasm' | 'js' | undefined>({} as ModelOptions['backend']);
expectType<12>({} as Multiply<3, 4>);
`,
  'test-d/wrong.test-d.ts': `import { expectType } from 'tsd';
import { logits } from '../src/net.js';

expectType<readonly [number, 11]>(logits.shape);
`,
};

/**
 * The package is built and packed from a copy of its sources (node_modules linked), not in the repository, so
 * that other suites reading the repository's dist/ (the browser test) never see it half rebuilt.
 */
beforeAll(() => {
  const staged = join(dir, 'package');
  for (const name of ['package.json', 'README.md', 'tsup.config.ts', 'tsconfig.json', 'tsconfig.build.json', 'src', 'types']) {
    cpSync(join(root, name), join(staged, name), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(staged, 'node_modules'), 'dir');
  const build = sh(npm, ['run', 'build'], staged);
  expect(build.status, build.output).toBe(0);
  const pack = sh(npm, ['pack', '--pack-destination', dir], staged);
  expect(pack.status, pack.output).toBe(0);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  expect(tarball, pack.output).toBeDefined();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(project, name, '..'), { recursive: true });
    writeFileSync(join(project, name), text);
  }
  const install = sh(npm, ['install', '--offline', '--ignore-scripts', '--no-package-lock', join(dir, tarball!)], project);
  expect(install.status, install.output).toBe(0);
  symlinkSync(join(root, 'node_modules', 'tsd'), join(project, 'node_modules', 'tsd'), 'dir');
}, 300_000);

const tsd = (file: string) => sh(process.execPath, [join(project, 'node_modules', 'tsd', 'dist', 'cli.js'), '--typings', 'src/net.ts', '--files', file], project);

describe("a user's own model, type-tested with tsd against the packed package", () => {
  it('the README pattern passes: shapes pinned, a mistake is an error, convtype/types resolves', () => {
    const r = tsd('test-d/net.test-d.ts');
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);

  it("the root exports no type-level machinery (it is convtype/types'), and exports Backend", () => {
    const r = tsd('test-d/surface.test-d.ts');
    expect(r.status).not.toBe(0);
    const errors = r.output.split('\n').filter((l) => l.includes('✖'));
    expect(errors.some((l) => /✖\s+1:\d+\s+"convtype" has no exported member named Multiply/.test(l)), r.output).toBe(true);
    // Backend and ModelOptions (lines 2 and 5) are fine; the only other error is line 6's use of the missing Multiply.
    expect(errors.filter((l) => !/✖\s+(1|6):/.test(l)), r.output).toEqual([]);
  }, 120_000);

  it('a wrong expectation fails at its line', () => {
    const r = tsd('test-d/wrong.test-d.ts');
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/wrong\.test-d\.ts:4:/);
    expect(r.output).toMatch(/readonly \[number, 11\]/);
  }, 120_000);
});
