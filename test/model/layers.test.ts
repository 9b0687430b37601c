/**
 * The executor, one layer at a time, against a real engine: hundreds of random single-layer models (and
 * layer + activation, which the planner fuses into the conv/dense epilogue) built with the public DSL —
 * `input([H, W, C]) → layer → model(x, y, { seed }) → run(tensor([B, H, W, C], data))` — and the same layer
 * run by onnxruntime-node 1.30 (CPU, graph optimisations off) on the SAME weights, read from `m.weights`
 * and converted HWIO → OIHW / NHWC → NCHW here (test/reference/layout.ts).
 *
 * Error metric: max|ours − ORT| / max(1, max|ORT|) ≤ 1e-4 for every case (helpers.ts `relErr`); the output
 * shape must equal ORT's exactly. Tests are named by configuration:
 *   conv2d x=[B,H,W,C] k=[kh,kw] f=F s=S d=D p=P g=G        (S, D as `n` or `[h,w]`; P as given to the DSL)
 *
 * Where the reference needs more than one ONNX node, it says so:
 * - conv2d 'same' at dilation 1 → ORT auto_pad SAME_UPPER. ORT refuses SAME_UPPER with dilation
 *   ("Dilation not supported for AutoPadType::SAME_UPPER"), so dilated 'same' gets explicit pads computed
 *   from SEMANTICS.md §1 in helpers.ts (`sameAxisPads`, written independently of src/).
 * - conv2dTranspose 'same' → ORT auto_pad SAME_UPPER, which agrees with Keras' `in·s` (crop ⌊T/2⌋ at the
 *   start) whenever the dilated kernel is at least the stride. When `d(k−1)+1 < s` ORT returns
 *   `(in−1)·s + ke` instead of `in·s` (e.g. in=3 k=1 s=2 → 5, not 6): those configurations are not generated
 *   here (ORT is not a reference for them).
 * - conv2dTranspose with `outputPadding ≥ stride` (allowed by SEMANTICS.md §3 when dilation > stride; ORT
 *   refuses it) runs ConvTranspose without output_padding, then ONNX Pad (zeros at the end) and Add(bias):
 *   the extra rows lie past the full output, so they hold the bias only.
 * - maxPool2d: ORT requires explicit pads < kernel_shape (the undilated size), stricter than our
 *   p ≤ ⌊ke/2⌋. 'same' pools use ORT's SAME_UPPER except with dilation (ORT's then gives other sizes:
 *   in=6 k=3 d=2 s=2 → 2, not ⌈6/2⌉ = 3) and when k < s (ORT does not clamp T at 0 and refuses the
 *   negative pads): there they get explicit pads from SEMANTICS.md §1.
 * - dense after flatten: NCHW → Transpose(0,2,3,1) → Flatten → Gemm, so ORT checks our NHWC flatten order.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { input, model, tensor, type Initializer, type Shape, type SymbolicTensor } from '../../src/index.js';
import { convTransposeKernelToOnnx, type NamedTensor, type OnnxNode } from '../reference/onnx.js';
import {
  convW,
  ErrorLog,
  explicitPads,
  fmt,
  fmtPair,
  int,
  onnxPads,
  padsFor,
  pick,
  randomData,
  relErr,
  rng,
  runReference,
  sizeOf,
  TOLERANCE,
  vec,
  type Act,
  type Padding,
} from './helpers.js';

const log = new ErrorLog('layers.test.ts vs onnxruntime-node');
afterAll(() => log.print());

type Sym = SymbolicTensor<Shape>;
type P2 = [number, number];
const square2 = (v: number): P2 => [v, v];

/** Bias values that matter (the default bias initialiser is zeros). */
const BIAS: Initializer = { kind: 'truncatedNormal', stddev: 0.5 };
const KERNEL_INITS: readonly Initializer[] = ['glorotUniform', 'heNormal', { kind: 'truncatedNormal', stddev: 0.3 }];

function activate(t: Sym, act: Act): Sym {
  switch (act) {
    case 'none':
      return t;
    case 'relu':
      return t.relu() as unknown as Sym;
    case 'sigmoid':
      return t.sigmoid() as unknown as Sym;
    case 'tanh':
      return t.tanh() as unknown as Sym;
    case 'softmax':
      return t.softmax() as unknown as Sym;
  }
}

const actSuffix = (act: Act): string => (act === 'none' ? '' : ` +${act}`);

/** Runs `m` on NHWC `x` of `dims` and compares with `ref`; records the error under `kind`. */
function compare(kind: string, name: string, ours: { shape: readonly number[]; data: Float32Array }, ref: { dims: readonly number[]; data: Float32Array }): void {
  expect([...ours.shape]).toEqual([...ref.dims]);
  const e = log.add(kind, relErr(ours.data, ref.data), name);
  expect(e).toBeLessThanOrEqual(TOLERANCE);
}

/** Unique names: a random configuration that repeats an earlier one is drawn again. */
function unique<T>(count: number, draw: () => T, name: (t: T) => string, taken: Set<string>): T[] {
  const out: T[] = [];
  while (out.length < count) {
    const c = draw();
    if (taken.has(name(c))) continue;
    taken.add(name(c));
    out.push(c);
  }
  return out;
}

