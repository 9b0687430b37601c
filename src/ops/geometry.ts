/**
 * Geometry records for the kernels, built from a layer's options and its checked input/output shapes.
 * Pads come from the same rules as the shapes (src/shapes), so a kernel never re-derives a size.
 */
import type { Conv2dOptions } from '../../types/conv.js';
import type { Conv2dTransposeOptions } from '../../types/conv-transpose.js';
import type { Conv2dGeometry, Conv2dTransposeGeometry } from '../kernels/geometry.js';
import { samePads } from '../shapes/axis.js';
import { padsOf, pairOf } from '../shapes/options.js';

type Dims4 = readonly number[];

/** `[[top, bottom], [left, right]]` of a padding option; 'same' resolved with TF's rule for this input. */
function explicitPads(
  padding: Parameters<typeof padsOf>[0],
  input: Dims4,
  k: [number, number],
  s: [number, number],
  d: [number, number],
): [[number, number], [number, number]] {
  const pads = padsOf(padding);
  if (pads !== 'same') return pads;
  return [samePads(input[1]!, k[0], s[0], d[0]), samePads(input[2]!, k[1], s[1], d[1])];
}

/** Batch, spatial sizes and window fields shared by every record. */
function windowFields(input: Dims4, output: Dims4, batch: number, k: [number, number], s: [number, number], d: [number, number]) {
  return {
    batch,
    inH: input[1]!,
    inW: input[2]!,
    outH: output[1]!,
    outW: output[2]!,
    kernelH: k[0],
    kernelW: k[1],
    strideH: s[0],
    strideW: s[1],
    dilationH: d[0],
    dilationW: d[1],
  };
}

/** The window fields plus the conv records' channel counts. */
function convFields(input: Dims4, output: Dims4, batch: number, k: [number, number], s: [number, number], d: [number, number]) {
  return { ...windowFields(input, output, batch, k, s, d), inC: input[3]!, outC: output[3]! };
}

/** The conv2d record for a batch of `batch`. */
export function conv2dGeometry(input: Dims4, output: Dims4, o: Conv2dOptions, batch: number): Conv2dGeometry {
  const k = pairOf(o.kernel, 1);
  const s = pairOf(o.stride, 1);
  const d = pairOf(o.dilation, 1);
  const [[padTop], [padLeft]] = explicitPads(o.padding, input, k, s, d);
  return { ...convFields(input, output, batch, k, s, d), padTop, padLeft, groups: o.groups ?? 1 };
}

/** The conv2dTranspose record; 'same' (out = in·s) takes the pads that make the full output crop to in·s. */
export function conv2dTransposeGeometry(input: Dims4, output: Dims4, o: Conv2dTransposeOptions, batch: number): Conv2dTransposeGeometry {
  const k = pairOf(o.kernel, 1);
  const s = pairOf(o.stride, 1);
  const d = pairOf(o.dilation, 1);
  const pads = padsOf(o.padding);
  const padFor = (axis: 0 | 1): number => {
    if (pads !== 'same') return pads[axis][0];
    // Keras 'same': the full output (in − 1)·s + ke is cropped to in·s, ⌊total/2⌋ at the start — the output is
    // the gradient of a TF 'same' conv from in·s to in, whose pad before is ⌊T/2⌋ with T = ke − s.
    const full = (input[axis + 1]! - 1) * s[axis] + d[axis] * (k[axis] - 1) + 1;
    const total = Math.max(full - output[axis + 1]!, 0);
    return Math.floor(total / 2);
  };
  return { ...convFields(input, output, batch, k, s, d), padTop: padFor(0), padLeft: padFor(1) };
}

