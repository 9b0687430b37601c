/**
 * The WebAssembly Winograd and depthwise kernels on one thread against tfjs-backend-wasm (XNNPACK, SIMD,
 * one thread), same process, same data:
 *
 *     npx tsx bench/wasm-kernels.ts [--rounds N]
 *
 * Layers: VGG 56²×128→256 k3 p1 (Winograd F(2×2) and F(4×4), and the indirect GEMM of
 * src/kernels/wasm/conv.ts for reference), depthwise 56²×128 k3 p1 and MobileNet's stride-2 depthwise
 * 112²×64 k3 s2. Engines are timed in interleaved
 * rounds (one run of each per round, after a warm-up) so that load from other processes hits them alike;
 * medians of wall and process CPU time are reported. GFLOP/s = 2·MACs of the direct convolution / median,
 * so Winograd's savings show as a higher rate. Ours run on arrays already in the heap (as the executor
 * keeps them); tfjs runs include reading the result back (`dataSync`), as in bench/layers.ts.
 */
import os from 'node:os';
import { conv2dMacs, type Conv2dGeometry } from '../src/kernels/geometry.js';
import { packGemmConv, runGemmConv, gemmConvScratchBytes } from '../src/kernels/wasm/conv.js';
import { packDepthwiseWasm, runDepthwiseWasm } from '../src/kernels/wasm/depthwise.js';
import { createHeap } from '../src/kernels/wasm/heap.js';
import { packWinogradWasm, runWinogradWasm, winogradWasmScratchBytes } from '../src/kernels/wasm/winograd.js';
import { loadPeers, median, random, type Tf } from './harness.js';

const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1] || 40);
const WARMUP_RUNS = 5;

const base = { batch: 1, strideH: 1, strideW: 1, dilationH: 1, dilationW: 1, padTop: 1, padLeft: 1, kernelH: 3, kernelW: 3 };
const VGG: Conv2dGeometry = { ...base, inH: 56, inW: 56, inC: 128, outH: 56, outW: 56, outC: 256, groups: 1 };
const DEPTHWISE: Conv2dGeometry = { ...base, inH: 56, inW: 56, inC: 128, outH: 56, outW: 56, outC: 128, groups: 128 };
/** MobileNet's stride-2 depthwise layer, TF 'same' (pads: 0 before, 1 after). */
const DEPTHWISE_S2: Conv2dGeometry = {
  ...base, inH: 112, inW: 112, inC: 64, outH: 56, outW: 56, outC: 64, groups: 64, strideH: 2, strideW: 2, padTop: 0, padLeft: 0,
};

interface Engine {
  readonly layer: string;
  readonly name: string;
  readonly g: Conv2dGeometry;
  readonly run: () => void;
  readonly wall: number[];
  readonly cpu: number[];
}

const heap = createHeap({ shared: false, relaxed: false });

function inputs(g: Conv2dGeometry): { x: Float32Array; w: Float32Array } {
  return {
    x: random(g.batch * g.inH * g.inW * g.inC, 1),
    w: random(g.kernelH * g.kernelW * (g.inC / g.groups) * g.outC, 2).map((v) => v * 0.05),
  };
}

/** x in the heap, y and scratch allocated; returns their pointers. */
function place(g: Conv2dGeometry, x: Float32Array, scratchBytes: number): { xp: number; yp: number; sp: number } {
  const xp = heap.alloc(x.length * 4);
  heap.f32().set(x, xp / 4);
  return { xp, yp: heap.alloc(g.batch * g.outH * g.outW * g.outC * 4), sp: heap.alloc(Math.max(16, scratchBytes)) };
}

