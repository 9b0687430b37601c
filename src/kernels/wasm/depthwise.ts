/**
 * Depthwise convolutions on the WebAssembly kernels (assembly/depthwise.ts): which shapes, weight packing
 * into the heap, and the call.
 *
 * Contract: groups = inC > 1 (each group reads one input channel; depth multiplier M = outC / inC, output
 * channel c·M + q reads input channel c), any kernel size, stride, dilation and padding; x (batch, inH,
 * inW, inC) and y (batch, outH, outW, outC) NHWC at byte pointers into the heap; output rows
 * r = n·outH + oy in [rowBegin, rowEnd) are written, and the result does not depend on the split.
 * No scratch. The kernel is HWIO (kH, kW, 1, inC·M), i.e. tfjs's depthwise (kH, kW, inC, M), same order.
 */
import type { Activation } from '../activation.js';
import type { Conv2dGeometry } from '../geometry.js';
import { activationCode, type WasmHeap } from './abi.js';
import { writeParamBlock } from './params.js';

/** Weights packed for one layer; `params` is the byte pointer of the kernel's parameter block. */
export interface DepthwiseWasmPacked {
  readonly geometry: Conv2dGeometry;
  readonly params: number;
}

/** Slots of the parameter block (assembly/depthwise.ts reads the same ones). */
const P = {
  batch: 0, inH: 1, inW: 2, c: 3, outH: 4, outW: 5, mult: 6, kh: 7, kw: 8, sh: 9, sw: 10, dh: 11, dw: 12,
  padTop: 13, padLeft: 14, w: 15, bias: 16,
} as const;

/**
 * True for depthwise convolutions: every group reads exactly one input channel (groups = inC > 1).
 * @example isDepthwiseWasmShape({ ...mobilenetDw, groups: 32, inC: 32, outC: 32 }) //=> true
 */
export function isDepthwiseWasmShape(g: Conv2dGeometry): boolean {
  return g.groups > 1 && g.groups === g.inC && g.outC % g.inC === 0;
}

/**
 * Packs a depthwise HWIO kernel (kH, kW, 1, outC) and bias into the heap for `g`.
 * @example const p = packDepthwiseWasm(heap, g, hwio, bias); runDepthwiseWasm(heap, p, xPtr, yPtr, act, 0, g.batch * g.outH)
 */
export function packDepthwiseWasm(heap: WasmHeap, g: Conv2dGeometry, kernel: Float32Array, bias: Float32Array | null): DepthwiseWasmPacked {
  if (!isDepthwiseWasmShape(g)) {
    throw new Error(`conv2d (wasm depthwise): needs groups = inC > 1 and outC a multiple of inC (got groups ${g.groups}, inC ${g.inC}, outC ${g.outC})`);
  }
  const taps = g.kernelH * g.kernelW;
  if (kernel.length !== taps * g.outC) {
    throw new Error(`conv2d (wasm depthwise): kernel has ${kernel.length} values (expected ${g.kernelH}·${g.kernelW}·1·${g.outC} = ${taps * g.outC})`);
  }
  if (bias !== null && bias.length !== g.outC) {
    throw new Error(`conv2d (wasm depthwise): bias has ${bias.length} values (expected outC = ${g.outC})`);
  }
  const ocp = Math.ceil(g.outC / 4) * 4;
  const packed = new Float32Array((taps + 1) * ocp);
  for (let t = 0; t < taps; t++) packed.set(kernel.subarray(t * g.outC, (t + 1) * g.outC), t * ocp);
  if (bias !== null) packed.set(bias, taps * ocp);
  const wPtr = heap.alloc(packed.byteLength);
  heap.f32().set(packed, wPtr / 4);
  const params = writeParamBlock(heap, P, {
    batch: g.batch, inH: g.inH, inW: g.inW, c: g.inC, outH: g.outH, outW: g.outW, mult: g.outC / g.inC,
    kh: g.kernelH, kw: g.kernelW, sh: g.strideH, sw: g.strideW, dh: g.dilationH, dw: g.dilationW,
    padTop: g.padTop, padLeft: g.padLeft, w: wPtr, bias: wPtr + taps * ocp * 4,
  });
  return { geometry: g, params };
}

/**
 * `y = act(depthwiseConv(x) + bias)` for output rows [rowBegin, rowEnd) of batch·outH.
 * @example runDepthwiseWasm(heap, packed, xPtr, yPtr, { kind: 'relu6' }, 0, g.batch * g.outH)
 */
export function runDepthwiseWasm(
  heap: WasmHeap,
  packed: DepthwiseWasmPacked,
  xPtr: number,
  yPtr: number,
  act: Activation,
  rowBegin: number,
  rowEnd: number,
): void {
  const { code, alpha } = activationCode(act);
  heap.kernels.depthwise_conv(packed.params, xPtr, yPtr, code, alpha, rowBegin, rowEnd);
}
