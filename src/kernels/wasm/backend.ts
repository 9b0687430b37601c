/**
 * `createWasmBackend()`: the `Backend` on WebAssembly SIMD kernels (assembly/) for convs (depthwise,
 * Winograd 3×3 stride 1 with ≥ 16 channels, else the GEMM paths of conv.ts), dense layers, max/average
 * pooling, standalone activations and residual adds (assembly/pool.ts); softmax and transposed convs run
 * the plain-TS kernels directly on views of the same memory (a fraction of a per cent of a network's time).
 *
 * Zero copy: when the executor's arrays are views of this backend's memory (`allocate`), kernels get
 * byte pointers into them. Any other Float32Array is copied in and out through a staging block, so the
 * backend is correct for every caller; staging may grow the memory, which detaches the views of a
 * non-shared memory, so the executor keeps everything in `allocate`d views and never stages.
 */
import type { Activation } from '../activation.js';
import { jsBackend, type Backend, type PackedHandle } from '../backend.js';
import { add as jsAdd } from '../merge.js';
import type { Conv2dGeometry, Conv2dTransposeGeometry, DenseGeometry, Pool2dGeometry } from '../geometry.js';
import { ACT, activationCode } from './abi.js';
import { denseAsConv, gemmConvCalls, gemmConvScratchBytes, gemmMethod, packGemmConv, type GemmConv, type GemmMethod } from './conv.js';
import { isDepthwiseWasmShape, packDepthwiseWasm } from './depthwise.js';
import { createHeap, type Heap, type HeapOptions } from './heap.js';
import { createThreadPool, type KernelCall, type ThreadPool } from './threads.js';
import { isWinogradWasmShape, packWinogradWasm, winogradWasmScratchBytes } from './winograd.js';

/** Channels (in and out) from which Winograd's transforms cost less than the multiplies they save. */
const WINOGRAD_MIN_CHANNELS = 16;

/** Whether `g` runs on the Winograd kernels. */
function usesWinograd(g: Conv2dGeometry): boolean {
  return isWinogradWasmShape(g) && g.inC >= WINOGRAD_MIN_CHANNELS && g.outC >= WINOGRAD_MIN_CHANNELS;
}

/**
 * The ungrouped conv each group of `g` is, when a grouped (not depthwise) conv runs on Winograd group by group
 * (AlexNet's conv4/conv5): its channels gathered into a dense block, Winograd, the result scattered back.
 */
function winogradGroup(g: Conv2dGeometry): Conv2dGeometry | null {
  if (g.groups === 1 || isDepthwiseWasmShape(g)) return null;
  const sub = { ...g, inC: g.inC / g.groups, outC: g.outC / g.groups, groups: 1 };
  return usesWinograd(sub) ? sub : null;
}

/** Scratch bytes a conv of `g` needs per thread (a multiple of 16, so every thread's block stays aligned). */
function convScratchBytes(g: Conv2dGeometry): number {
  if (isDepthwiseWasmShape(g)) return 0;
  const sub = winogradGroup(g);
  return Math.ceil((sub ? winogradWasmScratchBytes(sub) : usesWinograd(g) ? winogradWasmScratchBytes(g) : gemmConvScratchBytes(g)) / 16) * 16;
}

/** Group `grp`'s HWIO kernel (and bias) out of a grouped conv's: output channels [grp·n, grp·n + n). */
function groupWeights(g: Conv2dGeometry, grp: number, kernel: Float32Array, bias: Float32Array | null): { kernel: Float32Array; bias: Float32Array | null } {
  const n = g.outC / g.groups;
  const rows = g.kernelH * g.kernelW * (g.inC / g.groups);
  const k = new Float32Array(rows * n);
  for (let r = 0; r < rows; r++) k.set(kernel.subarray(r * g.outC + grp * n, r * g.outC + grp * n + n), r * n);
  return { kernel: k, bias: bias && bias.slice(grp * n, grp * n + n) };
}

