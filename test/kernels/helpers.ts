/**
 * Shared helpers of the kernel tests: a seeded PRNG, random tensors, geometry builders that compute
 * output sizes from explicit pads (SEMANTICS.md §1, §3, §4), config names, and the error metric.
 *
 * Error metric (every kernel test uses it): relErr(a, b) = max_i |a_i − b_i| / max(1, max_i |b_i|),
 * b the reference. Absolute for small outputs, relative for large ones; the bound is 1e-4.
 */
import type { Conv2dGeometry, Conv2dTransposeGeometry, Pool2dGeometry } from '../../src/kernels/geometry.js';

/** The bound every comparison uses (see the metric above). */
export const TOLERANCE = 1e-4;

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [lo, hi]. */
export function int(r: () => number, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

/**
 * A random conv window — kernel 1…`kMax`, stride 1–3, dilation 1–2, pads 0–2 on each side — and input sizes that
 * fit it plus 0…`extra` pixels (the draws of the random-shape suites of the conv kernels).
 */
export function randomWindow(r: () => number, kMax = 4, extra = 7): Pick<ConvArgs, 'k' | 's' | 'd' | 'p' | 'h' | 'w'> {
  const k: [number, number] = [int(r, 1, kMax), int(r, 1, kMax)];
  const s: [number, number] = [int(r, 1, 3), int(r, 1, 3)];
  const d: [number, number] = [int(r, 1, 2), int(r, 1, 2)];
  const p: ConvArgs['p'] = [[int(r, 0, 2), int(r, 0, 2)], [int(r, 0, 2), int(r, 0, 2)]];
  const size = (ax: 0 | 1): number => Math.max(1, d[ax] * (k[ax] - 1) + 1 - p[ax][0] - p[ax][1]) + int(r, 0, extra);
  return { k, s, d, p, h: size(0), w: size(1) };
}

/** Uniform values in [−1, 1). */
export function randomData(r: () => number, n: number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = r() * 2 - 1;
  return a;
}

/** max|a − b| / max(1, max|b|), over equal-length arrays (throws on a length mismatch). */
export function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`relErr: lengths differ (${a.length} vs ${b.length})`);
  let diff = 0;
  let scale = 1;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= diff)) diff = d; // NaN-propagating max
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

/** Keeps the largest error each suite saw, printed once at the end (the report quotes these). */
export class ErrorLog {
  max = 0;
  count = 0;
  constructor(readonly label: string) {}
  add(e: number): number {
    this.count++;
    if (!(e <= this.max)) this.max = e;
    return e;
  }
  print(): void {
    console.log(`[${this.label}] ${this.count} comparisons, max relErr ${this.max.toExponential(2)}`);
  }
}

/** Pads `[[top, bottom], [left, right]]`. */
export type Pads = readonly [readonly [number, number], readonly [number, number]];

/** Conv output length per axis: ⌊(in + pb + pe − d(k − 1) − 1)/s⌋ + 1. */
export function convOut(input: number, k: number, s: number, d: number, pb: number, pe: number): number {
  return Math.floor((input + pb + pe - d * (k - 1) - 1) / s) + 1;
}

/** Arguments of the test geometry builders. */
export interface ConvArgs {
  readonly batch: number;
  readonly h: number;
  readonly w: number;
  readonly c: number;
  readonly outC: number;
  readonly k: readonly [number, number];
  readonly s: readonly [number, number];
  readonly d: readonly [number, number];
  readonly p: Pads;
  readonly groups?: number;
}

/** ONNX Conv's attributes for a conv of `a` (geometry `g`): ONNX lists pads as [top, left, bottom, right]. */
export function onnxConvAttributes(a: ConvArgs, g: Conv2dGeometry): Record<string, number[] | number> {
  return {
    kernel_shape: [g.kernelH, g.kernelW],
    strides: [g.strideH, g.strideW],
    dilations: [g.dilationH, g.dilationW],
    pads: [a.p[0][0], a.p[1][0], a.p[0][1], a.p[1][1]],
    group: g.groups,
  };
}

/** A conv record with output sizes computed from explicit pads. */
export function convGeometry(a: ConvArgs): Conv2dGeometry {
  return {
    batch: a.batch,
    inH: a.h,
    inW: a.w,
    inC: a.c,
    outH: convOut(a.h, a.k[0], a.s[0], a.d[0], a.p[0][0], a.p[0][1]),
    outW: convOut(a.w, a.k[1], a.s[1], a.d[1], a.p[1][0], a.p[1][1]),
    outC: a.outC,
    kernelH: a.k[0],
    kernelW: a.k[1],
    strideH: a.s[0],
    strideW: a.s[1],
    dilationH: a.d[0],
    dilationW: a.d[1],
    padTop: a.p[0][0],
    padLeft: a.p[1][0],
    groups: a.groups ?? 1,
  };
}

