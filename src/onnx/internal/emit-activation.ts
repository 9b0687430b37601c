/**
 * Activations → ONNX elementwise operators, in whatever layout their input is (no transposes). GELU is
 * built from `Erf` (or `Tanh` for 'tanh'), since `Gelu` is opset 20; softmax runs on axis 1 of a
 * channels-first value, which is convtype's last (channel) axis.
 */
import { HARD_SIGMOID_ALPHA, HARD_SIGMOID_BETA, LEAKY_RELU_ALPHA } from '../../layers/activation.js';
import type { Value } from './builder.js';
import type { EmitContext, Emitter } from './context.js';

const same = (v: Value, name: string): Value => ({ ...v, name });

function unary(opType: string, attributes: (ctx: EmitContext) => Record<string, number | { float: number }> = () => ({})): Emitter {
  return (ctx) => same(ctx.inputs[0]!, ctx.builder.node(opType, [ctx.inputs[0]!.name], attributes(ctx), ctx.name));
}

export const relu = unary('Relu');
export const sigmoid = unary('Sigmoid');
export const tanh = unary('Tanh');
export const leakyRelu = unary('LeakyRelu', (ctx) => ({ alpha: { float: ctx.options.alpha ?? LEAKY_RELU_ALPHA } }));
export const elu = unary('Elu', (ctx) => ({ alpha: { float: ctx.options.alpha ?? 1 } }));
export const hardSigmoid = unary('HardSigmoid', (ctx) => ({
  alpha: { float: ctx.options.alpha ?? HARD_SIGMOID_ALPHA },
  beta: { float: ctx.options.beta ?? HARD_SIGMOID_BETA },
}));
export const hardSwish = unary('HardSwish');

/** Dropout is the identity at inference. */
export const dropout = unary('Identity');

export const relu6: Emitter = (ctx) => {
  const b = ctx.builder;
  const lo = b.scalar(`${ctx.name}/min`, 0);
  const hi = b.scalar(`${ctx.name}/max`, 6);
  return same(ctx.inputs[0]!, b.node('Clip', [ctx.inputs[0]!.name, lo, hi], {}, ctx.name));
};

export const softmax: Emitter = (ctx) => {
  const x = ctx.inputs[0]!;
  const axis = x.rank > 2 && x.layout === 'channelsFirst' ? 1 : -1;
  return same(x, ctx.builder.node('Softmax', [x.name], { axis }, ctx.name));
};

/** exact: `x·(1 + erf(x/√2))/2`; 'tanh': `x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))/2`. */
export const gelu: Emitter = (ctx) => {
  const b = ctx.builder;
  const x = ctx.inputs[0]!;
  const n = ctx.name;
  let inner: string;
  if (ctx.options.approximate === 'tanh') {
    const cube = b.node('Mul', [x.name, b.node('Mul', [x.name, x.name], {}, `${n}/x2`)], {}, `${n}/x3`);
    const poly = b.node('Add', [x.name, b.node('Mul', [cube, b.scalar(`${n}/c`, 0.044715)], {}, `${n}/cx3`)], {}, `${n}/poly`);
    inner = b.node('Tanh', [b.node('Mul', [poly, b.scalar(`${n}/k`, Math.sqrt(2 / Math.PI))], {}, `${n}/arg`)], {}, `${n}/tanh`);
  } else {
    inner = b.node('Erf', [b.node('Mul', [x.name, b.scalar(`${n}/k`, Math.SQRT1_2)], {}, `${n}/arg`)], {}, `${n}/erf`);
  }
  const onePlus = b.node('Add', [inner, b.scalar(`${n}/one`, 1)], {}, `${n}/1p`);
  const half = b.node('Mul', [x.name, b.scalar(`${n}/half`, 0.5)], {}, `${n}/halfx`);
  return same(x, b.node('Mul', [half, onePlus], {}, n));
};
