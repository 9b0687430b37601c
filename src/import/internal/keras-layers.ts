/**
 * Keras / tfjs-layers layer classes → convtype layers, one converter per class. A converter reads the
 * Keras config (snake_case, as tfjs-layers and Keras save it), asks the walker (../tfjs.ts) for its weights
 * by Keras parameter name, and emits one or more convtype layers; it throws `Unsupported` with a sentence
 * for a configuration convtype cannot express (channels_first, causal padding, a ReLU threshold …).
 *
 * Keras layouts are convtype's (HWIO kernels, `[in, out]` dense, `[kh, kw, C, M]` depthwise), so weights pass
 * through unchanged except where a Keras layer becomes another convtype kind (Dense on a feature map → 1×1
 * conv: the same numbers with a `[1, 1, in, out]` shape).
 */
import type { ImportedWeight, OptionValue } from '../ir.js';

/** A configuration or class convtype cannot express; the walker lists it with every other one. */
export class Unsupported extends Error {}

/** What a converter sees and can do. */
export interface LayerContext {
  /** The Keras layer name. */
  readonly name: string;
  readonly config: Readonly<Record<string, unknown>>;
  /** Convtype names of the inputs, in Keras order. */
  readonly inputs: readonly string[];
  /** Their shapes, batch first (−1). */
  readonly shapes: readonly (readonly number[])[];
  /** The Keras weight `<layer>/<param>` (throws when the file lacks it). */
  weight(param: string): ImportedWeight;
  /** Whether the file has the Keras weight. */
  hasWeight(param: string): boolean;
  /**
   * Adds a convtype layer reading `inputs` (default: this layer's first input) and returns its name: the Keras
   * name for the first layer a converter emits (so weight keys stay `<keras name>/<param>`), `<name>_<kind>` after.
   */
  emit(kind: string, options: Record<string, OptionValue>, weights?: Record<string, ImportedWeight>, inputs?: readonly string[]): string;
}

/** A converter: emits layers and returns the name of the one that is the Keras layer's output (its input's for an identity). */
type Converter = (ctx: LayerContext) => string;

const unsupported = (reason: string): never => {
  throw new Unsupported(reason);
};

const num = (ctx: LayerContext, key: string, fallback?: number): number => {
  const v = ctx.config[key] ?? fallback;
  return typeof v === 'number' ? v : unsupported(`${key} is not a number (got ${JSON.stringify(v)})`);
};

/** `n` for `[n, n]` (or `n`), `[h, w]` otherwise. */
function pair(ctx: LayerContext, key: string, fallback?: number): number | [number, number] {
  const v = ctx.config[key] ?? fallback;
  const list = typeof v === 'number' ? [v, v] : v;
  if (!Array.isArray(list) || list.length !== 2 || !list.every((d) => typeof d === 'number')) {
    return unsupported(`${key} is not a number or a pair of numbers (got ${JSON.stringify(v)})`);
  }
  return list[0] === list[1] ? (list[0] as number) : [list[0] as number, list[1] as number];
}

/** Keras ZeroPadding2D/Cropping2D amounts: `n`, `[h, w]` or `[[top, bottom], [left, right]]`, simplified. */
function amounts(ctx: LayerContext, key: string): OptionValue {
  const v = ctx.config[key];
  if (typeof v === 'number') return v;
  if (Array.isArray(v) && v.length === 2 && v.every((d) => typeof d === 'number')) return pair(ctx, key);
  if (Array.isArray(v) && v.length === 2 && v.every((d) => Array.isArray(d) && d.length === 2 && d.every((e) => typeof e === 'number'))) {
    const [[t, b], [l, r]] = v as [[number, number], [number, number]];
    if (t === b && l === r) return t === l ? t : [t, l];
    return [[t, b], [l, r]];
  }
  return unsupported(`${key} is not n, [h, w] or [[top, bottom], [left, right]] (got ${JSON.stringify(v)})`);
}

