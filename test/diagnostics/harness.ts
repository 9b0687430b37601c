/**
 * Collects the diagnostics of every fixture under `fixtures/` from three compilers and checks
 * them against the fixtures' `// @expect-error` annotations.
 *
 * - TS 6.0 through ts-morph (in process, the JS API: `getPreEmitDiagnostics`, chain flattened);
 * - TS 7.0 and TS 5.9 through their CLIs (`--noEmit --pretty false`), parsed from text.
 *
 * One compiler run covers all fixtures: one ts-morph Project, one tsc process per CLI compiler,
 * each over a generated tsconfig that extends the root one and lists only the fixtures (the
 * library files they import are pulled in by module resolution, so library errors show up too).
 *
 * Decision: every diagnostic is reduced to (file, line, code, flattened chain with indentation
 * removed) before matching, which is the most the two kinds of output have in common. Columns are
 * kept for messages but not compared, since a fixture pins the line, not the column.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Project, ts } from 'ts-morph';
import { type Compiler, compilerById, root, runTsc, writeTempTsconfig } from '../../scripts/internal/compilers.js';
import { parseTscDiagnostics } from '../../scripts/internal/tsc-output.js';
import { type ExpectedError, parseAnnotations } from './annotations.js';

export const fixturesDir = resolve(root, 'test', 'diagnostics', 'fixtures');

export interface Fixture {
  /** File name without `.ts`; names the vitest tests. */
  readonly name: string;
  /** Repository-relative POSIX path, the key diagnostics are grouped by. */
  readonly path: string;
  readonly expected: readonly ExpectedError[];
}

/** Every `fixtures/*.ts`, sorted, annotations parsed (throws on a malformed annotation). */
export function loadFixtures(): Fixture[] {
  return readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => {
      const abs = join(fixturesDir, f);
      const path = repoPath(abs);
      return { name: f.slice(0, -3), path, expected: parseAnnotations(readFileSync(abs, 'utf8'), path) };
    });
}

export interface Diagnostic {
  /** Repository-relative POSIX path; `undefined` for diagnostics without a file (config errors). */
  readonly file: string | undefined;
  readonly line: number;
  readonly column: number;
  readonly code: number;
  /** Flattened message chain, one level per line, indentation removed. */
  readonly message: string;
}

export interface CompilerResult {
  /** e.g. `TS 7.0.2 (tsc)`; names the vitest tests. */
  readonly label: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly ms: number;
}

function repoPath(file: string): string {
  return relative(root, resolve(root, file)).replaceAll('\\', '/');
}

/** TS 7.0 or TS 5.9 over all fixtures in one `tsc` process. */
export async function collectWithCli(compiler: Compiler, fixtures: readonly Fixture[]): Promise<CompilerResult> {
  const config = writeTempTsconfig(`diagnostics-${compiler.id}`, { files: fixtures.map((f) => f.path) });
  try {
    const run = await runTsc(compiler, ['--noEmit', '--pretty', 'false', '-p', config.path]);
    if (run.stderr.trim() !== '') throw new Error(`${compiler.pkg} wrote to stderr:\n${run.stderr}`);
    const diagnostics = parseTscDiagnostics(run.stdout).map((d) => ({
      file: d.file === undefined ? undefined : repoPath(d.file),
      line: d.line,
      column: d.column,
      code: d.code,
      message: d.message,
    }));
    return { label: `TS ${compiler.version} (tsc)`, diagnostics, ms: run.ms };
  } finally {
    config.dispose();
  }
}

/** TS 6.0 (the compiler bundled with ts-morph) over all fixtures in one Project. */
export function collectWithTsMorph(fixtures: readonly Fixture[]): CompilerResult {
  const start = performance.now();
  const project = new Project({ tsConfigFilePath: join(root, 'tsconfig.json'), skipAddingFilesFromTsConfig: true });
  for (const f of fixtures) project.addSourceFileAtPath(join(root, f.path));
  const program = project.getProgram().compilerObject;
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d): Diagnostic => {
    const message = ts
      .flattenDiagnosticMessageText(d.messageText, '\n')
      .split('\n')
      .map((l) => l.trim())
      .join('\n');
    if (!d.file || d.start === undefined) return { file: undefined, line: 0, column: 0, code: d.code, message };
    const pos = d.file.getLineAndCharacterOfPosition(d.start);
    return { file: repoPath(d.file.fileName), line: pos.line + 1, column: pos.character + 1, code: d.code, message };
  });
  return { label: `TS ${ts.version} (ts-morph)`, diagnostics, ms: performance.now() - start };
}

