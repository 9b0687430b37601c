/** Small validators shared by the format readers: shapes, element counts, plain objects. */

/** Rank limit of a stored tensor; anything above is a lying header, not a network weight. */
export const MAX_RANK = 32;

/** A JSON object that is not an array or null. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `[2, 3]` for messages; anything else JSON-ish, clipped. */
export function show(v: unknown): string {
  if (Array.isArray(v) && v.length <= 8 && v.every((d) => typeof d === 'number')) return `[${v.join(', ')}]`;
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/**
 * The problem with `shape` as a list of dims, or undefined if it is one: an array of at most MAX_RANK
 * non-negative safe integers.
 */
export function shapeProblem(shape: unknown): string | undefined {
  if (!Array.isArray(shape)) return `shape is not an array (got ${show(shape)}, expected a list of dims)`;
  if (shape.length > MAX_RANK) return `shape has rank ${shape.length} (expected at most ${MAX_RANK})`;
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      return `shape has an invalid dim (got ${show(shape)}, expected non-negative integers)`;
    }
  }
  return undefined;
}

/**
 * Elements of a valid shape, or undefined if their number times `itemSize` bytes is not a safe integer
 * (2^52 × 2^52 must not become a float that happens to equal a byte count).
 */
export function elementCount(shape: readonly number[], itemSize: number): number | undefined {
  let n = 1;
  for (const d of shape) if (d === 0) return 0;
  for (const d of shape) {
    n *= d;
    if (n * itemSize > Number.MAX_SAFE_INTEGER) return undefined;
  }
  return n;
}

/** A byte view of an ArrayBuffer (any realm), SharedArrayBuffer or typed array; undefined for anything else. */
export function toBytes(x: unknown): Uint8Array | undefined {
  if (ArrayBuffer.isView(x)) return x instanceof Uint8Array ? x : new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  const tag = Object.prototype.toString.call(x);
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') return new Uint8Array(x as ArrayBuffer);
  return undefined;
}