function channelsLast(ctx: LayerContext): void {
  const f = ctx.config.data_format;
  if (f !== undefined && f !== null && f !== 'channels_last') unsupported(`data_format '${String(f)}' (convtype runs channels_last / NHWC only)`);
}

/** Keras `padding` 'same' as convtype's (TF 'same' for any stride); 'valid' is the default and left out. */
function padding(ctx: LayerContext, o: Record<string, OptionValue>): void {
  const p = ctx.config.padding ?? 'valid';
  if (p === 'same') o.padding = 'same';
  else if (p !== 'valid') unsupported(`padding '${String(p)}' (expected 'valid' or 'same')`);
}

/** Options shared by the convolutions: stride, padding, dilation (`pair` in 2-D, `list` in 1-D/3-D), defaults left out. */
function window(ctx: LayerContext, read: (ctx: LayerContext, key: string, fallback?: number) => OptionValue = pair): Record<string, OptionValue> {
  channelsLast(ctx);
  const o: Record<string, OptionValue> = {};
  const stride = read(ctx, 'strides', 1);
  if (stride !== 1) o.stride = stride;
  padding(ctx, o);
  const dilation = read(ctx, 'dilation_rate', 1);
  if (dilation !== 1) o.dilation = dilation;
  return o;
}

/** `useBias: false` when the Keras layer has none, and the bias weight when it has one. */
function bias(ctx: LayerContext, options: Record<string, OptionValue>, weights: Record<string, ImportedWeight>): void {
  if (ctx.config.use_bias === false) options.useBias = false;
  else weights.bias = ctx.weight('bias');
}

/**
 * The convtype layers of a Keras activation name applied to `x`; returns the last one's name (`x` for linear).
 * Keras 2's and tfjs's `hard_sigmoid` is `clip(0.2x + 0.5, 0, 1)`: convtype's hardSigmoid with α = 0.2.
 */
export function activation(ctx: LayerContext, name: unknown, x: string): string {
  const emit = (kind: string, options: Record<string, OptionValue> = {}, inputs = [x]): string => ctx.emit(kind, options, undefined, inputs);
  switch (name) {
    case undefined:
    case null:
    case 'linear':
      return x;
    case 'relu':
    case 'sigmoid':
    case 'tanh':
    case 'softmax':
    case 'elu':
    case 'relu6':
    case 'gelu':
      return emit(name);
    case 'hard_swish':
    case 'hard_silu':
      return emit('hardSwish');
    case 'leaky_relu':
      return emit('leakyRelu', { alpha: 0.2 });
    case 'swish':
    case 'silu': {
      const gate = emit('sigmoid');
      return ctx.emit('multiply', {}, undefined, [x, gate]);
    }
    case 'hard_sigmoid':
      return emit('hardSigmoid', { alpha: 0.2 }); // Keras 2 and tfjs: clip(0.2x + 0.5, 0, 1)
    default:
      return unsupported(`activation '${String(name)}' (convtype has relu, relu6, leaky_relu, elu, gelu, sigmoid, hard_sigmoid, tanh, softmax, swish, hard_swish)`);
  }
}

/** A layer with weights followed by its Keras `activation` option. */
const withActivation = (ctx: LayerContext, kind: string, options: Record<string, OptionValue>, weights: Record<string, ImportedWeight>): string =>
  activation(ctx, ctx.config.activation, ctx.emit(kind, options, weights));

const rankOf = (ctx: LayerContext): number => ctx.shapes[0]!.length;

/** A Keras axis as a non-negative index into the batch-first shape. */
function axisOf(ctx: LayerContext, raw: unknown): number {
  const v = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  if (typeof v !== 'number') return unsupported(`axis ${JSON.stringify(raw)} (expected one axis)`);
  return v < 0 ? v + rankOf(ctx) : v;
}

function lastAxisOnly(ctx: LayerContext, raw: unknown, what: string): void {
  if (axisOf(ctx, raw) !== rankOf(ctx) - 1) unsupported(`${what} over axis ${JSON.stringify(raw)} (convtype's is over the last, channel axis)`);
}