// ─── conv2d ─────────────────────────────────────────────────────────────────────────────────────────

interface ConvCase {
  batch: number;
  h: number;
  w: number;
  c: number;
  filters: number;
  k: P2;
  s: P2;
  d: P2;
  p: Padding;
  groups: number;
  useBias: boolean;
  act: Act;
}

const conv = (batch: number, h: number, w: number, c: number, filters: number, k: number | P2, s: number | P2, d: number | P2, p: Padding, groups = 1, act: Act = 'none', useBias = true): ConvCase => {
  const t = (v: number | P2): P2 => (typeof v === 'number' ? [v, v] : v);
  return { batch, h, w, c, filters, k: t(k), s: t(s), d: t(d), p, groups, useBias, act };
};

const convName = (c: ConvCase): string =>
  `conv2d x=[${c.batch},${c.h},${c.w},${c.c}] k=${fmt(c.k)} f=${c.filters} s=${fmtPair(c.s)} d=${fmtPair(c.d)} p=${fmt(c.p)} g=${c.groups}` +
  (c.useBias ? '' : ' bias=false') +
  actSuffix(c.act);

const CONV_GOLDEN: ConvCase[] = [
  conv(2, 9, 9, 3, 8, 3, 2, 1, [[1, 0], [0, 1]]),
  conv(1, 27, 27, 3, 6, 11, 4, 1, 0), // AlexNet conv1 geometry, small
  conv(2, 12, 10, 4, 5, [1, 7], [1, 2], 1, [0, 3]),
  conv(1, 10, 9, 5, 4, [5, 2], [2, 1], [1, 2], [[2, 0], [1, 1]]),
  conv(1, 6, 6, 2, 3, 3, 1, 1, 'valid'),
  conv(1, 1, 1, 3, 2, 1, 1, 1, 0), // 1×1 image
  conv(2, 3, 3, 2, 4, 3, 1, 1, 0), // kernel = input (→ 1×1)
  // 'same' at strides 1..3, odd and even inputs, with and without dilation
  conv(1, 7, 7, 3, 4, 3, 1, 1, 'same'),
  conv(1, 8, 7, 3, 4, 4, 1, 1, 'same'),
  conv(2, 9, 10, 3, 4, 3, 2, 1, 'same'),
  conv(1, 10, 11, 2, 3, [2, 5], [3, 3], 1, 'same'),
  conv(1, 9, 9, 3, 4, 1, 2, 1, 'same'), // 1×1 kernel with stride 2 pads nothing
  conv(1, 9, 8, 3, 4, 3, 1, 2, 'same'),
  conv(1, 11, 10, 2, 4, 3, 2, 2, 'same'),
  conv(1, 12, 13, 2, 3, [2, 3], 3, [3, 2], 'same'),
  // Winograd path: 3×3, stride 1, groups 1, ≥ 16 channels in and out
  conv(2, 10, 12, 16, 16, 3, 1, 1, 1),
  conv(1, 13, 11, 17, 20, 3, 1, 1, 'same', 1, 'relu'),
  conv(3, 7, 5, 16, 16, 3, 1, 1, 'valid'),
  conv(1, 9, 9, 24, 16, 3, 1, 1, [[0, 2], [1, 0]], 1, 'none', false),
  conv(1, 12, 12, 16, 18, 3, 1, 2, 2, 1, 'tanh'), // dilated 3×3 at stride 1
  conv(1, 16, 16, 32, 32, 3, 1, 1, 1, 1, 'sigmoid'),
  // 1×1 (GEMM on the input itself) and 1×1 with stride
  conv(2, 8, 8, 24, 12, 1, 1, 1, 0),
  conv(2, 9, 9, 8, 16, 1, 2, 1, 0, 1, 'relu'),
  // groups, depthwise (groups = C) with multipliers 1 and 2
  conv(1, 12, 12, 6, 6, 3, 1, 1, 1, 6),
  conv(2, 9, 8, 4, 8, 3, 2, 1, 'same', 4, 'relu'),
  conv(1, 10, 9, 8, 12, [3, 5], [1, 2], [2, 1], [[2, 0], [1, 3]], 4),
  conv(2, 11, 10, 4, 8, 3, 2, 1, [[0, 1], [1, 0]], 2),
  conv(1, 9, 9, 5, 10, 5, 1, 2, 4, 5),
  conv(1, 7, 6, 12, 6, [1, 3], [3, 1], [1, 3], [[0, 2], [3, 0]], 3, 'none', false),
  conv(1, 8, 8, 16, 32, 3, 1, 1, 1, 16, 'relu'), // depthwise, multiplier 2, 16 channels
  // useBias false and softmax (not fused: runs in place on the conv's buffer)
  conv(2, 6, 7, 3, 5, 3, 1, 1, 1, 1, 'softmax', false),
  conv(1, 5, 5, 4, 7, 2, 1, 1, 'same', 1, 'softmax'),
];

