/**
 * Geometry records: everything a kernel needs to know about one layer's shapes, as plain numbers.
 *
 * Contract: the ops layer computes every output size with the shape rules of SEMANTICS.md (floor or
 * ceil mode, 'same', output padding, …) and fills these records; kernels TRUST them and never
 * re-derive sizes. Padding at the end (bottom/right) is implied by the output size: a window tap that
 * falls outside `[0, in)` reads zero (conv) or is skipped (pooling). All fields are integers ≥ 1
 * except pads (≥ 0). `assert*Geometry` checks that a record is well formed, for callers and tests.
 */

/** Kernel window along both spatial axes: size, stride, dilation and leading padding. */
export interface Window2d {
  readonly kernelH: number;
  readonly kernelW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly dilationH: number;
  readonly dilationW: number;
  /** Zero padding before row 0; the bottom padding is implied by `outH`. */
  readonly padTop: number;
  /** Zero padding before column 0; the right padding is implied by `outW`. */
  readonly padLeft: number;
}

/**
 * A 2-D convolution: input `[batch, inH, inW, inC]` (NHWC), kernel `[kernelH, kernelW, inC/groups, outC]`
 * (HWIO), output `[batch, outH, outW, outC]`. Output `(oy, ox)` reads input rows
 * `oy·strideH − padTop + ky·dilationH`. Group g reads channels `[g·inC/G, (g+1)·inC/G)` and writes
 * `[g·outC/G, (g+1)·outC/G)`.
 * @example { batch: 1, inH: 227, inW: 227, inC: 3, outH: 55, outW: 55, outC: 96, kernelH: 11, kernelW: 11, strideH: 4, strideW: 4, dilationH: 1, dilationW: 1, padTop: 0, padLeft: 0, groups: 1 }
 */
export interface Conv2dGeometry extends Window2d {
  readonly batch: number;
  readonly inH: number;
  readonly inW: number;
  readonly inC: number;
  readonly outH: number;
  readonly outW: number;
  readonly outC: number;
  readonly groups: number;
}

/**
 * A 2-D transposed convolution (groups = 1): input `[batch, inH, inW, inC]`, kernel
 * `[kernelH, kernelW, outC, inC]` (TF layout), output `[batch, outH, outW, outC]`. Input `(iy, ix)`
 * adds into output rows `iy·strideH − padTop + ky·dilationH`; the caller sizes the output as
 * `(in − 1)·s − pb − pe + d·(k − 1) + op + 1`, so output padding and end padding live in `outH`/`outW`.
 * @example { batch: 1, inH: 4, inW: 4, inC: 8, outH: 8, outW: 8, outC: 3, kernelH: 3, kernelW: 3, strideH: 2, strideW: 2, dilationH: 1, dilationW: 1, padTop: 1, padLeft: 1 }
 */
export interface Conv2dTransposeGeometry extends Window2d {
  readonly batch: number;
  readonly inH: number;
  readonly inW: number;
  readonly inC: number;
  readonly outH: number;
  readonly outW: number;
  readonly outC: number;
}

/**
 * A 2-D pooling: input `[batch, inH, inW, channels]`, output `[batch, outH, outW, channels]`.
 * Ceil mode is expressed by the caller's `outH`/`outW`. Max pooling skips out-of-bounds taps (−∞
 * padding). Average pooling divides by the in-bounds cells, or with `countIncludePad` by the cells
 * inside `[−padTop, inH + padBottom) × [−padLeft, inW + padRight)` — input plus explicit padding but
 * NOT the ceil-mode overhang (PyTorch's `count_include_pad`, SEMANTICS.md §4).
 * @example { batch: 1, inH: 5, inW: 5, channels: 2, outH: 3, outW: 3, kernelH: 2, kernelW: 2, strideH: 2, strideW: 2, dilationH: 1, dilationW: 1, padTop: 1, padLeft: 1, padBottom: 1, padRight: 1, countIncludePad: true }
 */
export interface Pool2dGeometry extends Window2d {
  readonly batch: number;
  readonly inH: number;
  readonly inW: number;
  readonly channels: number;
  readonly outH: number;
  readonly outW: number;
  /** Explicit end padding; used only by average pooling with `countIncludePad`. */
  readonly padBottom: number;
  readonly padRight: number;
  readonly countIncludePad: boolean;
}

/**
 * A dense layer: input `[batch, inFeatures]`, kernel `[inFeatures, units]`, output `[batch, units]`.
 * @example { batch: 1, inFeatures: 4096, units: 1000 }
 */
export interface DenseGeometry {
  readonly batch: number;
  readonly inFeatures: number;
  readonly units: number;
}

function positiveInts(kernel: string, record: object, names: readonly string[]): void {
  const r = record as Record<string, unknown>;
  for (const n of names) {
    const v = r[n];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      throw new Error(`${kernel}: ${n} must be an integer ≥ 1 (got ${String(v)})`);
    }
  }
}

function nonNegativeInts(kernel: string, record: object, names: readonly string[]): void {
  const r = record as Record<string, unknown>;
  for (const n of names) {
    const v = r[n];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new Error(`${kernel}: ${n} must be an integer ≥ 0 (got ${String(v)})`);
    }
  }
}

const SIZES = ['batch', 'inH', 'inW', 'inC', 'outH', 'outW', 'outC'] as const;
const WINDOW = ['kernelH', 'kernelW', 'strideH', 'strideW', 'dilationH', 'dilationW'] as const;
const PADS = ['padTop', 'padLeft'] as const;

/**
 * Throws a sentence if `g` is not a well-formed conv record (integers, group divisibility).
 * @example assertConv2dGeometry({ ...g, groups: 5 }) // throws "conv2d: groups 5 must divide inC 96 and outC 256"
 */
export function assertConv2dGeometry(g: Conv2dGeometry): void {
  positiveInts('conv2d', g, [...SIZES, ...WINDOW, 'groups']);
  nonNegativeInts('conv2d', g, PADS);
  if (g.inC % g.groups !== 0 || g.outC % g.groups !== 0) {
    throw new Error(`conv2d: groups ${g.groups} must divide inC ${g.inC} and outC ${g.outC}`);
  }
}

/** Throws a sentence if `g` is not a well-formed transposed-conv record. */
export function assertConv2dTransposeGeometry(g: Conv2dTransposeGeometry): void {
  positiveInts('conv2dTranspose', g, [...SIZES, ...WINDOW]);
  nonNegativeInts('conv2dTranspose', g, PADS);
}

/** Throws a sentence if `g` is not a well-formed pooling record. */
export function assertPool2dGeometry(g: Pool2dGeometry): void {
  positiveInts('pool2d', g, ['batch', 'inH', 'inW', 'channels', 'outH', 'outW', ...WINDOW]);
  nonNegativeInts('pool2d', g, [...PADS, 'padBottom', 'padRight']);
}

/** Throws a sentence if `g` is not a well-formed dense record. */
export function assertDenseGeometry(g: DenseGeometry): void {
  positiveInts('dense', g, ['batch', 'inFeatures', 'units']);
}

/**
 * Multiply-accumulates of a conv (SEMANTICS.md §6); FLOPs = 2·MACs.
 * @example conv2dMacs(alexnetConv1) //=> 105415200
 */
export function conv2dMacs(g: Conv2dGeometry): number {
  return g.batch * g.outH * g.outW * g.outC * (g.inC / g.groups) * g.kernelH * g.kernelW;
}
