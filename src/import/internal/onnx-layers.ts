/**
 * ONNX operators → convtype layers, one converter per op type (NCHW in, NHWC out): batch norm, dense (Gemm,
 * MatMul with the flatten reorder of its rows, through io/internal/pytorch-layout.ts), shape ops, activations,
 * elementwise arithmetic, and the windowed ops of onnx-window.ts. An ONNX construct convtype cannot express
 * throws `Unsupported` with a sentence.
 */
import { toConvtype, weightLayout } from '../../io/internal/pytorch-layout.js';
import type { ImportedWeight, OptionValue } from '../ir.js';
import { axisOf, intList, listInput, reshapeDims, squeezeDims, unsqueezeDims } from './onnx-fold.js';
import { padOption, WINDOW_CONVERTERS } from './onnx-window.js';
import {
  map4,
  onnxDims,
  showOnnx,
  sizeOf,
  unsupported,
  weight,
  type ActValue,
  type ConstValue,
  type Converter,
  type NodeContext,
  type Value,
} from './onnx-values.js';

/** Refuses a flattened feature map whose NCHW order would show (anything but a dense or an elementwise op). */
function ordered(x: ActValue): ActValue {
  if (x.flat) unsupported(`reads features flattened from an NCHW map [N, ${x.flat[2]}, ${x.flat[0]}, ${x.flat[1]}], whose order convtype (NHWC) does not keep`);
  return x;
}

const batchNorm: Converter = (ctx) => {
  const x = ctx.act(0);
  if (ctx.int('training_mode', 0) !== 0) unsupported('runs in training mode');
  const c = x.shape[x.shape.length - 1]!;
  const params = (['gamma', 'beta', 'movingMean', 'movingVariance'] as const).map((name, i) => {
    const v = ctx.constant(i + 1, name);
    const features = x.flat ? sizeOf(x.flat) : c;
    if (v.data.length !== features) unsupported(`has ${v.data.length} values of ${name} for ${features} channels`);
    return [name, weight([c], x.flat ? toFlatOrder(v.data, x.flat) : v.data)] as const;
  });
  return { ...ctx.emit('batchNorm', { epsilon: ctx.float('epsilon', 1e-5) }, Object.fromEntries(params)), ...(x.flat ? { flat: x.flat } : {}) };
};

/** A per-feature vector of a map flattened in NCHW order, in NHWC order. */
function toFlatOrder(v: Float32Array, [h, w, c]: readonly number[]): Float32Array {
  const out = new Float32Array(v.length);
  for (let y = 0; y < h!; y++) for (let x = 0; x < w!; x++) for (let k = 0; k < c!; k++) out[(y * w! + x) * c! + k] = v[(k * h! + y) * w! + x]!;
  return out;
}

// ——— dense ——————————————————————————————————————————————————————————————————————————————————————————

/** A dense layer from a `[K, F]` (PyTorch `[out, in]`) weight and an optional bias broadcast to K. */
function dense(ctx: NodeContext, x: ActValue, outIn: ConstValue, bias: Float32Array | undefined): ActValue {
  if (x.shape.length !== 2) unsupported(`multiplies ${showOnnx(x)} (convtype's dense reads [N, features])`);
  const [k, f] = outIn.dims as [number, number];
  if (f !== x.shape[1]) unsupported(`multiplies ${x.shape[1]} features by a [${f}, ${k}] weight`);
  const shape = [f, k];
  const kernel = weight(shape, toConvtype(weightLayout('dense', 'kernel', shape, x.flat), outIn.data));
  return ctx.emit('dense', { units: k, useBias: bias !== undefined }, bias ? { kernel, bias: weight([k], bias) } : { kernel });
}

/** A constant transposed (2-D). */
function transposed(v: ConstValue): ConstValue {
  const [r, c] = v.dims as [number, number];
  const data = new Float32Array(v.data.length);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) data[j * r + i] = v.data[i * c + j]!;
  return { ...v, dims: [c, r], data };
}

/** A bias constant as K values (`[K]`, `[1, K]` or a scalar), scaled by `scale`. */
export function biasOf(v: ConstValue, k: number, scale = 1): Float32Array | undefined {
  const ok = v.data.length === k ? v.dims.slice(0, -1).every((d) => d === 1) : v.data.length === 1;
  if (!ok) return undefined;
  return Float32Array.from({ length: k }, (_, i) => (v.data.length === 1 ? v.data[0]! : v.data[i]!) * scale);
}