/**
 * All three compilers, overlapped: both CLIs are spawned at once, ts-morph checks in this process
 * once TS 7 (fast, multi-threaded) is done, while TS 5.9 (slowest) still runs. The ts-morph run
 * blocks the event loop, so a CLI finishing during it is only seen finishing after it: that is why
 * TS 7 is awaited first, and why TS 5.9's time is an upper bound.
 */
export async function collectAll(fixtures: readonly Fixture[]): Promise<CompilerResult[]> {
  const ts7 = collectWithCli(compilerById('ts7'), fixtures);
  const ts59 = collectWithCli(compilerById('ts59'), fixtures);
  const ts7Result = await ts7;
  const ts6Result = collectWithTsMorph(fixtures);
  return [ts7Result, ts6Result, await ts59];
}

/** Does `message` contain `sentence` verbatim, or as TS prints it inside a string literal type? */
export function containsSentence(message: string, sentence: string): boolean {
  // A message type `"a \"b\""` prints its quotes and backslashes escaped.
  const escaped = sentence.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
  return message.includes(sentence) || message.includes(escaped);
}

function describeDiagnostic(d: Diagnostic): string {
  return `line ${d.line} TS${d.code}: ${d.message.replaceAll('\n', ' ⏎ ')}`;
}

/**
 * Problems (empty when the fixture passes): each annotation must be matched by exactly one
 * diagnostic on its line with its code and sentence, each diagnostic by at most one annotation,
 * and no diagnostic may be left unmatched.
 */
export function matchFixture(expected: readonly ExpectedError[], diagnostics: readonly Diagnostic[]): string[] {
  const problems: string[] = [];
  const claimedBy = new Map<Diagnostic, ExpectedError>();
  if (expected.length === 0) problems.push('fixture has no // @expect-error annotations');
  for (const e of expected) {
    const want = `TS${e.code} on line ${e.line} containing "${e.sentence}" (annotation on line ${e.annotationLine})`;
    const hits = diagnostics.filter((d) => d.line === e.line && d.code === e.code && containsSentence(d.message, e.sentence));
    if (hits.length === 0) {
      const onLine = diagnostics.filter((d) => d.line === e.line);
      problems.push(`missing: ${want}; line ${e.line} has ${onLine.length === 0 ? 'no diagnostic' : onLine.map(describeDiagnostic).join(' | ')}`);
      continue;
    }
    if (hits.length > 1) {
      problems.push(`ambiguous: ${hits.length} diagnostics match ${want}`);
      continue;
    }
    const hit = hits[0] as Diagnostic;
    const other = claimedBy.get(hit);
    if (other) {
      problems.push(`one diagnostic matches two annotations (lines ${other.annotationLine} and ${e.annotationLine}): ${describeDiagnostic(hit)}`);
      continue;
    }
    claimedBy.set(hit, e);
  }
  for (const d of diagnostics) {
    if (!claimedBy.has(d)) problems.push(`unexpected: ${describeDiagnostic(d)}`);
  }
  return problems;
}

/**
 * What must be identical across compilers: per diagnostic, line + code + the annotation sentence
 * it matched (or its whole message when it matched none), sorted.
 */
export function comparableKeys(expected: readonly ExpectedError[], diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .map((d) => {
      const e = expected.find((x) => x.line === d.line && x.code === d.code && containsSentence(d.message, x.sentence));
      return `${d.line} TS${d.code} ${e ? e.sentence : `<unannotated> ${d.message.replaceAll('\n', ' ⏎ ')}`}`;
    })
    .sort();
}
