/**
 * Runtime twin of types/internal/conv-nd.ts and its instances types/conv1d.ts, types/conv.ts, types/conv3d.ts:
 * per-axis option normalisation for any spatial rank, the conv formula on each axis, and the output shapes of
 * conv1d/conv2d/conv3d with the same sentences the type checker shows. An unknown dim (−1) flows through as −1.
 */
import { ShapeError } from '../errors.js';
import type { ConvNdKeys, ConvNdRanges, OptionFormMessage, RankRule, SpatialNames } from '../../types/internal/conv-nd.js';
import type { Conv2dOptions } from '../../types/conv.js';
import type { Conv1dOptions } from '../../types/conv1d.js';
import type { Conv3dOptions } from '../../types/conv3d.js';
import { convLength, sameLength } from './axis.js';
import { formatShape } from './format.js';
import { groupsMessage, kernelFitMessage, rankMessage } from './messages.js';
import { checkDeclared, checkKnown, checkRanges } from './options.js';

/** Number of spatial axes (twin of `Rank`). */
export type Rank = 1 | 2 | 3;

/** Per-axis `[begin, end]` pads, or 'same' (twin of `PadsNdOf`'s result). */
export type PadsNd = [number, number][] | 'same';

const AXES_FORM = { 1: '[k]', 2: '[h, w]', 3: '[d, h, w]' } as const;
const PAIRS_FORM = { 1: '[[begin, end]]', 2: '[[top, bottom], [left, right]]', 3: '[[front, back], [top, bottom], [left, right]]' } as const;

/** Twin of `OptionFormMessage`. */
export const optionFormMessage = <L extends string, O extends string, G extends string, E extends string>(
  layer: L,
  option: O,
  got: G,
  expected: E,
): OptionFormMessage<L, O, G, E> => `${layer}: ${option} has the wrong form (got ${got}, expected ${expected})`;

/** An option value as written: `[[1, 0], [2, 2]]`, `'same'`, `3`. */
function formatValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (typeof v === 'string') return `'${v}'`;
  return String(v);
}

const isNumber = (v: unknown): v is number => typeof v === 'number';

/**
 * Per-axis values of a `n | [n, …]` option (twin of `AxesOf`); throws for a tuple of the wrong length.
 * @example axesOf('conv3d', 'kernel', [3, 5, 5], 3, 1) //=> [3, 5, 5]
 */
export function axesOf(layer: string, option: string, value: unknown, rank: Rank, fallback: number): number[] {
  if (value === undefined) return new Array<number>(rank).fill(fallback);
  if (isNumber(value)) return new Array<number>(rank).fill(value);
  if (Array.isArray(value) && value.length === rank && value.every(isNumber)) return [...value];
  throw new ShapeError(optionFormMessage(layer, option, formatValue(value), `a number or ${AXES_FORM[rank]}`), layer, option);
}

/**
 * Per-axis `[begin, end]` pads of a padding option, or 'same' (twin of `PadsNdOf`).
 * @example padsNdOf('conv1d', [[1, 0]], 1) //=> [[1, 0]]
 */
export function padsNdOf(layer: string, padding: unknown, rank: Rank): PadsNd {
  if (padding === undefined || padding === 'valid') return Array.from({ length: rank }, () => [0, 0]);
  if (padding === 'same') return 'same';
  if (isNumber(padding)) return Array.from({ length: rank }, () => [padding, padding]);
  if (Array.isArray(padding) && padding.length === rank) {
    if (padding.every(isNumber)) return padding.map((p: number): [number, number] => [p, p]);
    const isPair = (p: unknown): p is [number, number] => Array.isArray(p) && p.length === 2 && p.every(isNumber);
    if (padding.every(isPair)) return padding.map((p): [number, number] => [p[0], p[1]]);
  }
  const expected = `a number, ${AXES_FORM[rank]}, ${PAIRS_FORM[rank]}, 'valid' or 'same'` as const;
  throw new ShapeError(optionFormMessage(layer, 'padding', formatValue(padding), expected), layer, 'padding');
}

/** The options every conv-like layer reads per axis. */
interface WindowOptions {
  readonly kernel?: unknown;
  readonly stride?: unknown;
  readonly dilation?: unknown;
  readonly padding?: unknown;
}

/** A conv-like layer's window, normalised per axis. */
export interface WindowNd {
  readonly kernel: number[];
  readonly stride: number[];
  readonly dilation: number[];
  readonly pads: PadsNd;
}

/** The window of `options` for `rank` spatial axes (kernel, stride, dilation, padding, in that order). */
export function windowOf(layer: string, options: WindowOptions, rank: Rank): WindowNd {
  return {
    kernel: axesOf(layer, 'kernel', options.kernel, rank, 1),
    stride: axesOf(layer, 'stride', options.stride, rank, 1),
    dilation: axesOf(layer, 'dilation', options.dilation, rank, 1),
    pads: padsNdOf(layer, options.padding, rank),
  };
}

