/**
 * Thread scaling of the WebAssembly backend, in one process: the reference layers with 1 and 2 kernel
 * threads, measured in alternating rounds (so load from other processes hits both alike), and a network-like
 * sequence of short layers (0.2–2 ms each) with 2 threads whose idle workers poll for 0, 0.2, 1 or 5 ms before
 * sleeping (what the polling buys when layers follow each other quickly).
 *
 *     npx tsx bench/wasm-threads.ts [--rounds N] [--only case,case]   (the sequence is the case 'sequence')
 *
 * Results: medians over rounds of the per-round median; ratio = time(1 thread) ÷ time(2 threads).
 * Timings live here, never in tests.
 */
import os from 'node:os';
import { conv2dMacs, type Conv2dGeometry } from '../src/kernels/geometry.js';
import { createWasmBackend, type WasmBackend } from '../src/kernels/wasm/backend.js';
import { median, random } from './harness.js';

const args = process.argv.slice(2);
const flag = (n: string): string | undefined => {
  const i = args.indexOf(n);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROUNDS = Number(flag('--rounds') ?? 7);
const ONLY = flag('--only')?.split(',');

/** A batch-1 conv: `inHW`² × `inC` → `outC`, k×k, stride s, dilation d, 'same'-style padding p. */
function conv(inHW: number, inC: number, outC: number, k: number, s = 1, d = 1, p = 0, groups = 1): Conv2dGeometry {
  const out = Math.floor((inHW + 2 * p - d * (k - 1) - 1) / s) + 1;
  return {
    batch: 1, inH: inHW, inW: inHW, inC, outH: out, outW: out, outC, kernelH: k, kernelW: k,
    strideH: s, strideW: s, dilationH: d, dilationW: d, padTop: p, padLeft: p, groups,
  };
}

const LAYERS: readonly { name: string; g: Conv2dGeometry }[] = [
  { name: 'alexnet-conv1 227²×3→96 k11 s4', g: conv(227, 3, 96, 11, 4) },
  { name: 'vgg 56²×128→256 k3 p1', g: conv(56, 128, 256, 3, 1, 1, 1) },
  { name: 'resnet-1x1 56²×256→64', g: conv(56, 256, 64, 1) },
  { name: 'dilated 64²×64→64 k3 d2 p2', g: conv(64, 64, 64, 3, 1, 2, 2) },
  { name: 'depthwise 56²×128 k3 p1 g128', g: conv(56, 128, 128, 3, 1, 1, 1, 128) },
];

/** ResNet-50-like stage layers of 0.2–2 ms, run back to back as one "network". */
const SEQUENCE: readonly Conv2dGeometry[] = [
  conv(56, 64, 64, 1), conv(56, 64, 64, 3, 1, 1, 1), conv(56, 64, 256, 1),
  conv(28, 128, 128, 3, 1, 1, 1), conv(28, 128, 512, 1), conv(28, 512, 128, 1),
  conv(14, 256, 256, 3, 1, 1, 1), conv(14, 256, 1024, 1), conv(14, 1024, 256, 1),
  conv(7, 512, 512, 3, 1, 1, 1), conv(7, 512, 2048, 1), conv(7, 2048, 512, 1),
];

/** A conv on views of `b`'s memory, as the executor calls it. */
function layer(b: WasmBackend, g: Conv2dGeometry, seed: number): () => void {
  const p = b.packConv2d(g, random(g.kernelH * g.kernelW * (g.inC / g.groups) * g.outC, seed).map((v) => v * 0.05), null);
  const xv = b.allocate(g.batch * g.inH * g.inW * g.inC);
  const yv = b.allocate(g.batch * g.outH * g.outW * g.outC);
  const sv = b.allocate(b.conv2dScratchSize(g));
  xv().set(random(g.batch * g.inH * g.inW * g.inC, seed + 1));
  return () => b.conv2d(p, xv(), 0, yv(), 0, { kind: 'relu' }, sv());
}

/** Median wall time (ms) of `runs` calls after `warmMs` of warm-up. */
function timeMs(fn: () => void, runs: number, warmMs: number): number {
  const t0 = performance.now();
  while (performance.now() - t0 < warmMs) fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const one = createWasmBackend({ threads: 1 });
  const two = createWasmBackend({ threads: 2 });
  if ((await two.threads.whenReady()) !== 2) throw new Error(`2 threads asked, ${two.threads.readyThreads()} started: ${two.threads.failures.join('; ')}`);
  console.log(`relaxed SIMD: ${two.heap.relaxed}, rounds ${ROUNDS}\n`);

  console.log(`${'layer'.padEnd(32)} ${'1T ms'.padStart(8)} ${'2T ms'.padStart(8)} ${'1T GF/s'.padStart(8)} ${'2T GF/s'.padStart(8)} ${'ratio'.padStart(6)}  per-round ratios`);
  for (const [i, l] of LAYERS.entries()) {
    if (ONLY && !ONLY.some((o) => l.name.startsWith(o))) continue;
    const r1 = layer(one, l.g, 10 + i);
    const r2 = layer(two, l.g, 10 + i);
    const first = timeMs(r1, 1, 0);
    const runs = Math.max(3, Math.min(50, Math.round(300 / first)));
    const t1: number[] = [];
    const t2: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      t1.push(timeMs(r1, runs, round === 0 ? 800 : 100));
      t2.push(timeMs(r2, runs, round === 0 ? 800 : 100));
    }
    const [m1, m2] = [median(t1), median(t2)];
    const gf = (ms: number): string => ((2 * conv2dMacs(l.g)) / ms / 1e6).toFixed(1);
    console.log(
      `${l.name.padEnd(32)} ${m1.toFixed(3).padStart(8)} ${m2.toFixed(3).padStart(8)} ${gf(m1).padStart(8)} ${gf(m2).padStart(8)} ${(m1 / m2).toFixed(2).padStart(5)}×  ` +
        t1.map((t, k) => (t / t2[k]!).toFixed(2)).join(' '),
    );
  }

  if (!ONLY || ONLY.includes('sequence')) {
    const seq1 = SEQUENCE.map((g, i) => layer(one, g, 50 + i));
    const seq2 = SEQUENCE.map((g, i) => layer(two, g, 50 + i));
    const run = (s: readonly (() => void)[]) => (): void => s.forEach((f) => f());
    const each = SEQUENCE.map((g, i) => timeMs(seq1[i]!, 20, 200).toFixed(2));
    console.log(`\nsequence of ${SEQUENCE.length} ResNet-50 stage layers, 1 thread each (ms): ${each.join(' ')}`);
    const spins = [0, 200, 1000, 5000];
    const rows: Record<string, number[]> = { '1 thread': [] };
    for (const us of spins) rows[`2 threads, poll ${us / 1000} ms`] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rows['1 thread']!.push(timeMs(run(seq1), 15, round === 0 ? 800 : 100));
      for (const us of spins) {
        two.threads.setSpinMicros(us);
        rows[`2 threads, poll ${us / 1000} ms`]!.push(timeMs(run(seq2), 15, 100));
      }
    }
    const base = median(rows['1 thread']!);
    for (const [name, ts] of Object.entries(rows)) {
      console.log(`  ${name.padEnd(24)} ${median(ts).toFixed(3).padStart(8)} ms per sequence   ${(base / median(ts)).toFixed(2)}× vs 1 thread`);
    }
  }
  one.dispose();
  two.dispose();
}

await main();
