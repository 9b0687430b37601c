/**
 * What the benchmarks share: loading the peer engines (after convtype's first pass — see bench/layers.ts),
 * the timing loop (warm-up, median of wall and process CPU time) and a seeded input generator.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const args = process.argv.slice(2);
const flag = (n: string): string | undefined => {
  const i = args.indexOf(n);
  return i >= 0 ? args[i + 1] : undefined;
};
export const RUNS = Number(flag('--runs') ?? 7);
const WARMUP = 3;
const WARMUP_MS = 1500;
const MEASURE_MS = 1000;

// Peers are imported dynamically, AFTER convtype's first pass (see the file header).
export type Tf = typeof import('@tensorflow/tfjs-core');
export type Ort = typeof import('onnxruntime-node');
export type Onnx = typeof import('../test/reference/onnx.js');
export interface Peers {
  readonly tf: Tf;
  readonly ort: Ort;
  readonly onnx: Onnx;
}

export async function loadPeers(): Promise<Peers> {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const ort = await import('onnxruntime-node');
  const onnx = await import('../test/reference/onnx.js');
  const require = createRequire(import.meta.url);
  wasm.setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep);
  wasm.setThreadsCount(1);
  tf.env().set('IS_TEST', true); // silences the "install tfjs-node" banner
  return { tf, ort, onnx };
}

export function random(n: number, seed: number): Float32Array {
  const a = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = s / 2 ** 31 - 1;
  }
  return a;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Times `fn` (sync or async): warm-up runs, then `runs` timed ones (fewer for slow engines). Records
 * wall time and process CPU time: on a shared machine the CPU time is the steadier of the two.
 */
export async function time(fn: () => unknown): Promise<{ wall: number[]; cpu: number[] }> {
  // JIT engines (ours, tfjs-cpu) reach steady state only after their hot loops are re-optimised,
  // which takes dozens of calls for small layers: warm up for WARMUP_MS and at least WARMUP runs.
  const t0 = performance.now();
  let count = 0;
  let first = 0;
  while (count < WARMUP || (performance.now() - t0 < WARMUP_MS && count < 200)) {
    const t = performance.now();
    await fn();
    if (count++ === 0) first = performance.now() - t;
  }
  // At least RUNS timed runs and, for fast layers, at least MEASURE_MS of them (at most 100), so a
  // burst of load from other processes moves the median less.
  const runs = first > 1000 ? Math.min(RUNS, 5) : RUNS;
  const wall: number[] = [];
  const cpu: number[] = [];
  const t1 = performance.now();
  for (let i = 0; i < runs || (performance.now() - t1 < MEASURE_MS && i < 100); i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  return { wall, cpu };
}

export interface Measured {
  medianMs: number;
  gflops: number;
  cpuMedianMs: number;
  cpuGflops: number;
  timesMs: number[];
}

export function summarise(times: { wall: number[]; cpu: number[] }, macs: number): Measured {
  const med = median(times.wall);
  const cpuMed = median(times.cpu);
  return {
    medianMs: Number(med.toFixed(3)),
    gflops: Number(((2 * macs) / med / 1e6).toFixed(3)),
    cpuMedianMs: Number(cpuMed.toFixed(3)),
    cpuGflops: Number(((2 * macs) / cpuMed / 1e6).toFixed(3)),
    timesMs: times.wall.map((t) => Number(t.toFixed(3))),
  };
}


/** A printer of one engine's whole-network timing, lines prefixed by `label` (e.g. 'alexnet-227'). */
export function reporter(label: string): (engine: string, m: Measured) => void {
  return (engine, m) =>
    console.log(`  ${label} ${engine.padEnd(13)} ${m.medianMs.toFixed(1).padStart(8)} ms ${m.gflops.toFixed(2).padStart(7)} GFLOP/s   (CPU time ${m.cpuMedianMs.toFixed(1)} ms)`);
}

/**
 * A tfjs forward pass as a benchmarkable engine: `run` reads the result back (as every engine's timing does) and
 * frees it; `dispose` drops the weights.
 */
export function tfjsEngine(tf: Peers['tf'], forward: () => { dataSync(): unknown; dispose(): void }): { run: () => Float32Array; dispose: () => void } {
  const run = (): Float32Array => {
    const y = forward();
    const data = y.dataSync() as Float32Array;
    y.dispose();
    return data;
  };
  return { run, dispose: () => tf.disposeVariables() };
}
