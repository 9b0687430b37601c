/**
 * Finds convtype's builder calls in a source file and reads what the type checker computed for each: a call is a
 * builder call when the function or method it resolves to is declared by convtype (its `src/`, `types/` or `dist/`)
 * and it returns convtype's `SymbolicTensor<S>`; `S` is the output shape.
 *
 * Decision: recognise calls by their resolved declaration and return type, not by name, so an aliased import
 * (`import { input as image }`) is found and a user's own `conv2d` helper is not.
 */
import type { ts } from 'ts-morph';
import { PackageRoots } from './package.js';
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

/** Every builder call in `file`, in evaluation order (a call after the calls in its receiver and arguments). */
export function builderCalls(r: TypeReader, file: ts.SourceFile): BuilderCall[] {
  const { ts, checker } = r;
  const roots = new PackageRoots();
  const isTensorType = (type: ts.Type): boolean => {
    const symbol = type.getSymbol();
    const declaration = symbol?.declarations?.[0];
    return symbol?.name === 'SymbolicTensor' && declaration !== undefined && roots.inLibrary(declaration.getSourceFile().fileName);
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
  return calls.sort((a, b) => a.node.getEnd() - b.node.getEnd() || a.at - b.at);
}

function builderCall(r: TypeReader, node: ts.CallExpression, roots: PackageRoots, isTensorType: (t: ts.Type) => boolean): BuilderCall | undefined {
  const { ts, checker } = r;
  const declaration = checker.getResolvedSignature(node)?.getDeclaration();
  if (!declaration || !roots.inLibrary(declaration.getSourceFile().fileName)) return undefined;
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

/** Strips `( )`, `as`, `satisfies` and `!` around an expression. */
export function skipOuter(tsm: typeof ts, e: ts.Expression): ts.Expression {
  let x = e;
  while (tsm.isParenthesizedExpression(x) || tsm.isAsExpression(x) || tsm.isNonNullExpression(x) || tsm.isSatisfiesExpression(x)) x = x.expression;
  return x;
}

/**
 * An argument's value, read from its type. Where the type is wide but the source holds a literal, the literal is
 * used: `input`'s `name` is typed `string`, and a call the checker rejects may see its literals widened
 * (`{ strides: 2 }` typed `{ strides: number }`).
 */
export function argumentValue(r: TypeReader, arg: ts.Expression): Value {
  return preferLiteral(r.ts, valueOfType(r, r.checker.getTypeAtLocation(arg)), arg);
}

/** The options argument's value (`{}` when absent). */
export function optionsOf(r: TypeReader, arg: ts.Expression | undefined): { readonly [key: string]: Value } {
  return arg ? recordOf(argumentValue(r, arg)) : {};
}

function preferLiteral(tsm: typeof ts, v: Value, node: ts.Expression): Value {
  const e = skipOuter(tsm, node);
  if (v instanceof Wide) return literalOf(tsm, e) ?? v;
  if (Array.isArray(v) && tsm.isArrayLiteralExpression(e) && e.elements.length === v.length) {
    return v.map((x: Value, i) => preferLiteral(tsm, x, e.elements[i]!));
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && tsm.isObjectLiteralExpression(e)) {
    const out: Record<string, Value> = { ...(v as Record<string, Value>) };
    for (const p of e.properties) {
      if (!tsm.isPropertyAssignment(p)) continue;
      const key = p.name.getText();
      if (key in out) out[key] = preferLiteral(tsm, out[key], p.initializer);
      else if (key === 'name') out[key] = literalOf(tsm, skipOuter(tsm, p.initializer)) ?? out[key];
    }
    return out;
  }
  return v;
}

/** The value of a literal written in the source (`2`, `-3`, `'same'`, `[3, 3]`, `true`), or `undefined`. */
function literalOf(tsm: typeof ts, e: ts.Expression): Value | undefined {
  if (tsm.isNumericLiteral(e)) return Number(e.text);
  if (tsm.isStringLiteral(e) || tsm.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (e.kind === tsm.SyntaxKind.TrueKeyword) return true;
  if (e.kind === tsm.SyntaxKind.FalseKeyword) return false;
  if (tsm.isPrefixUnaryExpression(e) && e.operator === tsm.SyntaxKind.MinusToken && tsm.isNumericLiteral(e.operand)) return -Number(e.operand.text);
  if (tsm.isArrayLiteralExpression(e)) {
    const items = e.elements.map((x) => literalOf(tsm, skipOuter(tsm, x)));
    return items.every((x) => x !== undefined) ? (items as Value[]) : undefined;
  }
  return undefined;
}
