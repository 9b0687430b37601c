/** Where convtype's own library files are: the folder of the `convtype` package.json above a file. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** Finds the folder of the `convtype` package a file belongs to (cached by folder). */
export class PackageRoots {
  private readonly cache = new Map<string, string | null>();

  /** The folder holding convtype's package.json above `file`, or `null`. */
  rootOf(file: string): string | null {
    let dir = dirname(file);
    const seen: string[] = [];
    let found: string | null = null;
    for (;;) {
      const cached = this.cache.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      seen.push(dir);
      const pkg = join(dir, 'package.json');
      if (existsSync(pkg) && isConvtype(pkg)) {
        found = dir;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const d of seen) this.cache.set(d, found);
    return found;
  }

  /** Is `fileName` (as TypeScript spells it) part of convtype's library: its `src/`, `types/` or `dist/`? */
  inLibrary(fileName: string): boolean {
    const file = sep === '/' ? fileName : fileName.split('/').join(sep);
    const root = this.rootOf(file);
    if (root === null) return false;
    const top = file.slice(root.length + 1).split(/[\\/]/)[0];
    return top === 'src' || top === 'types' || top === 'dist';
  }
}

function isConvtype(packageJson: string): boolean {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { name?: unknown }).name === 'convtype';
  } catch {
    return false;
  }
}
