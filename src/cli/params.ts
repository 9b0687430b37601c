/**
 * Trainable parameters of one layer from its typed options and its input shape (SEMANTICS.md §6):
 *
 * | layer | weights | bias (unless `useBias: false`) |
 * |---|---|---|
 * | conv1d/2d/3d | `filters·(Cin/groups)·Πk` | `filters` |
 * | conv2dTranspose | `Cin·filters·Πk` | `filters` |
 * | depthwiseConv2d | `Cin·M·Πk` | `Cin·M` |
 * | separableConv2d | `Cin·M·Πk + Cin·M·filters` | `filters` |
 * | dense | `in·units` | `units` |
 * | batchNorm | `2·C` (γ, β; the running statistics are not trainable) | |
 *
 * Every other layer has none. Written apart from the runtime's `parameters()` on purpose: the CLI test compares the
 * two on whole networks, so a slip in either shows.
 */
import type { Value } from './values.js';

const spatialRank: Readonly<Record<string, number>> = { conv1d: 1, conv2d: 2, conv3d: 3, conv2dTranspose: 2, depthwiseConv2d: 2, separableConv2d: 2 };

/** Πk for a kernel option `n | [kh, kw, …]` over `rank` axes, or `undefined` if not known. */
function kernelArea(kernel: Value, rank: number): number | undefined {
  if (typeof kernel === 'number') return kernel ** rank;
  if (Array.isArray(kernel) && kernel.length === rank && kernel.every((k) => typeof k === 'number')) {
    return (kernel as number[]).reduce((a, k) => a * k, 1);
  }
  return undefined;
}

const num = (v: Value, fallback: number): number | undefined => (v === undefined ? fallback : typeof v === 'number' ? v : undefined);

/**
 * Trainable parameters of layer `kind` with `options` on an input of shape `input` (−1 = unknown), or `null` when
 * an option or the input size it depends on is not known.
 * @example layerParams('conv2d', { filters: 96, kernel: 11, stride: 4 }, [-1, 227, 227, 3]) //=> 34944
 */
export function layerParams(kind: string, options: { readonly [key: string]: Value }, input: readonly number[]): number | null {
  const last = input[input.length - 1];
  const channels = last === undefined || last < 0 ? undefined : last;
  const bias = options.useBias === false ? 0 : options.useBias === undefined || options.useBias === true ? 1 : undefined;
  const rank = spatialRank[kind];
  switch (kind) {
    case 'conv1d':
    case 'conv2d':
    case 'conv3d': {
      const area = kernelArea(options.kernel, rank!);
      const filters = num(options.filters, NaN);
      const groups = num(options.groups, 1);
      if (area === undefined || channels === undefined || filters === undefined || groups === undefined || bias === undefined) return null;
      if (channels % groups !== 0 || filters % groups !== 0) return null;
      return known(filters * (channels / groups) * area + bias * filters);
    }
    case 'conv2dTranspose': {
      const area = kernelArea(options.kernel, 2);
      const filters = num(options.filters, NaN);
      if (area === undefined || channels === undefined || filters === undefined || bias === undefined) return null;
      return known(channels * filters * area + bias * filters);
    }
    case 'depthwiseConv2d': {
      const area = kernelArea(options.kernel, 2);
      const m = num(options.depthMultiplier, 1);
      if (area === undefined || channels === undefined || m === undefined || bias === undefined) return null;
      return known(channels * m * area + bias * channels * m);
    }
    case 'separableConv2d': {
      const area = kernelArea(options.kernel, 2);
      const m = num(options.depthMultiplier, 1);
      const filters = num(options.filters, NaN);
      if (area === undefined || channels === undefined || m === undefined || filters === undefined || bias === undefined) return null;
      return known(channels * m * area + channels * m * filters + bias * filters);
    }
    case 'dense': {
      const units = num(options.units, NaN);
      if (channels === undefined || units === undefined || bias === undefined) return null;
      return known(channels * units + bias * units);
    }
    case 'batchNorm':
      return channels === undefined ? null : 2 * channels;
    default:
      return 0;
  }
}

/** A count, or `null` when a required option was missing (NaN) or did not divide (a failed rule). */
function known(n: number): number | null {
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** Sum of counts, `null` if any is unknown. */
export function sumParams(counts: readonly (number | null)[]): number | null {
  let total = 0;
  for (const c of counts) {
    if (c === null) return null;
    total += c;
  }
  return total;
}