const gemm: Converter = (ctx) => {
  const x = ctx.act(0);
  const b = ctx.constant(1, 'B');
  if (ctx.int('transA', 0) !== 0) unsupported('has transA = 1');
  if (b.dims.length !== 2) unsupported(`has a B of dims [${b.dims.join(', ')}]`);
  const alpha = ctx.float('alpha', 1);
  const beta = ctx.float('beta', 1);
  let outIn = ctx.int('transB', 0) === 1 ? b : transposed(b);
  if (alpha !== 1) outIn = { ...outIn, data: outIn.data.map((v) => v * alpha) };
  const k = outIn.dims[0]!;
  const c = ctx.input(2) === undefined ? undefined : ctx.constant(2, 'C');
  const bias = c && (biasOf(c, k, beta) ?? unsupported(`has a C of dims [${c.dims.join(', ')}] (expected [${k}] or [1, ${k}])`));
  return dense(ctx, x, outIn, bias);
};

/** MatMul by a constant, with the `Add` of a bias after it fused in when that is its only reader. */
const matMul: Converter = (ctx) => {
  const x = ctx.act(0);
  const b = ctx.constant(1, 'B');
  if (b.dims.length !== 2) unsupported(`multiplies by a B of dims [${b.dims.join(', ')}] (expected [in, out])`);
  const k = b.dims[1]!;
  const out = ctx.node.outputs[0]!;
  const readers = ctx.consumers(out);
  const add = readers.length === 1 && !ctx.isOutput(out) && readers[0]!.opType === 'Add' ? readers[0]! : undefined;
  const other = add && ctx.valueOf(add.inputs[add.inputs[0] === out ? 1 : 0]!);
  const bias = other?.kind === 'const' ? biasOf(other, k) : undefined;
  const y = dense(ctx, x, transposed(b), bias);
  if (add && bias) {
    ctx.absorb(add);
    ctx.set(add.outputs[0]!, y);
  }
  return y;
};

// ——— shape ops ——————————————————————————————————————————————————————————————————————————————————————

/** An activation given the ONNX dims `target` (batch 1): flatten, a channel-only reshape, or nothing. */
function reshapeAct(ctx: NodeContext, x: ActValue, target: readonly number[]): ActValue {
  const from = onnxDims(x);
  if (target[0] !== 1) unsupported(`reshapes ${showOnnx(x)} to [${target.join(', ')}], which changes the batch dim`);
  if (target.length === from.length && target.every((d, i) => d === from[i])) return x;
  const pixels = (d: readonly number[]): number => sizeOf(d.slice(2));
  if (from.length === 4 && target.length === 2) {
    const y = ctx.emit('flatten', {}, {}, [x]);
    return pixels(from) > 1 ? { ...y, flat: x.shape.slice(1) } : y;
  }
  // Only a channel axis moves: [N, C] ↔ [N, C, 1, 1] keep the element order in both layouts.
  if (!x.flat && pixels(from) === 1 && pixels(target) === 1 && (target.length === 2 || target.length === 4)) {
    return ctx.emit('reshape', { shape: target.length === 4 ? [1, 1, target[1]!] : [target[1]!] }, {}, [x]);
  }
  return unsupported(`reshapes ${showOnnx(x)} to [${target.join(', ')}], which moves data between channels and pixels (NCHW and NHWC orders differ)`);
}

const reshape: Converter = (ctx) => {
  const x = ctx.act(0);
  const target = reshapeDims(onnxDims(x), intList(ctx.constant(1, 'shape'), 'shape'), ctx.int('allowzero', 0) === 1);
  return reshapeAct(ctx, x, target);
};

const flatten: Converter = (ctx) => {
  const x = ctx.act(0);
  const dims = onnxDims(x);
  const axis = axisOf(ctx.int('axis', 1), dims.length + 1);
  if (axis !== 1) unsupported(`flattens from axis ${axis} (convtype keeps the batch: axis 1)`);
  return reshapeAct(ctx, x, [1, sizeOf(dims.slice(1))]);
};

const squeeze: Converter = (ctx) => {
  const x = ctx.act(0);
  return reshapeAct(ctx, x, squeezeDims(onnxDims(x), listInput(ctx, 'axes', 1)));
};

