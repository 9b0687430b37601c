/**
 * TypeScript diagnostics of the analysed files, reduced to what a user acts on: where, which TS code, and our
 * sentence when the diagnostic carries one (`Type 'number' is not assignable to type '"conv2d: inChannels 64 does
 * not match …"'` → `conv2d: inChannels 64 does not match …`), else TypeScript's own first line.
 */
import type { ts } from 'ts-morph';
import { LAYERS } from '../layers/index.js';
import type { ErrorReport } from './report.js';

/** The subjects our sentences start with: every layer kind, and the calls that are not layers. */
const subjects: ReadonlySet<string> = new Set([
  ...Object.keys(LAYERS),
  'input',
  'add',
  'concat',
  'multiply',
  'residual add',
  'sequential',
  'apply',
  'model',
  'model.run',
  'tensor',
  'checkpoint',
  'times',
  'plus',
  'minus',
  'over',
  'overCeil',
]);

const quoted = /"((?:[^"\\]|\\.)*)"/g;

/**
 * The first convtype sentence quoted in `message` (a string literal type as TypeScript prints it), or `undefined`.
 * @example ourSentence(`Type 'number' is not assignable to type '"dense: inFeatures 9216 does not match …"'.`) //=> 'dense: inFeatures 9216 does not match …'
 */
export function ourSentence(message: string): string | undefined {
  for (const m of message.matchAll(quoted)) {
    const sentence = unescape(m[1]!);
    const colon = sentence.indexOf(': ');
    if (colon > 0 && subjects.has(sentence.slice(0, colon))) return sentence;
  }
  return undefined;
}

function unescape(s: string): string {
  try {
    return JSON.parse(`"${s}"`) as string;
  } catch {
    return s;
  }
}

/** One diagnostic as an `ErrorReport`, the path as given by `displayPath`. */
export function toErrorReport(tsm: typeof ts, d: ts.Diagnostic, displayPath: (file: string) => string): ErrorReport {
  const flat = tsm.flattenDiagnosticMessageText(d.messageText, '\n');
  const sentence = ourSentence(flat);
  const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: -1, character: -1 };
  return {
    file: d.file ? displayPath(d.file.fileName) : '',
    line: pos.line + 1,
    column: pos.character + 1,
    code: d.code,
    message: sentence ?? flat.split('\n')[0]!.trim(),
    shapeError: sentence !== undefined,
  };
}

/** Errors (not warnings or suggestions) TypeScript reports in this file: syntax first, then types. */
export function fileErrors(program: ts.Program, tsm: typeof ts, file: ts.SourceFile): readonly ts.Diagnostic[] {
  const all = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
  return all.filter((d) => d.category === tsm.DiagnosticCategory.Error);
}

/** `file(line,col): error TS2322: <sentence>`, the format of `tsc --pretty false`. */
export function compilerLine(e: ErrorReport): string {
  return `${e.file}(${e.line},${e.column}): error TS${e.code}: ${e.message}`;
}
