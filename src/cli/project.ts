/**
 * Loads ts-morph and builds the smallest program that can answer for the given files: only those files as
 * roots (their imports are pulled in by module resolution), the options of the nearest tsconfig.json, and
 * `skipLibCheck`; diagnostics are asked for the given files only, never for the whole program.
 *
 * Decision: ts-morph is imported lazily, so a missing install is one clear sentence instead of a stack trace, and
 * `convtype`'s library entry never depends on it. Rejected: `ts.createProgram` on a TypeScript found in the user's
 * project: the CLI would then read types with whatever compiler (or none) the project has, TS 7 has no JS API, and
 * ts-morph ships TypeScript's lib files in memory, which a bare `typescript` import does not for every layout.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Project, ts } from 'ts-morph';

export type TsMorph = typeof import('ts-morph');

/** Thrown when ts-morph cannot be loaded; the message says how to install it. */
export class MissingTsMorphError extends Error {
  constructor(cause: unknown) {
    super(
      "convtype: the CLI needs ts-morph, which is not installed (it is an optional peer dependency of convtype, so that apps using only the library don't download a TypeScript compiler). Install it next to convtype: npm install --save-dev ts-morph",
      { cause },
    );
    this.name = 'MissingTsMorphError';
  }
}

/** `import('ts-morph')`, or `MissingTsMorphError`. */
export async function loadTsMorph(): Promise<TsMorph> {
  try {
    return await import('ts-morph');
  } catch (e) {
    throw new MissingTsMorphError(e);
  }
}

/** The nearest `tsconfig.json` in the file's folder or above it, or `undefined`. */
export function findTsconfig(file: string): string | undefined {
  let dir = dirname(resolve(file));
  for (;;) {
    const candidate = join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Options used when no tsconfig.json is found: what `convtype`'s own examples need. */
function defaultOptions(tsm: TsMorph): ts.CompilerOptions {
  const { ts } = tsm;
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
  };
}

/**
 * Overrides that keep the run cheap and the messages whole: no lib checking, no emit, and no truncation of the
 * types printed in messages (a long sentence type must not end in `...`).
 */
const overrides: ts.CompilerOptions = { skipLibCheck: true, noEmit: true, noErrorTruncation: true };

/** The files of one program, grouped by the tsconfig that governs them. */
export interface ProgramGroup {
  readonly tsconfig: string | undefined;
  readonly files: readonly string[];
}

/** Groups absolute file paths by their nearest tsconfig.json, keeping the command line's order. */
export function groupByTsconfig(files: readonly string[]): ProgramGroup[] {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const key = findTsconfig(file) ?? '';
    const list = groups.get(key) ?? [];
    list.push(file);
    groups.set(key, list);
  }
  return [...groups].map(([tsconfig, list]) => ({ tsconfig: tsconfig === '' ? undefined : tsconfig, files: list }));
}

/** A ts-morph project with just these files as roots. */
export function createProject(tsm: TsMorph, group: ProgramGroup): Project {
  const project = group.tsconfig
    ? new tsm.Project({ tsConfigFilePath: group.tsconfig, skipAddingFilesFromTsConfig: true, compilerOptions: overrides })
    : new tsm.Project({ compilerOptions: { ...defaultOptions(tsm), ...overrides } });
  for (const file of group.files) project.addSourceFileAtPath(file);
  return project;
}
