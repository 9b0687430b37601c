/** Key options of a layer as one line of text, for a picture's node: `filters 64, kernel 3, stride 2`. */

/** Options that say nothing about the graph's shapes or are shown elsewhere (the name is in the title). */
const hidden: ReadonlySet<string> = new Set(['name', 'kernelInitializer', 'biasInitializer', 'epsilon', 'momentum']);

const value = (v: unknown): string => (Array.isArray(v) ? `[${v.map(value).join(', ')}]` : typeof v === 'string' ? `'${v}'` : String(v));

/** @example optionsText({ filters: 64, kernel: [3, 3], name: 'c1' }) //=> 'filters 64, kernel [3, 3]' */
export function optionsText(options: Readonly<Record<string, unknown>>): string {
  return Object.entries(options)
    .filter(([k, v]) => !hidden.has(k) && v !== undefined && (typeof v !== 'object' || Array.isArray(v)))
    .map(([k, v]) => `${k} ${value(v)}`)
    .join(', ');
}

/** The options part of a call as the shape table renders it: `conv2d(filters 96, kernel 11)` → `filters 96, kernel 11`. */
export function callDetail(call: string): string {
  const open = call.indexOf('(');
  if (open < 0 || !call.endsWith(')')) return call;
  return call
    .slice(open + 1, -1)
    .split(/, (?![^[]*\])/)
    .filter((part) => !hidden.has(part.split(' ')[0]!))
    .join(', ');
}
