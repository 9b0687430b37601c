/**
 * Fast 2-D convolution: weights packed once for one of four methods, then a compute-only call.
 *
 * Contract: x (batch, inH, inW, inC) NHWC at xOff, kernel (kernelH, kernelW, inC/groups, outC) HWIO,
 * bias (outC) or null, y (batch, outH, outW, outC) at yOff (must not overlap x), scratch a caller-owned
 * Float32Array of at least `conv2dScratchSize(geometry)` elements. No allocation per call.
 *
 * Methods (`conv2dMethod` picks the first that applies; tests may force any applicable one):
 * - 'depthwise': groups = inC > 1 → direct loop (conv2d-depthwise.ts).
 * - 'winograd':  3×3, stride 1, groups 1, inC and outC ≥ 16 → F(2×2, 3×3) (conv2d-winograd.ts).
 * - 'spaceToDepth': strided, undilated, groups 1, kernel regrouping to 3×3 at a small zero-tap cost
 *                (AlexNet conv1: k11 s4) → stride-1 Winograd on the regrouped input
 *                (conv2d-space-to-depth.ts).
 * - 'gemm':      everything else → GEMM per group, on the input itself for 1×1 stride-1 convs and on
 *                bounded im2col chunks otherwise (conv2d-gemm.ts).
 */
import type { Activation } from './activation.js';
import { conv2dDepthwise, isDepthwiseShape, packConv2dDepthwiseWeights } from './conv2d-depthwise.js';
import { conv2dGemm, conv2dGemmScratchSize, packConv2dGemmWeights } from './conv2d-gemm.js';
import {
  conv2dSpaceToDepth,
  conv2dSpaceToDepthScratchSize,
  isSpaceToDepthShape,
  packConv2dSpaceToDepthWeights,
  spaceToDepthPays,
} from './conv2d-space-to-depth.js';
import { conv2dWinograd, conv2dWinogradScratchSize, isWinogradShape, packConv2dWinogradWeights } from './conv2d-winograd.js';
import type { Conv2dGeometry } from './geometry.js';

/** How a packed conv computes. */
export type Conv2dMethod = 'gemm' | 'winograd' | 'spaceToDepth' | 'depthwise';

/** Weights packed for one geometry and method; opaque to callers. */
export interface PackedConv2d {
  readonly geometry: Conv2dGeometry;
  readonly method: Conv2dMethod;
  readonly weights: Float32Array;
}

/** Channels below which Winograd's transforms cost more than the multiplies they save. */
const WINOGRAD_MIN_CHANNELS = 16;

/**
 * The method `packConv2dWeights` uses by default for `g`.
 * @example conv2dMethod(vgg3x3) //=> 'winograd'
 */
export function conv2dMethod(g: Conv2dGeometry): Conv2dMethod {
  if (isDepthwiseShape(g)) return 'depthwise';
  if (g.outC >= WINOGRAD_MIN_CHANNELS) {
    if (isWinogradShape(g) && g.inC >= WINOGRAD_MIN_CHANNELS) return 'winograd';
    if (isSpaceToDepthShape(g) && spaceToDepthPays(g) && g.strideH * g.strideW * g.inC >= WINOGRAD_MIN_CHANNELS) return 'spaceToDepth';
  }
  return 'gemm';
}

/**
 * Whether `method` can compute `g` at all (any size).
 * @example conv2dMethodApplies(alexnetConv1, 'winograd') //=> false
 */
export function conv2dMethodApplies(g: Conv2dGeometry, method: Conv2dMethod): boolean {
  if (method === 'depthwise') return isDepthwiseShape(g);
  if (method === 'winograd') return isWinogradShape(g);
  if (method === 'spaceToDepth') return isSpaceToDepthShape(g);
  return true;
}

/**
 * Packs HWIO weights and bias once for `g`.
 * @example const p = packConv2dWeights(g, hwio, bias) // then conv2d(p, x, 0, y, 0, act, scratch) per call
 */
export function packConv2dWeights(
  g: Conv2dGeometry,
  hwio: Float32Array,
  bias: Float32Array | null,
  method: Conv2dMethod = conv2dMethod(g),
): PackedConv2d {
  const expected = g.kernelH * g.kernelW * (g.inC / g.groups) * g.outC;
  if (hwio.length !== expected) throw new Error(`conv2d: kernel has ${hwio.length} elements (expected ${expected})`);
  if (bias !== null && bias.length !== g.outC) throw new Error(`conv2d: bias has ${bias.length} elements (expected ${g.outC})`);
  if (!conv2dMethodApplies(g, method)) throw new Error(`conv2d: method '${method}' does not apply to this geometry`);
  const weights =
    method === 'depthwise'
      ? packConv2dDepthwiseWeights(g, hwio, bias)
      : method === 'winograd'
        ? packConv2dWinogradWeights(g, hwio, bias)
        : method === 'spaceToDepth'
          ? packConv2dSpaceToDepthWeights(g, hwio, bias)
          : packConv2dGemmWeights(g, hwio, bias);
  return { geometry: g, method, weights };
}

/**
 * Float32 scratch elements `conv2d` needs for `g` with `method`.
 * @example new Float32Array(conv2dScratchSize(g))
 */
export function conv2dScratchSize(g: Conv2dGeometry, method: Conv2dMethod = conv2dMethod(g)): number {
  if (method === 'depthwise') return 0;
  if (method === 'winograd') return conv2dWinogradScratchSize(g);
  if (method === 'spaceToDepth') return conv2dSpaceToDepthScratchSize(g);
  return conv2dGemmScratchSize(g);
}

/**
 * `y = act(conv2d(x, w) + bias)` with packed weights.
 * @example conv2d(p, x, 0, y, 0, { kind: 'relu' }, scratch)
 */
export function conv2d(
  p: PackedConv2d,
  x: Float32Array,
  xOff: number,
  y: Float32Array,
  yOff: number,
  act: Activation,
  scratch: Float32Array,
): void {
  const g = p.geometry;
  if (p.method === 'depthwise') conv2dDepthwise(g, p.weights, x, xOff, y, yOff, act);
  else if (p.method === 'winograd') conv2dWinograd(g, p.weights, x, xOff, y, yOff, act, scratch);
  else if (p.method === 'spaceToDepth') conv2dSpaceToDepth(g, p.weights, x, xOff, y, yOff, act, scratch);
  else conv2dGemm(g, p.weights, x, xOff, y, yOff, act, scratch);
}
