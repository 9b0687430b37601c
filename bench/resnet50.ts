/**
 * Whole-network benchmark: ResNet-50 (examples/resnet50.ts, 224×224, 4.089 GMACs) forward at batch 1 on N
 * threads (default 1): convtype's WebAssembly backend and its plain-TS backend (`model.run`), tfjs-backend-wasm with the
 * same graph built from tfjs-core ops (batch norm folded into the convs, `tf.fused.conv2d` with bias and
 * relu: what tfjs-converter makes of a ResNet), and onnxruntime-node on `toOnnx(model)` (all graph
 * optimisations, N intra-op threads); tfjs-backend-wasm and the plain-TS backend always run on one thread.
 *
 *     npx tsx bench/resnet50.ts [--runs N] [--no-js] [--threads N]
 *
 * Checks first that every engine's output agrees with ours (relative to the output's scale), so the
 * timings compare the same computation. Results go to bench/results/resnet50.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import { image, logits } from '../examples/resnet50.js';
import { createWasmBackend, model, tensor } from '../src/index.js';
import { toOnnx } from '../src/onnx/index.js';
import { loadPeers, random, reporter, RUNS, tfjsEngine, summarise, time, type Measured, type Peers } from './harness.js';

type Weights = Readonly<Record<string, { readonly shape: readonly number[]; readonly data: Float32Array }>>;

/** The 16 bottleneck blocks: (width, stride, projection) in graph order, as examples/resnet50.ts builds them. */
const threadsAt = process.argv.indexOf('--threads');
/** convtype-wasm's kernel threads and ORT's intra-op threads. */
const THREADS = threadsAt > 0 ? Number(process.argv[threadsAt + 1]) : 1;

const BLOCKS: [number, number, boolean][] = [
  ...[64, 128, 256, 512].flatMap((width, stage) => {
    const count = [3, 4, 6, 3][stage]!;
    return Array.from({ length: count }, (_, i): [number, number, boolean] => [width, i === 0 && stage > 0 ? 2 : 1, i === 0]);
  }),
];

/** tfjs: the same graph from tfjs-core ops, batch norm folded into each conv's kernel and bias. */
async function tfjsNet({ tf }: Peers, w: Weights, x: Float32Array) {
  await tf.setBackend('wasm');
  await tf.ready();
  // Convs and batch norms are numbered in graph order: conv1/batchNorm_1, then conv2d_i/batchNorm_{i+1}.
  const convs = Array.from({ length: 53 }, (_, i) => {
    const k = w[i === 0 ? 'conv1/kernel' : `conv2d_${i}/kernel`]!;
    const bn = (n: string) => w[`batchNorm_${i + 1}/${n}`]!.data;
    const [gamma, beta, mean, variance] = [bn('gamma'), bn('beta'), bn('movingMean'), bn('movingVariance')];
    const outC = k.shape[3]!;
    const kernel = new Float32Array(k.data.length);
    const bias = new Float32Array(outC);
    for (let c = 0; c < outC; c++) {
      const scale = gamma[c]! / Math.sqrt(variance[c]! + 1e-5);
      bias[c] = beta[c]! - mean[c]! * scale;
      for (let j = c; j < kernel.length; j += outC) kernel[j] = k.data[j]! * scale;
    }
    return { kernel: tf.tensor4d(kernel, k.shape as [number, number, number, number]), bias: tf.tensor1d(bias) };
  });
  const fc = { kernel: tf.tensor2d(w['fc/kernel']!.data, [2048, 1000]), bias: tf.tensor1d(w['fc/bias']!.data) };
  const input = tf.tensor4d(x, [1, 224, 224, 3]);
  const forward = () =>
    tf.tidy(() => {
      let next = 0;
      const conv = (h: Tensor4D, stride: number, pad: number, relu: boolean): Tensor4D => {
        const c = convs[next++]!;
        const k = c.kernel.shape[0]!;
        const padding = k === 1 ? 'valid' : ([[0, 0], [pad, pad], [pad, pad], [0, 0]] as [[number, number], [number, number], [number, number], [number, number]]);
        return tf.fused.conv2d({ x: h, filter: c.kernel, strides: stride, pad: padding, bias: c.bias, activation: relu ? 'relu' : 'linear' });
      };
      let h = conv(input, 2, 3, true);
      h = tf.maxPool(h, 3, 2, [[0, 0], [1, 1], [1, 1], [0, 0]] as never);
      for (const [, stride, project] of BLOCKS) {
        let b = conv(h, 1, 0, true);
        b = conv(b, stride, 1, true);
        b = conv(b, 1, 0, false);
        const shortcut = project ? conv(h, stride, 0, false) : h;
        h = tf.relu(tf.add(b, shortcut)) as Tensor4D;
      }
      const pooled = tf.mean(h, [1, 2]) as Tensor2D;
      return tf.softmax(tf.add(tf.matMul(pooled, fc.kernel), fc.bias));
    });
  return tfjsEngine(tf, forward);
}