function randomConv(r: () => number): ConvCase {
  const square = r() < 0.5;
  const k0 = int(r, 1, 5);
  const k: P2 = square ? [k0, k0] : [int(r, 1, 5), int(r, 1, 5)];
  const s: P2 = r() < 0.5 ? square2(int(r, 1, 3)) : [int(r, 1, 3), int(r, 1, 3)];
  const d: P2 = r() < 0.6 ? [1, 1] : r() < 0.5 ? [2, 2] : [int(r, 1, 3), int(r, 1, 3)];
  const form = pick(r, ['number', 'pair', 'explicit', 'explicit', 'valid', 'same', 'same'] as const);
  const p: Padding =
    form === 'number' ? int(r, 0, 2)
    : form === 'pair' ? [int(r, 0, 2), int(r, 0, 2)]
    : form === 'explicit' ? [[int(r, 0, 3), int(r, 0, 3)], [int(r, 0, 3), int(r, 0, 3)]]
    : form;
  const kindOfGroups = pick(r, ['one', 'one', 'one', 'grouped', 'depthwise'] as const);
  const groups = kindOfGroups === 'one' ? 1 : kindOfGroups === 'grouped' ? pick(r, [2, 3]) : int(r, 2, 8);
  const c = kindOfGroups === 'depthwise' ? groups : groups * int(r, 1, kindOfGroups === 'one' ? 8 : 3);
  const filters = groups * int(r, 1, kindOfGroups === 'one' ? 8 : 3);
  const pads = p === 'same' ? [[0, 0], [0, 0]] : explicitPads(p);
  const size = (a: 0 | 1): number => Math.max(1, d[a] * (k[a] - 1) + 1 - pads[a]![0]! - pads[a]![1]!) + int(r, 0, 8);
  const act = pick(r, ['none', 'none', 'relu', 'sigmoid', 'tanh', 'softmax'] as const);
  return { batch: int(r, 1, 3), h: size(0), w: size(1), c, filters, k, s, d, p, groups, useBias: r() < 0.85, act };
}

/** A few random cases on the Winograd path (3×3, stride 1, groups 1, ≥ 16 channels): odd sizes hit the tile edges. */
function randomWinograd(r: () => number): ConvCase {
  const p = pick(r, [0, 1, 'same', 'valid', [[1, 0], [2, 1]]] as const) as Padding;
  const d = pick(r, [1, 1, 1, 2]);
  const pads = p === 'same' ? [[0, 0], [0, 0]] : explicitPads(p);
  const size = (a: 0 | 1): number => Math.max(1, 2 * d + 1 - pads[a]![0]! - pads[a]![1]!) + int(r, 0, 9);
  return conv(int(r, 1, 2), size(0), size(1), int(r, 16, 20), int(r, 16, 20), 3, 1, d, p, 1, pick(r, ['none', 'relu'] as const), r() < 0.8);
}

async function checkConv(c: ConvCase, seed: number): Promise<void> {
  const name = convName(c);
  const x = input([c.h, c.w, c.c]);
  const y = x.conv2d({
    filters: c.filters,
    kernel: c.k,
    stride: c.s,
    dilation: c.d,
    padding: c.p,
    groups: c.groups,
    useBias: c.useBias,
    kernelInitializer: KERNEL_INITS[seed % KERNEL_INITS.length],
    biasInitializer: BIAS,
  });
  const m = model(x, activate(y as unknown as Sym, c.act), { seed });
  const dims = [c.batch, c.h, c.w, c.c] as const;
  const data = randomData(rng(seed * 7919 + 1), sizeOf(dims));
  const ours = m.run(tensor(dims, data));

  const kernel = m.weights['conv2d_1/kernel']!;
  expect([...kernel.shape]).toEqual([c.k[0], c.k[1], c.c / c.groups, c.filters]);
  const initializers: NamedTensor[] = [convW(kernel)];
  if (c.useBias) initializers.push(vec('b', m.weights['conv2d_1/bias']!.data));
  const attributes: OnnxNode['attributes'] = {
    kernel_shape: c.k,
    strides: c.s,
    dilations: c.d,
    group: c.groups,
    ...(c.p === 'same' && c.d[0] === 1 && c.d[1] === 1
      ? { auto_pad: 'SAME_UPPER' }
      : { pads: onnxPads(padsFor(c.p, c.h, c.w, c.k, c.s, c.d)) }),
  };
  const ref = await runReference(
    { dims, data },
    [{ opType: 'Conv', inputs: ['x', 'w', ...(c.useBias ? ['b'] : [])], outputs: ['y0'], attributes }],
    initializers,
    c.act,
  );
  compare(c.act === 'none' ? 'conv2d' : `conv2d+${c.act}`, name, ours, ref);
}

describe('conv2d vs ORT Conv', () => {
  const taken = new Set(CONV_GOLDEN.map(convName));
  const r = rng(2024);
  const random = unique(260, () => randomConv(r), convName, taken);
  const winograd = unique(24, () => randomWinograd(r), convName, taken);
  [...CONV_GOLDEN, ...random, ...winograd].forEach((c, i) => {
    it(convName(c), () => checkConv(c, 100 + i));
  });
});