const unsqueeze: Converter = (ctx) => {
  const x = ctx.act(0);
  return reshapeAct(ctx, x, unsqueezeDims(onnxDims(x), listInput(ctx, 'axes', 1) ?? unsupported('has no axes')));
};

const concat: Converter = (ctx) => {
  const parts = ctx.node.inputs.map((_, i) => ordered(ctx.act(i)));
  const rank = parts[0]!.shape.length;
  if (axisOf(ctx.int('axis', 1), rank) !== 1) unsupported(`concatenates along axis ${ctx.int('axis', 1)} (convtype concatenates channels: axis 1)`);
  return ctx.emit('concat', {}, {}, parts);
};

const pad: Converter = (ctx) => {
  const x = map4(ctx);
  if (ctx.string('mode', 'constant') !== 'constant') unsupported(`pads in mode '${ctx.string('mode', 'constant')}' (convtype pads with zeros)`);
  const pads = listInput(ctx, 'pads', 1) ?? unsupported('has no pads');
  const value = ctx.input(2) === undefined ? ctx.float('value', 0) : ctx.constant(2, 'constant_value').data[0] ?? 0;
  if (value !== 0) unsupported(`pads with ${value} (convtype pads with zeros)`);
  if (ctx.input(3) !== undefined) unsupported('pads selected axes');
  if (pads.length !== 8 || pads[0] !== 0 || pads[1] !== 0 || pads[4] !== 0 || pads[5] !== 0) unsupported(`pads [${pads.join(', ')}] touch the batch or channel axes`);
  const spatialPads = [pads[2]!, pads[3]!, pads[6]!, pads[7]!];
  if (spatialPads.every((p) => p <= 0)) {
    const crop = spatialPads.map((p) => -p);
    return crop.every((p) => p === 0) ? x : ctx.emit('cropping2d', { cropping: [[crop[0]!, crop[2]!], [crop[1]!, crop[3]!]] });
  }
  return ctx.emit('zeroPadding2d', { padding: padOption(spatialPads) ?? 0 });
};

// ——— activations ——————————————————————————————————————————————————————————————————————————————————

/** An elementwise layer: a flattened input stays flattened (in NHWC order) through it. */
function elementwise(ctx: NodeContext, kind: string, opts: Record<string, OptionValue | undefined> = {}): ActValue {
  const x = ctx.act(0);
  const y = ctx.emit(kind, opts, {}, [x]);
  return x.flat ? { ...y, flat: x.flat } : y;
}

const unary = (kind: string): Converter => (ctx) => elementwise(ctx, kind);

/** The same value: Identity, Dropout at inference (its mask output is not available). */
const identity: Converter = (ctx) => ctx.act(0);

const clip: Converter = (ctx) => {
  const bound = (attr: string, i: number, fallback: number): number => {
    if (ctx.input(i) !== undefined) return ctx.constant(i, attr).data[0] ?? fallback;
    return ctx.float(attr, fallback);
  };
  const lo = bound('min', 1, -Infinity);
  const hi = bound('max', 2, Infinity);
  if (lo === 0 && hi === 6) return elementwise(ctx, 'relu6');
  if (lo === 0 && hi >= 3.4e38) return elementwise(ctx, 'relu');
  return unsupported(`clips to [${lo}, ${hi}] (convtype has relu for [0, ∞) and relu6 for [0, 6])`);
};

const softmax: Converter = (ctx) => {
  const x = ctx.act(0);
  const dims = onnxDims(x);
  const legacy = ctx.opset < 13;
  const axis = axisOf(ctx.int('axis', legacy ? 1 : -1), dims.length);
  // Opset < 13 normalises over all axes from `axis` on: the channel axis alone when the pixels are 1×1.
  const channels = dims.length === 2 ? axis === 1 : axis === 1 && (!legacy || sizeOf(dims.slice(2)) === 1);
  if (!channels) unsupported(`normalises ${showOnnx(x)} over axis ${axis}${legacy ? ' and the axes after it' : ''} (convtype's softmax runs over channels)`);
  return elementwise(ctx, 'softmax');
};

