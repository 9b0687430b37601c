/**
 * `convtype shapes` / `convtype check` (src/cli/) on the examples and on fixtures with errors:
 * - the shapes the type checker computed, as printed and as JSON, for AlexNet and ResNet-50, and equal to the
 *   runtime `model.layers` rows (kind, shape, parameters) of the same networks — and of a fixture with every
 *   layer family that has parameters (residual, branches, depthwise, separable, transposed, SE gate, dense);
 * - the errors: `check` prints exactly the annotated sentences of its fixtures, of every diagnostics fixture
 *   (test/diagnostics/fixtures) and of examples/errors/mistakes.ts, compiler-style, and exits 1;
 * - a user's project (its own tsconfig, `import … from 'convtype'`), a file without tsconfig, the lean pass's
 *   fallback to the full libraries, usage errors, colours, and the bin entry as a child process.
 *
 * One CLI run covers several files (they share the root tsconfig, so one program): each run builds a TypeScript
 * program (~2 s on this machine), so the suite keeps them few.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alexnet } from '../../examples/alexnet.js';
import { resnet50 } from '../../examples/resnet50.js';
import { ourSentence } from '../../src/cli/diagnostics.js';
import { type Io, main } from '../../src/cli/main.js';
import { layerParams } from '../../src/cli/params.js';
import { MissingTsMorphError, findTsconfig } from '../../src/cli/project.js';
import type { CallRow, ChainReport, FileReport, ShapesReport } from '../../src/cli/report.js';
import { root } from '../../scripts/internal/compilers.js';
import { parseAnnotations } from '../diagnostics/annotations.js';
import { build as buildBlocks } from './.fixtures/blocks.js';

const fixture = (name: string): string => `test/cli/.fixtures/${name}`;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `main(args)` in this process, output captured (not a TTY unless `tty`). */
async function run(args: readonly string[], options: { tty?: boolean; env?: NodeJS.ProcessEnv; io?: Partial<Io> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s) },
    env: options.env ?? {},
    cwd: root,
    ...options.io,
  });
  return { code, stdout, stderr };
}

