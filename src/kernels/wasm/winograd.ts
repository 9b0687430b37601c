/**
 * Winograd 3×3 convolutions on the WebAssembly kernels (assembly/winograd.ts): which shapes, weight
 * packing into the heap, scratch size, and the call.
 *
 * Contract: 3×3, stride 1, dilation 1, groups 1, any padding and channel counts; x (batch, inH, inW, inC)
 * and y (batch, outH, outW, outC) NHWC at byte pointers into the heap; output rows r = n·outH + oy in
 * [rowBegin, rowEnd) are written (threads split a call; the result does not depend on the split).
 *
 * Packing computes U = G·g·Gᵀ once in double precision and stores it per transform point ξ as 8-column
 * panels (the GEMM's B operand), then the bias padded to ⌈outC/8⌉·8, then a parameter block of i32 slots
 * (geometry, pointers, scratch layout) that the kernel reads, so a call passes eight numbers.
 *
 * F(4×4,3×3) (36 points) does 4× fewer multiplies than the direct conv, F(2×2,3×3) (16 points) 2.25×.
 * F(4×4) is the default: on random data its error against the naive reference stays well inside 1e-4
 * (≈ 1e-5 at 256–512 channels against ≈ 6e-7 for F(2×2); test/kernels/wasm-winograd.test.ts prints both)
 * and it ran 1.5× faster than F(2×2) on the VGG layer (bench/wasm-kernels.ts). F(2×2) remains for small
 * outputs, where 4×4 tiles would mostly compute padding (`winogradWasmTile`).
 *
 * Inputs with ±∞: the transforms subtract inputs, so an ∞ in a tile gives NaN in that tile's outputs (the
 * direct conv would give ±∞); NaN propagates as usual.
 */
import type { Activation } from '../activation.js';
import type { Conv2dGeometry } from '../geometry.js';
import { activationCode, type WasmHeap } from './abi.js';
import { writeParamBlock } from './params.js';

/** Output tile side: 2 for F(2×2,3×3), 4 for F(4×4,3×3). */
export type WinogradTile = 2 | 4;

/** Weights packed for one layer; `params` is the byte pointer of the kernel's parameter block. */
export interface WinogradWasmPacked {
  readonly geometry: Conv2dGeometry;
  readonly tile: WinogradTile;
  readonly params: number;
}

/** Slots of the parameter block (assembly/winograd.ts reads the same ones). */
const P = {
  batch: 0, inH: 1, inW: 2, cin: 3, outH: 4, outW: 5, cout: 6, padTop: 7, padLeft: 8, tiles: 9,
  u: 10, bias: 11, zero: 12, tab: 13, temp: 14, v: 15, m: 16, rows: 17,
} as const;

/**
 * Target bytes of one chunk's transformed inputs V and products M, and the fewest tiles per chunk. Every
 * chunk streams all of U past its tiles, so few tiles make the GEMMs wait on memory: on the VGG layer
 * (F(4×4): 55 KB per tile) 4 tiles per chunk ran at 80, 8 at 140, 38 at 145 GFLOP/s (effective).
 */
const CHUNK_BYTES = 2 * 1024 * 1024;
const MIN_CHUNK_TILES = 16;

const roundUp = (v: number, m: number): number => Math.ceil(v / m) * m;

/**
 * True for the convolutions these kernels compute: 3×3, stride 1, dilation 1, groups 1.
 * @example isWinogradWasmShape({ ...vgg, kernelH: 3, kernelW: 3 }) //=> true
 */
export function isWinogradWasmShape(g: Conv2dGeometry): boolean {
  return (
    g.kernelH === 3 && g.kernelW === 3 && g.strideH === 1 && g.strideW === 1 &&
    g.dilationH === 1 && g.dilationW === 1 && g.groups === 1
  );
}

