/**
 * Reads the values of typed options back out of their types: `{ readonly filters: 96; readonly kernel: readonly
 * [3, 3] }` → `{ filters: 96, kernel: [3, 3] }`, and renders them compactly (`filters 96, kernel [3, 3]`).
 *
 * A type that is not one literal value (`number`, `string`, a union) becomes a `Wide` holding its printed type, so
 * the rest of the CLI can tell "the checker knows 96" from "the checker only knows `number`".
 */
import type { ts } from 'ts-morph';

/** A value the type does not pin down; `text` is how TypeScript prints the type (`number`). */
export class Wide {
  constructor(readonly text: string) {}
}

/** An option value as read from its type. */
export type Value = number | string | boolean | undefined | Wide | readonly Value[] | { readonly [key: string]: Value };

/** Context for reading types: the checker and the `ts` namespace (flags), both from ts-morph. */
export interface TypeReader {
  readonly ts: typeof ts;
  readonly checker: ts.TypeChecker;
}

const isRecord = (v: Value): v is { readonly [key: string]: Value } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Wide);

/** The value a type stands for (see the file header); `depth` guards against recursive types. */
export function valueOfType(r: TypeReader, type: ts.Type, depth = 0): Value {
  const { ts, checker } = r;
  const f = type.flags;
  if (f & ts.TypeFlags.NumberLiteral) return (type as ts.NumberLiteralType).value;
  if (f & ts.TypeFlags.StringLiteral) return (type as ts.StringLiteralType).value;
  if (f & ts.TypeFlags.BooleanLiteral) return checker.typeToString(type) === 'true';
  if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return undefined;
  if (depth > 6) return new Wide(checker.typeToString(type));
  if (checker.isTupleType(type)) {
    return checker.getTypeArguments(type as ts.TypeReference).map((t) => valueOfType(r, t, depth + 1));
  }
  if (f & ts.TypeFlags.Object && !checker.isArrayType(type) && type.getCallSignatures().length === 0) {
    const out: Record<string, Value> = {};
    for (const p of checker.getPropertiesOfType(type)) {
      const v = valueOfType(r, checker.getTypeOfSymbol(p), depth + 1);
      // An optional property the literal does not set reads as `T | undefined`: leave it out.
      if (p.flags & ts.SymbolFlags.Optional && (v === undefined || v instanceof Wide)) continue;
      out[p.name] = v;
    }
    return out;
  }
  return new Wide(checker.typeToString(type));
}

/** Properties of an options value (an empty record for anything else). */
export function recordOf(v: Value): { readonly [key: string]: Value } {
  return isRecord(v) ? v : {};
}

/** Does the value contain a `Wide` anywhere? */
export function hasWide(v: Value): boolean {
  if (v instanceof Wide) return true;
  if (Array.isArray(v)) return v.some(hasWide);
  if (isRecord(v)) return Object.values(v).some(hasWide);
  return false;
}

/** `96`, `'same'`, `[3, 3]`, `true`, `number`. */
export function renderValue(v: Value): string {
  if (v instanceof Wide) return v.text;
  if (Array.isArray(v)) return `[${v.map(renderValue).join(', ')}]`;
  if (typeof v === 'string') return `'${v}'`;
  if (isRecord(v)) return `{ ${renderOptions(v)} }`;
  return String(v);
}

/** `filters 96, kernel 11, stride 4`: every option but `name` (shown in its own column) and initialisers. */
export function renderOptions(options: { readonly [key: string]: Value }, skip: ReadonlySet<string> = hidden): string {
  return Object.entries(options)
    .filter(([k]) => !skip.has(k))
    .map(([k, v]) => `${k} ${renderValue(v)}`)
    .join(', ');
}

/** Options left out of the compact call: the name has a column, initialisers say nothing about shapes. */
const hidden: ReadonlySet<string> = new Set(['name', 'kernelInitializer', 'biasInitializer']);

/** The JS value to hand a runtime shape rule, or `undefined` if some part is `Wide`. */
export function plainOptions(v: Value): Record<string, unknown> | undefined {
  if (hasWide(v)) return undefined;
  return { ...recordOf(v) };
}