const ansi = /\u001b\[\d+m/g;
const plain = (s: string): string => s.replace(ansi, '');

function fileReport(report: ShapesReport, file: string): FileReport {
  const found = report.files.find((f) => f.file === file);
  if (!found) throw new Error(`no report for ${file}: ${report.files.map((f) => f.file).join(', ')}`);
  return found;
}

function chainNamed(file: FileReport, name: string): ChainReport {
  const found = file.chains.find((c) => c.names.includes(name));
  if (!found) throw new Error(`no chain named ${name} in ${file.file}: ${file.chains.map((c) => c.names.join('+')).join(' | ')}`);
  return found;
}

/** A chain as `model.layers` lists it: each call's row, or the layers of an applied spec. */
function asLayers(chain: ChainReport): { kind: string; shape: readonly number[]; params: number | null; name?: string }[] {
  return chain.calls.flatMap((c: CallRow) =>
    c.layers
      ? c.layers.map((l) => ({ kind: l.kind, shape: l.shape ?? [], params: l.params, ...(l.name ? { name: l.name } : {}) }))
      : [{ kind: c.kind, shape: c.shape, params: c.params, ...(c.name ? { name: c.name } : {}) }],
  );
}

/** The runtime rows in the same form (names only where the CLI has one to compare). */
function runtimeRows(layers: readonly { kind: string; shape: readonly number[]; params: number; name: string }[], cli: readonly { name?: string }[]) {
  return layers.map((l, i) => ({ kind: l.kind, shape: [...l.shape], params: l.params, ...(cli[i]?.name ? { name: l.name } : {}) }));
}

let json: ShapesReport;
let jsonRun: Run;

beforeAll(async () => {
  jsonRun = await run(['shapes', '--json', 'examples/alexnet.ts', 'examples/resnet50.ts', fixture('blocks.ts')]);
  json = JSON.parse(jsonRun.stdout) as ShapesReport;
});

describe('convtype shapes --json on the examples', () => {
  it('exits 0 with a version-1 report, one per file, no errors, nothing on stderr', () => {
    expect(jsonRun.stderr).toBe('');
    expect(jsonRun.code).toBe(0);
    expect(json.version).toBe(1);
    expect(json.ok).toBe(true);
    expect(json.files.map((f) => f.file)).toEqual(['examples/alexnet.ts', 'examples/resnet50.ts', fixture('blocks.ts')]);
    for (const f of json.files) {
      expect(f.tsconfig).toBe('tsconfig.json');
      expect(f.errors).toEqual([]);
    }
  });

  it("alexnet.ts: every staged const has the shape its `// shape:` comment states", () => {
    const file = fileReport(json, 'examples/alexnet.ts');
    const staged = chainNamed(file, 'images');
    const lines = readFileSync(resolve(root, 'examples/alexnet.ts'), 'utf8').split('\n');
    const stated = lines.flatMap((text, i) => {
      const m = /^\/\/ shape: readonly \[([^\]]*)\]/.exec(lines[i + 1] ?? '');
      return /^export const \w+ = /.test(text) && m ? [{ line: i + 1, shape: m[1]!.split(', ').map(Number) }] : [];
    });
    expect(stated.length).toBe(10);
    for (const s of stated) {
      const row = staged.calls.filter((c) => c.line === s.line).at(-1);
      expect(row?.shape, `line ${s.line}`).toEqual(s.shape);
    }
    expect(staged.calls.map((c) => c.call)).toEqual([
      'input([227, 227, 3], batch 256)',
      'apply(conv1)',
      'apply(pool1)',
      'apply(conv2)',
      'apply(pool2)',
      'apply(conv3)',
      'apply(conv4)',
      'apply(conv5)',
      'apply(pool5)',
      'apply(classifier)',
    ]);
    expect(staged.params).toBe(60_965_224);
  });

  it('alexnet(): the CLI rows equal the runtime model.layers rows (kind, shape, params, names)', () => {
    const cli = asLayers(chainNamed(fileReport(json, 'examples/alexnet.ts'), 'alexnet'));
    const net = alexnet();
    expect(cli.length).toBe(net.layers.length);
    expect(cli).toEqual(runtimeRows(net.layers, cli));
    expect(cli[1]).toEqual({ kind: 'conv2d', shape: [-1, 55, 55, 96], params: 34_944, name: 'conv1' });
  });

  it('resnet50(): the CLI rows equal the runtime model.layers rows; 25,557,032 params', () => {
    const chain = chainNamed(fileReport(json, 'examples/resnet50.ts'), 'logits');
    const cli = asLayers(chain);
    const net = resnet50();
    expect(cli.length).toBe(176);
    expect(cli).toEqual(runtimeRows(net.layers, cli));
    expect(chain.params).toBe(25_557_032);
    expect(chain.names).toEqual(['image', 'stem', 'layer1', 'layer2', 'layer3a', 'layer3', 'layer4', 'logits', 'resnet50']);
  });

  it('every layer family with parameters: the CLI rows equal the runtime rows', () => {
    const chain = chainNamed(fileReport(json, fixture('blocks.ts')), 'image');
    const cli = asLayers(chain);
    const net = buildBlocks();
    expect(cli).toEqual(runtimeRows(net.layers, cli));
    expect(chain.params).toBe(net.params);
    const kinds = new Set(cli.map((l) => l.kind));
    for (const k of ['conv2d', 'depthwiseConv2d', 'separableConv2d', 'conv2dTranspose', 'batchNorm', 'dense', 'add', 'concat', 'multiply']) {
      expect(kinds, k).toContain(k);
    }
  });
});

describe('convtype shapes (text)', () => {
  let text: Run;
  beforeAll(async () => {
    text = await run(['shapes', 'examples/alexnet.ts'], { tty: true });
  });

  it('prints an aligned, coloured table (stdout is a TTY) with file:line, the call, the shape and the params', () => {
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(ansi);
    const out = plain(text.stdout);
    expect(out).toContain('images, c1, p1, …, p5, probabilities · lines 36–54');
    const row = out.split('\n').find((l) => l.includes('examples/alexnet.ts:38'));
    expect(row).toMatch(/^ {2}examples\/alexnet\.ts:38 +apply\(conv1\) +\[256, 55, 55, 96\] +34,944$/);
    expect(out).toMatch(/examples\/alexnet\.ts:60 +apply\(alexnetLayers\) +\[B, 1000\] +60,965,224/);
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 file, 12 builder calls, no errors');
    // Aligned: every row of a block has its shape column at the same offset.
    const rows = out.split('\n').filter((l) => l.startsWith('  examples/alexnet.ts:'));
    expect(new Set(rows.map((l) => l.lastIndexOf('  ['))).size).toBe(1);
  });

  it('renders the same report from JSON, with the layers of each spec under --expand', async () => {
    const { shapesText } = await import('../../src/cli/text.js');
    const { painter } = await import('../../src/cli/table.js');
    const out = shapesText([fileReport(json, 'examples/resnet50.ts')], { paint: painter(false), expand: true });
    expect(out).not.toMatch(ansi);
    expect(out).toMatch(/examples\/resnet50\.ts:54 +conv2d\(filters 64, kernel 7, stride 2, padding 3, useBias false\) +conv1 +\[B, 112, 112, 64\] +9,408/);
    expect(out).toContain('      shortcut:');
    expect(out).toMatch(/ {6}add\(residual, identity shortcut\) +\[B, 56, 56, 256\] +0/);
    expect(out).toMatch(/total +25,557,032/);
  });
});