/** A transposed-conv record: out = (in − 1)·s − pb − pe + d(k − 1) + op + 1. */
export function convTransposeGeometry(a: ConvArgs & { readonly op: readonly [number, number] }): Conv2dTransposeGeometry {
  const out = (i: number, ax: 0 | 1): number => (i - 1) * a.s[ax] - a.p[ax][0] - a.p[ax][1] + a.d[ax] * (a.k[ax] - 1) + a.op[ax] + 1;
  return {
    batch: a.batch,
    inH: a.h,
    inW: a.w,
    inC: a.c,
    outH: out(a.h, 0),
    outW: out(a.w, 1),
    outC: a.outC,
    kernelH: a.k[0],
    kernelW: a.k[1],
    strideH: a.s[0],
    strideW: a.s[1],
    dilationH: a.d[0],
    dilationW: a.d[1],
    padTop: a.p[0][0],
    padLeft: a.p[1][0],
  };
}

/** Pool output length per axis with the ceil correction of SEMANTICS.md §4. */
export function poolOut(input: number, k: number, s: number, d: number, pb: number, pe: number, ceil: boolean): number {
  const ke = d * (k - 1) + 1;
  let out = Math.floor((input + pb + pe - ke + (ceil ? s - 1 : 0)) / s) + 1;
  if (ceil && (out - 1) * s >= input + pb) out--;
  return out;
}

/** A pooling record. */
/** What a pooling configuration is made of, before its output sizes are derived. */
export interface PoolArgs {
  readonly batch: number;
  readonly h: number;
  readonly w: number;
  readonly c: number;
  readonly k: readonly [number, number];
  readonly s: readonly [number, number];
  readonly d: readonly [number, number];
  readonly p: Pads;
  readonly ceil: boolean;
  readonly countIncludePad: boolean;
}

export function poolGeometry(a: PoolArgs): Pool2dGeometry {
  return {
    batch: a.batch,
    inH: a.h,
    inW: a.w,
    channels: a.c,
    outH: poolOut(a.h, a.k[0], a.s[0], a.d[0], a.p[0][0], a.p[0][1], a.ceil),
    outW: poolOut(a.w, a.k[1], a.s[1], a.d[1], a.p[1][0], a.p[1][1], a.ceil),
    kernelH: a.k[0],
    kernelW: a.k[1],
    strideH: a.s[0],
    strideW: a.s[1],
    dilationH: a.d[0],
    dilationW: a.d[1],
    padTop: a.p[0][0],
    padLeft: a.p[1][0],
    padBottom: a.p[0][1],
    padRight: a.p[1][1],
    countIncludePad: a.countIncludePad,
  };
}

function pair(v: readonly [number, number]): string {
  return v[0] === v[1] ? `${v[0]}` : `[${v[0]},${v[1]}]`;
}

/** Test name of a conv config, tfjs style: `x=[1,9,9,3] f=[3,3,3,8] s=2 d=1 p=[[1,0],[0,1]] g=1`. */
export function convName(a: ConvArgs, extra = ''): string {
  const g = a.groups ?? 1;
  return (
    `x=[${a.batch},${a.h},${a.w},${a.c}] f=[${a.k[0]},${a.k[1]},${a.c / g},${a.outC}] ` +
    `s=${pair(a.s)} d=${pair(a.d)} p=[[${a.p[0].join(',')}],[${a.p[1].join(',')}]] g=${g}${extra}`
  );
}

/** A conv config from positional sizes; a number for k, s or d means the same on both axes. */
export function convArgs(
  batch: number, h: number, w: number, ch: number, outC: number,
  k: number | [number, number], s: number | [number, number], d: number | [number, number], p: Pads, groups = 1,
): ConvArgs {
  const two = (v: number | [number, number]): [number, number] => (typeof v === 'number' ? [v, v] : v);
  return { batch, h, w, c: ch, outC, k: two(k), s: two(s), d: two(d), p, groups };
}

/**
 * A random valid pooling: pads ≤ ⌊ke/2⌋ (PyTorch's rule), so every window overlaps the input; with `ort`,
 * also pads < k (onnxruntime's "Pad should be smaller than kernel", undilated k).
 */
export function randomPool(r: () => number, dilation: boolean, ort = false, maxChannels = 6): PoolArgs {
  const k: [number, number] = [int(r, 1, 4), int(r, 1, 4)];
  const s: [number, number] = [int(r, 1, 3), int(r, 1, 3)];
  const d: [number, number] = dilation ? [int(r, 1, 3), int(r, 1, 3)] : [1, 1];
  const half = (ax: 0 | 1): number => Math.min(Math.floor((d[ax] * (k[ax] - 1) + 1) / 2), ort ? k[ax] - 1 : Infinity);
  const p: Pads = [[int(r, 0, half(0)), int(r, 0, half(0))], [int(r, 0, half(1)), int(r, 0, half(1))]];
  const size = (ax: 0 | 1): number => d[ax] * (k[ax] - 1) + 1 + int(r, 0, 8);
  return { batch: int(r, 1, 2), h: size(0), w: size(1), c: int(r, 1, maxChannels), k, s, d, p, ceil: r() < 0.5, countIncludePad: r() < 0.5 };
}