function conv(kind: 'conv1d' | 'conv2d' | 'conv3d'): Converter {
  return (ctx) => {
    if (ctx.config.padding === 'causal') unsupported("padding 'causal'");
    const options: Record<string, OptionValue> = { filters: num(ctx, 'filters'), kernel: kind === 'conv2d' ? pair(ctx, 'kernel_size') : list(ctx, 'kernel_size') };
    Object.assign(options, window(ctx, kind === 'conv2d' ? pair : list));
    const groups = num(ctx, 'groups', 1);
    if (groups !== 1) options.groups = groups;
    const weights = { kernel: ctx.weight('kernel') };
    bias(ctx, options, weights);
    return withActivation(ctx, kind, options, weights);
  };
}

/** A list option (conv1d/conv3d), a single number when all entries agree. */
function list(ctx: LayerContext, key: string, fallback?: number): OptionValue {
  const v = ctx.config[key] ?? fallback;
  if (typeof v === 'number') return v;
  if (!Array.isArray(v) || !v.every((d) => typeof d === 'number')) return unsupported(`${key} is not a list of numbers (got ${JSON.stringify(v)})`);
  return v.every((d) => d === v[0]) ? (v[0] as number) : (v as number[]);
}

const depthwiseConv2d: Converter = (ctx) => {
  const options: Record<string, OptionValue> = { kernel: pair(ctx, 'kernel_size'), ...window(ctx) };
  const m = num(ctx, 'depth_multiplier', 1);
  if (m !== 1) options.depthMultiplier = m;
  const weights = { kernel: ctx.weight('depthwise_kernel') };
  bias(ctx, options, weights);
  return withActivation(ctx, 'depthwiseConv2d', options, weights);
};

const separableConv2d: Converter = (ctx) => {
  const options: Record<string, OptionValue> = { filters: num(ctx, 'filters'), kernel: pair(ctx, 'kernel_size'), ...window(ctx) };
  const m = num(ctx, 'depth_multiplier', 1);
  if (m !== 1) options.depthMultiplier = m;
  const weights = { depthwiseKernel: ctx.weight('depthwise_kernel'), pointwiseKernel: ctx.weight('pointwise_kernel') };
  bias(ctx, options, weights);
  return withActivation(ctx, 'separableConv2d', options, weights);
};

const conv2dTranspose: Converter = (ctx) => {
  const options: Record<string, OptionValue> = { filters: num(ctx, 'filters'), kernel: pair(ctx, 'kernel_size'), ...window(ctx) };
  const op = ctx.config.output_padding;
  if (op !== undefined && op !== null) {
    const p = pair(ctx, 'output_padding');
    if (p !== 0) options.outputPadding = p;
  }
  const weights = { kernel: ctx.weight('kernel') };
  bias(ctx, options, weights);
  return withActivation(ctx, 'conv2dTranspose', options, weights);
};

/** Dense on `[B, F]`; on a feature map (Keras applies it per position) the same weights as a 1×1 conv. */
const dense: Converter = (ctx) => {
  const units = num(ctx, 'units');
  const kernel = ctx.weight('kernel');
  const rank = rankOf(ctx);
  const options: Record<string, OptionValue> = rank === 2 ? { units } : { filters: units, kernel: 1 };
  const weights: Record<string, ImportedWeight> = {};
  if (rank === 2) weights.kernel = kernel;
  else if (rank === 3 || rank === 4) weights.kernel = { shape: [...Array<number>(rank - 2).fill(1), ...kernel.shape], data: kernel.data };
  else unsupported(`Dense on a rank-${rank} input (convtype applies it to [B, F], [B, L, C] or [B, H, W, C])`);
  bias(ctx, options, weights);
  return withActivation(ctx, rank === 2 ? 'dense' : rank === 3 ? 'conv1d' : 'conv2d', options, weights);
};