// ─── conv2dTranspose ────────────────────────────────────────────────────────────────────────────────

interface TransposeCase {
  batch: number;
  h: number;
  w: number;
  c: number;
  filters: number;
  k: P2;
  s: P2;
  d: P2;
  p: Padding;
  op: P2;
  useBias: boolean;
  act: Act;
}

const tconv = (batch: number, h: number, w: number, c: number, filters: number, k: number | P2, s: number | P2, d: number | P2, p: Padding, op: number | P2 = 0, act: Act = 'none', useBias = true): TransposeCase => {
  const t = (v: number | P2): P2 => (typeof v === 'number' ? [v, v] : v);
  return { batch, h, w, c, filters, k: t(k), s: t(s), d: t(d), p, op: t(op), useBias, act };
};

const tconvName = (c: TransposeCase): string =>
  `conv2dTranspose x=[${c.batch},${c.h},${c.w},${c.c}] k=${fmt(c.k)} f=${c.filters} s=${fmtPair(c.s)} d=${fmtPair(c.d)} p=${fmt(c.p)} op=${fmtPair(c.op)}` +
  (c.useBias ? '' : ' bias=false') +
  actSuffix(c.act);

const TRANSPOSE_GOLDEN: TransposeCase[] = [
  tconv(1, 4, 4, 8, 4, 4, 2, 1, 1), // DCGAN/U-Net ×2 upsampling
  tconv(2, 3, 5, 3, 2, 3, 2, 1, 0, 1),
  tconv(1, 5, 4, 2, 3, [2, 3], [2, 3], 1, [[0, 1], [1, 0]], [1, 2]),
  tconv(1, 4, 4, 3, 2, 3, 1, 2, 1), // dilation at stride 1
  tconv(1, 3, 4, 2, 3, 3, 2, 2, [1, 0], 1, 'relu'),
  tconv(1, 3, 3, 2, 2, 3, 1, 3, 0, 2), // op = 2 ≥ s = 1, allowed since op < d = 3 (Pad rewrite)
  tconv(1, 4, 3, 2, 2, 2, [2, 1], [1, 3], [[1, 1], [0, 2]], [1, 2]), // op ≥ s on the width only
  tconv(1, 5, 5, 3, 4, 3, 2, 1, 'same'),
  tconv(2, 4, 5, 2, 3, 4, 2, 1, 'same', 0, 'sigmoid'),
  tconv(1, 3, 4, 2, 2, 5, 3, 1, 'same'),
  tconv(1, 4, 4, 2, 3, 3, 1, 1, 'same'),
  tconv(1, 4, 4, 2, 3, 3, 2, 2, 'same'), // dilated 'same': ke = 5 ≥ s
  tconv(1, 6, 6, 4, 4, 2, 2, 1, 'valid', 0, 'tanh', false),
  tconv(2, 5, 6, 16, 16, 3, 2, 1, 1, 1, 'relu'),
];

/** ke ≥ s on both axes when 'same' (see the header: ORT's SAME_UPPER is not `in·s` otherwise). */
function randomTranspose(r: () => number): TransposeCase {
  for (;;) {
    const k: P2 = [int(r, 1, 5), int(r, 1, 5)];
    const s: P2 = r() < 0.5 ? [2, 2] : [int(r, 1, 3), int(r, 1, 3)];
    const d: P2 = r() < 0.6 ? [1, 1] : [int(r, 1, 3), int(r, 1, 3)];
    const form = pick(r, ['number', 'pair', 'explicit', 'valid', 'same'] as const);
    const p: Padding =
      form === 'number' ? int(r, 0, 2) : form === 'pair' ? [int(r, 0, 2), int(r, 0, 2)] : form === 'explicit' ? [[int(r, 0, 2), int(r, 0, 2)], [int(r, 0, 2), int(r, 0, 2)]] : form;
    const op: P2 = p === 'same' ? [0, 0] : [int(r, 0, Math.max(s[0], d[0]) - 1), int(r, 0, Math.max(s[1], d[1]) - 1)];
    const h = int(r, 1, 6);
    const w = int(r, 1, 6);
    const ke = (a: 0 | 1): number => d[a] * (k[a] - 1) + 1;
    if (p === 'same' && (ke(0) < s[0] || ke(1) < s[1])) continue;
    if (p !== 'same') {
      const pads = explicitPads(p);
      const out = (a: 0 | 1, len: number): number => (len - 1) * s[a] - pads[a]![0]! - pads[a]![1]! + ke(a) + op[a] ;
      if (out(0, h) < 1 || out(1, w) < 1) continue;
    }
    const act = pick(r, ['none', 'none', 'relu', 'sigmoid', 'tanh'] as const);
    return { batch: int(r, 1, 2), h, w, c: int(r, 1, 6), filters: int(r, 1, 6), k, s, d, p, op, useBias: r() < 0.85, act };
  }
}

