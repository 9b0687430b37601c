/**
 * Parsers for the two kinds of `tsc` output the type-check tooling reads, identical for TS 5.9,
 * 6.0 and 7.0:
 *
 * - `--pretty false` diagnostics: `file(line,col): error TS2322: head message`, then the rest of
 *   the message chain as continuation lines indented two spaces per level. Errors without a file
 *   (bad tsconfig) read `error TS5023: …`.
 * - `--extendedDiagnostics` statistics: `Name:   value` lines (`Instantiations: 123`,
 *   `Check time: 0.52s`, `Memory used: 48474K`).
 *
 * Decision: parse text instead of calling a compiler API, because TS 7 ships no JS API.
 */

export interface CliDiagnostic {
  /** Path as printed (relative to the cwd of the compiler), `undefined` for global errors. */
  readonly file: string | undefined;
  /** 1-based; 0 for global errors. */
  readonly line: number;
  readonly column: number;
  readonly category: 'error' | 'warning' | 'message';
  readonly code: number;
  /** The whole message chain, one chain level per line, indentation removed. */
  readonly message: string;
}

const located = /^(.+?)\((\d+),(\d+)\): (error|warning|message) TS(\d+): (.*)$/;
const global = /^(error|warning|message) TS(\d+): (.*)$/;

/** Parses `tsc --pretty false` output. Lines that fit no pattern become a TS0 error, so that
 * nothing a compiler prints is silently dropped. */
export function parseTscDiagnostics(output: string): CliDiagnostic[] {
  const diagnostics: { file: string | undefined; line: number; column: number; category: CliDiagnostic['category']; code: number; lines: string[] }[] = [];
  for (const raw of output.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const l = located.exec(raw);
    if (l) {
      diagnostics.push({ file: l[1], line: Number(l[2]), column: Number(l[3]), category: l[4] as CliDiagnostic['category'], code: Number(l[5]), lines: [l[6] as string] });
      continue;
    }
    const g = global.exec(raw);
    if (g) {
      diagnostics.push({ file: undefined, line: 0, column: 0, category: g[1] as CliDiagnostic['category'], code: Number(g[2]), lines: [g[3] as string] });
      continue;
    }
    const last = diagnostics.at(-1);
    if (raw.startsWith('  ') && last) {
      last.lines.push(raw.trim());
      continue;
    }
    diagnostics.push({ file: undefined, line: 0, column: 0, category: 'error', code: 0, lines: [raw] });
  }
  return diagnostics.map(({ lines, ...d }) => ({ ...d, message: lines.join('\n') }));
}

export interface ExtendedStats {
  readonly files: number;
  readonly types: number;
  readonly instantiations: number;
  /** Seconds. */
  readonly checkTime: number;
  /** Seconds, as the compiler measured itself (excludes process start-up). */
  readonly totalTime: number;
  /** Kilobytes. */
  readonly memoryUsed: number;
}

/** Reads the statistics block printed by `--extendedDiagnostics`; throws if a field is missing. */
export function parseExtendedDiagnostics(output: string): ExtendedStats {
  const fields = new Map<string, string>();
  for (const line of output.split(/\r?\n/)) {
    const m = /^([A-Za-z][A-Za-z ]*?):\s+(\S+)\s*$/.exec(line);
    if (m) fields.set(m[1] as string, m[2] as string);
  }
  const num = (name: string, unit = ''): number => {
    const v = fields.get(name);
    if (v === undefined || !v.endsWith(unit) || Number.isNaN(Number(v.slice(0, v.length - unit.length)))) {
      throw new Error(`--extendedDiagnostics output has no numeric "${name}" field`);
    }
    return Number(v.slice(0, v.length - unit.length));
  };
  return {
    files: num('Files'),
    types: num('Types'),
    instantiations: num('Instantiations'),
    checkTime: num('Check time', 's'),
    totalTime: num('Total time', 's'),
    memoryUsed: num('Memory used', 'K'),
  };
}
