#!/usr/bin/env node
/**
 * `convtype`: a model file's shapes as the TypeScript type checker computes them, without running the file.
 *
 *     convtype shapes <file.ts…> [--json] [--expand] [--color | --no-color] [--full-libs] [--timings]
 *     convtype check <file.ts…> [--full-libs] [--timings]
 *     convtype import <model.onnx | model.json> --out model.ts [--weights …] [--input HxWxC]… [--from …]  (./import.ts)
 *     convtype weights-types <model.safetensors> --out model.weights.ts [--pytorch]  (./weights-types.ts)
 *
 * Exit codes: 0 no error, 1 the files have errors (shape sentences or other TypeScript errors), 2 the command could
 * not run (usage, a missing file, ts-morph not installed).
 *
 * Node-only code lives in `src/cli/` and nothing in the library imports it (`src/index.ts` stays browser-safe).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ts } from 'ts-morph';
import { analyzeFile } from './analyze.js';
import { fileErrors, toErrorReport } from './diagnostics.js';
import { graphCommand, graphUsage } from './graph.js';
import { importCommand, importUsage } from './import.js';
import { weightsTypesCommand, weightsTypesUsage } from './weights-types.js';
import { PackageRoots } from './package.js';
import { type ProgramGroup, ProgramSession, type TsMorph, groupByTsconfig, loadTsMorph } from './project.js';
import type { ErrorReport, FileReport, ShapesReport } from './report.js';
import { painter, wantsColour } from './table.js';
import { checkText, shapesText } from './text.js';

/** Where the CLI writes and what it reads from its environment (tests pass their own). */
export interface Io {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** How ts-morph is loaded (tests replace it to see the missing-dependency message). */
  readonly loadTsMorph: () => Promise<TsMorph>;
}

const usage = `convtype — a model file's shapes from the TypeScript type checker, without running it

usage:
  convtype shapes <file.ts…> [--json] [--expand] [--color | --no-color] [--full-libs] [--timings]
      every builder call (input, layer methods, apply, add, concat, multiply) with the output shape the
      type checker computed and its parameters, grouped per chain; then the errors.
      --json     the report as JSON (schema: ShapesReport in src/cli/report.ts, docs/cli.md)
      --expand   also list the layers inside each applied spec
  convtype check <file.ts…> [--full-libs] [--timings]
      only the errors, one line each: file(line,col): error TSnnnn: <sentence>
${graphUsage}${importUsage}${weightsTypesUsage}  convtype --version | --help

  --full-libs  check with the DOM libs and @types packages of the tsconfig from the start (by default a first
               pass leaves them out when no file mentions a DOM/Node global, and is redone with them if an
               error other than a shape sentence shows)
  --timings    phase times on stderr

Options come from the nearest tsconfig.json above each file (defaults without one).
Exit code: 0 no error, 1 errors in the files, 2 the command could not run.
`;

/** Runs the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Partial<Io> = {}): Promise<number> {
  const started = performance.now();
  const out: Io = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    loadTsMorph: io.loadTsMorph ?? loadTsMorph,
  };
  if (argv[0] === 'import') return importCommand(argv.slice(1), out);
  if (argv[0] === 'weights-types') return weightsTypesCommand(argv.slice(1), out);
  if (argv[0] === 'graph') return graphCommand(argv.slice(1), out, (f) => display(out.cwd, f), { lean: true, timings: undefined });
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        expand: { type: 'boolean', default: false },
        color: { type: 'boolean' },
        'full-libs': { type: 'boolean', default: false },
        timings: { type: 'boolean', default: false },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    out.stderr.write(`convtype: ${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    out.stdout.write(`${version()}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  if (values.help || command === undefined || command === 'help') {
    (values.help || command === 'help' ? out.stdout : out.stderr).write(usage);
    return values.help || command === 'help' ? 0 : 2;
  }
  if (command !== 'shapes' && command !== 'check') {
    out.stderr.write(`convtype: unknown command '${command}' (expected 'shapes', 'check', 'import' or 'weights-types')\n\n${usage}`);
    return 2;
  }
  if (files.length === 0) {
    out.stderr.write(`convtype ${command}: no file given (expected one or more .ts files)\n`);
    return 2;
  }
  const absolute = [...new Set(files.map((f) => resolve(out.cwd, f)))];
  const missing = absolute.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    out.stderr.write(missing.map((f) => `convtype ${command}: file not found: ${display(out.cwd, f)}\n`).join(''));
    return 2;
  }
  let tsm: TsMorph;
  try {
    tsm = await out.loadTsMorph();
  } catch (e) {
    out.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const colour = values['no-color'] ? false : values.color ? true : wantsColour(out.stdout, out.env);
  const run: RunOptions = { lean: !values['full-libs'], timings: values.timings ? new Timings(out.stderr, started) : undefined };
  run.timings?.mark('load ts-morph');
  try {
    const code = command === 'check' ? check(tsm, absolute, out, run) : shapes(tsm, absolute, out, run, { json: values.json, expand: values.expand, colour });
    run.timings?.mark('report');
    return code;
  } catch (e) {
    // A tsconfig.json that cannot be read, a file TypeScript cannot load: say what, without a stack trace
    // (CONVTYPE_DEBUG=1 shows it).
    const detail = e instanceof Error ? (out.env.CONVTYPE_DEBUG ? (e.stack ?? e.message) : e.message) : String(e);
    out.stderr.write(`convtype ${command}: ${detail}\n`);
    return 2;
  }
}

export interface RunOptions {
  readonly lean: boolean;
  readonly timings: Timings | undefined;
}

/** `--timings`: milliseconds per phase, on stderr. */
class Timings {
  constructor(
    private readonly stream: { write(text: string): unknown },
    private last: number,
  ) {}
  mark(phase: string): void {
    const now = performance.now();
    this.stream.write(`convtype: ${phase}: ${Math.round(now - this.last)} ms\n`);
    this.last = now;
  }
}

