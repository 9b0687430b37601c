/**
 * The two scripts the browser test serves: the library's ESM bundle (dist/index.js, reused when it is newer
 * than every file of src/ and the build config, e.g. after `npm run test:package`; otherwise built into a
 * temporary folder with the project's tsup options) and the page script (page.ts with cnn.ts, bundled; the
 * library stays an external runtime import, so src/ never enters the page).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Options } from 'tsup';
import config from '../../tsup.config.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

/** The library options of tsup.config.ts (the entry that builds `index`). */
function libraryOptions(): Options {
  const list = (Array.isArray(config) ? config : [config]) as Options[];
  const lib = list.find((o) => typeof o.entry === 'object' && o.entry !== null && 'index' in o.entry);
  if (!lib) throw new Error('browser test: tsup.config.ts has no entry named index');
  return lib;
}

export interface Bundles {
  /** Folder holding index.js and its chunks. */
  readonly dist: string;
  /** Whether dist/ was reused (true) or the library was built into `tmp`. */
  readonly reused: boolean;
  /** The bundled page script. */
  readonly script: string;
}

/** Builds what is missing into `tmp` (a fresh temporary folder). */
export async function bundles(tmp: string): Promise<Bundles> {
  const dist = join(ROOT, 'dist');
  const index = join(dist, 'index.js');
  const sources = Math.max(newest(join(ROOT, 'src')), statSync(join(ROOT, 'tsup.config.ts')).mtimeMs);
  const reused = existsSync(index) && statSync(index).mtimeMs > sources;
  const quiet = { config: false, silent: true, sourcemap: false } as const;
  if (!reused) {
    await build({ ...libraryOptions(), ...quiet, entry: { index: join(ROOT, 'src/index.ts') }, format: ['esm'], clean: false, outDir: join(tmp, 'dist') });
  }
  await build({
    ...quiet,
    entry: { page: join(ROOT, 'test/browser/page.ts') },
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    splitting: false,
    outDir: join(tmp, 'page'),
  });
  return { dist: reused ? dist : join(tmp, 'dist'), reused, script: join(tmp, 'page/page.js') };
}
