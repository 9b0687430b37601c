/**
 * Packing and dispatch of convolutions and dense layers onto the WebAssembly GEMM kernels
 * (assembly/gemm.ts, assembly/conv.ts). Strategy per layer, chosen once at pack time:
 * - 'indirect': 1×1 convs (any stride) and k×k convs with ≥ 16 channels per group. An implicit GEMM over
 *   a table of input-pixel byte offsets (one per output pixel and tap, −1 for padding → a zero row),
 *   built once per layer, so the input is read in place. A 1×1 stride-1 conv is then a plain GEMM on
 *   the NHWC input; a dense layer is the same with one row per batch element.
 * - 'im2col': k×k convs with few channels per group (RGB stems, AlexNet conv1): a tap of 3 channels
 *   would run the GEMM's inner loop 3 times per table entry, so chunks of output pixels are copied into
 *   rows of kH·kW·cin floats (≈ 128 KB, L2-resident) and multiplied with one tap.
 *
 * Everything a call needs (weights in 8-column panels, padded bias, tables, zero row) lives in the heap;
 * a call is kernel invocations on byte pointers, split by output rows so threads can share it.
 */
import type { Activation } from '../activation.js';
import type { Conv2dGeometry, DenseGeometry } from '../geometry.js';
import { activationCode } from './abi.js';
import type { Heap } from './heap.js';

/** Columns per packed weight panel (the micro-tile's width). */
const NR = 8;
/** Channels per tap from which the indirect GEMM beats copying taps into im2col rows. */
const INDIRECT_MIN_CHANNELS = 16;
/** Target bytes of one im2col chunk (stays in L2 with the B panel streaming past it). */
const IM2COL_CHUNK_BYTES = 128 * 1024;
/** Target bytes of the A rows one row block of the GEMM reads (they stay in L2 across the B panels). */
const ROW_BLOCK_BYTES = 384 * 1024;

/** How a packed conv computes on the GEMM kernels. */
export type GemmMethod = 'indirect' | 'im2col';

/** A conv (or dense, as a 1×1 conv on a 1×1 image) packed into the heap. */
export interface GemmConv {
  readonly method: GemmMethod;
  readonly geometry: Conv2dGeometry;
  /** Per group: packed weights and padded bias. */
  readonly weights: readonly number[];
  readonly bias: readonly number[];
  /** Offset table: (pixels, taps) for 'indirect', (chunkRows) for 'im2col'. */
  readonly table: number;
  readonly zero: number;
  readonly chunkRows: number;
  readonly rowBlock: number;
}

/** The method for `g` (groups < inC: depthwise shapes go elsewhere). */
export function gemmMethod(g: Conv2dGeometry): GemmMethod {
  const taps = g.kernelH * g.kernelW;
  return taps === 1 || g.inC / g.groups >= INDIRECT_MIN_CHANNELS ? 'indirect' : 'im2col';
}

function copyIn(heap: Heap, data: Float32Array | Int32Array): number {
  const ptr = heap.alloc(data.byteLength);
  new Uint8Array(heap.memory.buffer, ptr, data.byteLength).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return ptr;
}

/** Rows of `src` packed together: 64 rows of a 4096-wide dense kernel (1 MB) stay in L2 while every panel takes its 8 columns. */
const PANEL_ROW_BLOCK = 64;

/**
 * Weights (K, n) of one group, column j at `src[k·ld + col0 + j]`, packed as 8-column panels straight into the heap
 * (returns the pointer). Blocked over rows: panel by panel over the whole of K read `src` with a stride of `ld`
 * floats, and an intermediate JS array then copied in touched every page twice — together 3.5 s of a model's
 * first run for AlexNet's 58 M dense weights (profile, two models); by blocks of rows, each row's cache lines are
 * read while still cached.
 */
function packPanels(heap: Heap, src: Float32Array, K: number, n: number, ld: number, col0: number): number {
  const np = Math.ceil(n / NR);
  const ptr = heap.alloc(np * K * NR * 4);
  const out = new Float32Array(heap.memory.buffer, ptr, np * K * NR);
  for (let k0 = 0; k0 < K; k0 += PANEL_ROW_BLOCK) {
    const k1 = Math.min(K, k0 + PANEL_ROW_BLOCK);
    for (let p = 0; p < np; p++) {
      const cols = Math.min(NR, n - p * NR);
      for (let k = k0; k < k1; k++) {
        const s = k * ld + col0 + p * NR;
        const d = (p * K + k) * NR;
        for (let jj = 0; jj < cols; jj++) out[d + jj] = src[s + jj]!;
        for (let jj = cols; jj < NR; jj++) out[d + jj] = 0;
      }
    }
  }
  return ptr;
}

function rowBlock(K: number): number {
  return Math.max(4, Math.floor(ROW_BLOCK_BYTES / (4 * K) / 4) * 4);
}

/**
 * Packs an HWIO kernel and bias into the heap for `g`, with its tables.
 * @example const p = packGemmConv(heap, g, hwio, bias)
 */
