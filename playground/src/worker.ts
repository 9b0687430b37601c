/**
 * The language-service worker: TypeScript 6.0's JS API (ts60) over a hand-written in-memory LanguageServiceHost
 * whose files are convtype's declarations and the ES2022 lib, bundled at build time (no network at run time).
 * A hand-written host instead of @typescript/vfs: the host is ~30 lines and vfs would add its own map and CDN code.
 */
import ts from 'ts60';
import files from 'virtual:files';
import { layerParams } from '../../src/cli/params.js';
import type { Value } from '../../src/cli/values.js';
import type { Analysis, Problem, Reply, Request, ShapeRow } from './protocol.js';

const MAIN = '/main.ts';
const lib = files as Record<string, string>;
let code = '';
let version = 0;
const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true, lib: ['lib.es2022.d.ts'], types: [], skipLibCheck: true, noEmit: true,
};
const host: ts.LanguageServiceHost = {
  getCompilationSettings: () => options,
  getScriptFileNames: () => [MAIN],
  getScriptVersion: (f) => (f === MAIN ? String(version) : '0'),
  getScriptSnapshot: (f) => {
    const text = f === MAIN ? code : lib[f];
    return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
  },
  getCurrentDirectory: () => '/',
  getDefaultLibFileName: () => '/lib.es2022.d.ts',
  fileExists: (f) => f === MAIN || f in lib,
  readFile: (f) => (f === MAIN ? code : lib[f]),
  directoryExists: (d) => d === '/' || Object.keys(lib).some((f) => f.startsWith(d.endsWith('/') ? d : `${d}/`)),
  getDirectories: () => [],
};
const service = ts.createLanguageService(host, ts.createDocumentRegistry());

function setCode(next: string): void {
  if (next !== code) { code = next; version++; }
}

/** Layer calls: calls whose result type is a symbolic tensor (it has `shape` and the layer methods). */
function shapeRows(program: ts.Program, file: ts.SourceFile): ShapeRow[] {
  const checker = program.getTypeChecker();
  const found: { node: ts.CallExpression; at: number; kind: string; shape: (number | string)[]; params: number | null; sources: ts.Expression[] }[] = [];
  const visit = (node: ts.Node): void => {
    ts.forEachChild(node, visit);
    if (!ts.isCallExpression(node)) return;
    const callee = node.expression;
    const member = ts.isPropertyAccessExpression(callee);
    const kind = member ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (kind === undefined) return;
    const shape = tupleOf(checker, checker.getTypeAtLocation(node));
    if (shape === null) return;
    const input = member ? tupleOf(checker, checker.getTypeAtLocation(callee.expression)) : null;
    const params = input === null ? (member ? null : 0) : layerParams(kind, optionsOf(node.arguments[0]), input.map((d) => (typeof d === 'number' ? d : -1)));
    const sources = member ? [callee.expression] : node.arguments.flatMap((a) => (ts.isArrayLiteralExpression(a) ? [...a.elements] : [a]));
    found.push({ node, at: member ? callee.name.getStart(file) : node.getStart(file), kind, shape, params, sources });
  };
  visit(file);
  found.sort((a, b) => a.at - b.at);
  const index = new Map(found.map((f, i) => [f.node as ts.Node, i]));
  /** The call a tensor expression comes from: itself, or the initializer of the const it names. */
  const producer = (e: ts.Expression): number | undefined => {
    while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    if (ts.isIdentifier(e)) {
      const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return producer(decl.initializer);
      return undefined;
    }
    return index.get(e);
  };
  return found.map((f) => {
    const { line, character } = file.getLineAndCharacterOfPosition(f.at);
    const text = f.node.getText(file).slice(f.at - f.node.getStart(file)).replace(/\s+/g, ' ');
    return {
      line: line + 1, column: character + 1, end: f.node.getEnd(), kind: f.kind,
      call: text.length > 60 ? `${text.slice(0, 57)}…` : text,
      shape: `[${f.shape.join(', ')}]`, dims: f.shape.map((d) => (typeof d === 'number' ? d : -1)), params: f.params,
      inputs: f.sources.map(producer).filter((i): i is number => i !== undefined),
    };
  });
}

/** The shape tuple of a `SymbolicTensor<readonly [...]>`-like type (its `shape` property), `B` for `number`. */
function tupleOf(checker: ts.TypeChecker, type: ts.Type): (number | string)[] | null {
  const prop = type.getProperty('shape');
  if (prop === undefined || type.getProperty('conv2d') === undefined) return null;
  const shape = checker.getTypeOfSymbol(prop);
  if (!checker.isTupleType(shape)) return null;
  return checker.getTypeArguments(shape as ts.TypeReference).map((t, i) =>
    t.isNumberLiteral() ? t.value : i === 0 ? 'B' : checker.typeToString(t));
}

/** The literal options of a layer call's object argument (enough for parameter counting). */
function optionsOf(arg: ts.Expression | undefined): { readonly [key: string]: Value } {
  const out: Record<string, Value> = {};
  if (arg === undefined || !ts.isObjectLiteralExpression(arg)) return out;
  for (const p of arg.properties) if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) out[p.name.text] = valueOf(p.initializer);
  return out;
}
function valueOf(e: ts.Expression): Value {
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isStringLiteral(e)) return e.text;
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isArrayLiteralExpression(e)) return e.elements.map(valueOf);
  return undefined;
}

/** convtype puts its sentence in the parameter type; show the sentence rather than "Type 'x' is not assignable to type '"…"'". */
function sentenceOf(message: string): string {
  const m = /^Type '[^']*' is not assignable to type '"(\w+: [^]*)"'\.?$/.exec(message);
  return m ? m[1] : message;
}

function analyze(): Analysis {
  const t0 = performance.now();
  const diags = [...service.getSyntacticDiagnostics(MAIN), ...service.getSemanticDiagnostics(MAIN)];
  const program = service.getProgram()!;
  const file = program.getSourceFile(MAIN)!;
  const problems: Problem[] = diags.map((d) => {
    const from = d.start ?? 0;
    const { line, character } = file.getLineAndCharacterOfPosition(from);
    return { from, to: from + (d.length ?? 0), line: line + 1, column: character + 1, message: sentenceOf(ts.flattenDiagnosticMessageText(d.messageText, '\n')), severity: d.category === ts.DiagnosticCategory.Error ? 'error' : 'warning' };
  });
  return { problems, rows: shapeRows(program, file), ms: performance.now() - t0 };
}

function answer(req: Request): Reply[keyof Reply] {
  setCode(req.code);
  switch (req.kind) {
    case 'analyze': return analyze();
    case 'hover': {
      const info = service.getQuickInfoAtPosition(MAIN, req.pos);
      if (!info) return null;
      return { text: ts.displayPartsToString(info.displayParts), from: info.textSpan.start, to: info.textSpan.start + info.textSpan.length };
    }
    case 'complete': {
      const list = service.getCompletionsAtPosition(MAIN, req.pos, {});
      const word = /[\w$]*$/.exec(req.code.slice(0, req.pos))![0];
      return { from: req.pos - word.length, items: (list?.entries ?? []).slice(0, 300).map((e) => ({ label: e.name, kind: e.kind })) };
    }
    case 'transpile':
      return ts.transpileModule(req.code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  }
}

self.onmessage = (e: MessageEvent<{ id: number; req: Request }>) => {
  const { id, req } = e.data;
  try { postMessage({ id, result: answer(req) }); } catch (err) { postMessage({ id, error: String((err as Error)?.stack ?? err) }); }
};
