/**
 * One file → its `FileReport`: the builder calls with the checker's shapes, rendered and counted, grouped into
 * chains, and the file's errors, each also attached to the call it is reported at.
 */
import type { ts } from 'ts-morph';
import { formatShape } from '../shapes/format.js';
import { type BuilderCall, argumentValue, builderCalls, optionsOf } from './calls.js';
import { chainsOf } from './chains.js';
import { fileErrors, ourSentence, toErrorReport } from './diagnostics.js';
import { layerParams, sumParams } from './params.js';
import type { CallRow, ChainReport, ErrorReport, FileReport } from './report.js';
import { specLayers } from './specs.js';
import { type TypeReader, renderOptions, renderValue } from './values.js';

/** What analysing a file gives: the report, and notes for stderr (a disagreement between checker and twins). */
export interface Analysis {
  readonly report: FileReport;
  readonly warnings: readonly string[];
}

/** Analyses `file` (absolute, in `program`); paths in the report are rendered by `displayPath`. */
export function analyzeFile(
  tsm: typeof ts,
  program: ts.Program,
  file: string,
  tsconfig: string | undefined,
  displayPath: (file: string) => string,
): Analysis {
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`convtype: ${displayPath(file)} is not part of the program`);
  const checker = program.getTypeChecker();
  const r: TypeReader = { ts: tsm, checker };
  const calls = builderCalls(r, source);
  const diagnostics = fileErrors(program, tsm, source);
  const errors = diagnostics.map((d) => toErrorReport(tsm, d, displayPath));
  const blamed = blame(tsm, calls, diagnostics, errors);
  const warnings: string[] = [];
  const rows = new Map<BuilderCall, CallRow>();
  for (const call of calls) {
    const row = callRow(r, source, call, blamed.get(call));
    rows.set(call, row.row);
    if (row.innerShape && !sameShape(row.innerShape, call.shape)) {
      warnings.push(
        `${displayPath(file)}:${row.row.line}: the layers of ${row.row.call} end in ${formatShape(row.innerShape)} but the type checker computed ${row.row.shapeText} (a convtype bug: please report it)`,
      );
    }
  }
  const chains = chainsOf(tsm, checker, calls).map((chain): ChainReport => {
    const list = chain.calls.map((c) => rows.get(c)!);
    return {
      names: chain.names,
      startLine: Math.min(...list.map((c) => c.line)),
      endLine: Math.max(...list.map((c) => c.line)),
      calls: list,
      params: sumParams(list.map((c) => c.params)),
    };
  });
  return { report: { file: displayPath(file), tsconfig: tsconfig ? displayPath(tsconfig) : null, chains, errors }, warnings };
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** The row of one call, and for `apply` the final shape its layers reach by the twins (to compare). */
function callRow(r: TypeReader, source: ts.SourceFile, call: BuilderCall, error: string | undefined): { row: CallRow; innerShape?: readonly number[] | null } {
  const { line, character } = source.getLineAndCharacterOfPosition(call.at);
  const args = call.node.arguments;
  // The fields in the schema's order (report.ts), so the JSON reads top-down.
  const row = (text: string, name: unknown, params: number | null, layers?: CallRow['layers']): CallRow => ({
    line: line + 1,
    column: character + 1,
    kind: call.kind,
    call: text,
    ...(typeof name === 'string' ? { name } : {}),
    shape: call.shape,
    shapeText: formatShape(call.shape),
    // A call the checker rejects adds layers that cannot be built: no parameter count.
    params: error === undefined ? params : null,
    ...(error === undefined ? {} : { error }),
    ...(layers ? { layers } : {}),
  });
  switch (call.kind) {
    case 'input': {
      const dims = args[0] ? renderValue(argumentValue(r, args[0])) : '';
      const options = optionsOf(r, args[1]);
      const rest = renderOptions(options);
      return { row: row(`input(${[dims, rest].filter((s) => s !== '').join(', ')})`, options.name, 0) };
    }
    case 'apply': {
      const spec = args[0];
      const layers = spec ? specLayers(r, r.checker.getTypeAtLocation(spec), call.inputShape) : { rows: [], shape: null };
      return { row: row(`apply(${spec ? brief(spec) : ''})`, undefined, sumParams(layers.rows.map((l) => l.params)), layers.rows), innerShape: layers.shape };
    }
    case 'add':
    case 'multiply':
    case 'concat': {
      const tensors = call.kind === 'concat' ? args.slice(0, 1) : args.slice(0, 2);
      const options = optionsOf(r, args[tensors.length]);
      return { row: row(`${call.kind}(${tensors.map(brief).join(', ')})`, options.name, 0) };
    }
    default: {
      const options = optionsOf(r, call.isMethod ? args[0] : args[1]);
      const params = call.inputShape ? layerParams(call.kind, options, call.inputShape) : null;
      return { row: row(`${call.kind}(${renderOptions(options)})`, options.name, params) };
    }
  }
}

/** An argument as written, on one line, cut at 40 characters. */
function brief(e: ts.Expression): string {
  const text = e.getText().replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Which call each error belongs to: among the calls whose text contains the error's position, the one the sentence
 * names (`conv2d: …` → a `conv2d` call; a rank error on a chain's receiver starts where the chain starts), else the
 * innermost call whose own part (`.method(args)`, or the whole call of a function) contains it.
 */
function blame(tsm: typeof ts, calls: readonly BuilderCall[], diagnostics: readonly ts.Diagnostic[], errors: readonly ErrorReport[]): Map<BuilderCall, string> {
  const out = new Map<BuilderCall, string>();
  diagnostics.forEach((d, i) => {
    if (d.start === undefined) return;
    const at = d.start;
    const containing = calls.filter((c) => c.node.getStart() <= at && at < c.node.getEnd());
    const subject = ourSentence(tsm.flattenDiagnosticMessageText(d.messageText, '\n'))?.split(':')[0];
    const innermost = (list: readonly BuilderCall[]) => list.reduce<BuilderCall | undefined>((best, c) => (!best || c.node.getWidth() < best.node.getWidth() ? c : best), undefined);
    const own = containing.filter((c) => c.at <= at);
    const target = innermost(containing.filter((c) => c.kind === subject && (c.at <= at || at === c.node.getStart()))) ?? innermost(own);
    if (target && !out.has(target)) out.set(target, errors[i]!.message);
  });
  return out;
}
