/**
 * Printing for generated source: option values as TypeScript literals (`{ filters: 64, kernel: 3,
 * padding: 'same' }`, so the type checker sees literal types) and layer names as identifiers.
 */
import type { OptionValue } from '../ir.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Words an identifier cannot be (reserved in strict-mode modules, or confusing as a const name). */
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package ' +
    'private protected public await arguments eval undefined NaN Infinity').split(' '),
);

/** A single-quoted string literal. */
export const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;

/**
 * The shortest decimal of `v`; for a value that is a float32 (an ONNX or tfjs attribute read as f32), the
 * shortest one that reads back as the same float32 (`1e-5`, not `0.000009999999747378752`).
 * @example shortest(Math.fround(1e-5)) //=> '0.00001'
 */
export function shortest(v: number): string {
  if (Number.isInteger(v) || Math.fround(v) !== v) return String(v);
  for (let digits = 1; digits <= 17; digits++) {
    const text = String(Number(v.toPrecision(digits)));
    if (Math.fround(Number(text)) === v) return text;
  }
  return String(v);
}

/**
 * An option value as a TypeScript literal.
 * @example literal({ filters: 64, kernel: [3, 5], padding: 'same' }) //=> "{ filters: 64, kernel: [3, 5], padding: 'same' }"
 */
export function literal(v: OptionValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`literal: ${v} has no literal form`);
    return Object.is(v, -0) ? '0' : shortest(v);
  }
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${(v as readonly OptionValue[]).map(literal).join(', ')}]`;
  const entries = Object.entries(v as Record<string, OptionValue>);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, x]) => `${IDENTIFIER.test(k) ? k : quote(k)}: ${literal(x)}`).join(', ')} }`;
}

/**
 * A fresh identifier for `name`, unique among `taken` (which it joins): other characters become `_`, a leading
 * digit or reserved word gets a `_` prefix.
 * @example identifier('conv2d/1', new Set()) //=> 'conv2d_1'
 */
export function identifier(name: string, taken: Set<string>): string {
  let base = name.replace(/[^A-Za-z0-9_$]/g, '_');
  if (base === '' || /^[0-9]/.test(base) || RESERVED.has(base)) base = `_${base}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  taken.add(id);
  return id;
}