/**
 * Output length of every spatial axis, or throws the kernel-fit sentence of the first axis that does not fit
 * (twin of `ConvSpatial`/`ConvAxes`).
 * @example convAxes('conv1d', [-1, 10, 4], [10], windowOf('conv1d', { kernel: 3 }, 1), ['length']) //=> [8]
 */
export function convAxes(layer: string, input: readonly number[], spatial: readonly number[], w: WindowNd, names: readonly string[]): number[] {
  return spatial.map((len, i) => {
    const k = w.kernel[i]!;
    const r = w.pads === 'same' ? sameLength(len, w.stride[i]!) : convLength(len, k, w.stride[i]!, w.dilation[i]!, w.pads[i]![0], w.pads[i]![1]);
    if ('out' in r) return r.out;
    if ('fit' in r) throw new ShapeError(kernelFitMessage(layer, k, r.fit[0], names[i]!, r.fit[1], formatShape(input)), layer, 'kernel');
    throw new Error(`${layer}: unexpected axis result ${JSON.stringify(r)}`);
  });
}

/** Option names of every convolution rank: the type-level table `ConvNdKeys`, checked entry by entry. */
export const CONV_ND_KEYS = [
  'filters',
  'kernel',
  'stride',
  'padding',
  'dilation',
  'groups',
  'useBias',
  'inChannels',
  'kernelInitializer',
  'biasInitializer',
  'name',
] satisfies ConvNdKeys;
const CONV_ND_RANGES = [
  ['filters', 'positive'],
  ['kernel', 'positive'],
  ['stride', 'positive'],
  ['dilation', 'positive'],
  ['groups', 'positive'],
  ['inChannels', 'positive'],
  ['padding', 'nonNegative'],
] satisfies ConvNdRanges;

/** Spatial axis names by rank (twin of `SpatialNames`). */
export const SPATIAL_NAMES: { readonly [R in Rank]: SpatialNames<R> } = { 1: ['length'], 2: ['height', 'width'], 3: ['depth', 'height', 'width'] };
/** The expected rank in messages (twin of `RankRule`). */
export const RANK_RULE: { readonly [R in Rank]: RankRule<R> } = { 1: 'rank 3 [B, L, C]', 2: 'rank 4 [B, H, W, C]', 3: 'rank 5 [B, D, H, W, C]' };

/** The options every rank's conv reads (the N-d interface at any axis form). */
type ConvOptions = Conv1dOptions | Conv2dOptions | Conv3dOptions;

/** Twin of `ConvNdResult`: the rank check, option names, ranges, `inChannels`, groups, then every axis. */
function convNdShape(layer: 'conv1d' | 'conv2d' | 'conv3d', rank: Rank, input: readonly number[], options: ConvOptions): number[] {
  if (input.length !== rank + 2) throw new ShapeError(rankMessage(layer, formatShape(input), RANK_RULE[rank]), layer);
  const c = input[rank + 1]!;
  checkKnown(layer, options, CONV_ND_KEYS);
  checkRanges(layer, options, CONV_ND_RANGES);
  checkDeclared(layer, 'inChannels', options.inChannels, c, 'channels', formatShape(input));
  const groups = options.groups ?? 1;
  if (c >= 0 && c % groups !== 0) throw new ShapeError(groupsMessage(layer, groups, 'input channels', c), layer, 'groups');
  if (options.filters % groups !== 0) throw new ShapeError(groupsMessage(layer, groups, 'filters', options.filters), layer, 'groups');
  const out = convAxes(layer, input, input.slice(1, rank + 1), windowOf(layer, options, rank), SPATIAL_NAMES[rank]);
  return [input[0]!, ...out, options.filters];
}

/** Twin of `Conv1dResult`. @example conv1dShape([-1, 100, 16], { filters: 32, kernel: 5, stride: 2 }) //=> [-1, 48, 32] */
export const conv1dShape = (input: readonly number[], options: Conv1dOptions): number[] => convNdShape('conv1d', 1, input, options);

/** Twin of `Conv2dResult`. @example conv2dShape([-1, 227, 227, 3], { filters: 96, kernel: 11, stride: 4 }) //=> [-1, 55, 55, 96] */
export const conv2dShape = (input: readonly number[], options: Conv2dOptions): number[] => convNdShape('conv2d', 2, input, options);

/** Twin of `Conv3dResult`. @example conv3dShape([-1, 16, 112, 112, 3], { filters: 64, kernel: 3, padding: 1 }) //=> [-1, 16, 112, 112, 64] */
export const conv3dShape = (input: readonly number[], options: Conv3dOptions): number[] => convNdShape('conv3d', 3, input, options);
