/**
 * A fresh folder under the repository's git-ignored `.cache/` (made when missing, as on a fresh clone), so that
 * the generated modules of the import tests import the library by relative paths as a user's project would.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../scripts/internal/compilers.js';

export function repoTempDir(prefix: string): string {
  mkdirSync(join(root, '.cache'), { recursive: true });
  return mkdtempSync(join(root, '.cache', prefix));
}
