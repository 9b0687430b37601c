/**
 * Shared helpers of the executor tests (test/model): a seeded PRNG, random tensors, the error metric,
 * a per-layer-kind error log, configuration names, and the reference side — padding options turned into
 * ONNX pads by the rules of SEMANTICS.md written out here again (never imported from src/), and one runner
 * that feeds an NHWC tensor through an ONNX graph on onnxruntime-node and hands the result back in NHWC.
 *
 * Error metric: relErr(a, ref) = max_i |a_i − ref_i| / max(1, max_i |ref_i|) — absolute for small
 * outputs, relative for large ones. Every numeric comparison in test/model bounds it by 1e-4.
 */
import {
  hwioToOihw,
  nchwToNhwc,
  nhwcToNchw,
  runOnnxGraph,
  type AttributeValue,
  type NamedTensor,
  type OnnxNode,
} from '../reference/onnx.js';

import { rng, TOLERANCE } from '../kernels/helpers.js';

/** The bound of every engine comparison and the seeded generator: the kernel tests' (see the metric above). */
export { rng, TOLERANCE };

// ---------- random numbers ----------

/** An integer in [lo, hi]. */
export const int = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

/** One element of `xs`. */
export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Uniform values in [−scale, scale). */
export function randomData(r: () => number, n: number, scale = 1): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = (r() * 2 - 1) * scale;
  return a;
}

export const sizeOf = (dims: readonly number[]): number => dims.reduce((a, b) => a * b, 1);

// ---------- error metric and log ----------

/** max|a − ref| / max(1, max|ref|); NaN anywhere makes it NaN (so `≤ bound` fails). */
export function relErr(a: ArrayLike<number>, ref: ArrayLike<number>): number {
  if (a.length !== ref.length) throw new Error(`relErr: lengths differ (got ${a.length}, reference ${ref.length})`);
  let diff = 0;
  let scale = 1;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - ref[i]!);
    if (!(d <= diff)) diff = d;
    scale = Math.max(scale, Math.abs(ref[i]!));
  }
  return diff / scale;
}

/** The largest error seen per layer kind; `print()` writes one table (the report quotes it). */
export class ErrorLog {
  private readonly rows = new Map<string, { max: number; count: number; worst: string }>();
  constructor(readonly title: string) {}
  add(kind: string, err: number, name: string): number {
    const row = this.rows.get(kind) ?? { max: 0, count: 0, worst: '' };
    row.count++;
    if (!(err <= row.max)) {
      row.max = err;
      row.worst = name;
    }
    this.rows.set(kind, row);
    return err;
  }
  print(): void {
    const lines = [...this.rows].map(([k, r]) => `  ${k.padEnd(22)} ${String(r.count).padStart(4)} cases  max ${r.max.toExponential(2)}  (${r.worst})`);
    console.log(`${this.title}: max relErr per layer kind\n${lines.join('\n')}`);
  }
}

// ---------- configuration names ----------

export type Pair = number | readonly [number, number];
export type Padding = number | readonly [number, number] | readonly [readonly [number, number], readonly [number, number]] | 'valid' | 'same';

export const two = (v: Pair | undefined, dflt: number): [number, number] =>
  v === undefined ? [dflt, dflt] : typeof v === 'number' ? [v, v] : [v[0], v[1]];

