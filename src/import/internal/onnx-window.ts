/**
 * ONNX's windowed operators → convtype layers: Conv (→ conv2d, or depthwiseConv2d when group = channels),
 * ConvTranspose, MaxPool/AveragePool, the global pools, and Resize/Upsample by whole factors. Weights change
 * layout through the PyTorch layout table (io/internal/pytorch-layout.ts: ONNX's Conv weights are PyTorch's),
 * so one place knows OIHW → HWIO and `[C·M, 1, kh, kw]` → `[kh, kw, C, M]`. Padding keeps ONNX's meaning:
 * explicit `pads` become convtype's explicit `[[top, bottom], [left, right]]` (or the short forms), SAME_UPPER
 * is convtype's 'same', SAME_LOWER is computed.
 */
import { toConvtype, weightLayout } from '../../io/internal/pytorch-layout.js';
import type { OptionValue } from '../ir.js';
import { axisOf, intList, listInput } from './onnx-fold.js';
import { map4, onnxDims, pairOption, showOnnx, unsupported, weight, type Converter, type NodeContext } from './onnx-values.js';

/** `[h, w]` of a spatial attribute (default `fallback`), each a positive integer. */
function spatial(ctx: NodeContext, name: string, fallback: number): [number, number] {
  const v = ctx.ints(name, [fallback, fallback])!;
  if (v.length !== 2 || !v.every((d) => Number.isInteger(d) && d >= 1)) unsupported(`${name} [${v.join(', ')}] is not two positive integers (convtype imports 2-D ops)`);
  return [v[0]!, v[1]!];
}

/**
 * Convtype's padding option for ONNX `auto_pad`/`pads` of a window `kernel` (dilated by `dilation`) moving
 * by `stride` over `[H, W]`; undefined for no padding.
 */
function padding(ctx: NodeContext, hw: readonly number[], kernel: readonly number[], stride: readonly number[], dilation: readonly number[]): OptionValue | undefined {
  const auto = ctx.string('auto_pad', 'NOTSET');
  let pads: number[];
  if (auto === 'VALID') return undefined;
  if (auto === 'SAME_UPPER') return 'same';
  if (auto === 'SAME_LOWER') {
    // The odd extra pad goes at the beginning (SAME_UPPER, TF's 'same', puts it at the end).
    const total = hw.map((n, a) => Math.max((Math.ceil(n / stride[a]!) - 1) * stride[a]! + dilation[a]! * (kernel[a]! - 1) + 1 - n, 0));
    pads = [total[0]! - Math.floor(total[0]! / 2), total[1]! - Math.floor(total[1]! / 2), Math.floor(total[0]! / 2), Math.floor(total[1]! / 2)];
  } else if (auto === 'NOTSET') {
    pads = [...(ctx.ints('pads', [0, 0, 0, 0]) ?? [])];
    if (pads.length !== 4) unsupported(`pads [${pads.join(', ')}] is not [top, left, bottom, right]`);
  } else return unsupported(`auto_pad '${auto}' is not NOTSET, SAME_UPPER, SAME_LOWER or VALID`);
  return padOption(pads);
}

/** ONNX `[top, left, bottom, right]` as convtype's shortest padding form (undefined for none). */
export function padOption(pads: readonly number[]): OptionValue | undefined {
  const [t, l, b, r] = pads as [number, number, number, number];
  if (pads.some((p) => !Number.isInteger(p) || p < 0)) unsupported(`pads [${pads.join(', ')}] are negative or not integers`);
  if (t === b && l === r) return t === 0 && l === 0 ? undefined : pairOption(t, l);
  return [[t, b], [l, r]];
}

const conv: Converter = (ctx) => {
  const x = map4(ctx);
  const w = ctx.constant(1, 'weight W');
  const b = ctx.input(2) === undefined ? undefined : ctx.constant(2, 'bias B');
  if (w.dims.length !== 4) unsupported(`has a weight of dims [${w.dims.join(', ')}] (convtype imports 2-D convolutions: [O, I/group, kh, kw])`);
  const [o, ig, kh, kw] = w.dims as [number, number, number, number];
  const c = x.shape[3]!;
  const group = ctx.int('group', 1);
  if (group < 1 || ig * group !== c || o % group !== 0) unsupported(`has group ${group} and weight [${w.dims.join(', ')}] for ${c} input channels`);
  const given = ctx.ints('kernel_shape', undefined);
  if (given && (given[0] !== kh || given[1] !== kw)) unsupported(`has kernel_shape [${given.join(', ')}] but a ${kh}×${kw} weight`);
  if (b && b.data.length !== o) unsupported(`has a bias of ${b.data.length} values for ${o} output channels`);
  const stride = spatial(ctx, 'strides', 1);
  const dilation = spatial(ctx, 'dilations', 1);
  const pad = padding(ctx, x.shape.slice(1, 3), [kh, kw], stride, dilation);
  const depthwise = group > 1 && group === c && ig === 1;
  const kind = depthwise ? 'depthwiseConv2d' : 'conv2d';
  const kernelShape = depthwise ? [kh, kw, c, o / c] : [kh, kw, ig, o];
  const kernel = weight(kernelShape, toConvtype(weightLayout(kind, 'kernel', kernelShape), w.data));
  const common = {
    kernel: pairOption(kh, kw),
    stride: stride[0] === 1 && stride[1] === 1 ? undefined : pairOption(...stride),
    padding: pad,
    dilation: dilation[0] === 1 && dilation[1] === 1 ? undefined : pairOption(...dilation),
    useBias: b !== undefined,
  };
  const opts = depthwise
    ? { ...common, depthMultiplier: o / c === 1 ? undefined : o / c }
    : { filters: o, ...common, groups: group === 1 ? undefined : group };
  return ctx.emit(kind, opts, b ? { kernel, bias: weight([o], b.data) } : { kernel });
};

