/**
 * Convolutions → ONNX `Conv` / `ConvTranspose` on channels-first values, weights converted HWIO → OIHW.
 * Pads are always explicit (never `auto_pad`): 'same' is resolved with the same `samePads` the kernels use
 * (TF: the odd pad at the end), so ONNX computes exactly convtype's windows.
 */
import { conv2dTransposeGeometry } from '../../ops/geometry.js';
import { samePads } from '../../shapes/axis.js';
import { windowOf, type Rank } from '../../shapes/conv-nd.js';
import { padsOf, pairOf } from '../../shapes/options.js';
import { channelsFirstValue, requireWeight, type EmitContext, type Emitter } from './context.js';
import { hwioToOihw, permute } from './permute.js';

/** Kernel, strides, dilations and `[begin…, end…]` pads of a conv-like layer, 'same' resolved for this input. */
export interface ResolvedWindow {
  readonly kernel: number[];
  readonly strides: number[];
  readonly dilations: number[];
  /** ONNX order: `[x1_begin, x2_begin, …, x1_end, x2_end, …]`. */
  readonly pads: number[];
}

/** The window of a conv-like layer over `rank` spatial axes of its NHWC input. */
export function resolveWindow(ctx: EmitContext, rank: Rank): ResolvedWindow {
  const w = windowOf(ctx.kind, ctx.options, rank);
  const spatial = ctx.inputShapes[0]!.slice(1, 1 + rank);
  const pairs = w.pads === 'same' ? spatial.map((len, i) => samePads(len, w.kernel[i]!, w.stride[i]!, w.dilation[i]!)) : w.pads;
  return { kernel: w.kernel, strides: w.stride, dilations: w.dilation, pads: [...pairs.map((p) => p[0]), ...pairs.map((p) => p[1])] };
}

/** One `Conv` node on channels-first `x` with an OIHW kernel. */
function convNode(ctx: EmitContext, x: string, kernel: { dims: number[]; data: Float32Array }, bias: Float32Array | undefined, w: ResolvedWindow, group: number, suffix = ''): string {
  const b = ctx.builder;
  const inputs = [x, b.constant(`${ctx.name}${suffix}/W`, kernel.dims, kernel.data)];
  if (bias !== undefined) inputs.push(b.constant(`${ctx.name}${suffix}/B`, [bias.length], bias));
  return b.node(
    'Conv',
    inputs,
    { kernel_shape: w.kernel, strides: w.strides, dilations: w.dilations, pads: w.pads, group },
    `${ctx.name}${suffix}`,
  );
}

/** conv1d / conv2d / conv3d: `Conv` with `group`. */
function convNd(rank: Rank): Emitter {
  return (ctx) => {
    const x = ctx.builder.channelsFirst(ctx.inputs[0]!);
    const k = requireWeight(ctx, 'kernel');
    const y = convNode(ctx, x, hwioToOihw(k.shape, k.data), ctx.weight('bias')?.data, resolveWindow(ctx, rank), ctx.options.groups ?? 1);
    return channelsFirstValue(y, rank + 2);
  };
}

export const conv1d = convNd(1);
export const conv2d = convNd(2);
export const conv3d = convNd(3);

/** Depthwise kernel `[kh, kw, C, M]` → `[C·M, 1, kh, kw]` (output channel `c·M + q`, SEMANTICS.md §2). */
function depthwiseKernel(shape: readonly number[], data: Float32Array): { dims: number[]; data: Float32Array } {
  const [kh, kw, c, m] = shape as [number, number, number, number];
  return { dims: [c * m, 1, kh, kw], data: permute(shape, data, [2, 3, 0, 1]).data };
}

/** depthwiseConv2d: `Conv` with group = C. */
export const depthwiseConv2d: Emitter = (ctx) => {
  const x = ctx.builder.channelsFirst(ctx.inputs[0]!);
  const k = requireWeight(ctx, 'kernel');
  const c = ctx.inputShapes[0]![3]!;
  return channelsFirstValue(convNode(ctx, x, depthwiseKernel(k.shape, k.data), ctx.weight('bias')?.data, resolveWindow(ctx, 2), c), 4);
};

