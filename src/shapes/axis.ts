/** Runtime twins of types/internal/axis.ts: per-axis lengths (SEMANTICS.md §1–4), plus the 'same' pads. */

export type AxisResult = { out: number } | { fit: [number, number] } | { pad: [number, number] } | { op: number };

/** An unknown length (−1) in, an unknown length out: the twin of `number` flowing through the type rules. */
const UNKNOWN: AxisResult = { out: -1 };

/** `d·(k − 1) + 1`. */
export const dilated = (k: number, d: number): number => d * (k - 1) + 1;

/** Twin of `ConvLength`. */
export function convLength(inLen: number, k: number, s: number, d: number, pb: number, pe: number): AxisResult {
  if (inLen < 0) return UNKNOWN;
  const ke = dilated(k, d);
  const padded = inLen + pb + pe;
  if (padded < ke) return { fit: [ke, padded] };
  return { out: Math.floor((padded - ke) / s) + 1 };
}

/** Twin of `SameLength`: `⌈in/s⌉`. */
export const sameLength = (inLen: number, s: number): AxisResult => (inLen < 0 ? UNKNOWN : { out: Math.ceil(inLen / s) });

/** TF 'same' pads `[begin, end]`: total `max((⌈in/s⌉ − 1)·s + ke − in, 0)`, the odd one at the end. */
export function samePads(inLen: number, k: number, s: number, d: number): [number, number] {
  const total = Math.max((Math.ceil(inLen / s) - 1) * s + dilated(k, d) - inLen, 0);
  const begin = Math.floor(total / 2);
  return [begin, total - begin];
}

/** Twin of `PoolLength`. */
export function poolLength(inLen: number, k: number, s: number, d: number, pb: number, pe: number, ceil: boolean): AxisResult {
  const ke = dilated(k, d);
  const half = Math.floor(ke / 2);
  if (pb > half) return { pad: [pb, half] };
  if (pe > half) return { pad: [pe, half] };
  if (inLen < 0) return UNKNOWN;
  const padded = inLen + pb + pe;
  const numerator = padded - ke + (ceil ? s - 1 : 0);
  if (numerator < 0) return { fit: [ke, padded] };
  const q = Math.floor(numerator / s);
  if (ceil) return { out: q * s < inLen + pb ? q + 1 : q };
  return { out: q + 1 };
}

/** Twin of `TransposeLength`. */
export function transposeLength(
  inLen: number,
  k: number,
  s: number,
  d: number,
  pb: number,
  pe: number,
  op: number,
): AxisResult {
  const limit = Math.max(s, d);
  if (op >= limit) return { op: limit };
  if (inLen < 0) return UNKNOWN;
  const full = (inLen - 1) * s + dilated(k, d) + op;
  const out = full - pb - pe;
  return out >= 1 ? { out } : { fit: [pb + pe, full] };
}

/** Twin of `TransposeSameLength`: `in·s`. */
export const transposeSameLength = (inLen: number, s: number): AxisResult => (inLen < 0 ? UNKNOWN : { out: inLen * s });