/**
 * ConvTranspose (group 1): weight `[I, O, kh, kw]` → `[kh, kw, O, I]`. ONNX and convtype agree on
 * `out = (in − 1)·s − pb − pe + d·(k − 1) + op + 1`; `output_shape` and SAME_* are turned into explicit pads.
 */
const convTranspose: Converter = (ctx) => {
  const x = map4(ctx);
  const w = ctx.constant(1, 'weight W');
  const b = ctx.input(2) === undefined ? undefined : ctx.constant(2, 'bias B');
  if (w.dims.length !== 4) unsupported(`has a weight of dims [${w.dims.join(', ')}] (convtype imports 2-D transposed convolutions: [I, O, kh, kw])`);
  const [i, o, kh, kw] = w.dims as [number, number, number, number];
  if (ctx.int('group', 1) !== 1) unsupported(`has group ${ctx.int('group', 1)} (convtype's conv2dTranspose has one group)`);
  if (i !== x.shape[3]) unsupported(`has a weight for ${i} input channels, reading ${x.shape[3]}`);
  if (b && b.data.length !== o) unsupported(`has a bias of ${b.data.length} values for ${o} output channels`);
  const stride = spatial(ctx, 'strides', 1);
  const dilation = spatial(ctx, 'dilations', 1);
  const outPad = ctx.ints('output_padding', [0, 0])!;
  const ke = [dilation[0] * (kh - 1) + 1, dilation[1] * (kw - 1) + 1];
  const hw = x.shape.slice(1, 3);
  const full = hw.map((n, a) => (n! - 1) * stride[a]! + ke[a]! + outPad[a]!);
  const auto = ctx.string('auto_pad', 'NOTSET');
  const wanted = ctx.ints('output_shape', undefined) ?? (auto === 'SAME_UPPER' || auto === 'SAME_LOWER' ? hw.map((n, a) => n! * stride[a]!) : undefined);
  let pads: number[];
  if (wanted !== undefined) {
    const target = wanted.slice(-2);
    const total = full.map((f, a) => f - target[a]!);
    if (total.some((t) => t < 0)) unsupported(`asks for output_shape [${target.join(', ')}] larger than the ${full.join('×')} a transposed convolution gives`);
    // SAME_LOWER puts the odd pad at the beginning, everything else at the end (ONNX's ConvTranspose rule).
    const begin = total.map((t) => (auto === 'SAME_LOWER' ? t - Math.floor(t / 2) : Math.floor(t / 2)));
    pads = [begin[0]!, begin[1]!, total[0]! - begin[0]!, total[1]! - begin[1]!];
  } else if (auto === 'NOTSET' || auto === 'VALID') pads = [...(auto === 'VALID' ? [0, 0, 0, 0] : ctx.ints('pads', [0, 0, 0, 0])!)];
  else return unsupported(`auto_pad '${auto}' is not NOTSET, SAME_UPPER, SAME_LOWER or VALID`);
  if (pads.length !== 4) unsupported(`pads [${pads.join(', ')}] is not [top, left, bottom, right]`);
  const kernelShape = [kh, kw, o, i];
  const kernel = weight(kernelShape, toConvtype(weightLayout('conv2dTranspose', 'kernel', kernelShape), w.data));
  const opts = {
    filters: o,
    kernel: pairOption(kh, kw),
    stride: stride[0] === 1 && stride[1] === 1 ? undefined : pairOption(...stride),
    padding: padOption(pads),
    outputPadding: outPad[0] === 0 && outPad[1] === 0 ? undefined : pairOption(outPad[0]!, outPad[1]!),
    dilation: dilation[0] === 1 && dilation[1] === 1 ? undefined : pairOption(...dilation),
    useBias: b !== undefined,
  };
  return ctx.emit('conv2dTranspose', opts, b ? { kernel, bias: weight([o], b.data) } : { kernel });
};