/** separableConv2d: the depthwise `Conv` (no bias), then a 1×1 `Conv` with the bias. */
export const separableConv2d: Emitter = (ctx) => {
  const x = ctx.builder.channelsFirst(ctx.inputs[0]!);
  const dk = requireWeight(ctx, 'depthwiseKernel');
  const pk = requireWeight(ctx, 'pointwiseKernel');
  const c = ctx.inputShapes[0]![3]!;
  const mid = convNode(ctx, x, depthwiseKernel(dk.shape, dk.data), undefined, resolveWindow(ctx, 2), c, '/depthwise');
  const pointwise: ResolvedWindow = { kernel: [1, 1], strides: [1, 1], dilations: [1, 1], pads: [0, 0, 0, 0] };
  return channelsFirstValue(convNode(ctx, mid, hwioToOihw(pk.shape, pk.data), ctx.weight('bias')?.data, pointwise, 1), 4);
};

/**
 * conv2dTranspose: `ConvTranspose` with explicit pads and output_padding. Per axis, convtype crops `begin`
 * from the start of the full output `(in − 1)·s + ke` and keeps `out`; the end crop `full − begin − out` is
 * the end pad when ≥ 0, else its negation is output_padding (rows past the full output hold only the bias).
 * ORT rejects output_padding ≥ stride (possible when dilation > stride): then the ConvTranspose runs without
 * bias, a `Pad` adds the zero rows and an `Add` the bias.
 */
export const conv2dTranspose: Emitter = (ctx) => {
  const b = ctx.builder;
  const x = b.channelsFirst(ctx.inputs[0]!);
  const input = ctx.inputShapes[0]!;
  const o = ctx.options;
  const k = pairOf(o.kernel, 1);
  const s = pairOf(o.stride, 1);
  const d = pairOf(o.dilation, 1);
  const g = conv2dTransposeGeometry(input, ctx.shape, o as never, 1);
  const explicit = padsOf(o.padding);
  const begin = explicit === 'same' ? [g.padTop, g.padLeft] : [explicit[0][0], explicit[1][0]];
  const out = [ctx.shape[1]!, ctx.shape[2]!];
  const endCrop = [0, 1].map((i) => (input[i + 1]! - 1) * s[i]! + d[i]! * (k[i]! - 1) + 1 - begin[i]! - out[i]!);
  const outputPadding = endCrop.map((e) => Math.max(-e, 0));
  const pads = [...begin, ...endCrop.map((e) => Math.max(e, 0))];
  const kernel = requireWeight(ctx, 'kernel');
  const w = permute(kernel.shape, kernel.data, [3, 2, 0, 1]); // [kh, kw, O, I] → [I, O, kh, kw]
  const bias = ctx.weight('bias')?.data;
  const viaPad = outputPadding.some((p, i) => p >= s[i]!);
  const inputs = [x, b.constant(`${ctx.name}/W`, w.dims, w.data)];
  if (bias !== undefined && !viaPad) inputs.push(b.constant(`${ctx.name}/B`, [bias.length], bias));
  const attributes = { kernel_shape: k, strides: s, dilations: d, pads, output_padding: viaPad ? [0, 0] : outputPadding };
  let y = b.node('ConvTranspose', inputs, attributes, viaPad ? `${ctx.name}/full` : ctx.name);
  if (viaPad) {
    y = b.node('Pad', [y, b.ints(`${ctx.name}/pads`, [0, 0, 0, 0, 0, 0, ...outputPadding])], { mode: 'constant' }, bias ? `${ctx.name}/padded` : ctx.name);
    if (bias !== undefined) y = b.node('Add', [y, b.floats(`${ctx.name}/B`, [...bias], [1, bias.length, 1, 1])], {}, ctx.name);
  }
  return channelsFirstValue(y, 4);
};
