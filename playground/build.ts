// Builds the playground into dist/playground/ (a static site). Why a generated file table instead of fetching
// declarations: the page must work with no network at run time, so convtype's .d.ts and TypeScript's lib files
// are bundled into the (lazy) worker as one JSON module.
import { build, type BuildOptions } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const here = join(root, 'playground');

/** Every file under `dir` whose name ends with `ext`. */
function walk(dir: string, ext: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, ext, out);
    else if (p.endsWith(ext)) out.push(p);
  }
  return out;
}

/** The virtual file system the worker's language service reads: path → text. */
function virtualFiles(): Record<string, string> {
  const dts = join(root, 'node_modules', '.cache', 'playground-dts');
  rmSync(dts, { recursive: true, force: true });
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', dts], { stdio: 'inherit' });
  const files: Record<string, string> = {};
  for (const f of walk(dts, '.d.ts')) files[`/node_modules/convtype/${relative(dts, f)}`] = readFileSync(f, 'utf8');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const exportsMap: Record<string, { types: string }> = {};
  for (const [k, v] of Object.entries(pkg.exports as Record<string, { types?: string }>)) if (v && v.types) exportsMap[k] = { types: v.types.replace('./dist/dts/', './') };
  files['/node_modules/convtype/package.json'] = JSON.stringify({ name: 'convtype', type: 'module', exports: exportsMap });
  // The lib files named by lib.es2022.d.ts's references (no DOM: a model file needs none, and DOM is 1.4 MB).
  const libDir = join(root, 'node_modules/ts60/lib');
  const need: string[] = ['lib.es2022.d.ts'];
  for (let i = 0; i < need.length; i++) {
    const text = readFileSync(join(libDir, need[i]), 'utf8');
    files[`/${need[i]}`] = text;
    for (const m of text.matchAll(/\/\/\/ <reference lib="([^"]+)" \/>/g)) {
      const name = `lib.${m[1].toLowerCase()}.d.ts`;
      if (!need.includes(name)) need.push(name);
    }
  }
  return files;
}

/** Builds the site into `outDir` (default dist/playground/) and resolves with that folder. */
export async function buildPlayground({ outDir = join(root, 'dist/playground'), minify = true }: { outDir?: string; minify?: boolean } = {}): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const files = virtualFiles();
  const gen = join(root, 'node_modules', '.cache', 'playground-files.json');
  writeFileSync(gen, JSON.stringify(files));
  const common: BuildOptions = { bundle: true, format: 'esm', minify, target: 'es2022', logLevel: 'warning', legalComments: 'none' };
  await build({ ...common, entryPoints: [join(here, 'src/main.ts')], outdir: outDir, splitting: true, chunkNames: 'chunks/[name]-[hash]' });
  await build({
    ...common,
    entryPoints: [join(here, 'src/worker.ts')],
    outfile: join(outDir, 'worker.js'),
    alias: { 'virtual:files': gen },
    // TypeScript's JS API probes for Node modules it never uses in a browser.
    external: ['fs', 'path', 'os', 'crypto', 'inspector', 'perf_hooks', 'buffer', 'source-map-support', 'node:*'],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  copyFileSync(join(here, 'index.html'), join(outDir, 'index.html'));
  copyFileSync(join(here, 'style.css'), join(outDir, 'style.css'));
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildPlayground();
  console.log(`playground: built ${relative(root, out)}/`);
}