/** Packs a conv for the kernel its shape calls for: depthwise, Winograd 3×3, or the GEMM paths. */
function packConv(heap: Heap, g: Conv2dGeometry, kernel: Float32Array, bias: Float32Array | null): WasmConv {
  const scratchBytes = convScratchBytes(g);
  const rows = g.batch * g.outH;
  if (isDepthwiseWasmShape(g)) {
    const p = packDepthwiseWasm(heap, g, kernel, bias);
    return {
      method: 'depthwise', scratchBytes,
      steps: (x, y, act) => [{ rows, grain: 1, calls: [{ kernel: 'depthwise_conv', args: [p.params, x, y, ...codeAlpha(act), 0, rows], range: 5 }] }],
    };
  }
  const sub = usesWinograd(g) ? g : winogradGroup(g);
  if (sub) return packWinogradConv(heap, g, sub, kernel, bias, scratchBytes);
  const p = packGemmConv(heap, g, kernel, bias);
  // The GEMM calls range over output pixels; splits at the micro-tile's 4 rows.
  return { method: gemmMethod(g), scratchBytes, steps: (x, y, act, s) => [{ rows: rows * g.outW, grain: 4, calls: gemmConvCalls(p, x, y, act, s) }] };
}

/**
 * A 3×3 stride-1 conv on the Winograd kernels. `sub` is `g` itself, or (a grouped conv) the ungrouped conv of one
 * group: then each group's input channels are first gathered into a dense block and its output scattered back
 * afterwards — three steps, the copies ≈ 1% of the multiplies on AlexNet's conv4/conv5.
 */
function packWinogradConv(heap: Heap, g: Conv2dGeometry, sub: Conv2dGeometry, kernel: Float32Array, bias: Float32Array | null, scratchBytes: number): WasmConv {
  const rows = g.batch * g.outH;
  const grouped = sub !== g;
  const packs = grouped
    ? Array.from({ length: g.groups }, (_, grp) => {
        const w = groupWeights(g, grp, kernel, bias);
        return packWinogradWasm(heap, sub, w.kernel, w.bias);
      })
    : [packWinogradWasm(heap, g, kernel, bias)];
  const inPixels = g.batch * g.inH * g.inW;
  const outPixels = rows * g.outW;
  const xs = grouped ? packs.map(() => heap.alloc(inPixels * sub.inC * 4)) : null;
  const ys = grouped ? packs.map(() => heap.alloc(outPixels * sub.outC * 4)) : null;
  const tile = packs[0]!.tile;
  let direct: PackedHandle<Conv2dGeometry> | undefined;
  return {
    method: 'winograd', scratchBytes,
    steps: (x, y, act, s) => {
      // Splits at whole tile rows (a tile cut by a split would be computed by both threads).
      const winograd: ConvStep = {
        rows, grain: g.batch === 1 || g.outH % tile === 0 ? tile : 1,
        calls: packs.map((p, grp) => ({
          kernel: p.tile === 2 ? 'winograd_f2x2' : 'winograd_f4x4',
          args: [p.params, xs ? xs[grp]! : x, ys ? ys[grp]! : y, s, ...codeAlpha(act), 0, rows], range: 6, scratch: { arg: 3, bytes: scratchBytes },
        })),
      };
      if (!xs || !ys) return [winograd];
      const copy = (src: number, srcStride: number, dst: number, dstStride: number, count: number, pixels: number): KernelCall =>
        ({ kernel: 'copyChannels', args: [src, srcStride, dst, dstStride, count, 0, pixels], range: 5 });
      return [
        { rows: inPixels, grain: 1, calls: xs.map((xg, grp) => copy(x + grp * sub.inC * 4, g.inC, xg, sub.inC, sub.inC, inPixels)) },
        winograd,
        { rows: outPixels, grain: 1, calls: ys.map((yg, grp) => copy(yg, sub.outC, y + grp * sub.outC * 4, g.outC, sub.outC, outPixels)) },
      ];
    },
    // F(4×4)'s output transform mixes a tile's whole input window into every output of the tile, so a NaN
    // or ±∞ pixel would spoil outputs whose own window never reads it. Inputs that are not all finite take
    // the TypeScript kernels instead (packed on first need, in JS memory), which keep each output's receptive
    // field exact; finite inputs, the normal case, pay one SIMD pass over the input (≈ 1% of the conv).
    // Holds the caller's arrays (the executor never changes a packed layer's weights; setWeights re-plans).
    direct: () => (direct ??= jsBackend.packConv2d(g, kernel, bias)),
  };
}

