/**
 * Seeded random layer configurations for the engine-derived shape table. Sizes stay small
 * (spatial 1..40, channels 1..16) so engines run fast; options at their defaults are omitted about
 * half the time so the DSL's defaults are exercised. Validity is SEMANTICS.md's (see `semantics.ts`).
 */
import type { Rng } from './random.js';
import { isValidBySemantics } from './semantics.js';
import type {
  AvgPool2dOptions,
  Conv2dOptions,
  Conv2dTransposeOptions,
  Hwc,
  MaxPool2dOptions,
  NumOrPair,
  Padding,
  ShapeConfig,
} from './types.js';

/** `[h, w]` written as a number when square (usually) or as a pair. */
function numOrPair(rng: Rng, h: number, w: number): NumOrPair {
  return h === w && rng.chance(0.7) ? h : [h, w];
}

/** The written value of an option, or `undefined` (omitted) half the time when it is at its default. */
function orOmit<T>(rng: Rng, value: T, isDefault: boolean): T | undefined {
  return isDefault && rng.chance(0.5) ? undefined : value;
}

/** Copies `o` without its `undefined` entries, so the JSON shows only written options. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Two per-axis integers, equal with probability `sameP`. */
function axisPair(rng: Rng, draw: () => number, sameP: number): [number, number] {
  const h = draw();
  return [h, rng.chance(sameP) ? h : draw()];
}

const smallKernel = (rng: Rng) => (): number => rng.weighted([[1, 2], [2, 2], [3, 4], [4, 1], [5, 2], [6, 0.5], [7, 1]]);
const stride1to4 = (rng: Rng) => (): number => rng.weighted([[1, 3], [2, 3], [3, 1.5], [4, 1]]);
const dilation1to3 = (rng: Rng) => (): number => rng.weighted([[1, 1], [2, 2], [3, 1.5]]);

type PadMode = 'number' | 'pair' | 'explicit' | 'valid' | 'same';

/** A padding value of the given mode whose per-side pads are drawn by `pad(axis)`. */
function padding(rng: Rng, mode: PadMode, pad: (axis: 0 | 1) => number): Padding | undefined {
  switch (mode) {
    case 'valid':
      return rng.chance(0.5) ? undefined : 'valid';
    case 'same':
      return 'same';
    case 'number': {
      const p = Math.min(pad(0), pad(1));
      return orOmit(rng, p, p === 0);
    }
    case 'pair':
      return [pad(0), pad(1)];
    case 'explicit':
      return [[pad(0), pad(0)], [pad(1), pad(1)]];
  }
}

const spatial = (rng: Rng): number => rng.weighted([[rng.int(1, 8), 3], [rng.int(9, 24), 4], [rng.int(25, 40), 2]]);

function divisors(n: number): number[] {
  const out: number[] = [];
  for (let i = 1; i <= n; i++) if (n % i === 0) out.push(i);
  return out;
}

/** A random conv2d configuration (not yet validated). */
export function randomConv2d(rng: Rng): ShapeConfig {
  const channels = rng.int(1, 16);
  const groups = rng.chance(0.7) ? 1 : rng.pick(divisors(channels));
  const filters = groups * rng.int(1, Math.floor(16 / groups));
  const [kh, kw] = axisPair(rng, smallKernel(rng), 0.6);
  const [sh, sw] = axisPair(rng, stride1to4(rng), 0.6);
  const [dh, dw] = rng.chance(0.6) ? [1, 1] : axisPair(rng, dilation1to3(rng), 0.5);
  const mode = rng.weighted<PadMode>([['number', 2], ['pair', 1.5], ['explicit', 1.5], ['valid', 1.5], ['same', 2]]);
  const options: Conv2dOptions = defined({
    filters,
    kernel: numOrPair(rng, kh, kw),
    stride: orOmit(rng, numOrPair(rng, sh, sw), sh === 1 && sw === 1),
    padding: padding(rng, mode, () => rng.int(0, 3)),
    dilation: orOmit(rng, numOrPair(rng, dh, dw), dh === 1 && dw === 1),
    groups: orOmit(rng, groups, groups === 1),
  });
  return { layer: 'conv2d', input: [spatial(rng), spatial(rng), channels], options };
}

/** A random conv2dTranspose configuration (not yet validated). */
export function randomConv2dTranspose(rng: Rng): ShapeConfig {
  const [kh, kw] = axisPair(rng, () => rng.int(1, 5), 0.6);
  const [sh, sw] = axisPair(rng, stride1to4(rng), 0.6);
  const [dh, dw] = rng.chance(0.6) ? [1, 1] : axisPair(rng, dilation1to3(rng), 0.5);
  const mode = rng.weighted<PadMode>([['number', 2], ['pair', 1.5], ['explicit', 1.5], ['valid', 1], ['same', 1.5]]);
  const ke = [dh * (kh - 1) + 1, dw * (kw - 1) + 1];
  const pad = (axis: 0 | 1): number => rng.int(0, Math.min(ke[axis], 4));
  // outputPadding: 0 ≤ op < max(stride, dilation); not combined with 'same' (out = in·s there).
  const opRange = [Math.max(sh, dh), Math.max(sw, dw)];
  const [oph, opw] = mode === 'same' || rng.chance(0.5) ? [0, 0] : [rng.int(0, opRange[0] - 1), rng.int(0, opRange[1] - 1)];
  const options: Conv2dTransposeOptions = defined({
    filters: rng.int(1, 16),
    kernel: numOrPair(rng, kh, kw),
    stride: orOmit(rng, numOrPair(rng, sh, sw), sh === 1 && sw === 1),
    padding: padding(rng, mode, pad),
    outputPadding: mode === 'same' ? undefined : orOmit(rng, numOrPair(rng, oph, opw), oph === 0 && opw === 0),
    dilation: orOmit(rng, numOrPair(rng, dh, dw), dh === 1 && dw === 1),
  });
  const input: Hwc = [rng.int(1, 16), rng.int(1, 16), rng.int(1, 16)];
  return { layer: 'conv2dTranspose', input, options };
}