/** A list of per-axis values as convtype prints it: `n` when all agree, else the list. */
const axesOption = (v: readonly number[]): OptionValue => (v.every((x) => x === v[0]) ? v[0]! : [...v]);

/** ONNX `[x1_begin, …, x1_end, …]` as convtype's shortest padding form for any rank (undefined for none). */
function padsNdOption(pads: readonly number[], rank: number): OptionValue | undefined {
  if (rank === 2) return padOption(pads);
  if (pads.some((p) => !Number.isInteger(p) || p < 0)) unsupported(`pads [${pads.join(', ')}] are negative or not integers`);
  const begin = pads.slice(0, rank);
  const end = pads.slice(rank);
  if (begin.every((p, a) => p === end[a])) return begin.every((p) => p === 0) ? undefined : axesOption(begin);
  return begin.map((p, a) => [p, end[a]!]);
}

/**
 * MaxPool / AveragePool with 1, 2 or 3 spatial axes → maxPool1d/2d/3d, avgPool1d/2d/3d (NCL, NCHW, NCDHW
 * feature maps; convtype's channels-last shapes). SAME_UPPER is 'same'; SAME_LOWER and explicit pads become
 * explicit pads.
 */
function pool(max: boolean): Converter {
  return (ctx) => {
    const x = ctx.act(0);
    const rank = x.shape.length - 2;
    if (rank < 1 || rank > 3) unsupported(`reads ${showOnnx(x)}, expected a feature map with 1 to 3 spatial axes`);
    const kind = `${max ? 'max' : 'avg'}Pool${rank}d`;
    const kernel = ctx.ints('kernel_shape', undefined) ?? unsupported('has no kernel_shape');
    const positive = (name: string, v: readonly number[]): readonly number[] => {
      if (v.length !== rank || !v.every((d) => Number.isInteger(d) && d >= 1)) unsupported(`${name} [${v.join(', ')}] is not ${rank} positive integers`);
      return v;
    };
    positive('kernel_shape', kernel);
    const ones = new Array<number>(rank).fill(1);
    const stride = positive('strides', ctx.ints('strides', ones)!);
    const dilation = positive('dilations', ctx.ints('dilations', ones)!);
    if (!max && dilation.some((d) => d !== 1)) unsupported('has dilations (convtype dilates max pooling only)');
    let pad: OptionValue | undefined;
    if (rank === 2) pad = padding(ctx, x.shape.slice(1, 3), kernel, stride, dilation);
    else {
      const auto = ctx.string('auto_pad', 'NOTSET');
      const spatialDims = x.shape.slice(1, 1 + rank);
      if (auto === 'SAME_UPPER') pad = 'same';
      else if (auto === 'VALID') pad = undefined;
      else if (auto === 'SAME_LOWER') {
        const total = spatialDims.map((n, a) => Math.max((Math.ceil(n / stride[a]!) - 1) * stride[a]! + dilation[a]! * (kernel[a]! - 1) + 1 - n, 0));
        pad = padsNdOption([...total.map((t) => t - Math.floor(t / 2)), ...total.map((t) => Math.floor(t / 2))], rank);
      } else if (auto === 'NOTSET') {
        const pads = ctx.ints('pads', new Array<number>(2 * rank).fill(0))!;
        if (pads.length !== 2 * rank) unsupported(`pads [${pads.join(', ')}] is not ${2 * rank} values`);
        pad = padsNdOption(pads, rank);
      } else return unsupported(`auto_pad '${auto}' is not NOTSET, SAME_UPPER, SAME_LOWER or VALID`);
    }
    const countIncludePad = !max && ctx.int('count_include_pad', 0) === 1 && pad !== undefined;
    return ctx.emit(kind, {
      size: axesOption(kernel),
      // ONNX's stride defaults to 1, convtype's to the window: always say it.
      stride: axesOption(stride),
      padding: pad,
      dilation: dilation.every((d) => d === 1) ? undefined : axesOption(dilation),
      ceilMode: ctx.int('ceil_mode', 0) === 1 ? true : undefined,
      countIncludePad: countIncludePad ? true : undefined,
    });
  };
}

/** GlobalAveragePool / GlobalMaxPool over NCL or NCHW (`kind2d`'s 1-D sibling for rank 3). */
const globalPool = (kind2d: string): Converter => (ctx) => {
  const x = ctx.act(0);
  if (x.shape.length === 3) return ctx.emit(kind2d.replace('2d', '1d'), { keepDims: true }, {}, [x]);
  return ctx.emit(kind2d, { keepDims: true }, {}, [map4(ctx)]);
};