const hardSigmoid: Converter = (ctx) => {
  const alpha = ctx.float('alpha', 0.2);
  const beta = ctx.float('beta', 0.5);
  return elementwise(ctx, 'hardSigmoid', {
    alpha: Math.fround(alpha) === Math.fround(1 / 6) ? undefined : alpha,
    beta: beta === 0.5 ? undefined : beta,
  });
};

// ——— elementwise arithmetic ————————————————————————————————————————————————————————————————————————

/** `x·scale + shift` per channel as a 1×1 depthwise convolution (exact: one multiply-add per value). */
export function affine(ctx: NodeContext, x: ActValue, scale: Float32Array | undefined, shift: Float32Array | undefined): ActValue {
  const c = x.shape[x.shape.length - 1]!;
  const kernel = weight([1, 1, c, 1], scale ?? new Float32Array(c).fill(1));
  const weights: Record<string, ImportedWeight> = shift ? { kernel, bias: weight([c], shift) } : { kernel };
  if (x.shape.length === 4) return ctx.emit('depthwiseConv2d', { kernel: 1, useBias: shift !== undefined }, weights, [x]);
  if (x.shape.length !== 2) unsupported(`computes on ${showOnnx(x)}`);
  // [N, F]: as a 1×1×F map and back.
  const map = ctx.emit('reshape', { shape: [1, 1, c] }, {}, [x]);
  const y = ctx.emit('depthwiseConv2d', { kernel: 1, useBias: shift !== undefined }, weights, [map]);
  return { ...ctx.emit('reshape', { shape: [c] }, {}, [y]), ...(x.flat ? { flat: x.flat } : {}) };
}

/** A constant as one value per channel of `x` (it may not vary over pixels or batch), in `x`'s order. */
function perChannel(x: ActValue, v: ConstValue): Float32Array {
  const dims = onnxDims(x);
  const c = dims[1]!;
  const features = x.flat ? sizeOf(x.flat) : c;
  if (v.dims.length > dims.length) unsupported(`broadcasts a constant of dims [${v.dims.join(', ')}] over ${showOnnx(x)}`);
  const aligned = [...new Array<number>(dims.length - v.dims.length).fill(1), ...v.dims];
  const varies = aligned.map((d, i) => (d === 1 ? false : d === (i === 1 ? features : dims[i]) ? true : unsupported(`broadcasts a constant of dims [${v.dims.join(', ')}] over ${showOnnx(x)}`)));
  if (varies.some((on, i) => on && i !== 1)) unsupported(`adds or multiplies a constant of dims [${v.dims.join(', ')}] that varies over pixels or batch (convtype's elementwise constants are per channel)`);
  const out = varies[1] ? Float32Array.from(v.data) : new Float32Array(features).fill(v.data[0]!);
  return x.flat ? toFlatOrder(out, x.flat) : out;
}

/** Add, Sub, Mul, Div of an activation and a constant or of two activations. */
function arithmetic(op: 'Add' | 'Sub' | 'Mul' | 'Div'): Converter {
  return (ctx) => {
    if (ctx.node.inputs.length !== 2) unsupported(`has ${ctx.node.inputs.length} inputs (expected A and B)`);
    const a = ctx.input(0) ?? unsupported('has no input A');
    const b = ctx.input(1) ?? unsupported('has no input B');
    if (a.kind === 'act' && b.kind === 'act') return joinActs(ctx, op, ctx.act(0), ctx.act(1));
    const xFirst = a.kind === 'act';
    const x = ctx.act(xFirst ? 0 : 1);
    const k = perChannel(x, ctx.constant(xFirst ? 1 : 0, 'constant'));
    switch (op) {
      case 'Add':
        return affine(ctx, x, undefined, k);
      case 'Sub':
        return xFirst ? affine(ctx, x, undefined, k.map((v) => -v)) : affine(ctx, x, new Float32Array(k.length).fill(-1), k);
      case 'Mul':
        return affine(ctx, x, k, undefined);
      case 'Div':
        return xFirst ? affine(ctx, x, k.map((v) => 1 / v), undefined) : unsupported('divides a constant by an activation');
    }
  };
}