/** A random max or average pooling configuration (not yet validated); `ceil` forces ceil mode. */
export function randomPool(rng: Rng, layer: 'maxPool2d' | 'avgPool2d', ceil?: boolean): ShapeConfig {
  const [kh, kw] = axisPair(rng, () => rng.weighted([[1, 0.5], [2, 3], [3, 3], [4, 1], [5, 1]]), 0.7);
  const strideGiven = rng.chance(0.6);
  const [sh, sw] = strideGiven ? axisPair(rng, stride1to4(rng), 0.7) : [kh, kw];
  const [dh, dw] = layer === 'maxPool2d' && rng.chance(0.3) ? axisPair(rng, dilation1to3(rng), 0.5) : [1, 1];
  const ke = [dh * (kh - 1) + 1, dw * (kw - 1) + 1];
  const ceilMode = ceil ?? rng.chance(0.5);
  const mode = rng.weighted<PadMode>([
    ['number', 4],
    ['pair', 2],
    ['explicit', 1],
    ['valid', 0.7],
    ['same', ceilMode ? 0 : 1.5],
  ]);
  // SEMANTICS.md §4: each pad ≤ ⌊ke/2⌋.
  const pad = (axis: 0 | 1): number => rng.int(0, Math.floor(ke[axis] / 2));
  const common = {
    size: numOrPair(rng, kh, kw),
    stride: strideGiven ? numOrPair(rng, sh, sw) : undefined,
    padding: padding(rng, mode, pad),
  };
  const input: Hwc = [spatial(rng), spatial(rng), rng.int(1, 16)];
  if (layer === 'maxPool2d') {
    const options: MaxPool2dOptions = defined({
      ...common,
      dilation: orOmit(rng, numOrPair(rng, dh, dw), dh === 1 && dw === 1),
      ceilMode: orOmit(rng, ceilMode, !ceilMode),
    });
    return { layer, input, options };
  }
  const options: AvgPool2dOptions = defined({
    ...common,
    ceilMode: orOmit(rng, ceilMode, !ceilMode),
    countIncludePad: rng.chance(0.5) ? undefined : rng.chance(0.5),
  });
  return { layer, input, options };
}

/** Draws from `make` until SEMANTICS.md calls the configuration valid (and `accept` agrees). */
export function validConfig(make: () => ShapeConfig, accept: (c: ShapeConfig) => boolean = () => true): ShapeConfig {
  for (let tries = 0; tries < 10_000; tries++) {
    const c = make();
    if (isValidBySemantics(c) && accept(c)) return c;
  }
  throw new Error('validConfig: no valid configuration in 10000 draws');
}

/** Hand-picked anchors from SEMANTICS.md (channels reduced to keep engines fast). */
export const ANCHORS: readonly ShapeConfig[] = [
  { layer: 'conv2d', input: [227, 227, 3], options: { filters: 8, kernel: 11, stride: 4 } }, // AlexNet conv1 → 55
  { layer: 'conv2d', input: [224, 224, 3], options: { filters: 8, kernel: 11, stride: 4, padding: 2 } }, // torchvision → 55
  { layer: 'conv2d', input: [9, 11, 3], options: { filters: 8, kernel: [3, 5], stride: 2, padding: 'same' } },
  { layer: 'conv2d', input: [8, 8, 4], options: { filters: 4, kernel: 1, stride: 2, padding: 'same' } }, // T clamps at 0
  { layer: 'maxPool2d', input: [5, 5, 2], options: { size: 2, stride: 2, padding: 1, ceilMode: true } }, // → 3, not 4
  { layer: 'maxPool2d', input: [1, 1, 2], options: { size: 2, stride: 2, ceilMode: true } }, // window larger than input → 1
  { layer: 'maxPool2d', input: [112, 112, 4], options: { size: 3, stride: 2, ceilMode: true } }, // GoogLeNet → 56
  { layer: 'maxPool2d', input: [56, 56, 4], options: { size: 3, stride: 2, ceilMode: true } }, // → 28
  { layer: 'maxPool2d', input: [28, 28, 4], options: { size: 3, stride: 2, ceilMode: true } }, // → 14
  { layer: 'maxPool2d', input: [14, 14, 4], options: { size: 3, stride: 2, ceilMode: true } }, // → 7
  { layer: 'avgPool2d', input: [5, 5, 2], options: { size: 2, stride: 2, padding: 1, ceilMode: true, countIncludePad: true } },
  { layer: 'conv2dTranspose', input: [7, 7, 4], options: { filters: 2, kernel: 3, stride: 2, padding: 1, outputPadding: 1 } }, // → 14
];
