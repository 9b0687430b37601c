/**
 * 3-D convolution as a sum of 2-D convolutions over the kernel's depth taps, each run by the fast conv2d
 * kernels (packed GEMM, Winograd for 3×3 planes, direct depthwise), so conv3d inherits their speed.
 *
 *   y[n, od] = act(bias + Σ_kd conv2d(x[n, od·sD − padFront + kd·dD], w[kd]))   over in-bounds depths
 *
 * Contract: x (batch, inD, inH, inW, inC) at xOff, kernel (kernelD, kernelH, kernelW, inC/groups, outC),
 * bias (outC) or null, y (batch, outD, outH, outW, outC) at yOff (must not overlap x), scratch at least
 * `conv3dScratchSize(g)` elements. No allocation per call (the scratch views are made once per scratch
 * array). Weights are packed once per depth tap, without bias; the first in-bounds tap writes `y`, the
 * others go through a plane of scratch and are added, then bias and activation run once per plane.
 * Rejected: an im2col over five dims, which would duplicate conv2d's GEMM tiling and lose Winograd.
 * Reference: conv3d-naive.ts.
 */
import { activateRows, NO_ACTIVATION, type Activation } from './activation.js';
import { conv2d, conv2dScratchSize, packConv2dWeights, type PackedConv2d } from './conv2d.js';
import type { Conv2dGeometry } from './geometry.js';

/**
 * A 3-D convolution: output `(od, oh, ow)` reads input depth `od·strideD − padFront + kd·dilationD` (and
 * likewise for height and width); out-of-bounds taps read zero, the end pads are implied by the output size.
 * @example { batch: 1, inD: 16, inH: 112, inW: 112, inC: 3, outD: 16, outH: 112, outW: 112, outC: 64, kernelD: 3, kernelH: 3, kernelW: 3, strideD: 1, strideH: 1, strideW: 1, dilationD: 1, dilationH: 1, dilationW: 1, padFront: 1, padTop: 1, padLeft: 1, groups: 1 }
 */
export interface Conv3dGeometry {
  readonly batch: number;
  readonly inD: number;
  readonly inH: number;
  readonly inW: number;
  readonly inC: number;
  readonly outD: number;
  readonly outH: number;
  readonly outW: number;
  readonly outC: number;
  readonly kernelD: number;
  readonly kernelH: number;
  readonly kernelW: number;
  readonly strideD: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly dilationD: number;
  readonly dilationH: number;
  readonly dilationW: number;
  readonly padFront: number;
  readonly padTop: number;
  readonly padLeft: number;
  readonly groups: number;
}

/** Weights packed per depth tap; opaque to callers. */
export interface PackedConv3d {
  readonly geometry: Conv3dGeometry;
  /** The (batch 1) plane convolution every depth tap runs. */
  readonly plane: Conv2dGeometry;
  readonly taps: readonly PackedConv2d[];
  readonly bias: Float32Array | null;
  /** Views into the caller's scratch: a partial-sum plane, then conv2d's scratch (remade if the scratch changes). */
  views: { base: Float32Array; partial: Float32Array; conv: Float32Array } | null;
}

/** The 2-D convolution of one input depth slice with one depth tap of the kernel. */
function planeOf(g: Conv3dGeometry): Conv2dGeometry {
  return {
    batch: 1,
    inH: g.inH,
    inW: g.inW,
    inC: g.inC,
    outH: g.outH,
    outW: g.outW,
    outC: g.outC,
    kernelH: g.kernelH,
    kernelW: g.kernelW,
    strideH: g.strideH,
    strideW: g.strideW,
    dilationH: g.dilationH,
    dilationW: g.dilationW,
    padTop: g.padTop,
    padLeft: g.padLeft,
    groups: g.groups,
  };
}

/**
 * Packs the kernel once, one conv2d weight set per depth tap.
 * @example const p = packConv3dWeights(g, kernel, bias) // then conv3d(p, x, 0, y, 0, act, scratch) per call
 */
export function packConv3dWeights(g: Conv3dGeometry, kernel: Float32Array, bias: Float32Array | null): PackedConv3d {
  const tapSize = g.kernelH * g.kernelW * (g.inC / g.groups) * g.outC;
  if (kernel.length !== g.kernelD * tapSize) throw new Error(`conv3d: kernel has ${kernel.length} elements (expected ${g.kernelD * tapSize})`);
  if (bias !== null && bias.length !== g.outC) throw new Error(`conv3d: bias has ${bias.length} elements (expected ${g.outC})`);
  const plane = planeOf(g);
  const taps = Array.from({ length: g.kernelD }, (_, kd) => packConv2dWeights(plane, kernel.subarray(kd * tapSize, (kd + 1) * tapSize), null));
  return { geometry: g, plane, taps, bias: bias === null ? null : Float32Array.from(bias), views: null };
}

/**
 * Float32 scratch elements `conv3d` needs for `g`: one output plane plus conv2d's scratch.
 * @example new Float32Array(conv3dScratchSize(g))
 */
export function conv3dScratchSize(g: Conv3dGeometry): number {
  return g.outH * g.outW * g.outC + conv2dScratchSize(planeOf(g));
}

/**
 * `y = act(conv3d(x, w) + bias)` with packed weights.
 * @example conv3d(p, x, 0, y, 0, { kind: 'relu' }, scratch)
 */
export function conv3d(
  p: PackedConv3d,
  x: Float32Array,
  xOff: number,
  y: Float32Array,
  yOff: number,
  act: Activation,
  scratch: Float32Array,
): void {
  const g = p.geometry;
  const planeIn = g.inH * g.inW * g.inC;
  const planeOut = g.outH * g.outW * g.outC;
  if (p.views === null || p.views.base !== scratch) {
    p.views = { base: scratch, partial: scratch.subarray(0, planeOut), conv: scratch.subarray(planeOut) };
  }
  const { partial, conv } = p.views;
  const bias = p.bias;
  const pixels = g.outH * g.outW;
  for (let n = 0; n < g.batch; n++) {
    for (let od = 0; od < g.outD; od++) {
      const id0 = od * g.strideD - g.padFront;
      const kdLo = id0 >= 0 ? 0 : Math.min(g.kernelD, Math.ceil(-id0 / g.dilationD));
      const kdHi = Math.max(kdLo, Math.min(g.kernelD, Math.floor((g.inD - 1 - id0) / g.dilationD) + 1));
      const yo = yOff + (n * g.outD + od) * planeOut;
      const slice0 = xOff + (n * g.inD + id0) * planeIn; // input depth id0 (may lie in the padding)
      const sliceStep = g.dilationD * planeIn;
      if (kdLo === kdHi) {
        y.fill(0, yo, yo + planeOut); // every depth tap falls in the padding
      } else {
        conv2d(p.taps[kdLo]!, x, slice0 + kdLo * sliceStep, y, yo, NO_ACTIVATION, conv);
        for (let kd = kdLo + 1; kd < kdHi; kd++) {
          conv2d(p.taps[kd]!, x, slice0 + kd * sliceStep, partial, 0, NO_ACTIVATION, conv);
          for (let i = 0; i < planeOut; i++) y[yo + i] += partial[i];
        }
      }
      if (bias !== null) {
        for (let px = 0, o = yo; px < pixels; px++) {
          for (let c = 0; c < g.outC; c++, o++) y[o] += bias[c];
        }
      }
      activateRows(act, y, yo, 1, planeOut, planeOut);
    }
  }
}
