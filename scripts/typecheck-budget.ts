/**
 * Type-check cost budget of the examples: each `examples/*.ts` (not `examples/errors/`) is checked
 * alone with TS 7.0 and TS 6.0 (`--extendedDiagnostics`), and its instantiation count is compared
 * with `test/budget/baseline.json`.
 *
 *     npx tsx scripts/typecheck-budget.ts [--update] [--jobs 2] [--dir examples] [--baseline test/budget/baseline.json]
 *
 * Fails (exit 1) when an example's instantiations grow more than 20% over its baseline on either
 * compiler, or when an example does not compile. An example or compiler without a baseline entry
 * only warns. `--update` rewrites the baseline from this run (refused while an example has errors).
 *
 * Baseline JSON schema (`test/budget/baseline.json`):
 *
 *     {
 *       "compilers": { "ts7": "7.0.2", "ts6": "6.0.3" },        // versions the numbers came from
 *       "examples": {
 *         "examples/alexnet.ts": {                              // repository-relative path
 *           "ts7": { "instantiations": 38594, "types": 8218 },  // integers from --extendedDiagnostics
 *           "ts6": { "instantiations": 38406, "types": 7927 }
 *         }
 *       }
 *     }
 *
 * Only `instantiations` is budgeted; `types` is recorded to help read a regression. Times are
 * printed, never compared (they depend on the machine and on the other job running beside).
 *
 * Decisions: each example gets its own generated tsconfig (`files: [example]`, extending the root
 * one) so its count includes exactly what it pulls in from the library. TS 7 runs with
 * `--checkers 1`: its counts depend on the number of checkers (each checker instantiates the
 * shared library types again; the default of 4 gave 46,435 where 1 gives 38,594 for the same
 * file), so a fixed count keeps the baseline comparable across machines. The compilers' numbers
 * differ from each other and are budgeted separately.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Compiler, type CompilerId, compilerById, mapLimit, root, runTsc, writeTempTsconfig } from './internal/compilers.js';
import { type ExtendedStats, parseExtendedDiagnostics, parseTscDiagnostics } from './internal/tsc-output.js';

interface Counts {
  readonly instantiations: number;
  readonly types: number;
}
interface Baseline {
  compilers: Partial<Record<CompilerId, string>>;
  examples: Record<string, Partial<Record<CompilerId, Counts>>>;
}

const { values } = parseArgs({
  options: {
    update: { type: 'boolean', default: false },
    jobs: { type: 'string', default: '2' },
    dir: { type: 'string', default: 'examples' },
    baseline: { type: 'string', default: 'test/budget/baseline.json' },
  },
});
const threshold = 0.2;
const jobs = Number(values.jobs);
const budgeted: readonly Compiler[] = [compilerById('ts7'), compilerById('ts6')];
const extraArgs: Partial<Record<CompilerId, string[]>> = { ts7: ['--checkers', '1'] };

const baselinePath = resolve(root, values.baseline);
const baseline: Baseline = existsSync(baselinePath)
  ? (JSON.parse(readFileSync(baselinePath, 'utf8')) as Baseline)
  : { compilers: {}, examples: {} };

const exampleDir = resolve(root, values.dir);
const examples = existsSync(exampleDir)
  ? readdirSync(exampleDir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .sort()
      .map((f) => relative(root, join(exampleDir, f)).replaceAll('\\', '/'))
  : [];

interface Measurement {
  readonly example: string;
  readonly compiler: Compiler;
  readonly stats: ExtendedStats | undefined;
  /** Compile errors, or the reason no statistics could be read. */
  readonly errors: readonly string[];
  readonly ms: number;
}

async function measure(example: string, compiler: Compiler): Promise<Measurement> {
  const name = `budget-${example.replace(/[^A-Za-z0-9]+/g, '_')}-${compiler.id}`;
  const config = writeTempTsconfig(name, { files: [example] });
  try {
    const run = await runTsc(compiler, ['--noEmit', '--pretty', 'false', '--extendedDiagnostics', ...(extraArgs[compiler.id] ?? []), '-p', config.path]);
    // Diagnostics come first, then the statistics block, which starts with `Files:`.
    const statsAt = run.stdout.search(/^Files:/m);
    const errors = parseTscDiagnostics(statsAt < 0 ? run.stdout : run.stdout.slice(0, statsAt))
      .filter((d) => d.category === 'error')
      .map((d) => `${d.file}(${d.line},${d.column}): TS${d.code}: ${d.message.split('\n')[0]}`);
    if (run.stderr.trim() !== '') errors.push(`stderr: ${run.stderr.trim()}`);
    let stats: ExtendedStats | undefined;
    try {
      stats = parseExtendedDiagnostics(run.stdout);
    } catch (e) {
      errors.push(String(e));
    }
    return { example, compiler, stats, errors, ms: run.ms };
  } finally {
    config.dispose();
  }
}