const batchNorm: Converter = (ctx) => {
  lastAxisOnly(ctx, ctx.config.axis ?? -1, 'BatchNormalization');
  const options: Record<string, OptionValue> = {};
  const epsilon = num(ctx, 'epsilon', 1e-3);
  if (epsilon !== 1e-3) options.epsilon = epsilon;
  const mean = ctx.weight('moving_mean');
  const c = mean.data.length;
  const filled = (value: number): ImportedWeight => ({ shape: [c], data: new Float32Array(c).fill(value) });
  const weights = {
    gamma: ctx.config.scale === false ? filled(1) : ctx.weight('gamma'),
    beta: ctx.config.center === false ? filled(0) : ctx.weight('beta'),
    movingMean: mean,
    movingVariance: ctx.weight('moving_variance'),
  };
  return ctx.emit('batchNorm', options, weights);
};

function pool(kind: 'maxPool2d' | 'avgPool2d'): Converter {
  return (ctx) => {
    channelsLast(ctx);
    const size = pair(ctx, 'pool_size', 2);
    const options: Record<string, OptionValue> = { size };
    const strides = ctx.config.strides;
    if (strides !== undefined && strides !== null) {
      const stride = pair(ctx, 'strides');
      if (JSON.stringify(stride) !== JSON.stringify(size)) options.stride = stride;
    }
    padding(ctx, options);
    return ctx.emit(kind, options);
  };
}

function globalPool(kind: 'globalAvgPool2d' | 'globalMaxPool2d'): Converter {
  return (ctx) => {
    channelsLast(ctx);
    return ctx.emit(kind, ctx.config.keepdims === true ? { keepDims: true } : {});
  };
}

const relu: Converter = (ctx) => {
  const max = ctx.config.max_value ?? null;
  const slope = ctx.config.negative_slope ?? 0;
  const threshold = ctx.config.threshold ?? 0;
  if (threshold !== 0) unsupported(`ReLU threshold ${JSON.stringify(threshold)} (convtype's relu has threshold 0)`);
  if (max === null && slope === 0) return ctx.emit('relu', {});
  if (max === 6 && slope === 0) return ctx.emit('relu6', {});
  if (max === null && typeof slope === 'number') return ctx.emit('leakyRelu', { alpha: slope });
  return unsupported(`ReLU with max_value ${JSON.stringify(max)} and negative_slope ${JSON.stringify(slope)} (convtype has relu, relu6 and leakyRelu)`);
};

const softmax: Converter = (ctx) => {
  lastAxisOnly(ctx, ctx.config.axis ?? -1, 'Softmax');
  return ctx.emit('softmax', {});
};

/** Add and Multiply of n tensors: a left fold of convtype's two-input joins. */
function join(kind: 'add' | 'multiply'): Converter {
  return (ctx) => {
    if (ctx.inputs.length < 2) unsupported(`${kind} of ${ctx.inputs.length} tensor(s) (expected at least two)`);
    let acc = ctx.inputs[0]!;
    for (const next of ctx.inputs.slice(1)) acc = ctx.emit(kind, {}, undefined, [acc, next]);
    return acc;
  };
}

const concatenate: Converter = (ctx) => {
  lastAxisOnly(ctx, ctx.config.axis ?? -1, 'Concatenate');
  return ctx.emit('concat', {}, undefined, ctx.inputs);
};

const upSampling2d: Converter = (ctx) => {
  channelsLast(ctx);
  const options: Record<string, OptionValue> = {};
  const size = pair(ctx, 'size', 2);
  if (size !== 2) options.size = size;
  const interpolation = ctx.config.interpolation ?? 'nearest';
  if (interpolation === 'bilinear') options.interpolation = 'bilinear';
  else if (interpolation !== 'nearest') unsupported(`interpolation '${String(interpolation)}' (convtype has nearest and bilinear)`);
  return ctx.emit('upSampling2d', options);
};

const reshape: Converter = (ctx) => {
  const target = ctx.config.target_shape;
  if (!Array.isArray(target) || !target.every((d) => typeof d === 'number' || d === null)) return unsupported(`target_shape ${JSON.stringify(target)}`);
  return ctx.emit('reshape', { shape: target.map((d) => (d === null ? -1 : (d as number))) });
};