/**
 * Multiplies saved against the direct conv with output tiles of `tile`: edge tiles compute outputs past the
 * image and the GEMM computes tiles in fours, so small outputs save less (4×4 outputs: 1.0 for F(4×4),
 * whose one tile is padded to four, 2.25 for F(2×2)).
 */
function savings(g: Conv2dGeometry, tile: WinogradTile): number {
  const tiles = g.batch * Math.ceil(g.outH / tile) * Math.ceil(g.outW / tile);
  return (g.batch * g.outH * g.outW * 9) / (roundUp(tiles, 4) * (tile + 2) ** 2);
}

/**
 * The tile the packer picks for `g`: the one that saves more multiplies, F(4×4) on a tie (its transforms
 * cost less per output). Measured on one thread: 7×7×512→512 runs at 102 GFLOP/s with F(4×4), 58 with
 * F(2×2); 4×4×256→256 at 37 with F(4×4), 79 with F(2×2).
 * @example winogradWasmTile(vgg56) //=> 4
 */
export function winogradWasmTile(g: Conv2dGeometry): WinogradTile {
  return savings(g, 4) >= savings(g, 2) ? 4 : 2;
}

/** Byte offsets (from the scratch pointer) of the scratch areas, and the tiles per chunk. */
function scratchLayout(g: Conv2dGeometry, tile: WinogradTile) {
  const a = tile + 2;
  const points = a * a;
  const cinP = roundUp(g.inC, 4);
  const coutP8 = roundUp(g.outC, 8);
  const allTiles = g.batch * Math.ceil(g.outH / tile) * Math.ceil(g.outW / tile);
  const perTile = points * (cinP + coutP8) * 4;
  const tiles = Math.min(roundUp(allTiles, 4), Math.max(MIN_CHUNK_TILES, Math.floor(CHUNK_BYTES / perTile / 4) * 4));
  // The zero row doubles as the GEMMs' zero bias; `rows` lists the byte offsets of V's rows.
  const zero = 0;
  const rows = zero + Math.max(cinP, coutP8) * 4;
  const tab = rows + roundUp(tiles * 4, 16);
  const temp = tab + roundUp(points * 4, 16);
  const v = temp + points * 16;
  const m = v + points * tiles * cinP * 4;
  const bytes = m + points * tiles * coutP8 * 4;
  return { tiles, zero, rows, tab, temp, v, m, bytes };
}

/**
 * Scratch bytes one call (one thread) needs for `g`.
 * @example winogradWasmScratchBytes(vgg56) // ≈ 300 KB
 */
export function winogradWasmScratchBytes(g: Conv2dGeometry, tile: WinogradTile = winogradWasmTile(g)): number {
  return scratchLayout(g, tile).bytes;
}

/** The 3×3 → a×3 weight transform G (rows of the transform's interpolation points). */
function transformG(tile: WinogradTile): number[][] {
  if (tile === 2) return [[1, 0, 0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0, 0, 1]];
  return [
    [1 / 4, 0, 0],
    [-1 / 6, -1 / 6, -1 / 6],
    [-1 / 6, 1 / 6, -1 / 6],
    [1 / 24, 1 / 12, 1 / 6],
    [1 / 24, -1 / 12, 1 / 6],
    [0, 0, 1],
  ];
}

/** U_ξ = (G·g·Gᵀ)_ξ for every (ci, co), as per-point 8-column panels: [ξ][co/8][ci][co%8]. */
function transformWeights(g: Conv2dGeometry, hwio: Float32Array, tile: WinogradTile): Float32Array {
  const G = transformG(tile);
  const a = tile + 2, cin = g.inC, cout = g.outC, coutP8 = roundUp(cout, 8);
  const point = coutP8 * cin;
  const u = new Float32Array(a * a * point);
  const t = new Float64Array(a * 3);
  for (let ci = 0; ci < cin; ci++) {
    for (let co = 0; co < cout; co++) {
      // t = G·w (a×3)
      for (let i = 0; i < a; i++) {
        for (let kx = 0; kx < 3; kx++) {
          let s = 0;
          for (let ky = 0; ky < 3; ky++) s += G[i][ky] * hwio[((ky * 3 + kx) * cin + ci) * cout + co];
          t[i * 3 + kx] = s;
        }
      }
      // U = t·Gᵀ (a×a)
      const at = ((co >> 3) * cin + ci) * 8 + (co & 7);
      for (let i = 0; i < a; i++) {
        for (let j = 0; j < a; j++) {
          const s = t[i * 3] * G[j][0] + t[i * 3 + 1] * G[j][1] + t[i * 3 + 2] * G[j][2];
          u[(i * a + j) * point + at] = s;
        }
      }
    }
  }
  return u;
}

