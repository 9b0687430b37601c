/**
 * Pooling of every rank → `MaxPool` / `AveragePool` with 1–3 spatial axes (explicit pads, ceil_mode, count_include_pad, dilations),
 * `GlobalAveragePool` / `GlobalMaxPool` (+ `Flatten` without keepDims), and adaptive average pooling:
 * one `AveragePool` when the bins are equal, else two `MatMul`s with bin-averaging matrices (the mean over
 * a rectangle is separable: `Y = A_h · X · A_wᵀ`), exact for every size.
 */
import { adaptiveBins } from '../../kernels/adaptive-pool.js';
import type { PoolLayer } from '../../../types/pool.js';
import { poolAxes } from '../../ops/pool-geometry.js';
import { POOL_RANK, type PoolOptions } from '../../shapes/pool.js';
import { channelsFirstValue, channelsLastValue, type EmitContext, type Emitter } from './context.js';

/** Window attributes of max/avg pooling of any rank (stride defaults to the size; 'same' resolved as TF). */
function poolAttributes(ctx: EmitContext, kind: PoolLayer): Record<string, number | number[]> {
  const o = ctx.options;
  const axes = poolAxes(kind, ctx.inputShapes[0]!, ctx.shape, o as PoolOptions);
  return {
    kernel_shape: axes.map((a) => a.size),
    strides: axes.map((a) => a.stride),
    pads: [...axes.map((a) => a.padBegin), ...axes.map((a) => a.padEnd)],
    ceil_mode: o.ceilMode === true && o.padding !== 'same' ? 1 : 0,
    ...(kind.startsWith('max') ? { dilations: axes.map((a) => a.dilation) } : { count_include_pad: o.countIncludePad === true ? 1 : 0 }),
  };
}

/** `MaxPool` / `AveragePool` with 1, 2 or 3 spatial axes. */
function windowPool(kind: PoolLayer): Emitter {
  const opType = kind.startsWith('max') ? 'MaxPool' : 'AveragePool';
  return (ctx) =>
    channelsFirstValue(ctx.builder.node(opType, [ctx.builder.channelsFirst(ctx.inputs[0]!)], poolAttributes(ctx, kind), ctx.name), POOL_RANK[kind] + 2);
}

export const maxPool1d = windowPool('maxPool1d');
export const maxPool2d = windowPool('maxPool2d');
export const maxPool3d = windowPool('maxPool3d');
export const avgPool1d = windowPool('avgPool1d');
export const avgPool2d = windowPool('avgPool2d');
export const avgPool3d = windowPool('avgPool3d');

function globalPool(opType: 'GlobalAveragePool' | 'GlobalMaxPool'): Emitter {
  return (ctx) => {
    const b = ctx.builder;
    const x = b.channelsFirst(ctx.inputs[0]!);
    if (ctx.options.keepDims === true) return channelsFirstValue(b.node(opType, [x], {}, ctx.name), ctx.inputShapes[0]!.length);
    const pooled = b.node(opType, [x], {}, `${ctx.name}/pooled`);
    return channelsLastValue(b.node('Flatten', [pooled], { axis: 1 }, ctx.name), 2);
  };
}

export const globalAvgPool2d = globalPool('GlobalAveragePool');
export const globalMaxPool2d = globalPool('GlobalMaxPool');
export const globalAvgPool1d = globalPool('GlobalAveragePool');
export const globalMaxPool1d = globalPool('GlobalMaxPool');

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

/** 1-D: one `AveragePool` when the bins are equal, else `[B, C, L] · [L, out]` with the bin-averaging matrix. */
export const adaptiveAvgPool1d: Emitter = (ctx) => {
  const b = ctx.builder;
  const x = b.channelsFirst(ctx.inputs[0]!);
  const inL = ctx.inputShapes[0]![1]!;
  const outL = ctx.shape[1]!;
  if (inL % outL === 0) {
    const k = [inL / outL];
    return channelsFirstValue(b.node('AveragePool', [x], { kernel_shape: k, strides: k, pads: [0, 0] }, ctx.name), 3);
  }
  const a = b.constant(`${ctx.name}/A`, [inL, outL], transpose2d(binMatrix(inL, outL), outL, inL));
  return channelsFirstValue(b.node('MatMul', [x, a], {}, ctx.name), 3);
};
