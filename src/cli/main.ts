#!/usr/bin/env node
/**
 * `convtype`: a model file's shapes as the TypeScript type checker computes them, without running the file.
 *
 *     convtype shapes <file.ts…> [--json] [--expand] [--color | --no-color]
 *     convtype check <file.ts…>
 *
 * Exit codes: 0 no error, 1 the files have errors (shape sentences or other TypeScript errors), 2 the command could
 * not run (usage, a missing file, ts-morph not installed).
 *
 * Node-only code lives in `src/cli/` and nothing in the library imports it (`src/index.ts` stays browser-safe).
 */
import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeFile } from './analyze.js';
import { fileErrors, toErrorReport } from './diagnostics.js';
import { type TsMorph, createProject, groupByTsconfig, loadTsMorph } from './project.js';
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
  convtype shapes <file.ts…> [--json] [--expand] [--color | --no-color]
      every builder call (input, layer methods, apply, add, concat, multiply) with the output shape the
      type checker computed and its parameters, grouped per chain; then the errors.
      --json     the report as JSON (schema: ShapesReport in src/cli/report.ts, docs/cli.md)
      --expand   also list the layers inside each applied spec
  convtype check <file.ts…>
      only the errors, one line each: file(line,col): error TSnnnn: <sentence>

Options come from the nearest tsconfig.json above each file (defaults without one).
Exit code: 0 no error, 1 errors in the files, 2 the command could not run.
`;

/** Runs the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Partial<Io> = {}): Promise<number> {
  const out: Io = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    loadTsMorph: io.loadTsMorph ?? loadTsMorph,
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        expand: { type: 'boolean', default: false },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    out.stderr.write(`convtype: ${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  if (values.help || command === undefined || command === 'help') {
    (values.help || command === 'help' ? out.stdout : out.stderr).write(usage);
    return values.help || command === 'help' ? 0 : 2;
  }
  if (command !== 'shapes' && command !== 'check') {
    out.stderr.write(`convtype: unknown command '${command}' (expected 'shapes' or 'check')\n\n${usage}`);
    return 2;
  }
  if (files.length === 0) {
    out.stderr.write(`convtype ${command}: no file given (expected one or more .ts files)\n`);
    return 2;
  }
  const absolute = files.map((f) => resolve(out.cwd, f));
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
  return command === 'check' ? check(tsm, absolute, out) : shapes(tsm, absolute, out, { json: values.json, expand: values.expand, colour });
}

/** Path as shown: relative to the working directory when inside it, POSIX slashes. */
function display(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  const shown = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  return shown.split('\\').join('/');
}

function shapes(tsm: TsMorph, files: readonly string[], io: Io, options: { json: boolean; expand: boolean; colour: boolean }): number {
  const byFile = new Map<string, FileReport>();
  for (const group of groupByTsconfig(files)) {
    const program = createProject(tsm, group).getProgram().compilerObject;
    for (const file of group.files) {
      const { report, warnings } = analyzeFile(tsm.ts, program, file, group.tsconfig, (f) => display(io.cwd, f));
      byFile.set(file, report);
      for (const w of warnings) io.stderr.write(`convtype: warning: ${w}\n`);
    }
  }
  const reports = files.map((f) => byFile.get(f)!);
  const ok = reports.every((r) => r.errors.length === 0);
  if (options.json) {
    const report: ShapesReport = { version: 1, files: reports, ok };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    io.stdout.write(shapesText(reports, { paint: painter(options.colour), expand: options.expand }));
  }
  return ok ? 0 : 1;
}

function check(tsm: TsMorph, files: readonly string[], io: Io): number {
  const errors: ErrorReport[] = [];
  for (const group of groupByTsconfig(files)) {
    const program = createProject(tsm, group).getProgram().compilerObject;
    for (const file of group.files) {
      const source = program.getSourceFile(file)!;
      errors.push(...fileErrors(program, tsm.ts, source).map((d) => toErrorReport(tsm.ts, d, (f) => display(io.cwd, f))));
    }
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
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`convtype: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
