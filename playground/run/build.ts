/**
 * Builds the run part of the playground into a folder:
 *   run.js          playground/run/index.ts (mountRunPanel, mountDigitPad)
 *   lib/<entry>.js  the library's browser entries (index, safetensors, pytorch, tfjs, onnx) — the modules the
 *                   editor's `'convtype'` imports resolve to; one esbuild build with code splitting, so run.js
 *                   and the editor's module share one copy of the library (one backend, one error class)
 *   gallery/*.ts    the gallery's sources (gallery-sources.ts)
 *   assets/         lenet.safetensors (test/fixtures/lenet), upscaler.safetensors + upscaler-input.png
 *   ts/typescript.js  TypeScript 6.0 (ts60) for transpile.ts, unless `typescript: false` (the shell compiles)
 *   dev.html        a standalone page: a textarea as the editor, the panel and the pad
 *
 *     npx tsx playground/run/build.ts [--out dir] [--serve] [--port n] [--no-isolation]
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { exampleSource, writeUpscaler } from './gallery-sources.js';
import { GALLERY } from './gallery.js';
import { serveStatic } from './serve.js';

const ROOT = resolve(import.meta.dirname, '../..');

export interface RunBuildOptions {
  readonly outDir: string;
  /** Copy TypeScript's transpiler for transpile.ts (default true; 9 MB, not needed when the shell compiles). */
  readonly typescript?: boolean;
  readonly minify?: boolean;
}

export async function buildRun(options: RunBuildOptions): Promise<void> {
  const out = resolve(options.outDir);
  mkdirSync(join(out, 'assets'), { recursive: true });
  mkdirSync(join(out, 'gallery'), { recursive: true });
  await build({
    entryPoints: {
      run: join(ROOT, 'playground/run/index.ts'),
      'lib/index': join(ROOT, 'src/index.ts'),
      'lib/safetensors': join(ROOT, 'src/io/safetensors-entry.ts'),
      'lib/pytorch': join(ROOT, 'src/io/pytorch-entry.ts'),
      'lib/tfjs': join(ROOT, 'src/io/tfjs-entry.ts'),
      'lib/onnx': join(ROOT, 'src/onnx/index.ts'),
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    chunkNames: 'lib/chunk-[hash]',
    outdir: out,
    minify: options.minify ?? false,
    sourcemap: true,
    logLevel: 'warning',
  });
  for (const g of GALLERY) if (g.id !== 'upscaler') writeFileSync(join(out, 'gallery', `${g.id}.ts`), exampleSource(g.id));
  await writeUpscaler(join(out, 'gallery'), join(out, 'assets'));
  copyFileSync(join(ROOT, 'test/fixtures/lenet/lenet.safetensors'), join(out, 'assets/lenet.safetensors'));
  if (options.typescript ?? true) {
    mkdirSync(join(out, 'ts'), { recursive: true });
    copyFileSync(join(ROOT, 'node_modules/ts60/lib/typescript.js'), join(out, 'ts/typescript.js'));
  }
  copyFileSync(join(ROOT, 'playground/run/dev.html'), join(out, 'dev.html'));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: join(ROOT, 'dist/playground-run') }, serve: { type: 'boolean' }, port: { type: 'string', default: '8014' }, 'no-isolation': { type: 'boolean' } },
  });
  const t = performance.now();
  await buildRun({ outDir: values.out! });
  console.log(`playground/run: built into ${values.out} in ${Math.round(performance.now() - t)} ms`);
  if (values.serve) {
    const s = await serveStatic(values.out!, { port: Number(values.port), isolated: !values['no-isolation'] });
    console.log(`playground/run: ${s.origin}/dev.html${values['no-isolation'] ? ' (not cross-origin isolated)' : ''}`);
  }
}