/**
 * Runs `analyse` on the group's program: the lean one first when allowed, again on the full one if the lean answer
 * has an error that is not a shape sentence (see `ProgramSession`).
 */
export function withProgram<T>(tsm: TsMorph, group: ProgramGroup, run: RunOptions, analyse: (program: ts.Program) => { result: T; errors: readonly ErrorReport[] }): T {
  const session = new ProgramSession(tsm, group, run.lean);
  const roots = new PackageRoots();
  const program = session.program((f) => roots.inLibrary(f));
  run.timings?.mark(`program (${session.lean ? 'lean' : 'full'}, ${program.getSourceFiles().length} files)`);
  let answer = analyse(program);
  run.timings?.mark('check and analyse');
  if (session.lean && answer.errors.some((e) => !e.shapeError)) {
    const full = session.full();
    run.timings?.mark(`program (full, ${full.getSourceFiles().length} files: the lean pass had other errors)`);
    answer = analyse(full);
    run.timings?.mark('check and analyse');
  }
  return answer.result;
}

/** convtype's version, from the package.json above this file (`src/cli/` in the repository, `dist/` when installed). */
function version(): string {
  const root = new PackageRoots().rootOf(fileURLToPath(import.meta.url));
  if (root === null) return 'convtype (unknown version)';
  return `convtype ${(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '(unknown version)'}`;
}

/** Path as shown: relative to the working directory when inside it, POSIX slashes. */
function display(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  const shown = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  return shown.split('\\').join('/');
}

function shapes(tsm: TsMorph, files: readonly string[], io: Io, run: RunOptions, options: { json: boolean; expand: boolean; colour: boolean }): number {
  const byFile = new Map<string, FileReport>();
  const shown = (f: string): string => display(io.cwd, f);
  for (const group of groupByTsconfig(files)) {
    const analyses = withProgram(tsm, group, run, (program) => {
      const result = group.files.map((file) => analyzeFile(tsm.ts, program, file, group.tsconfig, shown));
      return { result, errors: result.flatMap((a) => a.report.errors) };
    });
    analyses.forEach((a, i) => {
      byFile.set(group.files[i]!, a.report);
      for (const w of a.warnings) io.stderr.write(`convtype: warning: ${w}\n`);
    });
  }
  const reports = files.map((f) => byFile.get(f)!);
  const ok = reports.every((r) => r.errors.length === 0);
  if (options.json) {
    const report: ShapesReport = { version: 1, files: reports, ok };
    io.stdout.write(`${stringify(report)}\n`);
  } else {
    io.stdout.write(shapesText(reports, { paint: painter(options.colour), expand: options.expand }));
  }
  return ok ? 0 : 1;
}

/** JSON indented by two, with arrays of numbers or strings (shapes, names, paths) on one line. */
function stringify(value: unknown): string {
  // JSON strings hold no raw newline, so joining the lines of a bracket-free array cannot change a value.
  return JSON.stringify(value, null, 2).replace(/\[\n\s*([^[\]{}]*?)\n\s*\]/g, (_, items: string) => `[${items.split(/,\n\s*/).join(', ')}]`);
}

function check(tsm: TsMorph, files: readonly string[], io: Io, run: RunOptions): number {
  const errors: ErrorReport[] = [];
  for (const group of groupByTsconfig(files)) {
    const found = withProgram(tsm, group, run, (program) => {
      const result = group.files.flatMap((file) =>
        fileErrors(program, tsm.ts, program.getSourceFile(file)!).map((d) => toErrorReport(tsm.ts, d, (f) => display(io.cwd, f))),
      );
      return { result, errors: result };
    });
    errors.push(...found);
  }
  io.stdout.write(checkText(errors));
  if (errors.length > 0) io.stderr.write(`convtype check: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}\n`);
  return errors.length === 0 ? 0 : 1;
}

/** Run when this file is the entry point (`convtype …`, `tsx src/cli/main.ts …`), not when a test imports it. */
function isEntry(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) {
  // Node ≥ 22.1 can cache the compiled code of ts-morph's 9 MB TypeScript between runs (~0.4 s of each start).
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`convtype: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