function tfjsWasm(tf: Tf, layer: string, g: Conv2dGeometry): Engine {
  const { x, w } = inputs(g);
  const xt = tf.tensor4d(x, [g.batch, g.inH, g.inW, g.inC]);
  const depthwise = g.groups > 1;
  const wt = depthwise ? tf.tensor4d(w, [3, 3, g.inC, g.outC / g.inC]) : tf.tensor4d(w, [3, 3, g.inC, g.outC]);
  // Bottom/right pads: what the output size implies.
  const end = (o: number, i: number, s: number, p: number): number => (o - 1) * s + 3 - i - p;
  const pad = [[0, 0], [g.padTop, end(g.outH, g.inH, g.strideH, g.padTop)], [g.padLeft, end(g.outW, g.inW, g.strideW, g.padLeft)], [0, 0]] as [
    [number, number], [number, number], [number, number], [number, number],
  ];
  const s: [number, number] = [g.strideH, g.strideW];
  const run = (): void => {
    const y = depthwise ? tf.depthwiseConv2d(xt, wt, s, pad, 'NHWC') : tf.conv2d(xt, wt, s, pad, 'NHWC');
    y.dataSync();
    y.dispose();
  };
  return { layer, name: 'tfjs-wasm', g, run, wall: [], cpu: [] };
}

async function main(): Promise<void> {
  const { tf } = await loadPeers();
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs: the wasm backend failed to initialise');
  await tf.ready();

  const engines: Engine[] = [];
  const vgg = 'vgg 56²×128→256 k3 p1';
  {
    const { x, w } = inputs(VGG);
    for (const tile of [4, 2] as const) {
      const packed = packWinogradWasm(heap, VGG, w, null, tile);
      const { xp, yp, sp } = place(VGG, x, winogradWasmScratchBytes(VGG, tile));
      const run = (): void => runWinogradWasm(heap, packed, xp, yp, { kind: 'none' }, sp, 0, VGG.outH);
      engines.push({ layer: vgg, name: `winograd F(${tile}×${tile})`, g: VGG, run, wall: [], cpu: [] });
    }
    const gemm = packGemmConv(heap, VGG, w, null);
    const { xp, yp, sp } = place(VGG, x, gemmConvScratchBytes(VGG));
    engines.push({ layer: vgg, name: 'wasm GEMM', g: VGG, run: () => runGemmConv(heap, gemm, xp, yp, { kind: 'none' }, sp, 0, VGG.outH), wall: [], cpu: [] });
    engines.push(tfjsWasm(tf, vgg, VGG));
  }
  for (const [layer, g] of [['depthwise 56²×128 k3 p1', DEPTHWISE], ['depthwise 112²×64 k3 s2', DEPTHWISE_S2]] as const) {
    const { x, w } = inputs(g);
    const packed = packDepthwiseWasm(heap, g, w, null);
    const { xp, yp } = place(g, x, 0);
    engines.push({ layer, name: 'wasm depthwise', g, run: () => runDepthwiseWasm(heap, packed, xp, yp, { kind: 'none' }, 0, g.outH), wall: [], cpu: [] });
    engines.push(tfjsWasm(tf, layer, g));
  }

  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (const e of engines) for (let i = 0; i < WARMUP_RUNS; i++) e.run();
  for (let round = 0; round < ROUNDS; round++) {
    for (const e of engines) {
      const c = process.cpuUsage();
      const t = performance.now();
      e.run();
      e.wall.push(performance.now() - t);
      const u = process.cpuUsage(c);
      e.cpu.push((u.user + u.system) / 1000);
    }
  }
  console.log(`${ROUNDS} interleaved rounds, median; GFLOP/s = 2·direct MACs / time; load at end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  const rate = (g: Conv2dGeometry, ms: number): number => (2 * conv2dMacs(g)) / ms / 1e6;
  console.log(`${'layer'.padEnd(26)} ${'engine'.padEnd(18)} ${'ms'.padStart(8)} ${'GFLOP/s'.padStart(8)} ${'best'.padStart(8)} ${'÷tfjs'.padStart(7)}   CPU-time GFLOP/s ÷tfjs`);
  for (const e of engines) {
    const peer = engines.find((p) => p.layer === e.layer && p.name === 'tfjs-wasm')!;
    const wall = median(e.wall), cpu = median(e.cpu);
    console.log(
      `${e.layer.padEnd(26)} ${e.name.padEnd(18)} ${wall.toFixed(2).padStart(8)} ${rate(e.g, wall).toFixed(1).padStart(8)} ` +
        `${rate(e.g, Math.min(...e.wall)).toFixed(1).padStart(8)} ${(median(peer.wall) / wall).toFixed(2).padStart(6)}×` +
        `   ${rate(e.g, cpu).toFixed(1).padStart(8)} ${(median(peer.cpu) / cpu).toFixed(2).padStart(6)}×`,
    );
  }
}

await main();