async function checkTranspose(c: TransposeCase, seed: number): Promise<void> {
  const name = tconvName(c);
  const x = input([c.h, c.w, c.c]);
  const y = x.conv2dTranspose({
    filters: c.filters,
    kernel: c.k,
    stride: c.s,
    dilation: c.d,
    padding: c.p,
    outputPadding: c.op,
    useBias: c.useBias,
    biasInitializer: BIAS,
  });
  const m = model(x, activate(y as unknown as Sym, c.act), { seed });
  const dims = [c.batch, c.h, c.w, c.c] as const;
  const data = randomData(rng(seed * 7919 + 2), sizeOf(dims));
  const ours = m.run(tensor(dims, data));

  const kernel = m.weights['conv2dTranspose_1/kernel']!;
  expect([...kernel.shape]).toEqual([c.k[0], c.k[1], c.filters, c.c]);
  const w: NamedTensor = { name: 'w', ...convTransposeKernelToOnnx({ dims: kernel.shape, data: kernel.data }) };
  const bias = c.useBias ? m.weights['conv2dTranspose_1/bias']!.data : null;
  const base = { kernel_shape: c.k, strides: c.s, dilations: c.d };
  const nodes: OnnxNode[] = [];
  const initializers: NamedTensor[] = [w];
  if (c.p === 'same') {
    nodes.push({ opType: 'ConvTranspose', inputs: ['x', 'w', ...(bias ? ['b'] : [])], outputs: ['y0'], attributes: { ...base, auto_pad: 'SAME_UPPER' } });
    if (bias) initializers.push(vec('b', bias));
  } else if (c.op[0] < c.s[0] && c.op[1] < c.s[1]) {
    const pads = onnxPads(explicitPads(c.p));
    nodes.push({ opType: 'ConvTranspose', inputs: ['x', 'w', ...(bias ? ['b'] : [])], outputs: ['y0'], attributes: { ...base, pads, output_padding: c.op } });
    if (bias) initializers.push(vec('b', bias));
  } else {
    // op ≥ s: ORT refuses output_padding there. Crop (pe − op) at the end when op ≤ pe, else pad (op − pe) zeros, then add the bias.
    const [[pt, pb], [pl, pr]] = explicitPads(c.p);
    const endH = Math.max(pb - c.op[0], 0);
    const endW = Math.max(pr - c.op[1], 0);
    const extraH = Math.max(c.op[0] - pb, 0);
    const extraW = Math.max(c.op[1] - pr, 0);
    nodes.push({ opType: 'ConvTranspose', inputs: ['x', 'w'], outputs: ['t'], attributes: { ...base, pads: [pt, pl, endH, endW] } });
    nodes.push({ opType: 'Pad', inputs: ['t', 'pads'], outputs: [bias ? 'padded' : 'y0'] });
    initializers.push({ name: 'pads', dims: [8], data: BigInt64Array.of(0n, 0n, 0n, 0n, 0n, 0n, BigInt(extraH), BigInt(extraW)) });
    if (bias) {
      nodes.push({ opType: 'Add', inputs: ['padded', 'b4'], outputs: ['y0'] });
      initializers.push({ name: 'b4', dims: [1, bias.length, 1, 1], data: bias });
    }
  }
  const ref = await runReference({ dims, data }, nodes, initializers, c.act);
  compare(c.act === 'none' ? 'conv2dTranspose' : `conv2dTranspose+${c.act}`, name, ours, ref);
}

describe('conv2dTranspose vs ORT ConvTranspose', () => {
  const taken = new Set(TRANSPOSE_GOLDEN.map(tconvName));
  const r = rng(4242);
  const random = unique(110, () => randomTranspose(r), tconvName, taken);
  [...TRANSPOSE_GOLDEN, ...random].forEach((c, i) => {
    it(tconvName(c), () => checkTranspose(c, 500 + i));
  });
});

// ─── maxPool2d / avgPool2d ─────────────────────────────────────────────────────────────────────────

interface PoolCase {
  kind: 'maxPool2d' | 'avgPool2d';
  batch: number;
  h: number;
  w: number;
  c: number;
  size: P2;
  /** undefined: the default (= size). */
  stride: P2 | undefined;
  p: Padding;
  d: P2;
  ceil: boolean;
  countIncludePad: boolean;
}

const pool = (
  kind: PoolCase['kind'], batch: number, h: number, w: number, c: number, size: number | P2, stride: number | P2 | undefined, p: Padding,
  extra: { d?: number | P2; ceil?: boolean; cip?: boolean } = {},
): PoolCase => {
  const t = (v: number | P2): P2 => (typeof v === 'number' ? [v, v] : v);
  return { kind, batch, h, w, c, size: t(size), stride: stride === undefined ? undefined : t(stride), p, d: t(extra.d ?? 1), ceil: extra.ceil ?? false, countIncludePad: extra.cip ?? false };
};

const poolName = (c: PoolCase): string =>
  `${c.kind} x=[${c.batch},${c.h},${c.w},${c.c}] k=${fmt(c.size)} s=${c.stride ? fmtPair(c.stride) : 'default'} ` +
  (c.kind === 'maxPool2d' ? `d=${fmtPair(c.d)} ` : '') +
  `p=${fmt(c.p)}` +
  (c.ceil ? ' ceil' : '') +
  (c.countIncludePad ? ' countIncludePad' : '');

