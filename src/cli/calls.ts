/**
 * Finds convtype's builder calls in a source file and reads what the type checker computed for each: a call is a
 * builder call when the function or method it resolves to is declared by convtype (its `src/`, `types/` or `dist/`)
 * and it returns convtype's `SymbolicTensor<S>`; `S` is the output shape.
 *
 * Decision: recognise calls by their resolved declaration and return type, not by name, so an aliased import
 * (`import { input as image }`) is found and a user's own `conv2d` helper is not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { ts } from 'ts-morph';
import type { TypeReader, Value } from './values.js';
import { Wide, recordOf, valueOfType } from './values.js';

/** One builder call and what the checker says about it. */
export interface BuilderCall {
  readonly node: ts.CallExpression;
  /** The declaration's name: `conv2d`, `apply`, `input`, `add`, … */
  readonly kind: string;
  /** Where the call is reported: the method name (`.conv2d`), or the start of a function call. */
  readonly at: number;
  /** `true` for `x.method(…)`, `false` for `input(…)`, `add(…)`, … */
  readonly isMethod: boolean;
  /** The output shape (−1 = unknown dim). */
  readonly shape: readonly number[];
  /** The receiver's shape for a method call (−1 = unknown dim), `null` otherwise or if unknown. */
  readonly inputShape: readonly number[] | null;
}

/** Finds the folder of the `convtype` package a declaration file belongs to (cached by folder). */
class PackageRoots {
  private readonly cache = new Map<string, string | null>();

  /** The folder holding convtype's package.json above `file`, or `null`. */
  rootOf(file: string): string | null {
    let dir = dirname(file);
    const seen: string[] = [];
    let found: string | null = null;
    for (;;) {
      const cached = this.cache.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      seen.push(dir);
      const pkg = join(dir, 'package.json');
      if (existsSync(pkg) && isConvtype(pkg)) {
        found = dir;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const d of seen) this.cache.set(d, found);
    return found;
  }
}

function isConvtype(packageJson: string): boolean {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { name?: unknown }).name === 'convtype';
  } catch {
    return false;
  }
}

/** Is `file` part of convtype's library (not its examples, tests or scripts)? */
function inLibrary(roots: PackageRoots, file: string): boolean {
  const root = roots.rootOf(file);
  if (root === null) return false;
  const rest = file.slice(root.length + 1).split(/[\\/]/)[0];
  return rest === 'src' || rest === 'types' || rest === 'dist';
}

/** The tuple of a `readonly [B, …dims]` type as numbers, −1 for `number`; `null` if it is not a tuple. */
export function shapeOfTuple(r: TypeReader, type: ts.Type): number[] | null {
  if (!r.checker.isTupleType(type)) return null;
  return r.checker.getTypeArguments(type as ts.TypeReference).map((t) => (t.flags & r.ts.TypeFlags.NumberLiteral ? (t as ts.NumberLiteralType).value : -1));
}

/** The `shape` property of a tensor-like type, or `null`. */
export function shapeOf(r: TypeReader, type: ts.Type): number[] | null {
  const p = r.checker.getPropertyOfType(type, 'shape');
  return p ? shapeOfTuple(r, r.checker.getTypeOfSymbol(p)) : null;
}

/** Every builder call in `file`, in the order they are reported (by `at`). */
export function builderCalls(r: TypeReader, file: ts.SourceFile): BuilderCall[] {
  const { ts, checker } = r;
  const roots = new PackageRoots();
  const isTensorType = (type: ts.Type): boolean => {
    const symbol = type.getSymbol();
    const declaration = symbol?.declarations?.[0];
    return symbol?.name === 'SymbolicTensor' && declaration !== undefined && inLibrary(roots, normalise(declaration.getSourceFile().fileName));
  };
  const calls: BuilderCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const call = builderCall(r, node, roots, isTensorType);
      if (call) calls.push(call);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls.sort((a, b) => a.at - b.at);
}

function builderCall(r: TypeReader, node: ts.CallExpression, roots: PackageRoots, isTensorType: (t: ts.Type) => boolean): BuilderCall | undefined {
  const { ts, checker } = r;
  const declaration = checker.getResolvedSignature(node)?.getDeclaration();
  if (!declaration || !inLibrary(roots, normalise(declaration.getSourceFile().fileName))) return undefined;
  const returned = checker.getTypeAtLocation(node);
  if (!isTensorType(returned)) return undefined;
  const shape = shapeOf(r, returned);
  if (!shape) return undefined;
  const kind = declaration.name && ts.isIdentifier(declaration.name) ? declaration.name.text : node.expression.getText();
  const callee = skipOuter(ts, node.expression);
  const isMethod = ts.isPropertyAccessExpression(callee);
  const at = isMethod ? callee.name.getStart() : node.getStart();
  const inputShape = isMethod ? shapeOf(r, checker.getTypeAtLocation(callee.expression)) : null;
  return { node, kind, at, isMethod, shape, inputShape };
}

/** TypeScript reports file names with `/`; node paths use the platform separator. */
function normalise(fileName: string): string {
  return sep === '/' ? fileName : fileName.split('/').join(sep);
}

/** Strips `( )`, `as`, `satisfies` and `!` around an expression. */
export function skipOuter(tsm: typeof ts, e: ts.Expression): ts.Expression {
  let x = e;
  while (tsm.isParenthesizedExpression(x) || tsm.isAsExpression(x) || tsm.isNonNullExpression(x) || tsm.isSatisfiesExpression(x)) x = x.expression;
  return x;
}

/** The options argument's value, read from its type (`{}` when absent). */
export function optionsOf(r: TypeReader, arg: ts.Expression | undefined): { readonly [key: string]: Value } {
  if (!arg) return {};
  const options = { ...recordOf(valueOfType(r, r.checker.getTypeAtLocation(arg))) };
  // `input`'s name is typed `string`: read the literal from the source when it is written there.
  if (options.name instanceof Wide || options.name === undefined) {
    const literal = literalProperty(r.ts, arg, 'name');
    if (literal !== undefined) options.name = literal;
  }
  return options;
}

/** The string literal written for property `key` of an object literal argument, if any. */
function literalProperty(tsm: typeof ts, arg: ts.Expression, key: string): string | undefined {
  const e = skipOuter(tsm, arg);
  if (!tsm.isObjectLiteralExpression(e)) return undefined;
  for (const p of e.properties) {
    if (tsm.isPropertyAssignment(p) && p.name.getText() === key && (tsm.isStringLiteral(p.initializer) || tsm.isNoSubstitutionTemplateLiteral(p.initializer))) {
      return p.initializer.text;
    }
  }
  return undefined;
}
