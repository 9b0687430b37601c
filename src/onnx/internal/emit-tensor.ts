/**
 * The other layers: dense (`Gemm`), flatten/reshape (on NHWC memory order, so after a Transpose back to
 * channels-last: convtype's flatten order), batchNorm, merges, padding, cropping and upsampling.
 */
import { BATCH_NORM_EPSILON } from '../../layers/norm.js';
import { croppingOf } from '../../shapes/cropping.js';
import { pairOf } from '../../shapes/options.js';
import { zeroPadsOf } from '../../shapes/zero-padding.js';
import type { Value } from './builder.js';
import { channelsFirstValue, channelsLastValue, requireWeight, type Emitter } from './context.js';

/** dense: `Gemm(x, kernel [in, units], bias)` — convtype's kernel is already ONNX's B with transB = 0. */
export const dense: Emitter = (ctx) => {
  const b = ctx.builder;
  const k = requireWeight(ctx, 'kernel');
  const inputs = [b.channelsLast(ctx.inputs[0]!), b.constant(`${ctx.name}/W`, k.shape, k.data)];
  const bias = ctx.weight('bias')?.data;
  if (bias !== undefined) inputs.push(b.constant(`${ctx.name}/B`, [bias.length], bias));
  return channelsLastValue(b.node('Gemm', inputs, {}, ctx.name), 2);
};

/** flatten: NHWC order, so `Flatten` of the channels-last value. */
export const flatten: Emitter = (ctx) =>
  channelsLastValue(ctx.builder.node('Flatten', [ctx.builder.channelsLast(ctx.inputs[0]!)], { axis: 1 }, ctx.name), 2);

/** reshape: `Reshape` of the channels-last value to `[0 (the batch), ...shape]`. */
export const reshape: Emitter = (ctx) => {
  const b = ctx.builder;
  const target = b.ints(`${ctx.name}/shape`, [0, ...ctx.shape.slice(1)]);
  return channelsLastValue(b.node('Reshape', [b.channelsLast(ctx.inputs[0]!), target], {}, ctx.name), ctx.shape.length);
};

export const batchNorm: Emitter = (ctx) => {
  const b = ctx.builder;
  const x = ctx.inputs[0]!;
  const inputs = [b.channelsFirst(x)];
  for (const w of ['gamma', 'beta', 'movingMean', 'movingVariance']) {
    const t = requireWeight(ctx, w);
    inputs.push(b.constant(`${ctx.name}/${w}`, t.shape, t.data));
  }
  const y = b.node('BatchNormalization', inputs, { epsilon: { float: ctx.options.epsilon ?? BATCH_NORM_EPSILON } }, ctx.name);
  return channelsFirstValue(y, x.rank);
};

/** The common layout of several same-rank values: theirs if they agree, else channels-first. */
function common(values: readonly Value[]): 'channelsFirst' | 'channelsLast' {
  return values.every((v) => v.layout === 'channelsLast') ? 'channelsLast' : 'channelsFirst';
}

function inLayout(ctx: Parameters<Emitter>[0], layout: 'channelsFirst' | 'channelsLast'): string[] {
  return ctx.inputs.map((v) => (layout === 'channelsFirst' ? ctx.builder.channelsFirst(v) : ctx.builder.channelsLast(v)));
}

export const add: Emitter = (ctx) => {
  const layout = common(ctx.inputs);
  return { name: ctx.builder.node('Add', inLayout(ctx, layout), {}, ctx.name), rank: ctx.shape.length, layout };
};

/** concat along convtype's channel (last) axis: axis 1 in channels-first. */
export const concat: Emitter = (ctx) => {
  const rank = ctx.shape.length;
  const layout = rank > 2 ? common(ctx.inputs) : 'channelsLast';
  const axis = layout === 'channelsFirst' ? 1 : -1;
  return { name: ctx.builder.node('Concat', inLayout(ctx, layout), { axis }, ctx.name), rank, layout };
};

/** multiply: equal shapes, or a gate `[B, C]` / `[B, 1, 1, C]` broadcast over `[B, H, W, C]`. */
export const multiply: Emitter = (ctx) => {
  const b = ctx.builder;
  const [a, gate] = ctx.inputs as [Value, Value];
  if (a.rank === 4 && gate.rank === 2) {
    const g = b.node('Unsqueeze', [gate.name, b.ints(`${ctx.name}/axes`, [2, 3])], {}, `${ctx.name}/gate`);
    return channelsFirstValue(b.node('Mul', [b.channelsFirst(a), g], {}, ctx.name), 4);
  }
  const layout = common(ctx.inputs);
  return { name: b.node('Mul', inLayout(ctx, layout), {}, ctx.name), rank: ctx.shape.length, layout };
};

export const zeroPadding2d: Emitter = (ctx) => {
  const b = ctx.builder;
  const [[top, bottom], [left, right]] = zeroPadsOf(ctx.options.padding);
  const pads = b.ints(`${ctx.name}/pads`, [0, 0, top, left, 0, 0, bottom, right]);
  return channelsFirstValue(b.node('Pad', [b.channelsFirst(ctx.inputs[0]!), pads], { mode: 'constant' }, ctx.name), 4);
};

export const cropping2d: Emitter = (ctx) => {
  const b = ctx.builder;
  const [[top, bottom], [left, right]] = croppingOf(ctx.options as never);
  const [, h, w] = ctx.inputShapes[0]! as [number, number, number, number];
  const n = ctx.name;
  const inputs = [b.channelsFirst(ctx.inputs[0]!), b.ints(`${n}/starts`, [top, left]), b.ints(`${n}/ends`, [h - bottom, w - right]), b.ints(`${n}/axes`, [2, 3])];
  return channelsFirstValue(b.node('Slice', inputs, {}, n), 4);
};

/** upSampling2d: `Resize` by integer scales; nearest = asymmetric + floor (pixel repeat), bilinear = half_pixel. */
export const upSampling2d: Emitter = (ctx) => {
  const b = ctx.builder;
  const [sh, sw] = pairOf(ctx.options.size, 2);
  const scales = b.floats(`${ctx.name}/scales`, [1, 1, sh, sw]);
  const attributes: Record<string, string> =
    ctx.options.interpolation === 'bilinear'
      ? { mode: 'linear', coordinate_transformation_mode: 'half_pixel' }
      : { mode: 'nearest', coordinate_transformation_mode: 'asymmetric', nearest_mode: 'floor' };
  return channelsFirstValue(b.node('Resize', [b.channelsFirst(ctx.inputs[0]!), '', scales], attributes, ctx.name), 4);
};