const POOL_GOLDEN: PoolCase[] = [
  // the ceil-mode correction case of SEMANTICS.md §4: in=5 k=2 s=2 p=1 → 3, not 4
  pool('maxPool2d', 1, 5, 5, 2, 2, 2, 1, { ceil: true }),
  pool('avgPool2d', 1, 5, 5, 2, 2, 2, 1, { ceil: true }),
  pool('avgPool2d', 1, 5, 5, 2, 2, 2, 1, { ceil: true, cip: true }),
  // GoogLeNet ceil pools (112 → 56 scaled down: 14 → 7, 13 → 7)
  pool('maxPool2d', 1, 14, 13, 3, 3, 2, 0, { ceil: true }),
  pool('maxPool2d', 2, 13, 13, 4, 3, 2, 0), // AlexNet-style overlapping pool (floor)
  pool('maxPool2d', 1, 8, 8, 3, 2, undefined, 0), // stride defaults to the size
  pool('avgPool2d', 2, 9, 7, 3, [3, 2], undefined, 'valid'),
  // avg with padding: count_include_pad 0 and 1, ceil overhang not counted (PyTorch = ORT)
  pool('avgPool2d', 1, 6, 6, 2, 3, 2, 1, { ceil: true, cip: true }),
  pool('avgPool2d', 1, 6, 6, 2, 3, 2, 1, { ceil: true }),
  pool('avgPool2d', 2, 7, 8, 3, 3, 1, [[1, 0], [0, 1]], { cip: true }),
  pool('avgPool2d', 1, 7, 8, 3, 3, 1, [1, 1]),
  // 'same' pools (TF): ⌈in/s⌉
  pool('maxPool2d', 1, 7, 6, 2, 3, 2, 'same'),
  pool('avgPool2d', 1, 7, 6, 2, 3, 2, 'same'),
  pool('avgPool2d', 1, 7, 6, 2, 3, 2, 'same', { cip: true }),
  pool('maxPool2d', 1, 9, 8, 2, 2, 1, 'same'),
  // dilated max pools (explicit pads, 'same' via computed pads)
  pool('maxPool2d', 1, 9, 9, 2, 3, 1, 2, { d: 2 }),
  pool('maxPool2d', 2, 10, 9, 3, 2, 2, 1, { d: [2, 3] }),
  pool('maxPool2d', 1, 9, 8, 2, 3, 2, 'same', { d: 2 }),
  pool('maxPool2d', 1, 11, 10, 2, [3, 2], [2, 1], 1, { d: 2, ceil: true }),
  // a window larger than the input in ceil mode (in=1 k=2 s=2 → 1)
  pool('maxPool2d', 1, 1, 3, 2, 2, 2, 0, { ceil: true }),
  pool('avgPool2d', 1, 3, 1, 2, 2, 2, 0, { ceil: true }),
];

function randomPool(r: () => number): PoolCase {
  for (;;) {
    const kind = pick(r, ['maxPool2d', 'avgPool2d'] as const);
    const size: P2 = r() < 0.6 ? square2(int(r, 1, 4)) : [int(r, 1, 4), int(r, 1, 4)];
    const stride: P2 | undefined = r() < 0.25 ? undefined : [int(r, 1, 3), int(r, 1, 3)];
    const d: P2 = kind === 'maxPool2d' && r() < 0.3 ? [int(r, 1, 3), int(r, 1, 3)] : [1, 1];
    const ke = (a: 0 | 1): number => d[a] * (size[a] - 1) + 1;
    // pads ≤ ⌊ke/2⌋ (ours) and < the undilated size (ORT MaxPool)
    const maxPad = (a: 0 | 1): number => Math.min(Math.floor(ke(a) / 2), kind === 'maxPool2d' ? size[a] - 1 : size[a]);
    const form = pick(r, ['number', 'pair', 'explicit', 'valid', 'same'] as const);
    const p: Padding =
      form === 'number' ? int(r, 0, Math.min(maxPad(0), maxPad(1)))
      : form === 'pair' ? [int(r, 0, maxPad(0)), int(r, 0, maxPad(1))]
      : form === 'explicit' ? [[int(r, 0, maxPad(0)), int(r, 0, maxPad(0))], [int(r, 0, maxPad(1)), int(r, 0, maxPad(1))]]
      : form;
    const ceil = p !== 'same' && r() < 0.4;
    const pads = p === 'same' ? [[0, 0], [0, 0]] : explicitPads(p);
    const size2 = (a: 0 | 1): number => Math.max(1, ke(a) - pads[a]![0]! - pads[a]![1]!) + int(r, 0, 7);
    const h = size2(0);
    const w = size2(1);
    if (p === 'same' && kind === 'maxPool2d') {
      const s = stride ?? size;
      const sp = padsFor(p, h, w, size, s, d);
      if (sp[0][0] >= size[0] || sp[0][1] >= size[0] || sp[1][0] >= size[1] || sp[1][1] >= size[1]) continue; // ORT: pads < kernel
    }
    return { kind, batch: int(r, 1, 3), h, w, c: int(r, 1, 5), size, stride, p, d, ceil, countIncludePad: kind === 'avgPool2d' && r() < 0.5 };
  }
}

