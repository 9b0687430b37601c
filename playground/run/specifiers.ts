/**
 * How the editor's module finds the library: its `'convtype'` and `'convtype/<entry>'` specifiers are rewritten
 * to absolute module URLs before the module is evaluated from a Blob URL (a Blob module has no base URL to
 * resolve bare names against, and an import map would have to be in the page before its first module loads,
 * which the page shell owns). The same rewrite lets the Node test import the gallery's sources from src/.
 *
 * Decision: a rewrite of the emitted JavaScript's import/export specifiers (static `from '…'`, bare
 * `import '…'` and dynamic `import('…')` with a literal) rather than a TypeScript transformer: the shell's
 * worker hands over plain JavaScript, and these three forms are all a module can use to name a package.
 */

/** The library entries a playground module may import (package.json `exports` of the same names). */
export const LIBRARY_ENTRIES = ['index', 'safetensors', 'pytorch', 'tfjs', 'onnx'] as const;
export type LibraryEntry = (typeof LIBRARY_ENTRIES)[number];

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])convtype(?:\/([A-Za-z0-9_-]+))?\2/g;

/**
 * `js` with every convtype specifier replaced by `urlOf(entry)` ('index' for the bare package name).
 * Throws for an entry the library does not have, naming the ones it has.
 * @example rewriteSpecifiers("import { input } from 'convtype';", (e) => `/lib/${e}.js`) //=> "import { input } from '/lib/index.js';"
 */
export function rewriteSpecifiers(js: string, urlOf: (entry: LibraryEntry) => string): string {
  return js.replace(SPECIFIER, (_all, lead: string, quote: string, sub: string | undefined) => {
    const entry = sub ?? 'index';
    if (!(LIBRARY_ENTRIES as readonly string[]).includes(entry)) {
      throw new Error(`playground: no library entry 'convtype/${entry}' (got '${entry}', expected one of ${LIBRARY_ENTRIES.filter((e) => e !== 'index').map((e) => `'convtype/${e}'`).join(', ')} or 'convtype')`);
    }
    return `${lead}${quote}${urlOf(entry as LibraryEntry)}${quote}`;
  });
}
