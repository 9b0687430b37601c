/**
 * Type-checks the project with TS 7.0, 6.0 and 5.9 (`tsc --noEmit -p tsconfig.typecheck.json`) and
 * fails if any of them reports an error, printing that compiler's errors.
 *
 *     npx tsx scripts/typecheck-matrix.ts [-p <tsconfig>] [--jobs <n>] [--max-errors <n>]
 *
 * One line per compiler: version, error count, wall time; then, on failure, the errors grouped by
 * the compilers that report them ("all compilers", "only TS 7.0.2", …). `test-d/` is part of the check, so a
 * `// @ts-expect-error` that one compiler does not need shows up as TS2578 ("Unused
 * '@ts-expect-error' directive") on that compiler only.
 *
 * Decision: the two JS compilers are single-threaded and TS 7 is multi-threaded; on the 2-core
 * target machine, starting the slow JS compilers first and TS 7 when a slot frees (`--jobs 2`)
 * finishes soonest without oversubscribing. Exit codes are not compared: with errors, TS 7 exits 1
 * and TS 5.9/6.0 exit 2.
 */
import { parseArgs } from 'node:util';
import { type TscRun, compilers, mapLimit, runTsc } from './internal/compilers.js';
import { type CliDiagnostic, parseTscDiagnostics } from './internal/tsc-output.js';

const { values } = parseArgs({
  options: {
    project: { type: 'string', short: 'p', default: 'tsconfig.typecheck.json' },
    jobs: { type: 'string', default: '2' },
    'max-errors': { type: 'string', default: '40' },
  },
});
const maxErrors = Number(values['max-errors']);
const jobs = Number(values.jobs);
if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs must be a positive integer, got ${values.jobs}`);

const start = performance.now();
// Slowest first: TS 5.9 and 6.0 (JS), then TS 7 (native, multi-threaded).
const order = [...compilers].reverse();
const runs = await mapLimit(order, jobs, (c) => runTsc(c, ['--noEmit', '--pretty', 'false', '-p', values.project]));
const byId = new Map(runs.map((r) => [r.compiler.id, r]));

interface Outcome {
  readonly run: TscRun;
  readonly errors: number;
  readonly failed: boolean;
}
const outcomes: Outcome[] = compilers.map((c) => {
  const run = byId.get(c.id) as TscRun;
  const errors = parseTscDiagnostics(run.stdout).filter((d) => d.category === 'error').length;
  // A non-zero exit or stderr without a parsed error (a crash) is a failure too.
  return { run, errors, failed: errors > 0 || run.exitCode !== 0 || run.stderr.trim() !== '' };
});

console.log(`typecheck matrix: ${values.project}, ${jobs} at a time`);
for (const { run, errors, failed } of outcomes) {
  const status = failed ? 'FAIL' : 'ok  ';
  const count = `${errors} error${errors === 1 ? '' : 's'}`;
  console.log(`  ${status} TS ${run.compiler.version.padEnd(6)} ${count.padStart(10)} ${(run.ms / 1000).toFixed(2).padStart(7)} s`);
}
console.log(`  wall ${((performance.now() - start) / 1000).toFixed(2)} s`);

const failures = outcomes.filter((o) => o.failed);
if (failures.length > 0) printErrors(failures);
process.exitCode = failures.length > 0 ? 1 : 0;

/**
 * Prints the failing compilers' errors grouped by which compilers report them, so that what
 * differs between compilers stands out; each group is capped at `--max-errors`.
 */
function printErrors(failed: readonly Outcome[]): void {
  const groups = new Map<string, { compilers: string[]; text: string }[]>();
  const seen = new Map<string, { compilers: string[]; text: string }>();
  for (const { run } of failed) {
    const name = `TS ${run.compiler.version}`;
    for (const d of parseTscDiagnostics(run.stdout)) {
      // Same place and code = same error, even if the wording differs between compilers.
      const key = `${d.file}(${d.line},${d.column}) TS${d.code}`;
      const entry = seen.get(key);
      if (entry) entry.compilers.push(name);
      else seen.set(key, { compilers: [name], text: formatDiagnostic(d) });
    }
    if (run.stderr.trim() !== '') seen.set(`stderr ${name}`, { compilers: [name], text: `stderr:\n${run.stderr.trimEnd()}` });
    if (run.exitCode !== 0 && run.stdout.trim() === '' && run.stderr.trim() === '') {
      seen.set(`exit ${name}`, { compilers: [name], text: `exit code ${run.exitCode} without output` });
    }
  }
  for (const entry of seen.values()) {
    const label = entry.compilers.length === outcomes.length ? 'all compilers' : `only ${entry.compilers.join(', ')}`;
    groups.set(label, [...(groups.get(label) ?? []), entry]);
  }
  for (const [label, entries] of groups) {
    console.log(`\n── ${entries.length} reported by ${label} ──`);
    for (const e of entries.slice(0, maxErrors)) console.log(e.text);
    if (entries.length > maxErrors) console.log(`… and ${entries.length - maxErrors} more (--max-errors ${maxErrors})`);
  }
}

function formatDiagnostic(d: CliDiagnostic): string {
  const where = d.file === undefined ? '' : `${d.file}(${d.line},${d.column}): `;
  const [head, ...chain] = d.message.split('\n');
  return [`${where}${d.category} TS${d.code}: ${head}`, ...chain.map((l) => `  ${l}`)].join('\n');
}