/** `x·scale + offset` per channel, exactly: a 1×1 depthwise conv whose kernel is the scale and bias the offset. */
const rescaling: Converter = (ctx) => {
  const shape = ctx.shapes[0]!;
  if (shape.length !== 4) unsupported(`Rescaling of a rank-${shape.length} input (convtype expresses it on [B, H, W, C])`);
  const c = shape[3]!;
  const perChannel = (key: string, fallback: number): Float32Array => {
    const v = ctx.config[key] ?? fallback;
    const values = typeof v === 'number' ? new Array<number>(c).fill(v) : v;
    if (!Array.isArray(values) || values.length !== c || !values.every((x) => typeof x === 'number')) {
      return unsupported(`${key} ${JSON.stringify(v)} (expected a number or one per channel, ${c})`);
    }
    return Float32Array.from(values as number[]);
  };
  const weights = { kernel: { shape: [1, 1, c, 1], data: perChannel('scale', 1) }, bias: { shape: [c], data: perChannel('offset', 0) } };
  return ctx.emit('depthwiseConv2d', { kernel: 1 }, weights);
};

/** The central `height × width` window (Keras/tfjs: the extra row or column is cut at the end). */
const centerCrop: Converter = (ctx) => {
  const [, h, w] = ctx.shapes[0]!;
  const height = num(ctx, 'height');
  const width = num(ctx, 'width');
  if (ctx.shapes[0]!.length !== 4 || h! < height || w! < width) {
    unsupported(`CenterCrop to ${height}×${width} of ${ctx.shapes[0]!.length === 4 ? `${h}×${w}` : 'a non-image input'} (Keras resizes when the input is smaller; convtype only crops)`);
  }
  const top = Math.floor((h! - height) / 2);
  const left = Math.floor((w! - width) / 2);
  return ctx.emit('cropping2d', { cropping: [[top, h! - height - top], [left, w! - width - left]] });
};

const dropout: Converter = (ctx) => ctx.emit('dropout', { rate: num(ctx, 'rate', 0) });

/** Converters by Keras class name (tfjs-layers uses the same names). */
export const KERAS_LAYERS: Readonly<Record<string, Converter>> = {
  Conv1D: conv('conv1d'),
  Conv2D: conv('conv2d'),
  Conv3D: conv('conv3d'),
  Conv2DTranspose: conv2dTranspose,
  DepthwiseConv2D: depthwiseConv2d,
  SeparableConv2D: separableConv2d,
  Dense: dense,
  Activation: (ctx) => activation(ctx, ctx.config.activation, ctx.inputs[0]!),
  ReLU: relu,
  LeakyReLU: (ctx) => ctx.emit('leakyRelu', { alpha: num(ctx, 'alpha', num(ctx, 'negative_slope', 0.3)) }),
  ELU: (ctx) => ctx.emit('elu', { alpha: num(ctx, 'alpha', 1) }),
  Softmax: softmax,
  BatchNormalization: batchNorm,
  MaxPooling2D: pool('maxPool2d'),
  AveragePooling2D: pool('avgPool2d'),
  GlobalAveragePooling2D: globalPool('globalAvgPool2d'),
  GlobalMaxPooling2D: globalPool('globalMaxPool2d'),
  Flatten: (ctx) => ctx.emit('flatten', {}),
  Reshape: reshape,
  Dropout: dropout,
  SpatialDropout1D: dropout,
  SpatialDropout2D: dropout,
  ZeroPadding2D: (ctx) => (channelsLast(ctx), ctx.emit('zeroPadding2d', { padding: amounts(ctx, 'padding') })),
  Cropping2D: (ctx) => (channelsLast(ctx), ctx.emit('cropping2d', { cropping: amounts(ctx, 'cropping') })),
  UpSampling2D: upSampling2d,
  Rescaling: rescaling,
  CenterCrop: centerCrop,
  Add: join('add'),
  Multiply: join('multiply'),
  Concatenate: concatenate,
};
