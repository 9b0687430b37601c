/**
 * Strided convolution by space-to-depth: a stride-(sH, sW) conv equals a stride-1 conv on the input
 * regrouped into sH×sW blocks (channels sH·sW·Cin) with the kernel regrouped the same way
 * (⌈kH/sH⌉ × ⌈kW/sW⌉ taps, zero-filled past kH, kW). When that regrouped kernel is 3×3 the stride-1
 * conv runs on Winograd F(2×2, 3×3). AlexNet's conv1 (k11, s4) becomes a 3×3 conv over 48 channels:
 * 1.19× the multiply-adds from zero taps, 2.25× fewer from Winograd, ≈ 1.9× less work in all.
 *
 * Contract: x (batch, inH, inW, inC) at xOff, y (batch, outH, outW, outC) at yOff, groups 1,
 * dilation 1; weights packed by `packConv2dSpaceToDepthWeights` (Winograd weights of the regrouped
 * 3×3 kernel); scratch ≥ `conv2dSpaceToDepthScratchSize(g)` float32s: the regrouped input
 * (batch, outH + 2, outW + 2, sH·sW·inC), then the Winograd scratch.
 *   X'[n, Y, X, (py·sW + px)·Cin + c] = x[n, Y·sH + py − padTop, X·sW + px − padLeft, c]  (0 outside)
 *   W'[Ky, Kx, (py·sW + px)·Cin + c, o] = w[Ky·sH + py, Kx·sW + px, c, o]               (0 past k)
 */
import type { Activation } from './activation.js';
import { conv2dWinograd, conv2dWinogradScratchSize, packConv2dWinogradWeights } from './conv2d-winograd.js';
import type { Conv2dGeometry } from './geometry.js';

/** The stride-1 3×3 conv on the regrouped input. */
export function spaceToDepthInner(g: Conv2dGeometry): Conv2dGeometry {
  return {
    batch: g.batch,
    inH: g.outH + 2,
    inW: g.outW + 2,
    inC: g.strideH * g.strideW * g.inC,
    outH: g.outH,
    outW: g.outW,
    outC: g.outC,
    kernelH: 3,
    kernelW: 3,
    strideH: 1,
    strideW: 1,
    dilationH: 1,
    dilationW: 1,
    padTop: 0,
    padLeft: 0,
    groups: 1,
  };
}

/** True when `g` is strided, undilated, ungrouped and regroups into a 3×3 kernel. */
export function isSpaceToDepthShape(g: Conv2dGeometry): boolean {
  return (
    g.groups === 1 &&
    g.dilationH === 1 &&
    g.dilationW === 1 &&
    g.strideH * g.strideW > 1 &&
    Math.ceil(g.kernelH / g.strideH) === 3 &&
    Math.ceil(g.kernelW / g.strideW) === 3
  );
}

/**
 * Whether regrouping pays: the zero taps it adds, (3sH·3sW)/(kH·kW), must stay well under the 2.25×
 * Winograd saves (k = 2s + 1 is the break-even limit for large s).
 */
export function spaceToDepthPays(g: Conv2dGeometry): boolean {
  return (9 * g.strideH * g.strideW) / (g.kernelH * g.kernelW) <= 1.8;
}

function regroupedSize(g: Conv2dGeometry): number {
  const inner = spaceToDepthInner(g);
  return inner.batch * inner.inH * inner.inW * inner.inC;
}

/** Float32 scratch elements `conv2dSpaceToDepth` needs for `g`. */
export function conv2dSpaceToDepthScratchSize(g: Conv2dGeometry): number {
  return regroupedSize(g) + conv2dWinogradScratchSize(spaceToDepthInner(g));
}

/** Packs HWIO weights once: regrouped to (3, 3, sH·sW·Cin, outC), then Winograd-transformed. */
export function packConv2dSpaceToDepthWeights(g: Conv2dGeometry, hwio: Float32Array, bias: Float32Array | null): Float32Array {
  const inner = spaceToDepthInner(g);
  const cin = g.inC, cout = g.outC, ci2 = inner.inC;
  const w2 = new Float32Array(9 * ci2 * cout);
  for (let Ky = 0; Ky < 3; Ky++) {
    for (let Kx = 0; Kx < 3; Kx++) {
      for (let py = 0; py < g.strideH; py++) {
        const ky = Ky * g.strideH + py;
        if (ky >= g.kernelH) continue;
        for (let px = 0; px < g.strideW; px++) {
          const kx = Kx * g.strideW + px;
          if (kx >= g.kernelW) continue;
          for (let c = 0; c < cin; c++) {
            const src = ((ky * g.kernelW + kx) * cin + c) * cout;
            const dst = ((Ky * 3 + Kx) * ci2 + (py * g.strideW + px) * cin + c) * cout;
            w2.set(hwio.subarray(src, src + cout), dst);
          }
        }
      }
    }
  }
  return packConv2dWinogradWeights(inner, w2, bias);
}

/**
 * `y = act(conv2d(x, w) + bias)` for a strided conv, weights from `packConv2dSpaceToDepthWeights`.
 * @example conv2dSpaceToDepth(alexnetConv1, packed, x, 0, y, 0, { kind: 'relu' }, scratch)
 */
export function conv2dSpaceToDepth(
  g: Conv2dGeometry,
  w: Float32Array,
  x: Float32Array,
  xOff: number,
  y: Float32Array,
  yOff: number,
  act: Activation,
  scratch: Float32Array,
): void {
  const inner = spaceToDepthInner(g);
  const sH = g.strideH, sW = g.strideW, C = g.inC;
  const H2 = inner.inH, W2 = inner.inW, C2 = inner.inC;
  const run = sW * C; // one block row: sW pixels × C channels, contiguous in x and in X'
  for (let n = 0; n < g.batch; n++) {
    for (let Y = 0; Y < H2; Y++) {
      for (let py = 0; py < sH; py++) {
        const iy = Y * sH + py - g.padTop;
        const inRow = iy >= 0 && iy < g.inH;
        const src = xOff + (n * g.inH + iy) * g.inW * C;
        for (let X = 0; X < W2; X++) {
          const dst = ((n * H2 + Y) * W2 + X) * C2 + py * run;
          const ix0 = X * sW - g.padLeft; // first input column of the block
          if (!inRow || ix0 >= g.inW || ix0 + sW <= 0) {
            for (let i = 0; i < run; i++) scratch[dst + i] = 0;
            continue;
          }
          // Columns before 0 and from inW on are padding.
          const lo = ix0 < 0 ? -ix0 * C : 0;
          const hi = ix0 + sW > g.inW ? (g.inW - ix0) * C : run;
          for (let i = 0; i < lo; i++) scratch[dst + i] = 0;
          for (let i = lo; i < hi; i++) scratch[dst + i] = x[src + ix0 * C + i];
          for (let i = hi; i < run; i++) scratch[dst + i] = 0;
        }
      }
    }
  }
  conv2dWinograd(inner, w, scratch, 0, y, yOff, act, scratch, regroupedSize(g));
}
