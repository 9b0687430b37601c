/**
 * 1-D convolution as a 2-D convolution of height 1: no loops of its own, so every fast path of conv2d
 * (packed GEMM, 1×1 on the input itself, direct depthwise) serves conv1d too.
 *
 * Contract: x (batch, inL, inC) at xOff, kernel (kernelL, inC/groups, outC), bias (outC) or null,
 * y (batch, outL, outC) at yOff. These are byte for byte the NHWC tensors (batch, 1, inL, inC),
 * (batch, 1, outL, outC) and the HWIO kernel (1, kernelL, inC/groups, outC), so `conv1dAsConv2d` only
 * relabels the geometry; pack and run it with the conv2d kernels (or a backend's `packConv2d`/`conv2d`).
 * Reference: conv1d-naive.ts.
 */
import type { Conv2dGeometry } from './geometry.js';

/**
 * A 1-D convolution: output `ol` reads input positions `ol·stride − padBegin + kl·dilation` (out of
 * bounds reads zero; the end padding is implied by `outL`). Group g reads channels `[g·inC/G, (g+1)·inC/G)`.
 * @example { batch: 1, inL: 100, inC: 16, outL: 48, outC: 32, kernel: 5, stride: 2, dilation: 1, padBegin: 0, groups: 1 }
 */
export interface Conv1dGeometry {
  readonly batch: number;
  readonly inL: number;
  readonly inC: number;
  readonly outL: number;
  readonly outC: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly padBegin: number;
  readonly groups: number;
}

/**
 * The same convolution as a conv2d record of height 1.
 * @example conv1dAsConv2d(g).inH //=> 1
 */
export function conv1dAsConv2d(g: Conv1dGeometry): Conv2dGeometry {
  return {
    batch: g.batch,
    inH: 1,
    inW: g.inL,
    inC: g.inC,
    outH: 1,
    outW: g.outL,
    outC: g.outC,
    kernelH: 1,
    kernelW: g.kernel,
    strideH: 1,
    strideW: g.stride,
    dilationH: 1,
    dilationW: g.dilation,
    padTop: 0,
    padLeft: g.padBegin,
    groups: g.groups,
  };
}