async function ortNet({ ort }: Peers, bytes: Uint8Array, x: Float32Array) {
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: THREADS, interOpNumThreads: 1, graphOptimizationLevel: 'all', logSeverityLevel: 3 });
  const name = session.inputNames[0]!;
  const out = session.outputNames[0]!;
  const feeds = { [name]: new ort.Tensor('float32', x, [1, 224, 224, 3]) };
  return { run: async () => (await session.run(feeds))[out]!.data as Float32Array, dispose: () => session.release() };
}

const relErr = (a: Float32Array, b: Float32Array): number => {
  let d = 0;
  let m = 1e-30; // relative to the output's own scale (softmax probabilities)
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i]! - b[i]!));
    m = Math.max(m, Math.abs(b[i]!));
  }
  return d / m;
};

async function main(): Promise<void> {
  const withJs = !process.argv.includes('--no-js');
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const backend = createWasmBackend({ threads: THREADS });
  if ((await backend.threads.whenReady()) !== THREADS) throw new Error(`convtype-wasm: ${THREADS} threads asked, ${backend.threads.readyThreads()} started`);
  const net = model(image, logits.softmax(), { seed: 5, backend });
  const macs = net.macs;
  const x = random(224 * 224 * 3, 3).map((v) => (v + 1) / 2);
  const input = tensor([1, 224, 224, 3], x);
  const ours = () => net.run(input).data;
  const reference = ours();
  const results: Record<string, Measured & { maxRelErrVsOurs?: number }> = {};
  const report = reporter('resnet50-224');
  console.log(`ResNet-50 batch 1: ${(macs / 1e9).toFixed(3)} GMACs, ${net.params.toLocaleString('en-US')} params\n`);

  results['convtype-wasm'] = summarise(await time(ours), macs);
  report('convtype-wasm', results['convtype-wasm']);
  const w = net.weights;
  if (withJs) {
    const jsNet = model(image, logits.softmax(), { backend: 'js' });
    jsNet.setWeights(w);
    const run = () => jsNet.run(input).data;
    results['convtype-js'] = { ...summarise(await time(run), macs), maxRelErrVsOurs: relErr(run(), reference) };
    report('convtype-js', results['convtype-js']);
  }
  const peers = await loadPeers();
  const t = await tfjsNet(peers, w, x);
  results['tfjs-wasm'] = { ...summarise(await time(t.run), macs), maxRelErrVsOurs: relErr(t.run(), reference) };
  report('tfjs-wasm', results['tfjs-wasm']);
  t.dispose();
  const o = await ortNet(peers, toOnnx(net), x);
  results.ort = { ...summarise(await time(o.run), macs), maxRelErrVsOurs: relErr(await o.run(), reference) };
  report('ort', results.ort);
  await o.dispose();

  console.log('\nratios (convtype-wasm ÷ peer; wall-time GFLOP/s, CPU-time GFLOP/s)');
  for (const p of Object.keys(results).filter((k) => k !== 'convtype-wasm')) {
    const r = results[p]!;
    const mine = results['convtype-wasm']!;
    console.log(`  ÷ ${p.padEnd(12)} ${(mine.gflops / r.gflops).toFixed(2)}×  ${(mine.cpuGflops / r.cpuGflops).toFixed(2)}×   (outputs agree to ${r.maxRelErrVsOurs!.toExponential(1)})`);
  }
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'resnet50.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), command: `npx tsx bench/resnet50.ts ${process.argv.slice(2).join(' ')}`.trim(), threads: THREADS, node: process.version, macs, runs: RUNS, results }, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
}

await main();