describe('errors', () => {
  it('check: the fixture\'s annotated sentences, compiler-style (file(line,col): error TSnnnn: …), exit 1', async () => {
    const path = fixture('errors.ts');
    const expected = parseAnnotations(readFileSync(resolve(root, path), 'utf8'), path);
    const r = await run(['check', path]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(expected.length);
    lines.forEach((l, i) => {
      const e = expected[i]!;
      expect(l).toMatch(new RegExp(`^test/cli/\\.fixtures/errors\\.ts\\(${e.line},\\d+\\): error TS${e.code}: `));
      expect(l.slice(l.indexOf(`TS${e.code}: `) + `TS${e.code}: `.length)).toBe(e.sentence);
    });
    expect(r.stderr).toBe(`convtype check: ${expected.length} errors in 1 file\n`);
  });

  it('check over every diagnostics fixture and examples/errors/mistakes.ts: exactly their annotated sentences', async () => {
    const dir = 'test/diagnostics/fixtures';
    const files = [
      ...readdirSync(resolve(root, dir))
        .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
        .map((f) => `${dir}/${f}`),
      'examples/errors/mistakes.ts',
    ];
    const r = await run(['check', ...files]);
    expect(r.code).toBe(1);
    const got = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => {
        const m = /^(.*)\((\d+),\d+\): error TS(\d+): (.*)$/.exec(l);
        return m ? `${m[1]}:${m[2]} TS${m[3]} ${m[4]}` : `unparsed: ${l}`;
      });
    const want = files.flatMap((f) => parseAnnotations(readFileSync(resolve(root, f), 'utf8'), f).map((e) => `${f}:${e.line} TS${e.code} ${e.sentence}`));
    expect(want.length).toBeGreaterThan(100);
    expect([...got].sort()).toEqual([...want].sort());
  });

  it('shapes --json: exit 1, the errors listed, each failing call marked with its sentence and shapes still shown', async () => {
    const r = await run(['shapes', '--json', fixture('errors.ts'), fixture('other-error.ts')]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as ShapesReport;
    expect(report.ok).toBe(false);
    const errors = fileReport(report, fixture('errors.ts'));
    expect(errors.errors.length).toBe(6);
    expect(errors.errors.every((e) => e.shapeError)).toBe(true);
    const calls = errors.chains.flatMap((c) => c.calls);
    const failed = calls.filter((c) => c.error !== undefined);
    expect(failed.map((c) => `${c.line} ${c.kind}`)).toEqual(['10 conv2d', '14 dense', '18 globalAvgPool2d', '23 apply', '29 add', '31 concat']);
    expect(failed.every((c) => c.params === null)).toBe(true);
    const conv2 = failed[0]!;
    expect(conv2.error).toBe("conv2d: inChannels 64 does not match the input's 96 channels (input [B, 27, 27, 96]); write inChannels: 96");
    expect(conv2.shapeText).toBe('[B, ?, ?, 256]');
    // Other TypeScript errors are listed as TypeScript words them, and the file's shapes are still reported.
    const other = fileReport(report, fixture('other-error.ts'));
    expect(other.errors).toEqual([
      { file: fixture('other-error.ts'), line: 6, column: 14, code: 2322, message: "Type 'string' is not assignable to type 'number'.", shapeError: false },
    ]);
    expect(other.chains[0]!.calls.at(-1)!.shapeText).toBe('[B, 10]');
  });

  it('shapes (text): the errors after the table, exit 1', async () => {
    const r = await run(['shapes', fixture('errors.ts')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  6 errors\n');
    expect(r.stdout).toContain(
      `  ✗ ${fixture('errors.ts')}:18:23  TS2684  globalAvgPool2d: input has the wrong rank (got [B, 100], expected rank 4 [B, H, W, C])`,
    );
    expect(r.stdout).toMatch(/✗ conv2d\(inChannels 64, filters 256, kernel 5, padding 2\) +\[B, \?, \?, 256\] +\?/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 file, 14 builder calls, 6 errors');
  });

  it('a host global the lean pass leaves out: the check is redone with the full libraries, no error', async () => {
    const r = await run(['check', '--timings', fixture('host-globals.ts')]);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/program \(lean, \d+ files\)/);
    expect(r.stderr).toMatch(/program \(full, \d+ files: the lean pass had other errors\)/);
  });
});

describe("a user's project", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'convtype-cli-'));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          strict: true,
          skipLibCheck: true,
          noEmit: true,
          paths: { convtype: [join(root, 'src', 'index.ts')] },
        },
      }),
    );
    writeFileSync(
      join(dir, 'model.ts'),
      [
        "import { conv2d, input, relu, sequential } from 'convtype';",
        'const block = sequential(conv2d({ filters: 64, kernel: 3, padding: 1 }), relu());',
        'export const features = input([32, 32, 3]).apply(block).maxPool2d({ size: 2 });',
        "console.log(features.shape);",
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'broken.ts'),
      ["import { input } from 'convtype';", 'export const y = input([10]).conv2d({ filters: 8, kernel: 3 });', ''].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("uses the project's tsconfig (found upward) and resolves `convtype` through its paths", async () => {
    expect(findTsconfig(join(dir, 'model.ts'))).toBe(join(dir, 'tsconfig.json'));
    const r = await run(['shapes', '--json', join(dir, 'model.ts')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [file] = (JSON.parse(r.stdout) as ShapesReport).files;
    expect(file!.tsconfig).toBe(join(dir, 'tsconfig.json'));
    expect(file!.chains[0]!.calls.map((c) => [c.call, c.shapeText, c.params])).toEqual([
      ['input([32, 32, 3])', '[B, 32, 32, 3]', 0],
      ['apply(block)', '[B, 32, 32, 64]', 1_792],
      ['maxPool2d(size 2)', '[B, 16, 16, 64]', 0],
    ]);
  });

  it('check over two files of the project: one error, exit 1', async () => {
    const r = await run(['check', join(dir, 'model.ts'), join(dir, 'broken.ts')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `${join(dir, 'broken.ts')}(2,37): error TS2345: conv2d: input has the wrong rank (got [B, 10], expected rank 4 [B, H, W, C])\n`,
    );
  });

  it('a file with no tsconfig.json above it gets the default options', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'convtype-cli-bare-'));
    try {
      writeFileSync(join(bare, 'net.ts'), `import { input } from '${join(root, 'src', 'index.js')}';\nexport const y = input([8, 8, 3]).conv2d({ filters: 4, kernel: 3 });\n`);
      const r = await run(['shapes', '--json', join(bare, 'net.ts')]);
      expect(r.code).toBe(0);
      const [file] = (JSON.parse(r.stdout) as ShapesReport).files;
      expect(file!.tsconfig).toBeNull();
      expect(file!.chains[0]!.calls.at(-1)!.shapeText).toBe('[B, 6, 6, 4]');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('usage', () => {
  it('exit 2 with a message: no command, an unknown command, no file, a missing file', async () => {
    expect((await run([])).code).toBe(2);
    const unknown = await run(['shape', 'x.ts']);
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([2, "convtype: unknown command 'shape' (expected 'shapes', 'check', 'import' or 'weights-types')"]);
    expect((await run(['check'])).stderr).toBe('convtype check: no file given (expected one or more .ts files)\n');
    const missing = await run(['shapes', 'nope.ts']);
    expect([missing.code, missing.stderr]).toEqual([2, 'convtype shapes: file not found: nope.ts\n']);
    const version = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version as string;
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `convtype ${version}\n`, stderr: '' });
    const help = await run(['--help']);
    expect([help.code, help.stdout.split('\n')[0]]).toEqual([0, "convtype — a model file's shapes from the TypeScript type checker, without running it"]);
  });

  it('a tsconfig.json that cannot be used: one line naming it, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convtype-cli-config-'));
    try {
      writeFileSync(join(dir, 'a.ts'), 'export const a = 1;\n');
      writeFileSync(join(dir, 'tsconfig.json'), '{ "extends": "./missing.json" }');
      const r = await run(['check', join(dir, 'a.ts')]);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(new RegExp(`^convtype check: cannot use ${join(dir, 'tsconfig.json')}: .*missing\\.json.*\n$`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ts-morph not installed: one sentence saying how to install it, exit 2', async () => {
    const r = await run(['check', 'examples/alexnet.ts'], { io: { loadTsMorph: () => Promise.reject(new MissingTsMorphError(new Error('not found'))) } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^convtype: the CLI needs ts-morph, which is not installed .* npm install --save-dev ts-morph\n$/);
  });
});

describe('the entry point as a child process (tsx src/cli/main.ts)', () => {
  it('check on the error fixture: compiler-style lines on stdout, no colour when piped, exit 1', () => {
    const tsx = resolve(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const child = spawnSync(process.execPath, [tsx, 'src/cli/main.ts', 'check', fixture('errors.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '' } });
    expect(child.status).toBe(1);
    expect(child.stdout).not.toMatch(ansi);
    expect(child.stdout.trimEnd().split('\n')).toHaveLength(6);
    expect(child.stdout).toContain("test/cli/.fixtures/errors.ts(10,40): error TS2322: conv2d: inChannels 64 does not match the input's 96 channels (input [B, 27, 27, 96])");
  });
});

describe('pieces', () => {
  it('ourSentence: the convtype sentence inside a TypeScript message, unescaped; nothing for other messages', () => {
    expect(ourSentence(`Type 'number' is not assignable to type '"dense: inFeatures 9216 does not match the input's 6400 features (input [B, 6400])"'.`)).toBe(
      "dense: inFeatures 9216 does not match the input's 6400 features (input [B, 6400])",
    );
    expect(ourSentence(`Argument of type '"x"' is not assignable to parameter of type '"residual add: shapes differ (got [B, 2] and [B, 3], expected equal shapes)"'.`)).toBe(
      'residual add: shapes differ (got [B, 2] and [B, 3], expected equal shapes)',
    );
    expect(ourSentence(`Type '"a: b"' is not assignable to type 'number'.`)).toBeUndefined();
    expect(ourSentence("Type 'string' is not assignable to type 'number'.")).toBeUndefined();
  });

  // layerParams by configuration (SEMANTICS.md §6), input shapes batch first.
  const cases: [string, string, Record<string, unknown>, number[], number | null][] = [
    ['conv2d f=96 k=11 c=3', 'conv2d', { filters: 96, kernel: 11, stride: 4 }, [-1, 227, 227, 3], 34_944],
    ['conv2d f=256 k=5 c=96 g=2', 'conv2d', { filters: 256, kernel: 5, groups: 2 }, [-1, 27, 27, 96], 307_456],
    ['conv2d k=[3,5] no bias', 'conv2d', { filters: 24, kernel: [3, 5], useBias: false }, [-1, 8, 8, 8], 2_880],
    ['conv1d f=8 k=3 c=4', 'conv1d', { filters: 8, kernel: 3 }, [-1, 10, 4], 104],
    ['conv3d f=8 k=3 c=2', 'conv3d', { filters: 8, kernel: 3 }, [-1, 4, 4, 4, 2], 440],
    ['conv2dTranspose f=16 k=3 c=48', 'conv2dTranspose', { filters: 16, kernel: 3 }, [-1, 16, 16, 48], 6_928],
    ['depthwise k=3 m=2 c=48', 'depthwiseConv2d', { kernel: 3, depthMultiplier: 2 }, [-1, 16, 16, 48], 960],
    ['separable f=48 k=3 c=96 no bias', 'separableConv2d', { filters: 48, kernel: 3, useBias: false }, [-1, 16, 16, 96], 5_472],
    ['dense 9216→4096', 'dense', { units: 4096 }, [-1, 9216], 37_752_832],
    ['batchNorm c=64', 'batchNorm', {}, [-1, 56, 56, 64], 128],
    ['relu', 'relu', {}, [-1, 4], 0],
    ['conv2d unknown channels', 'conv2d', { filters: 8, kernel: 3 }, [-1, 8, 8, -1], null],
    ['conv2d groups not dividing', 'conv2d', { filters: 30, kernel: 3, groups: 4 }, [-1, 8, 8, 30], null],
  ];
  it.each(cases)('layerParams %s', (_name, kind, options, shape, want) => {
    expect(layerParams(kind, options as never, shape)).toBe(want);
  });

  it('nothing the library entry imports (transitively) is under src/cli/: src/index.ts stays browser-safe', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) visit(resolve(file, '..', `${m[1]}.ts`));
    };
    visit(resolve(root, 'src', 'index.ts'));
    expect(seen.size).toBeGreaterThan(20);
    expect([...seen].filter((f) => f.includes(`${join('src', 'cli')}`))).toEqual([]);
  });
});
