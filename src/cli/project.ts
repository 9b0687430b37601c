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

/**
 * Host globals and modules (DOM, Node) a file may use: if any program file outside convtype's library and the
 * default libs mentions one, the lean pass is skipped. A mention in a comment only costs the speed-up.
 */
const hostGlobal =
  /\b(?:console|document|window|navigator|performance|setTimeout|setInterval|setImmediate|clearTimeout|clearInterval|queueMicrotask|structuredClone|fetch|Buffer|require|__dirname|__filename|TextEncoder|TextDecoder|URL|URLSearchParams|Blob|Worker|WebAssembly|AbortController|EventTarget|crypto|atob|btoa|NodeJS|HTML\w*Element|ImageData|ImageBitmap|OffscreenCanvas|localStorage|Response|Request|Headers|ReadableStream)\b|\b(?:process|module|exports|global|self)\.|['"]node:|from\s+['"](?:fs|path|os|url|util|child_process|worker_threads|stream|events|buffer|assert|http|https|zlib)['"]/;

/** Is one of the DOM/Web-worker/host libs (left out of the lean pass)? */
const hostLib = /^lib\.(?:dom|webworker|scripthost)/i;

/**
 * One program for a group of files, built lean when it safely can be.
 *
 * Decision: the project's options are used as they are, except that a first, lean pass leaves out the host
 * declarations (the DOM libs and automatically included `@types` packages such as `@types/node`, ~4 MB of
 * declarations, a third of the run on ResNet-50): convtype's shape types need none of them. The lean pass is used
 * only if no file of the program outside convtype's library mentions a host global, and its answer is kept only if
 * the analysed files have no error but our shape sentences; otherwise the program is built again with the full
 * options (parsed files are reused) and that answer is the one reported. `--full-libs` skips the lean pass.
 */
export class ProgramSession {
  private readonly project: Project;
  private readonly fullOptions: ts.CompilerOptions;
  private current: 'lean' | 'full';

  constructor(
    private readonly tsm: TsMorph,
    readonly group: ProgramGroup,
    lean: boolean,
  ) {
    this.project = openProject(tsm, group.tsconfig);
    for (const file of group.files) this.project.addSourceFileAtPath(file);
    this.fullOptions = this.project.getCompilerOptions();
    this.current = lean ? 'lean' : 'full';
    if (lean) this.project.compilerOptions.set(leanOptions(tsm.ts, this.fullOptions));
  }

  /** Whether the program is the lean one. */
  get lean(): boolean {
    return this.current === 'lean';
  }

  /**
   * The program: the lean one while it is allowed (see the class comment), else the full one. `isLibrary` tells
   * convtype's own files, which are exempt from the host-global scan.
   */
  program(isLibrary: (fileName: string) => boolean): ts.Program {
    const program = this.project.getProgram().compilerObject;
    if (this.current === 'lean' && mentionsHost(program, isLibrary)) return this.full();
    return program;
  }

  /** Switches to (or stays on) the full options and returns that program. */
  full(): ts.Program {
    if (this.current === 'lean') {
      // `set` merges: name every option the lean pass changed, with its full value (possibly undefined).
      this.project.compilerOptions.set({ lib: this.fullOptions.lib, types: this.fullOptions.types });
      this.current = 'full';
    }
    return this.project.getProgram().compilerObject;
  }
}

/** A ts-morph project with the tsconfig's options (or the defaults); throws a sentence naming the tsconfig if it is broken. */
function openProject(tsm: TsMorph, tsconfig: string | undefined): Project {
  if (!tsconfig) return new tsm.Project({ compilerOptions: { ...defaultOptions(tsm), ...overrides } });
  let project: Project;
  try {
    project = new tsm.Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true, compilerOptions: overrides });
  } catch (e) {
    throw new Error(`cannot read ${tsconfig}: ${e instanceof Error ? e.message : String(e)}`);
  }
  // TS18003 "No inputs were found": the files to check are given on the command line, not by `include`.
  const problems = project.getConfigFileParsingDiagnostics().filter((d) => d.getCategory() === tsm.DiagnosticCategory.Error && d.getCode() !== 18003);
  if (problems.length > 0) {
    const text = problems.map((d) => tsm.ts.flattenDiagnosticMessageText(d.compilerObject.messageText, ' ')).join('; ');
    throw new Error(`cannot use ${tsconfig}: ${text}`);
  }
  return project;
}

/** The options without host declarations: DOM-family libs dropped, no automatic `@types`. */
function leanOptions(tsm: typeof ts, options: ts.CompilerOptions): ts.CompilerOptions {
  const defaults = tsm.getDefaultLibFileName(options); // lib.es2022.full.d.ts = lib.es2022.d.ts + DOM + …
  const base = defaults === 'lib.d.ts' ? 'lib.es5.d.ts' : defaults.replace('.full.d.ts', '.d.ts');
  const lib = (options.lib ?? [base]).filter((l) => !hostLib.test(l));
  return { lib: lib.length > 0 ? lib : ['lib.es5.d.ts'], types: [] };
}

function mentionsHost(program: ts.Program, isLibrary: (fileName: string) => boolean): boolean {
  return program.getSourceFiles().some((f) => !program.isSourceFileDefaultLibrary(f) && !isLibrary(f.fileName) && hostGlobal.test(f.text));
}