function codeAlpha(act: Activation): [number, number] {
  const { code, alpha } = activationCode(act);
  return [code, alpha];
}

const WASM = 'wasm';

/**
 * Dense layers with at most this many rows (the batch) run `gemvPanels` per row: the 4-row GEMM tile would
 * compute up to 3 wasted rows while streaming the same weights (AlexNet's fc6–fc8 at batch 1: measured in
 * docs/wasm.md).
 */
const GEMV_MAX_ROWS = 3;

/** Options of `createWasmBackend`. */
export type WasmBackendOptions = HeapOptions & {
  /**
   * Threads for convs and dense layers, the calling one included (default: 2, or 1 on one core; always 1
   * without shared memory, e.g. a browser page that is not cross-origin isolated). Extra threads start in
   * the background; until they are up, calls run on the calling thread (the results are the same).
   */
  readonly threads?: number;
};

/** The WebAssembly backend: a `Backend` plus its heap and the allocation hook the executor uses. */
export interface WasmBackend extends Backend {
  readonly heap: Heap;
  /** The kernel threads (`await backend.threads.whenReady()` to wait for them). */
  readonly threads: ThreadPool;
  /** Stops the kernel threads; later calls run on the calling thread. */
  dispose(): void;
  /** A block of `floats` float32 in the heap, as a getter of its current view. */
  allocate(floats: number): () => Float32Array;
}

/**
 * One step of a conv: kernel calls on byte pointers for the whole range [0, rows) (output rows, output pixels
 * for the GEMM paths, pixels for copies), which threads split at multiples of `grain`.
 */
interface ConvStep {
  readonly calls: KernelCall[];
  readonly rows: number;
  readonly grain: number;
}

/** A conv packed for the wasm kernels: its steps, run one after the other; each thread has `scratchBytes` of scratch. */
interface WasmConv {
  readonly method: 'depthwise' | 'winograd' | GemmMethod;
  readonly scratchBytes: number;
  steps(x: number, y: number, act: Activation, scratch: number): ConvStep[];
  /** The same conv on the TypeScript kernels, for inputs with NaN or ±∞ (Winograd only). */
  direct?(): PackedHandle<Conv2dGeometry>;
}

type ConvHandle = PackedHandle<Conv2dGeometry> & { readonly conv: WasmConv };
type DenseHandle = PackedHandle<DenseGeometry> & { readonly gemm: GemmConv };
type TransposeHandle = PackedHandle<Conv2dTransposeGeometry> & { readonly js: PackedHandle<Conv2dTransposeGeometry> };

function own<T extends PackedHandle<unknown>>(p: PackedHandle<unknown>, kernel: string): T {
  if (p.backend !== WASM) throw new Error(`${kernel}: weights were packed by backend '${p.backend}', not '${WASM}'`);
  return p as T;
}

/**
 * A WebAssembly SIMD backend with its own memory.
 * @example model(x, y, { backend: createWasmBackend() })
 */