async function checkPool(c: PoolCase, seed: number): Promise<void> {
  const name = poolName(c);
  const x = input([c.h, c.w, c.c]);
  const common = { size: c.size, ...(c.stride ? { stride: c.stride } : {}), padding: c.p, ceilMode: c.ceil };
  const y = c.kind === 'maxPool2d' ? x.maxPool2d({ ...common, dilation: c.d }) : x.avgPool2d({ ...common, countIncludePad: c.countIncludePad });
  const m = model(x, y as unknown as Sym, { seed });
  const dims = [c.batch, c.h, c.w, c.c] as const;
  const data = randomData(rng(seed * 7919 + 3), sizeOf(dims));
  const ours = m.run(tensor(dims, data));

  const s = c.stride ?? c.size;
  // ORT's pooling SAME_UPPER does not clamp T at 0 ("padding values must be non-negative" when k < s): explicit pads there.
  const sameByOrt = c.p === 'same' && c.d[0] === 1 && c.d[1] === 1 && c.size[0] >= s[0] && c.size[1] >= s[1];
  const attributes: OnnxNode['attributes'] = {
    kernel_shape: c.size,
    strides: s,
    ceil_mode: c.ceil ? 1 : 0,
    ...(sameByOrt ? { auto_pad: 'SAME_UPPER' } : { pads: onnxPads(padsFor(c.p, c.h, c.w, c.size, s, c.d)) }),
    ...(c.kind === 'maxPool2d' ? { dilations: c.d } : { count_include_pad: c.countIncludePad ? 1 : 0 }),
  };
  const opType = c.kind === 'maxPool2d' ? 'MaxPool' : 'AveragePool';
  const ref = await runReference({ dims, data }, [{ opType, inputs: ['x'], outputs: ['y0'], attributes }], []);
  compare(c.kind, name, ours, ref);
}

describe('maxPool2d / avgPool2d vs ORT MaxPool / AveragePool', () => {
  const taken = new Set(POOL_GOLDEN.map(poolName));
  const r = rng(777);
  const random = unique(170, () => randomPool(r), poolName, taken);
  [...POOL_GOLDEN, ...random].forEach((c, i) => {
    it(poolName(c), () => checkPool(c, 900 + i));
  });
});

// ─── dense (after flatten) ─────────────────────────────────────────────────────────────────────────

interface DenseCase {
  batch: number;
  /** `[F]` (no flatten) or `[H, W, C]` (flatten first). */
  dims: number[];
  units: number;
  useBias: boolean;
  act: Act;
}

const denseName = (c: DenseCase): string =>
  (c.dims.length === 3 ? `flatten+dense x=[${c.batch},${c.dims.join(',')}]` : `dense x=[${c.batch},${c.dims[0]}]`) +
  ` units=${c.units}` + (c.useBias ? '' : ' bias=false') + actSuffix(c.act);

const DENSE_GOLDEN: DenseCase[] = [
  { batch: 2, dims: [6, 6, 4], units: 10, useBias: true, act: 'softmax' },
  { batch: 1, dims: [3, 5, 2], units: 7, useBias: true, act: 'none' },
  { batch: 3, dims: [1, 1, 9], units: 4, useBias: false, act: 'relu' },
  { batch: 2, dims: [40], units: 13, useBias: true, act: 'tanh' },
  { batch: 5, dims: [1], units: 1, useBias: true, act: 'sigmoid' },
  { batch: 2, dims: [4, 4, 16], units: 64, useBias: true, act: 'relu' },
];

function randomDense(r: () => number): DenseCase {
  const dims = r() < 0.7 ? [int(r, 1, 6), int(r, 1, 6), int(r, 1, 8)] : [int(r, 1, 64)];
  return { batch: int(r, 1, 4), dims, units: int(r, 1, 24), useBias: r() < 0.85, act: pick(r, ['none', 'relu', 'sigmoid', 'tanh', 'softmax'] as const) };
}