/** Two activations: `add` of equal shapes, `multiply` with a per-channel gate, `a − b` as `a + (−1)·b`. */
function joinActs(ctx: NodeContext, op: string, a: ActValue, b: ActValue): Value {
  const same = a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);
  const flat = a.flat ?? b.flat;
  if (flat && !(same && a.flat && b.flat)) unsupported('combines features flattened in NCHW order with others');
  const keep = (y: ActValue): ActValue => (flat ? { ...y, flat } : y);
  if (op === 'Add' || op === 'Sub') {
    if (!same) unsupported(`adds ${showOnnx(a)} and ${showOnnx(b)} (convtype adds equal shapes)`);
    const rhs = op === 'Sub' ? affine(ctx, b, new Float32Array(b.shape[b.shape.length - 1]!).fill(-1), undefined) : b;
    return keep(ctx.emit('add', {}, {}, [a, rhs]));
  }
  if (op === 'Mul') {
    // multiply(a, gate): only the second input broadcasts (a [N, C, 1, 1] gate, or [N, C]).
    const gate = (v: ActValue): boolean => v.shape.length === 4 && v.shape[1] === 1 && v.shape[2] === 1;
    const [big, small] = gate(a) && !gate(b) ? [b, a] : [a, b];
    return keep(ctx.emit('multiply', {}, {}, [big, small]));
  }
  return unsupported(`divides ${showOnnx(a)} by ${showOnnx(b)} (convtype has no elementwise division)`);
}

/** The boundary transposes of a tf2onnx-style graph (NHWC ↔ NCHW): convtype's value is the same either way. */
const transpose: Converter = (ctx) => {
  const x = ctx.input(0);
  if (x?.kind !== 'act') return unsupported('transposes a constant together with a tensor');
  const perm = (ctx.ints('perm', undefined) ?? []).join(',');
  if (x.shape.length === 4 && x.channelsLast && perm === '0,3,1,2') return { kind: 'act', ref: x.ref, shape: x.shape };
  if (x.shape.length === 4 && !x.channelsLast && perm === '0,2,3,1') return { kind: 'act', ref: x.ref, shape: x.shape, channelsLast: true };
  return unsupported(`transposes ${showOnnx(x)} by [${perm}] (convtype imports the NHWC ↔ NCHW transposes at a graph's boundary only)`);
};

/** The shape of an activation as an int64 constant (ONNX dims, batch 1). */
const shape: Converter = (ctx) => {
  const dims = onnxDims(ctx.act(0));
  const start = ctx.int('start', 0);
  const endAttr = ctx.node.attributes.end;
  const end = endAttr?.type === 'INT' ? endAttr.value : dims.length;
  const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + dims.length : v, 0), dims.length);
  const picked = dims.slice(clamp(start), clamp(end));
  return { kind: 'const', dims: [picked.length], data: Float32Array.from(picked), int: true };
};

/** Converters of nodes that read at least one activation, by op type. */
export const LAYER_CONVERTERS: Readonly<Record<string, Converter>> = {
  ...WINDOW_CONVERTERS,
  BatchNormalization: batchNorm,
  Gemm: gemm,
  MatMul: matMul,
  Reshape: reshape,
  Flatten: flatten,
  Squeeze: squeeze,
  Unsqueeze: unsqueeze,
  Concat: concat,
  Pad: pad,
  Relu: unary('relu'),
  Sigmoid: unary('sigmoid'),
  Tanh: unary('tanh'),
  HardSwish: unary('hardSwish'),
  LeakyRelu: (ctx) => elementwise(ctx, 'leakyRelu', { alpha: ctx.float('alpha', 0.01) }),
  Elu: (ctx) => elementwise(ctx, 'elu', { alpha: ctx.float('alpha', 1) === 1 ? undefined : ctx.float('alpha', 1) }),
  Gelu: (ctx) => elementwise(ctx, 'gelu', { approximate: ctx.string('approximate', 'none') === 'none' ? undefined : ctx.string('approximate', 'none') }),
  HardSigmoid: hardSigmoid,
  Clip: clip,
  Softmax: softmax,
  Identity: identity,
  Cast: (ctx) => (ctx.int('to', 0) === 1 ? ctx.act(0) : unsupported(`casts a tensor to data type ${ctx.int('to', 0)} (convtype computes in FLOAT)`)),
  Dropout: identity,
  Add: arithmetic('Add'),
  Sub: arithmetic('Sub'),
  Mul: arithmetic('Mul'),
  Div: arithmetic('Div'),
  Shape: shape,
  Transpose: transpose,
};
