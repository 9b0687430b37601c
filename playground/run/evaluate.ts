/**
 * Evaluates the editor's module in the page: its JavaScript (transpiled by the shell's worker, or by
 * transpile.ts) gets its `convtype` specifiers rewritten to the bundled library's URLs (specifiers.ts) and is
 * imported from a Blob URL. `'convtype'` itself is a small shim module: the library's exports, with `model`
 * replaced by one that puts new models on the panel's WebAssembly backend (unless the source names a
 * backend), so the panel can wait for that backend's threads and report how many ran.
 *
 * Alternative rejected: an import map — it must be in the page before its first module loads, and the page
 * (owned by the shell) already runs modules by then.
 */
import type { WasmBackend } from '../../src/index.js';
import { LIBRARY_ENTRIES, rewriteSpecifiers, type LibraryEntry } from './specifiers.js';

/** Where the page-side hooks of the shim live (one global symbol, so the Blob module can reach them). */
const HOOKS = Symbol.for('convtype.playground.run');

interface Hooks {
  model: (input: unknown, output: unknown, options?: { readonly backend?: unknown }) => unknown;
}

/** What the shim's `model` needs: the library's own `model` and the backend new models run on. */
export interface EvaluatorOptions {
  /** The library module's URL for each entry (`index` is the package itself). */
  readonly libraryUrl: (entry: LibraryEntry) => string;
  readonly model: (...args: unknown[]) => unknown;
  readonly backend: WasmBackend;
}

export interface Evaluator {
  /** Imports `js` as a module and returns its exports. */
  evaluate(js: string): Promise<Record<string, unknown>>;
}

const blobUrl = (text: string): string => URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));

/** Imports `url` (a computed specifier: bundlers leave it alone). */
const importUrl = (url: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ /* webpackIgnore: true */ url) as Promise<Record<string, unknown>>;

export function createEvaluator(options: EvaluatorOptions): Evaluator {
  const { libraryUrl, model, backend } = options;
  (globalThis as { [HOOKS]?: Hooks })[HOOKS] = {
    model: (input, output, opts) => model(input, output, { backend, ...opts }),
  };
  // Names exported locally take precedence over `export *`, so this `model` replaces the library's.
  const shim = blobUrl(
    `export * from ${JSON.stringify(libraryUrl('index'))};\n` +
      `export const model = globalThis[Symbol.for('convtype.playground.run')].model;\n`,
  );
  const urls = Object.fromEntries(LIBRARY_ENTRIES.map((e) => [e, e === 'index' ? shim : libraryUrl(e)])) as Record<LibraryEntry, string>;
  return {
    async evaluate(js) {
      const url = blobUrl(rewriteSpecifiers(js, (e) => urls[e]));
      try {
        return await importUrl(url);
      } finally {
        URL.revokeObjectURL(url);
      }
    },
  };
}