async function checkDense(c: DenseCase, seed: number): Promise<void> {
  const options = { units: c.units, useBias: c.useBias, biasInitializer: BIAS };
  let m;
  if (c.dims.length === 3) {
    const x = input([c.dims[0]!, c.dims[1]!, c.dims[2]!]);
    m = model(x as unknown as Sym, activate(x.flatten().dense(options) as unknown as Sym, c.act), { seed });
  } else {
    const x = input([c.dims[0]!]);
    m = model(x as unknown as Sym, activate(x.dense(options) as unknown as Sym, c.act), { seed });
  }
  const dims = [c.batch, ...c.dims];
  const data = randomData(rng(seed * 7919 + 4), sizeOf(dims));
  const ours = m.run(tensor(dims, data) as never) as unknown as { shape: readonly number[]; data: Float32Array };

  const kernel = m.weights['dense_1/kernel']!;
  const features = sizeOf(c.dims);
  expect([...kernel.shape]).toEqual([features, c.units]);
  const initializers: NamedTensor[] = [{ name: 'w', dims: kernel.shape, data: kernel.data }];
  if (c.useBias) initializers.push(vec('b', m.weights['dense_1/bias']!.data));
  const gemm: OnnxNode = { opType: 'Gemm', inputs: [c.dims.length === 3 ? 'flat' : 'x', 'w', ...(c.useBias ? ['b'] : [])], outputs: ['y0'] };
  const nodes: OnnxNode[] =
    c.dims.length === 3
      ? [
          { opType: 'Transpose', inputs: ['x'], outputs: ['nhwc'], attributes: { perm: [0, 2, 3, 1] } },
          { opType: 'Flatten', inputs: ['nhwc'], outputs: ['flat'], attributes: { axis: 1 } },
          gemm,
        ]
      : [gemm];
  const ref = await runReference({ dims, data }, nodes, initializers, c.act);
  compare(c.act === 'none' ? 'dense' : `dense+${c.act}`, denseName(c), ours, ref);
}

describe('dense (after flatten) vs ORT Transpose → Flatten → Gemm', () => {
  const taken = new Set(DENSE_GOLDEN.map(denseName));
  const r = rng(31337);
  const random = unique(50, () => randomDense(r), denseName, taken);
  [...DENSE_GOLDEN, ...random].forEach((c, i) => {
    it(denseName(c), () => checkDense(c, 1300 + i));
  });
});

// ─── activations on their own, and chains the planner runs in place ─────────────────────────────────

describe('relu / sigmoid / tanh / softmax vs ORT', () => {
  const acts = ['relu', 'sigmoid', 'tanh', 'softmax'] as const;
  const shapes: number[][] = [[5, 6, 3], [1, 1, 7], [17], [2, 3, 1]];
  acts.forEach((act, ai) =>
    shapes.forEach((shape, si) => {
      const batch = 1 + ((ai + si) % 3);
      it(`${act} x=[${batch},${shape.join(',')}]`, async () => {
        const x = input(shape as number[]) as unknown as Sym;
        const m = model(x, activate(x, act));
        const dims = [batch, ...shape];
        // wide range: sigmoid/tanh saturation and softmax's max-subtraction matter
        const data = randomData(rng(ai * 10 + si), sizeOf(dims), 30);
        const ours = m.run(tensor(dims, data) as never) as unknown as { shape: readonly number[]; data: Float32Array };
        const ref = await runReference({ dims, data }, [{ opType: 'Identity', inputs: ['x'], outputs: ['y0'] }], [], act);
        compare(act, `${act} x=[${dims.join(',')}]`, ours, ref);
        expect(data.some((v) => v !== 0)).toBe(true); // the input is untouched by the in-place plan
      });
    }),
  );

  // conv → relu → tanh: relu is fused into the conv, tanh runs in place on the conv's buffer
  it('conv2d x=[2,7,7,3] k=[3,3] f=4 s=1 d=1 p=1 g=1 +relu +tanh', async () => {
    const x = input([7, 7, 3]);
    const m = model(x, x.conv2d({ filters: 4, kernel: 3, padding: 1, biasInitializer: BIAS }).relu().tanh(), { seed: 5 });
    const dims = [2, 7, 7, 3] as const;
    const data = randomData(rng(55), sizeOf(dims));
    const ours = m.run(tensor(dims, data));
    const ref = await runReference(
      { dims, data },
      [
        { opType: 'Conv', inputs: ['x', 'w', 'b'], outputs: ['c'], attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1] } },
        { opType: 'Relu', inputs: ['c'], outputs: ['y0'] },
      ],
      [convW(m.weights['conv2d_1/kernel']!), vec('b', m.weights['conv2d_1/bias']!.data)],
      'tanh',
    );
    compare('chain', 'conv2d+relu+tanh', ours, ref);
  });

  // dense → relu → softmax, after a flatten view
  it('flatten+dense x=[3,2,2,5] units=6 +relu +softmax', async () => {
    const x = input([2, 2, 5]);
    const m = model(x, x.flatten().dense({ units: 6, biasInitializer: BIAS }).relu().softmax(), { seed: 6 });
    const dims = [3, 2, 2, 5] as const;
    const data = randomData(rng(66), sizeOf(dims));
    const ours = m.run(tensor(dims, data));
    const ref = await runReference(
      { dims, data },
      [
        { opType: 'Transpose', inputs: ['x'], outputs: ['nhwc'], attributes: { perm: [0, 2, 3, 1] } },
        { opType: 'Flatten', inputs: ['nhwc'], outputs: ['flat'], attributes: { axis: 1 } },
        { opType: 'Gemm', inputs: ['flat', 'w', 'b'], outputs: ['g'] },
        { opType: 'Relu', inputs: ['g'], outputs: ['y0'] },
      ],
      [{ name: 'w', dims: [20, 6], data: m.weights['dense_1/kernel']!.data }, vec('b', m.weights['dense_1/bias']!.data)],
      'softmax',
    );
    compare('chain', 'dense+relu+softmax', ours, ref);
  });
});