export function createWasmBackend(options: WasmBackendOptions = {}): WasmBackend {
  const heap = createHeap(options);
  const threads = createThreadPool({ module: heap.module, memory: heap.memory, exports: heap.kernels as unknown as WebAssembly.Exports, threads: options.threads });
  let staging = -1;
  let stagingBytes = 0;
  const release = releaser(heap);

  /** A staging block of at least `bytes` (grown, never per call once warm). */
  const stage = (bytes: number): number => {
    if (bytes > stagingBytes) {
      if (staging >= 0) heap.free(staging);
      stagingBytes = Math.max(bytes, stagingBytes * 2);
      staging = heap.alloc(stagingBytes);
    }
    return staging;
  };

  /**
   * Runs `kernel(xPtr, yPtr, scratchPtr)` on the pointers of the arrays, staging the ones outside the heap:
   * x (xLen floats) copied in, y (yLen floats) copied out, scratch (sBytes) used in place.
   */
  const call = (
    x: Float32Array, xOff: number, xLen: number,
    y: Float32Array, yOff: number, yLen: number,
    scratch: Float32Array | null, sBytes: number,
    kernel: (xPtr: number, yPtr: number, sPtr: number) => void,
  ): void => {
    let xp = heap.pointerOf(x, xOff);
    let yp = heap.pointerOf(y, yOff);
    let sp = scratch !== null && scratch.length * 4 >= sBytes ? heap.pointerOf(scratch, 0) : -1;
    const need = (xp < 0 ? xLen * 4 : 0) + (yp < 0 ? yLen * 4 : 0) + (sp < 0 ? sBytes : 0);
    if (need > 0) {
      let at = stage(need + 48);
      const take = (bytes: number): number => {
        const p = Math.ceil(at / 16) * 16;
        at = p + bytes;
        return p;
      };
      if (xp < 0) {
        xp = take(xLen * 4);
        heap.f32().set(x.subarray(xOff, xOff + xLen), xp / 4);
      }
      if (yp < 0) yp = take(yLen * 4);
      if (sp < 0) sp = take(sBytes);
    }
    kernel(xp, yp, sp);
    if (heap.pointerOf(y, yOff) < 0) y.set(heap.f32().subarray(yp / 4, yp / 4 + yLen), yOff);
  };

  const pool = (g: Pool2dGeometry, x: Float32Array, xOff: number, y: Float32Array, yOff: number, avg: 0 | 1): void => {
    const rows = g.batch * g.outH;
    call(x, xOff, g.batch * g.inH * g.inW * g.channels, y, yOff, rows * g.outW * g.channels, null, 0, (xp, yp) =>
      heap.kernels.pool2d!(
        xp, g.inH, g.inW, g.channels, g.outH, g.outW, g.kernelH, g.kernelW, g.strideH, g.strideW, g.dilationH, g.dilationW,
        g.padTop, g.padLeft, g.padBottom, g.padRight, avg, g.countIncludePad ? 1 : 0, yp, 0, rows,
      ),
    );
  };

  const backend: WasmBackend = {
    name: WASM,
    heap,
    threads,
    dispose: () => threads.dispose(),
    allocate(floats) {
      const ptr = heap.alloc(Math.max(1, floats) * 4);
      heap.f32().fill(0, ptr / 4, ptr / 4 + floats);
      // Freed once the getter and every view it handed out are unreachable.
      const block = { blocks: [ptr], live: 0 };
      const getter = heap.view(ptr, floats, (v) => release.hold(v, block));
      release.hold(getter, block);
      return getter;
    },
    packConv2d(g, kernel, bias): ConvHandle {
      checkSizes('conv2d', kernel.length, g.kernelH * g.kernelW * (g.inC / g.groups) * g.outC, bias, g.outC);
      const { value: conv, blocks } = heap.tracking(() => packConv(heap, g, kernel, bias));
      return release.owned({ backend: WASM, geometry: g, conv }, blocks);
    },
    conv2dScratchSize: (g) => (convScratchBytes(g) * threads.threads) / 4,
    conv2d(p, x, xOff, y, yOff, act, scratch) {
      const h = own<ConvHandle>(p, 'conv2d');
      const g = h.geometry;
      const c = h.conv;
      const xLen = g.batch * g.inH * g.inW * g.inC;
      const yLen = g.batch * g.outH * g.outW * g.outC;
      call(x, xOff, xLen, y, yOff, yLen, scratch, c.scratchBytes * threads.threads, (xp, yp, sp) => {
        if (c.direct && !heap.kernels.allFinite!(xp, xLen)) {
          const d = c.direct();
          const mem = heap.f32();
          jsBackend.conv2d(d, mem, xp / 4, mem, yp / 4, act, new Float32Array(jsBackend.conv2dScratchSize(g)));
        } else for (const step of c.steps(xp, yp, act, sp)) threads.run(step.calls, 0, step.rows, step.grain);
      });
    },
    packConv2dTranspose(g, kernel, bias): TransposeHandle {
      return { backend: WASM, geometry: g, js: jsBackend.packConv2dTranspose(g, kernel, bias) };
    },
    conv2dTransposeScratchSize: (g) => jsBackend.conv2dTransposeScratchSize(g),
    conv2dTranspose(p, x, xOff, y, yOff, act, scratch) {
      jsBackend.conv2dTranspose(own<TransposeHandle>(p, 'conv2dTranspose').js, x, xOff, y, yOff, act, scratch);
    },
    packDense(g, kernel, bias): DenseHandle {
      checkSizes('dense', kernel.length, g.inFeatures * g.units, bias, g.units);
      const { value: gemm, blocks } = heap.tracking(() => packGemmConv(heap, denseAsConv(g), kernel, bias));
      return release.owned({ backend: WASM, geometry: g, gemm }, blocks);
    },
    denseScratchSize: () => 0,
    dense(p, x, xOff, y, yOff, act: Activation) {
      const h = own<DenseHandle>(p, 'dense');
      const g = h.geometry;
      call(x, xOff, g.batch * g.inFeatures, y, yOff, g.batch * g.units, null, 0, (xp, yp) => {
        if (g.batch > GEMV_MAX_ROWS) return threads.run(gemmConvCalls(h.gemm, xp, yp, act, 0), 0, g.batch, 4);
        // A few rows: one weight-streaming pass per row, threads splitting the 8-column panels.
        const [code, alpha] = codeAlpha(act);
        const calls = Array.from({ length: g.batch }, (_, r): KernelCall => ({
          kernel: 'gemvPanels',
          args: [xp + r * g.inFeatures * 4, g.inFeatures, h.gemm.weights[0]!, h.gemm.bias[0]!, g.units, yp + r * g.units * 4, 0, 0, code, alpha],
          range: 6,
        }));
        threads.run(calls, 0, Math.ceil(g.units / 8), 1);
      });
    },
    maxPool2d: (g, x, xOff, y, yOff) => pool(g, x, xOff, y, yOff, 0),
    avgPool2d: (g, x, xOff, y, yOff) => pool(g, x, xOff, y, yOff, 1),
    activation(act, x, xOff, y, yOff, n) {
      const { code, alpha } = activationCode(act);
      if (code === ACT.none && x === y && xOff === yOff) return;
      call(x, xOff, n, y, yOff, n, null, 0, (xp, yp) => heap.kernels.activation!(xp, yp, code, alpha, 0, n));
    },
    softmax: jsBackend.softmax,
    add(m, a, b, y, n, act) {
      const base = heap.pointerOf(m, 0);
      if (base < 0) {
        jsAdd(m, a, b, y, n, act);
        return;
      }
      const { code, alpha } = activationCode(act);
      heap.kernels.addActivation!(base + a * 4, base + b * 4, base + y * 4, code, alpha, 0, n);
    },
  };
  return backend;
}

/**
 * Frees heap blocks when the objects that own them become unreachable (a dropped plan's packed weights and
 * arena: `setWeights` and new batch sizes make new plans), through a FinalizationRegistry.
 */
function releaser(heap: Heap) {
  type Blocks = { readonly blocks: readonly number[]; live: number };
  const registry = new FinalizationRegistry<Blocks>((b) => {
    if (--b.live === 0) for (const p of b.blocks) heap.free(p);
  });
  const hold = (owner: object, b: Blocks): void => {
    b.live++;
    registry.register(owner, b);
  };
  return {
    hold,
    owned<T extends object>(owner: T, blocks: readonly number[]): T {
      hold(owner, { blocks, live: 0 });
      return owner;
    },
  };
}

function checkSizes(kernelName: string, got: number, expected: number, bias: Float32Array | null, units: number): void {
  if (got !== expected) throw new Error(`${kernelName}: kernel has ${got} elements (expected ${expected})`);
  if (bias !== null && bias.length !== units) throw new Error(`${kernelName}: bias has ${bias.length} elements (expected ${units})`);
}