/** `2` or `[1,2]`; arrays without spaces, as the config names use them. */
export function fmt(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map(fmt).join(',')}]`;
  return String(v);
}

/** `[a,a]` → `a`, so names stay short. */
export const fmtPair = (v: [number, number]): string => (v[0] === v[1] ? String(v[0]) : fmt(v));

// ---------- padding → ONNX pads (SEMANTICS.md §1, §4, written out independently of src/) ----------

/** Per-axis `[begin, end]` pads of a non-'same' padding option. */
export function explicitPads(p: Padding | undefined): [[number, number], [number, number]] {
  if (p === undefined || p === 'valid') return [[0, 0], [0, 0]];
  if (p === 'same') throw new Error('explicitPads: same needs the input size');
  if (typeof p === 'number') return [[p, p], [p, p]];
  const [a, b] = p;
  if (typeof a === 'number' && typeof b === 'number') return [[a, a], [b, b]];
  return [[(a as readonly number[])[0]!, (a as readonly number[])[1]!], [(b as readonly number[])[0]!, (b as readonly number[])[1]!]];
}

/** TF 'same' on one axis: `T = max((⌈in/s⌉ − 1)·s + ke − in, 0)`, `[⌊T/2⌋, T − ⌊T/2⌋]`. */
export function sameAxisPads(len: number, k: number, s: number, d: number): [number, number] {
  const ke = d * (k - 1) + 1;
  const t = Math.max((Math.ceil(len / s) - 1) * s + ke - len, 0);
  return [Math.floor(t / 2), t - Math.floor(t / 2)];
}

/** `[[top, bottom], [left, right]]` for any padding option on an `h × w` input. */
export function padsFor(p: Padding | undefined, h: number, w: number, k: [number, number], s: [number, number], d: [number, number]) {
  if (p === 'same') return [sameAxisPads(h, k[0], s[0], d[0]), sameAxisPads(w, k[1], s[1], d[1])] as [[number, number], [number, number]];
  return explicitPads(p);
}

/** ONNX `pads` order: `[top, left, bottom, right]`. */
export const onnxPads = (p: [[number, number], [number, number]]): number[] => [p[0][0], p[1][0], p[0][1], p[1][1]];

// ---------- the reference runner ----------

/** An activation after the layer: the DSL method name, or none. */
export type Act = 'none' | 'relu' | 'sigmoid' | 'tanh' | 'softmax';

const ONNX_ACT: Record<Exclude<Act, 'none'>, string> = { relu: 'Relu', sigmoid: 'Sigmoid', tanh: 'Tanh', softmax: 'Softmax' };

/**
 * Runs `nodes` (reading graph input `x`, writing `y0`) then the activation (→ `y`) on onnxruntime-node.
 * `x` is NHWC (rank 4) or `[N, F]`; rank-4 data is converted to NCHW on the way in and back on the way out,
 * and Softmax uses axis 1 (the channels of NCHW, the last axis of NHWC and of `[N, F]`).
 */
export async function runReference(
  x: { dims: readonly number[]; data: Float32Array },
  nodes: readonly OnnxNode[],
  initializers: readonly NamedTensor[],
  act: Act = 'none',
): Promise<{ dims: readonly number[]; data: Float32Array }> {
  const image = x.dims.length === 4;
  const input = image ? nhwcToNchw(x) : x;
  const all: OnnxNode[] = [...nodes];
  let out = 'y0';
  if (act !== 'none') {
    const attributes: Record<string, AttributeValue> = act === 'softmax' ? { axis: 1 } : {};
    all.push({ opType: ONNX_ACT[act], inputs: ['y0'], outputs: ['y'], attributes });
    out = 'y';
  }
  const result = (await runOnnxGraph({ nodes: all, inputs: [{ name: 'x', dims: input.dims, data: input.data }], initializers, outputs: [out] }))[out]!;
  return result.dims.length === 4 ? nchwToNhwc(result) : result;
}

/** ONNX `W` of Conv from our HWIO kernel `[kh, kw, in/groups, out]`. */
export const convW = (kernel: { shape: readonly number[]; data: Float32Array }): NamedTensor => ({ name: 'w', ...hwioToOihw({ dims: kernel.shape, data: kernel.data }) });

/** A 1-D named tensor (bias). */
export const vec = (name: string, data: Float32Array): NamedTensor => ({ name, dims: [data.length], data });

/** Deterministic smooth input (no PRNG): used where a test wants "one fixed image". */
export function pattern(n: number, phase = 0): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + phase) * 0.8 + Math.cos(i * 0.011) * 0.2);
}
