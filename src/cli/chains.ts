/**
 * Groups builder calls into chains: a call joins the chain of every tensor it is called on or given, whether that
 * tensor is written inline (`x.conv2d(…).relu()`) or through a variable (`const c1 = images.apply(conv1)` …
 * `c1.apply(pool1)`). A chain is then one model, or a part of one that the file builds separately.
 */
import type { ts } from 'ts-morph';
import { type BuilderCall, skipOuter } from './calls.js';

/** A chain: its calls in report order and the top-level declarations they sit in. */
export interface Chain {
  readonly calls: readonly BuilderCall[];
  readonly names: readonly string[];
}

/** Connected components of `calls` (given in report order), ordered by their first call. */
export function chainsOf(tsm: typeof ts, checker: ts.TypeChecker, calls: readonly BuilderCall[]): Chain[] {
  const index = new Map<ts.Node, number>(calls.map((c, i) => [c.node, i]));
  const parent = calls.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  calls.forEach((call, i) => {
    for (const e of tensorInputs(tsm, call)) {
      const j = producer(tsm, checker, index, e, 0);
      if (j !== undefined) union(i, j);
    }
  });
  const groups = new Map<number, BuilderCall[]>();
  calls.forEach((call, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(call);
    groups.set(root, list);
  });
  return [...groups.values()].map((list) => ({ calls: list, names: unique(list.map((c) => topLevelName(tsm, c.node)).filter((n) => n !== undefined)) }));
}

/** The expressions a call takes tensors from: the receiver of a method, the tensor arguments of add/concat/multiply. */
export function tensorInputs(tsm: typeof ts, call: BuilderCall): ts.Expression[] {
  const callee = skipOuter(tsm, call.node.expression);
  if (call.isMethod && tsm.isPropertyAccessExpression(callee)) return [callee.expression];
  return call.node.arguments.flatMap((a) => {
    const e = skipOuter(tsm, a);
    return tsm.isArrayLiteralExpression(e) ? [...e.elements] : [e];
  });
}

/** The index of the builder call that produced expression `e` (directly or through `const` variables). */
export function producer(tsm: typeof ts, checker: ts.TypeChecker, index: ReadonlyMap<ts.Node, number>, e: ts.Expression, depth: number): number | undefined {
  if (depth > 20) return undefined;
  const x = skipOuter(tsm, e);
  const direct = index.get(x);
  if (direct !== undefined) return direct;
  if (!tsm.isIdentifier(x)) return undefined;
  const declaration = checker.getSymbolAtLocation(x)?.valueDeclaration;
  if (declaration && tsm.isVariableDeclaration(declaration) && declaration.initializer) {
    return producer(tsm, checker, index, declaration.initializer, depth + 1);
  }
  return undefined;
}

/** The name of the outermost declaration (`const c1`, `function alexnet`) around `node`, if it has one. */
function topLevelName(tsm: typeof ts, node: ts.Node): string | undefined {
  let name: string | undefined;
  for (let n: ts.Node | undefined = node; n && !tsm.isSourceFile(n); n = n.parent) {
    if ((tsm.isVariableDeclaration(n) || tsm.isFunctionDeclaration(n) || tsm.isClassDeclaration(n)) && n.name && tsm.isIdentifier(n.name)) {
      name = n.name.text;
    }
  }
  return name;
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