/** ReduceMean/ReduceMax over H and W of a feature map: a global pooling. */
const reduce = (kind: string): Converter => (ctx) => {
  const x = map4(ctx);
  const axes = (listInput(ctx, 'axes', 1) ?? []).map((a) => axisOf(a, 4)).sort();
  if (axes.length !== 2 || axes[0] !== 2 || axes[1] !== 3) unsupported(`reduces axes [${axes.join(', ')}] (convtype reduces H and W: axes [2, 3])`);
  return ctx.emit(kind, { keepDims: ctx.int('keepdims', 1) === 1 }, {}, [x]);
};

/** ONNX's nearest source index of output `x` on an axis of `n` inputs scaled by `s` (Resize-11+ formulas). */
function nearestSource(x: number, n: number, s: number, transform: string, rounding: string): number {
  const out = Math.floor(n * s);
  const v =
    transform === 'asymmetric' ? x / s
    : transform === 'align_corners' ? (out === 1 ? 0 : (x * (n - 1)) / (out - 1))
    : transform === 'tf_half_pixel_for_nn' ? (x + 0.5) / s
    : transform === 'pytorch_half_pixel' && out === 1 ? 0
    : (x + 0.5) / s - 0.5;
  const i =
    rounding === 'floor' ? Math.floor(v)
    : rounding === 'ceil' ? Math.ceil(v)
    : rounding === 'round_prefer_ceil' ? Math.floor(v + 0.5)
    : Math.ceil(v - 0.5);
  return Math.min(Math.max(i, 0), n - 1);
}

/**
 * Resize/Upsample by integer factors of H and W: `upSampling2d` nearest when ONNX's nearest rule picks pixel
 * ⌊x/s⌋ for every output (checked for this size: it depends on the transform and rounding), bilinear for
 * 'linear' with half-pixel centres (convtype's, PyTorch's `align_corners=False`).
 */
const resize: Converter = (ctx) => {
  const x = map4(ctx);
  const dims = onnxDims(x);
  const legacy = ctx.node.opType === 'Upsample' || ctx.opset < 11;
  const scalesAt = legacy ? 1 : 2;
  let scales: readonly number[] | undefined = ctx.node.attributes.scales?.type === 'FLOATS' ? (ctx.node.attributes.scales.value as number[]) : undefined;
  if (!scales && ctx.input(scalesAt) !== undefined && ctx.constant(scalesAt, 'scales').data.length > 0) scales = Array.from(ctx.constant(scalesAt, 'scales').data);
  if (!scales && !legacy && ctx.input(3) !== undefined) scales = intList(ctx.constant(3, 'sizes'), 'sizes').map((d, i) => (i === 0 ? 1 : d / dims[i]!)); // the batch stays
  if (!scales || scales.length !== 4) return unsupported(`has no scales or sizes for the 4 axes of ${showOnnx(x)}`);
  const [sn, sc, sh, sw] = scales as [number, number, number, number];
  if (sn !== 1 || sc !== 1 || !Number.isInteger(sh) || !Number.isInteger(sw) || sh < 1 || sw < 1) unsupported(`scales [${scales.join(', ')}] (convtype upsamples H and W by whole factors)`);
  const mode = ctx.string('mode', 'nearest');
  const transform = ctx.string('coordinate_transformation_mode', legacy ? 'asymmetric' : 'half_pixel');
  if (mode === 'nearest') {
    const rounding = ctx.string('nearest_mode', legacy ? 'floor' : 'round_prefer_floor');
    const repeats = ([[dims[2]!, sh], [dims[3]!, sw]] as const).every(([n, s]) => Array.from({ length: n * s }, (_, o) => nearestSource(o, n, s, transform, rounding) === Math.floor(o / s)).every(Boolean));
    if (!repeats) unsupported(`picks nearest pixels by '${transform}' and '${rounding}' in a way that is not a repeat of each pixel`);
    return ctx.emit('upSampling2d', { size: pairOption(sh, sw) });
  }
  const halfPixel = transform === 'half_pixel' || (transform === 'pytorch_half_pixel' && dims[2]! * sh > 1 && dims[3]! * sw > 1);
  if ((mode === 'linear' || mode === 'bilinear') && halfPixel) return ctx.emit('upSampling2d', { size: pairOption(sh, sw), interpolation: 'bilinear' });
  return unsupported(`resizes in mode '${mode}' with '${transform}' (convtype has nearest, and bilinear with half-pixel centres)`);
};

/** Converters of the windowed ops, by op type. */
export const WINDOW_CONVERTERS: Readonly<Record<string, Converter>> = {
  Conv: conv,
  ConvTranspose: convTranspose,
  MaxPool: pool(true),
  AveragePool: pool(false),
  GlobalAveragePool: globalPool('globalAvgPool2d'),
  GlobalMaxPool: globalPool('globalMaxPool2d'),
  ReduceMean: reduce('globalAvgPool2d'),
  ReduceMax: reduce('globalMaxPool2d'),
  Resize: resize,
  Upsample: resize,
};