const pairs = examples.flatMap((example) => budgeted.map((compiler) => ({ example, compiler })));
const start = performance.now();
const measurements = await mapLimit(pairs, jobs, ({ example, compiler }) => measure(example, compiler));

const failures: string[] = [];
const warnings: string[] = [];
for (const c of budgeted) {
  const recorded = baseline.compilers[c.id];
  if (recorded && recorded !== c.version) warnings.push(`baseline for ${c.id} was recorded with TS ${recorded}, this is TS ${c.version}: run --update once the numbers are reviewed`);
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const header = ['example', 'compiler', 'instantiations', 'baseline', 'change', 'types', 'check', 'total', 'wall'];
const rows: string[][] = [];
for (const m of measurements) {
  const base = baseline.examples[m.example]?.[m.compiler.id];
  const row = [m.example, `TS ${m.compiler.version}`];
  if (!m.stats || m.errors.length > 0) {
    failures.push(`${m.example} on TS ${m.compiler.version} does not compile:\n    ${m.errors.join('\n    ')}`);
    rows.push([...row, 'ERROR', base ? fmt(base.instantiations) : '—', `${m.errors.length} error(s)`, '', '', '', '']);
    continue;
  }
  const { instantiations, types, checkTime, totalTime } = m.stats;
  let change = 'new';
  if (base) {
    const ratio = base.instantiations === 0 ? (instantiations === 0 ? 0 : Infinity) : instantiations / base.instantiations - 1;
    change = `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;
    if (ratio > threshold) {
      failures.push(`${m.example} on TS ${m.compiler.version}: ${fmt(instantiations)} instantiations, ${change} over the baseline ${fmt(base.instantiations)} (budget +${threshold * 100}%)`);
      change += ' ✗';
    }
  } else {
    warnings.push(`${m.example} on TS ${m.compiler.version} has no baseline yet (${fmt(instantiations)} instantiations): run --update to record it`);
  }
  rows.push([...row, fmt(instantiations), base ? fmt(base.instantiations) : '—', change, fmt(types), `${checkTime.toFixed(2)}s`, `${totalTime.toFixed(2)}s`, `${(m.ms / 1000).toFixed(2)}s`]);
}
for (const example of Object.keys(baseline.examples)) {
  if (!examples.includes(example)) warnings.push(`${example} is in the baseline but not in ${values.dir}/: --update drops it`);
}

if (rows.length === 0) {
  console.log(`typecheck budget: no examples in ${values.dir}/`);
} else {
  const numeric = new Set([2, 3, 5, 6, 7, 8]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number))).join('  ').trimEnd();
  console.log(`typecheck budget: ${examples.length} example(s) × ${budgeted.length} compilers, ${jobs} at a time, ${((performance.now() - start) / 1000).toFixed(1)}s`);
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
for (const w of warnings) console.log(`warning: ${w}`);

if (values.update) {
  if (failures.some((f) => f.includes('does not compile'))) {
    console.error('\nnot updating the baseline: fix the examples that do not compile first');
    process.exitCode = 1;
  } else {
    const next: Baseline = { compilers: Object.fromEntries(budgeted.map((c) => [c.id, c.version])), examples: {} };
    for (const m of measurements) {
      if (!m.stats) continue;
      next.examples[m.example] = { ...next.examples[m.example], [m.compiler.id]: { instantiations: m.stats.instantiations, types: m.stats.types } };
    }
    writeFileSync(baselinePath, JSON.stringify(next, null, 2) + '\n');
    console.log(`\nbaseline written: ${relative(root, baselinePath)}`);
  }
} else if (failures.length > 0) {
  console.error(`\n${failures.map((f) => `✗ ${f}`).join('\n')}`);
  process.exitCode = 1;
}