/**
 * Packs a 3×3 HWIO kernel (3, 3, inC, outC) and bias into the heap for `g`.
 * @example const p = packWinogradWasm(heap, g, hwio, bias); runWinogradWasm(heap, p, xPtr, yPtr, act, sPtr, 0, g.batch * g.outH)
 */
export function packWinogradWasm(
  heap: WasmHeap,
  g: Conv2dGeometry,
  kernelHWIO: Float32Array,
  bias: Float32Array | null,
  tile: WinogradTile = winogradWasmTile(g),
): WinogradWasmPacked {
  if (!isWinogradWasmShape(g)) {
    throw new Error(
      `conv2d (wasm winograd): needs a 3×3 stride-1 dilation-1 ungrouped conv (got kernel ${g.kernelH}×${g.kernelW}, ` +
        `stride ${g.strideH}×${g.strideW}, dilation ${g.dilationH}×${g.dilationW}, groups ${g.groups})`,
    );
  }
  if (kernelHWIO.length !== 9 * g.inC * g.outC) {
    throw new Error(`conv2d (wasm winograd): kernel has ${kernelHWIO.length} values (expected 3·3·${g.inC}·${g.outC} = ${9 * g.inC * g.outC})`);
  }
  if (bias !== null && bias.length !== g.outC) {
    throw new Error(`conv2d (wasm winograd): bias has ${bias.length} values (expected outC = ${g.outC})`);
  }
  const u = transformWeights(g, kernelHWIO, tile);
  const coutP8 = roundUp(g.outC, 8);
  const uPtr = heap.alloc(u.byteLength);
  heap.f32().set(u, uPtr / 4);
  const biasPtr = heap.alloc(coutP8 * 4);
  heap.f32().fill(0, biasPtr / 4, biasPtr / 4 + coutP8);
  if (bias !== null) heap.f32().set(bias, biasPtr / 4);
  const layout = scratchLayout(g, tile);
  const params = writeParamBlock(heap, P, {
    batch: g.batch, inH: g.inH, inW: g.inW, cin: g.inC, outH: g.outH, outW: g.outW, cout: g.outC,
    padTop: g.padTop, padLeft: g.padLeft, u: uPtr, bias: biasPtr, ...layout,
  });
  return { geometry: g, tile, params };
}

/**
 * `y = act(conv3×3(x) + bias)` for output rows [rowBegin, rowEnd) of batch·outH; scratch holds
 * `winogradWasmScratchBytes(g, packed.tile)` bytes (one block per thread).
 * @example runWinogradWasm(heap, packed, xPtr, yPtr, { kind: 'relu' }, scratchPtr, 0, g.batch * g.outH)
 */
export function runWinogradWasm(
  heap: WasmHeap,
  packed: WinogradWasmPacked,
  xPtr: number,
  yPtr: number,
  act: Activation,
  scratchPtr: number,
  rowBegin: number,
  rowEnd: number,
): void {
  const { code, alpha } = activationCode(act);
  const kernel = heap.kernels[packed.tile === 2 ? 'winograd_f2x2' : 'winograd_f4x4'];
  kernel(packed.params, xPtr, yPtr, scratchPtr, code, alpha, rowBegin, rowEnd);
}
