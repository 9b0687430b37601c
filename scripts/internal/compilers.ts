/**
 * The three TypeScript compilers convtype's types must agree on, and how to run them.
 *
 * Decision: drive every compiler through its CLI (`node <bin> …`) rather than a JS API, because
 * TS 7 (native Go) has no JS compiler API; the TS 6 JS API is used only via ts-morph in the
 * diagnostics suite. Temporary tsconfigs live in `<root>/.cache/typecheck/` (git-ignored) rather
 * than the OS temp dir, so that `extends`, `types: ["node"]` and node_modules lookups resolve
 * exactly as they do for the root tsconfig.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is `<root>/scripts/internal/compilers.ts`). */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type CompilerId = 'ts7' | 'ts6' | 'ts59';

export interface Compiler {
  readonly id: CompilerId;
  /** npm package folder under node_modules (the 6.0 and 5.9 compilers are npm aliases). */
  readonly pkg: string;
  /** Exact version, read from the installed package.json. */
  readonly version: string;
  /** Absolute path of the `tsc` bin script. */
  readonly bin: string;
}

function compiler(id: CompilerId, pkg: string): Compiler {
  const dir = join(root, 'node_modules', pkg);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { id, pkg, version, bin: join(dir, 'bin', 'tsc') };
}

/** TS 7 first: it is the fastest and the one users will soon have. */
export const compilers: readonly Compiler[] = [
  compiler('ts7', 'typescript'),
  compiler('ts6', 'ts60'),
  compiler('ts59', 'ts59'),
];

export function compilerById(id: CompilerId): Compiler {
  const found = compilers.find((c) => c.id === id);
  if (!found) throw new Error(`unknown compiler ${id}`);
  return found;
}

export interface TscRun {
  readonly compiler: Compiler;
  readonly args: readonly string[];
  /** Process exit code. Not comparable across compilers: with errors and `--noEmit`,
   * TS 7 exits 1 where TS 5.9/6.0 exit 2. Only "zero or not" is meaningful. */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time of the child process in milliseconds. */
  readonly ms: number;
}

/** Runs `tsc <args>` with cwd = repository root; never rejects on compile errors. */
export function runTsc(c: Compiler, args: readonly string[]): Promise<TscRun> {
  const start = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [c.bin, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolvePromise({
        compiler: c,
        args,
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: performance.now() - start,
      });
    });
  });
}

/** Runs async jobs with at most `limit` in flight; results keep input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await job(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export const cacheDir = join(root, '.cache', 'typecheck');

/**
 * Writes a tsconfig extending the root one into `.cache/typecheck/<name>-<pid>.json` and returns
 * its path; `files`/`include` given here are repository-relative and rewritten to be relative to
 * the cache folder. Call the returned `dispose` when done.
 */
export function writeTempTsconfig(
  name: string,
  config: { files?: readonly string[]; include?: readonly string[]; exclude?: readonly string[]; compilerOptions?: Record<string, unknown> },
): { path: string; dispose: () => void } {
  mkdirSync(cacheDir, { recursive: true });
  const path = join(cacheDir, `${name}-${process.pid}.json`);
  const rel = (p: string): string => relative(cacheDir, resolve(root, p)).replaceAll('\\', '/');
  const json = {
    extends: rel('tsconfig.json'),
    compilerOptions: config.compilerOptions ?? {},
    // Always write both lists: a derived config that omits `include` inherits the root's.
    files: config.files?.map(rel) ?? [],
    include: config.include?.map(rel) ?? [],
    ...(config.exclude ? { exclude: config.exclude.map(rel) } : {}),
  };
  writeFileSync(path, JSON.stringify(json, null, 2) + '\n');
  return { path, dispose: () => rmSync(path, { force: true }) };
}
