/**
 * Layer benchmark, one process, one thread per engine: convtype's jsBackend vs tfjs-backend-cpu,
 * tfjs-backend-wasm (XNNPACK, SIMD, 1 thread) and onnxruntime-node (1 intra-op thread, all graph
 * optimisations) on five conv layers that stress different paths.
 *
 *     npx tsx bench/layers.ts [--runs N] [--only case,case] [--engines convtype-js,tfjs-cpu,tfjs-wasm,ort] [--threads N]
 *
 * `--threads N` gives convtype-wasm N kernel threads and ORT N intra-op threads (default 1; tfjs-wasm stays at one).
 *
 * Per engine and case: weights packed / tensors created once, untimed warm-up runs (≥ 3 and ≥ 1.5 s,
 * at most 200), then timed runs (≥ `runs` and ≥ 1 s, at most 100; each includes reading the result
 * back), median reported. GFLOP/s = 2·MACs / median, MACs of the
 * direct convolution (so Winograd's savings show as a higher rate). Ratios are ours ÷ peer in GFLOP/s
 * (> 1: convtype is faster). Process CPU time is recorded too: on a shared machine it is steadier than
 * wall time. Results go to bench/results/layers.json. Timings live here, never in tests.
 *
 * Two passes. Importing tfjs-core or onnxruntime-node detaches an ArrayBuffer somewhere, which
 * invalidates a V8-wide "no detached buffers" protector: from then on every typed-array access in
 * optimised code re-checks its buffer, and convtype's load-bound loops lose 15–20%. So convtype runs
 * first with no peer imported ('convtype-js', what an app using only convtype sees), then the peers
 * are imported dynamically and convtype runs again beside them ('convtype-js*'). Both are reported.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsBackend } from '../src/kernels/backend.js';
import { conv2dMethod } from '../src/kernels/conv2d.js';
import { conv2dMacs, type Conv2dGeometry } from '../src/kernels/geometry.js';
import { createWasmBackend } from '../src/kernels/wasm/backend.js';
import { loadPeers, random, RUNS, summarise, time, type Measured, type Peers, type Tf } from './harness.js';

interface Case {
  readonly name: string;
  readonly g: Conv2dGeometry;
  /** Pads [[top, bottom], [left, right]]. */
  readonly pads: [[number, number], [number, number]];
}

const base = { batch: 1, strideH: 1, strideW: 1, dilationH: 1, dilationW: 1, padTop: 0, padLeft: 0, groups: 1 };
const CASES: Case[] = [
  {
    name: 'alexnet-conv1 227²×3→96 k11 s4',
    g: { ...base, inH: 227, inW: 227, inC: 3, outH: 55, outW: 55, outC: 96, kernelH: 11, kernelW: 11, strideH: 4, strideW: 4 },
    pads: [[0, 0], [0, 0]],
  },
  {
    name: 'vgg 56²×128→256 k3 p1',
    g: { ...base, inH: 56, inW: 56, inC: 128, outH: 56, outW: 56, outC: 256, kernelH: 3, kernelW: 3, padTop: 1, padLeft: 1 },
    pads: [[1, 1], [1, 1]],
  },
  {
    name: 'resnet-1x1 56²×256→64',
    g: { ...base, inH: 56, inW: 56, inC: 256, outH: 56, outW: 56, outC: 64, kernelH: 1, kernelW: 1 },
    pads: [[0, 0], [0, 0]],
  },
  {
    name: 'dilated 64²×64→64 k3 d2 p2',
    g: { ...base, inH: 64, inW: 64, inC: 64, outH: 64, outW: 64, outC: 64, kernelH: 3, kernelW: 3, dilationH: 2, dilationW: 2, padTop: 2, padLeft: 2 },
    pads: [[2, 2], [2, 2]],
  },
  {
    name: 'depthwise 56²×128 k3 p1 g128',
    g: { ...base, inH: 56, inW: 56, inC: 128, outH: 56, outW: 56, outC: 128, kernelH: 3, kernelW: 3, padTop: 1, padLeft: 1, groups: 128 },
    pads: [[1, 1], [1, 1]],
  },
];

/** 'convtype-js' runs before any peer is imported; 'convtype-js*' again after (see the header); 'convtype-wasm' is the WebAssembly backend (one thread, in-heap views). */
const ENGINES = ['convtype-js', 'convtype-js*', 'convtype-wasm', 'tfjs-cpu', 'tfjs-wasm', 'ort'] as const;
type Engine = (typeof ENGINES)[number];
const PEERS = ['tfjs-cpu', 'tfjs-wasm', 'ort'] as const;

const args = process.argv.slice(2);
const flag = (n: string): string | undefined => {
  const i = args.indexOf(n);
  return i >= 0 ? args[i + 1] : undefined;
};
const ONLY = flag('--only')?.split(',');
const ENGINES_RUN = (flag('--engines')?.split(',') ?? [...ENGINES]) as Engine[];
const THREADS = Number(flag('--threads') ?? 1);
const wasm = createWasmBackend({ threads: THREADS });

