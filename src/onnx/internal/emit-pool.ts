/**
 * Pooling → `MaxPool` / `AveragePool` (explicit pads, ceil_mode, count_include_pad, dilations),
 * `GlobalAveragePool` / `GlobalMaxPool` (+ `Flatten` without keepDims), and adaptive average pooling:
 * one `AveragePool` when the bins are equal, else two `MatMul`s with bin-averaging matrices (the mean over
 * a rectangle is separable: `Y = A_h · X · A_wᵀ`), exact for every size.
 */
import { adaptiveBins } from '../../kernels/adaptive-pool.js';
import { samePads } from '../../shapes/axis.js';
import { padsOf, pairOf } from '../../shapes/options.js';
import { channelsFirstValue, channelsLastValue, type EmitContext, type Emitter } from './context.js';

/** Window attributes of maxPool2d / avgPool2d (stride defaults to the size; 'same' as TF). */
function poolAttributes(ctx: EmitContext): Record<string, number | number[]> {
  const o = ctx.options;
  const k = pairOf(o.size, 1);
  const s = pairOf(o.stride ?? o.size, 1);
  const d = pairOf(o.dilation, 1);
  const input = ctx.inputShapes[0]!;
  const p = padsOf(o.padding);
  const pairs = p === 'same' ? [samePads(input[1]!, k[0], s[0], d[0]), samePads(input[2]!, k[1], s[1], d[1])] : p;
  return {
    kernel_shape: k,
    strides: s,
    pads: [pairs[0][0], pairs[1][0], pairs[0][1], pairs[1][1]],
    ceil_mode: o.ceilMode === true && p !== 'same' ? 1 : 0,
    ...(ctx.kind === 'maxPool2d' ? { dilations: d } : { count_include_pad: o.countIncludePad === true ? 1 : 0 }),
  };
}

export const maxPool2d: Emitter = (ctx) =>
  channelsFirstValue(ctx.builder.node('MaxPool', [ctx.builder.channelsFirst(ctx.inputs[0]!)], poolAttributes(ctx), ctx.name), 4);

export const avgPool2d: Emitter = (ctx) =>
  channelsFirstValue(ctx.builder.node('AveragePool', [ctx.builder.channelsFirst(ctx.inputs[0]!)], poolAttributes(ctx), ctx.name), 4);

function globalPool(opType: 'GlobalAveragePool' | 'GlobalMaxPool'): Emitter {
  return (ctx) => {
    const b = ctx.builder;
    const x = b.channelsFirst(ctx.inputs[0]!);
    if (ctx.options.keepDims === true) return channelsFirstValue(b.node(opType, [x], {}, ctx.name), 4);
    const pooled = b.node(opType, [x], {}, `${ctx.name}/pooled`);
    return channelsLastValue(b.node('Flatten', [pooled], { axis: 1 }, ctx.name), 2);
  };
}

export const globalAvgPool2d = globalPool('GlobalAveragePool');
export const globalMaxPool2d = globalPool('GlobalMaxPool');

/** `[out, in]` row-averaging matrix of the adaptive bins of an axis. */
function binMatrix(inLen: number, outLen: number): Float32Array {
  const { start, end } = adaptiveBins(inLen, outLen);
  const m = new Float32Array(outLen * inLen);
  for (let i = 0; i < outLen; i++) {
    const w = 1 / (end[i]! - start[i]!);
    for (let j = start[i]!; j < end[i]!; j++) m[i * inLen + j] = w;
  }
  return m;
}

/** Transpose of a row-major `[rows, cols]` matrix. */
function transpose2d(m: Float32Array, rows: number, cols: number): Float32Array {
  const t = new Float32Array(m.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = m[r * cols + c]!;
  return t;
}

export const adaptiveAvgPool2d: Emitter = (ctx) => {
  const b = ctx.builder;
  const x = b.channelsFirst(ctx.inputs[0]!);
  const [, inH, inW] = ctx.inputShapes[0]! as [number, number, number, number];
  const [, outH, outW] = ctx.shape as [number, number, number, number];
  if (inH % outH === 0 && inW % outW === 0) {
    const k = [inH / outH, inW / outW];
    return channelsFirstValue(b.node('AveragePool', [x], { kernel_shape: k, strides: k, pads: [0, 0, 0, 0] }, ctx.name), 4);
  }
  // [B, C, H, W] · [W, outW] → [B, C, H, outW]; then [outH, H] · that → [B, C, outH, outW] (MatMul broadcasts).
  const aw = b.constant(`${ctx.name}/Aw`, [inW, outW], transpose2d(binMatrix(inW, outW), outW, inW));
  const ah = b.constant(`${ctx.name}/Ah`, [outH, inH], binMatrix(inH, outH));
  const cols = b.node('MatMul', [x, aw], {}, `${ctx.name}/cols`);
  return channelsFirstValue(b.node('MatMul', [ah, cols], {}, ctx.name), 4);
};