export function packGemmConv(heap: Heap, g: Conv2dGeometry, hwio: Float32Array, bias: Float32Array | null): GemmConv {
  const method = gemmMethod(g);
  const cin = g.inC / g.groups;
  const n = g.outC / g.groups;
  const taps = g.kernelH * g.kernelW;
  const K = taps * cin;
  const weights: number[] = [];
  const biases: number[] = [];
  for (let grp = 0; grp < g.groups; grp++) {
    weights.push(packPanels(heap, hwio, K, n, g.outC, grp * n));
    const b = new Float32Array(Math.ceil(n / NR) * NR);
    if (bias !== null) b.set(bias.subarray(grp * n, grp * n + n));
    biases.push(copyIn(heap, b));
  }
  const zero = copyIn(heap, new Float32Array(Math.max(4, cin)));
  if (method === 'im2col') {
    const rows = chunkRows(K);
    const table = new Int32Array(rows);
    for (let r = 0; r < rows; r++) table[r] = r * K * 4;
    return { method, geometry: g, weights, bias: biases, table: copyIn(heap, table), zero, chunkRows: rows, rowBlock: rows };
  }
  const pixels = g.batch * g.outH * g.outW;
  const table = new Int32Array(pixels * taps);
  let e = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let oy = 0; oy < g.outH; oy++) {
      for (let ox = 0; ox < g.outW; ox++) {
        for (let ky = 0; ky < g.kernelH; ky++) {
          const iy = oy * g.strideH - g.padTop + ky * g.dilationH;
          for (let kx = 0; kx < g.kernelW; kx++) {
            const ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
            const inside = iy >= 0 && iy < g.inH && ix >= 0 && ix < g.inW;
            table[e++] = inside ? ((b * g.inH + iy) * g.inW + ix) * g.inC * 4 : -1;
          }
        }
      }
    }
  }
  return { method, geometry: g, weights, bias: biases, table: copyIn(heap, table), zero, chunkRows: 0, rowBlock: rowBlock(K) };
}

/** A dense layer as the 1×1 conv of a 1×1 image with `batch` pixels. */
export function denseAsConv(g: DenseGeometry): Conv2dGeometry {
  return {
    batch: g.batch, inH: 1, inW: 1, inC: g.inFeatures, outH: 1, outW: 1, outC: g.units, groups: 1,
    kernelH: 1, kernelW: 1, strideH: 1, strideW: 1, dilationH: 1, dilationW: 1, padTop: 0, padLeft: 0,
  };
}

function chunkRows(K: number): number {
  return Math.max(4, Math.floor(IM2COL_CHUNK_BYTES / (4 * K) / 4) * 4);
}

/** Scratch bytes a call of `g` needs (the im2col chunk). */
export function gemmConvScratchBytes(g: Conv2dGeometry): number {
  const K = g.kernelH * g.kernelW * (g.inC / g.groups);
  return gemmMethod(g) === 'im2col' ? chunkRows(K) * K * 4 : 0;
}

/**
 * One kernel invocation: `heap.kernels[kernel](...args)`. `args[range]`, `args[range + 1]` are its GEMM row
 * range (output pixels) and may be split between threads; `scratch` names a per-thread scratch argument.
 */
export interface GemmCall {
  readonly kernel: 'gemmIndirect' | 'convIm2col';
  readonly args: number[];
  readonly range: number;
  readonly scratch?: { readonly arg: number; readonly bytes: number };
}

/**
 * The kernel calls of a packed conv on byte pointers, for output pixels [0, batch·outH·outW).
 * @example for (const c of gemmConvCalls(p, xPtr, yPtr, act, sPtr)) heap.kernels[c.kernel]!(...c.args)
 */
export function gemmConvCalls(p: GemmConv, x: number, y: number, act: Activation, scratch: number): GemmCall[] {
  const g = p.geometry;
  const { code, alpha } = activationCode(act);
  const cin = g.inC / g.groups;
  const n = g.outC / g.groups;
  const pixels = g.batch * g.outH * g.outW;
  const calls: GemmCall[] = [];
  for (let grp = 0; grp < g.groups; grp++) {
    const yg = y + grp * n * 4;
    if (p.method === 'indirect') {
      const args = [p.table, g.kernelH * g.kernelW, cin, x + grp * cin * 4, p.zero, p.weights[grp]!, p.bias[grp]!, n, yg, g.outC, 0, pixels, p.rowBlock, code, alpha];
      calls.push({ kernel: 'gemmIndirect', args, range: 10 });
    } else {
      const args = [
        x, g.inH, g.inW, g.inC, g.outH, g.outW, g.kernelH, g.kernelW, g.strideH, g.strideW, g.dilationH, g.dilationW, g.padTop, g.padLeft,
        grp * cin, cin, p.weights[grp]!, p.bias[grp]!, n, yg, g.outC, 0, pixels, p.table, p.chunkRows, scratch, code, alpha,
      ];
      calls.push({ kernel: 'convIm2col', args, range: 21, scratch: { arg: 25, bytes: gemmConvScratchBytes(g) } });
    }
  }
  return calls;
}

/**
 * Runs output rows `[rowBegin, rowEnd)` (rows of batch·outH, abi.ts) of a packed conv on one thread.
 * @example runGemmConv(heap, p, xPtr, yPtr, { kind: 'relu' }, scratchPtr, 0, g.batch * g.outH)
 */
export function runGemmConv(heap: Heap, p: GemmConv, x: number, y: number, act: Activation, scratch: number, rowBegin: number, rowEnd: number): void {
  const outW = p.geometry.outW;
  for (const c of gemmConvCalls(p, x, y, act, scratch)) {
    c.args[c.range] = rowBegin * outW;
    c.args[c.range + 1] = rowEnd * outW;
    heap.kernels[c.kernel]!(...c.args);
  }
}