function ours(c: Case, x: Float32Array, w: Float32Array): () => void {
  const g = c.g;
  const p = jsBackend.packConv2d(g, w, null);
  const y = new Float32Array(g.batch * g.outH * g.outW * g.outC);
  const scratch = new Float32Array(jsBackend.conv2dScratchSize(g));
  return () => jsBackend.conv2d(p, x, 0, y, 0, { kind: 'none' }, scratch);
}

/** The WebAssembly backend on views of its own memory, as the executor calls it (no copies). */
function oursWasm(c: Case, x: Float32Array, w: Float32Array): () => void {
  const g = c.g;
  const p = wasm.packConv2d(g, w, null);
  const xv = wasm.allocate(x.length);
  const yv = wasm.allocate(g.batch * g.outH * g.outW * g.outC);
  const sv = wasm.allocate(wasm.conv2dScratchSize(g));
  xv().set(x);
  return () => wasm.conv2d(p, xv(), 0, yv(), 0, { kind: 'none' }, sv());
}

async function tfjs(tf: Tf, backend: 'cpu' | 'wasm', c: Case, x: Float32Array, w: Float32Array): Promise<{ run: () => void; dispose: () => void }> {
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs: backend ${backend} failed to initialise`);
  await tf.ready();
  const g = c.g;
  const xt = tf.tensor4d(x, [g.batch, g.inH, g.inW, g.inC]);
  const depthwise = g.groups > 1;
  // Our HWIO [kh, kw, 1, C] is tfjs's depthwise [kh, kw, C, 1] with the same memory order.
  const wt = depthwise ? tf.tensor4d(w, [g.kernelH, g.kernelW, g.inC, g.outC / g.inC]) : tf.tensor4d(w, [g.kernelH, g.kernelW, g.inC, g.outC]);
  const pad = [[0, 0], c.pads[0], c.pads[1], [0, 0]] as [[number, number], [number, number], [number, number], [number, number]];
  const strides: [number, number] = [g.strideH, g.strideW];
  const dil: [number, number] = [g.dilationH, g.dilationW];
  const run = (): void => {
    const y = depthwise ? tf.depthwiseConv2d(xt, wt, strides, pad, 'NHWC', dil) : tf.conv2d(xt, wt, strides, pad, 'NHWC', dil);
    y.dataSync();
    y.dispose();
  };
  return { run, dispose: () => tf.dispose([xt, wt]) };
}

async function onnx({ ort, onnx: { encodeModel, hwioToOihw } }: Peers, c: Case, x: Float32Array, w: Float32Array): Promise<{ run: () => Promise<unknown>; dispose: () => Promise<void> }> {
  const g = c.g;
  const wOnnx = hwioToOihw({ dims: [g.kernelH, g.kernelW, g.inC / g.groups, g.outC], data: w });
  const model = encodeModel({
    nodes: [
      {
        opType: 'Conv',
        inputs: ['x', 'w'],
        outputs: ['y'],
        attributes: {
          kernel_shape: [g.kernelH, g.kernelW],
          strides: [g.strideH, g.strideW],
          dilations: [g.dilationH, g.dilationW],
          pads: [c.pads[0][0], c.pads[1][0], c.pads[0][1], c.pads[1][1]],
          group: g.groups,
        },
      },
    ],
    inputs: [{ name: 'x', dims: [g.batch, g.inC, g.inH, g.inW], data: new Float32Array(x.length) }],
    initializers: [{ name: 'w', ...wOnnx }],
    outputs: ['y'],
  });
  const session = await ort.InferenceSession.create(model, {
    executionProviders: ['cpu'],
    intraOpNumThreads: THREADS,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    logSeverityLevel: 3,
  });
  // ORT runs NCHW, its native layout; the input values are the same numbers, laid out its way.
  const feeds = { x: new ort.Tensor('float32', x, [g.batch, g.inC, g.inH, g.inW]) };
  return { run: () => session.run(feeds), dispose: () => session.release() };
}

function inputs(c: Case): { x: Float32Array; w: Float32Array } {
  const g = c.g;
  return {
    x: random(g.batch * g.inH * g.inW * g.inC, 1),
    w: random(g.kernelH * g.kernelW * (g.inC / g.groups) * g.outC, 2).map((v) => v * 0.05),
  };
}

async function measure(e: Engine, c: Case, peers: Peers | undefined): Promise<Measured> {
  const { x, w } = inputs(c);
  let times: { wall: number[]; cpu: number[] };
  if (e === 'convtype-js' || e === 'convtype-js*') {
    times = await time(ours(c, x, w));
  } else if (e === 'convtype-wasm') {
    times = await time(oursWasm(c, x, w));
  } else if (e === 'ort') {
    const o = await onnx(peers!, c, x, w);
    times = await time(o.run);
    await o.dispose();
  } else {
    const t = await tfjs(peers!.tf, e === 'tfjs-cpu' ? 'cpu' : 'wasm', c, x, w);
    times = await time(t.run);
    t.dispose();
  }
  const r = summarise(times, conv2dMacs(c.g));
  console.log(
    `  ${c.name.padEnd(32)} ${e.padEnd(12)} ${r.medianMs.toFixed(2).padStart(9)} ms ${r.gflops.toFixed(2).padStart(7)} GFLOP/s` +
      `   (CPU time ${r.cpuMedianMs.toFixed(2)} ms, ${r.cpuGflops.toFixed(2)} GFLOP/s)`,
  );
  return r;
}

const fmt = (v: number | undefined, width: number, suffix = ''): string => (v === undefined ? '–' : `${v.toFixed(2)}${suffix}`).padStart(width);

async function main(): Promise<void> {
  const loadAtStart = os.loadavg();
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, load ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`runs ${RUNS} (fewer for runs over 1 s), median; GFLOP/s = 2·MACs / time\n`);
  const cases = CASES.filter((k) => !ONLY || ONLY.some((o) => k.name.startsWith(o)));
  const engines = ENGINES.filter((e) => ENGINES_RUN.includes(e));
  if ((await wasm.threads.whenReady()) !== THREADS) throw new Error(`convtype-wasm: ${THREADS} threads asked, ${wasm.threads.readyThreads()} started`);
  const measured = new Map<string, Partial<Record<Engine, Measured>>>(cases.map((c) => [c.name, {}]));

  // Pass 1: convtype alone in the isolate.
  if (engines.includes('convtype-js')) {
    console.log('pass 1: convtype-js before any peer is loaded');
    for (const c of cases) measured.get(c.name)!['convtype-js'] = await measure('convtype-js', c, undefined);
  }
  // Pass 2: peers loaded; convtype again, then each peer.
  const pass2 = engines.filter((e) => e !== 'convtype-js');
  let peers: Peers | undefined;
  if (pass2.length > 0) {
    console.log('\npass 2: peers loaded');
    peers = await loadPeers();
    for (const c of cases) {
      for (const e of pass2) measured.get(c.name)![e] = await measure(e, c, peers);
      console.log('');
    }
  }

  const results = cases.map((c) => {
    const m = measured.get(c.name)!;
    const ratio = (mine: Engine, key: 'gflops' | 'cpuGflops'): Record<string, number> =>
      Object.fromEntries(
        PEERS.filter((p) => m[p] && m[mine]).map((p) => [p, Number((m[mine]![key] / m[p]![key]).toFixed(3))]),
      );
    return {
      name: c.name,
      method: conv2dMethod(c.g),
      geometry: c.g,
      macs: conv2dMacs(c.g),
      engines: m,
      oursOverPeer: ratio('convtype-js', 'gflops'),
      oursOverPeerPeersLoaded: ratio('convtype-js*', 'gflops'),
      oursOverPeerCpuTime: ratio('convtype-js', 'cpuGflops'),
      wasmOverPeer: ratio('convtype-wasm', 'gflops'),
      wasmOverPeerCpuTime: ratio('convtype-wasm', 'cpuGflops'),
    };
  });

  for (const [title, key, ratioKey] of [
    ['GFLOP/s (wall time); ratios = convtype-js ÷ peer', 'gflops', 'oursOverPeer'],
    ['GFLOP/s (wall time); ratios = convtype-js* (peers loaded) ÷ peer', 'gflops', 'oursOverPeerPeersLoaded'],
    ['GFLOP/s (process CPU time); ratios = convtype-js ÷ peer', 'cpuGflops', 'oursOverPeerCpuTime'],
    ['GFLOP/s (wall time); ratios = convtype-wasm ÷ peer', 'gflops', 'wasmOverPeer'],
    ['GFLOP/s (process CPU time); ratios = convtype-wasm ÷ peer', 'cpuGflops', 'wasmOverPeerCpuTime'],
  ] as const) {
    console.log(`\n${title}`);
    console.log(`${'case'.padEnd(32)} ${engines.map((e) => e.padStart(12)).join(' ')}   ${PEERS.map((e) => `÷${e}`.padStart(11)).join(' ')}`);
    for (const r of results) {
      const ratio = r[ratioKey] as Record<string, number>;
      console.log(
        `${r.name.padEnd(32)} ${engines.map((e) => fmt(r.engines[e]?.[key], 12)).join(' ')}   ${PEERS.map((p) => fmt(ratio[p], 11, '×')).join(' ')}`,
      );
    }
  }

  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'layers.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        command: `npx tsx bench/layers.ts ${args.join(' ')}`.trim(),
        node: process.version,
        cpu: os.cpus()[0]?.model,
        cores: os.cpus().length,
        loadAverage: { start: loadAtStart, end: os.loadavg() },
        engines: {
          'tfjs-core': peers?.tf.version_core,
          ort: peers?.ort.env.versions.node,
          'tfjs-wasm threads': 1,
          'convtype-wasm threads': THREADS,
          'ort intraOpNumThreads': THREADS,
        },
        units:
          'GFLOP/s = 2·MACs of the direct convolution / median time (cpu* = process CPU time); oursOverPeer = ' +
          'convtype-js GFLOP/s ÷ peer GFLOP/s; oursOverPeerPeersLoaded uses convtype-js* (same kernels, measured ' +
          'after the peers were imported, which costs V8 typed-array fast paths); oursOverPeerCpuTime uses CPU time',
        results,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
}

await main();
