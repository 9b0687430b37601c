/**
 * Whole-network benchmark: the seed's AlexNet (examples/alexnet.ts: 227×227×3, grouped conv2/4/5, 60,965,224
 * weights) forward at batch 1 through convtype's executor (`model.run`), against the same graph with the
 * same weights in tfjs-backend-cpu, tfjs-backend-wasm (1 thread) and onnxruntime-node (N threads), in one
 * process. As in bench/layers.ts, convtype's plain-TypeScript backend ('convtype-js') runs once before any peer
 * is imported and once after; 'convtype-wasm' is the same model on the WebAssembly backend (the default one)
 * with N kernel threads.
 *
 *     npx tsx bench/alexnet.ts [--runs N] [--threads N (convtype-wasm and ORT, default 1)]
 *
 * Checks first that every engine's output equals ours (max relative error ≤ 1e-4), so the timings compare
 * the same computation. Results go to bench/results/alexnet.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alexnetLayers } from '../examples/alexnet.js';
import { createWasmBackend, input, model, tensor } from '../src/index.js';
import type { Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import { loadPeers, random, reporter, RUNS, tfjsEngine, summarise, time, type Measured, type Peers } from './harness.js';

const threadsAt = process.argv.indexOf('--threads');
/** convtype-wasm's kernel threads and ORT's intra-op threads. */
const THREADS = threadsAt > 0 ? Number(process.argv[threadsAt + 1]) : 1;

type Weights = Readonly<Record<string, { readonly shape: readonly number[]; readonly data: Float32Array }>>;

const CONVS = [
  { name: 'conv1', stride: 4, pad: 0, groups: 1, pool: true },
  { name: 'conv2', stride: 1, pad: 2, groups: 2, pool: true },
  { name: 'conv3', stride: 1, pad: 1, groups: 1, pool: false },
  { name: 'conv4', stride: 1, pad: 1, groups: 2, pool: false },
  { name: 'conv5', stride: 1, pad: 1, groups: 2, pool: true },
] as const;
const DENSES = ['fc6', 'fc7', 'fc8'] as const;

/** tfjs: the same graph from tfjs-core ops; grouped convs as split → conv → concat. */
async function tfjsNet({ tf }: Peers, backend: 'cpu' | 'wasm', w: Weights, x: Float32Array) {
  await tf.setBackend(backend);
  await tf.ready();
  const t = (k: string) => tf.tensor(w[k]!.data, [...w[k]!.shape]);
  const kernels = CONVS.map((c) => {
    const k = t(`${c.name}/kernel`);
    return { kernels: c.groups === 1 ? [k] : tf.split(k, c.groups, 3), bias: t(`${c.name}/bias`) };
  });
  const dense = DENSES.map((d) => ({ kernel: t(`${d}/kernel`), bias: t(`${d}/bias`) }));
  const input = tf.tensor4d(x, [1, 227, 227, 3]);
  const forward = () =>
    tf.tidy(() => {
      let h: Tensor4D = input;
      CONVS.forEach((c, i) => {
        const { kernels: ks, bias } = kernels[i]!;
        const parts = c.groups === 1 ? [h] : tf.split(h, c.groups, 3);
        const outs = parts.map((p, g) => tf.conv2d(p as Tensor4D, ks[g] as Tensor4D, c.stride, c.pad === 0 ? 'valid' : [[0, 0], [c.pad, c.pad], [c.pad, c.pad], [0, 0]]));
        h = tf.relu(tf.add(outs.length === 1 ? outs[0]! : tf.concat(outs, 3), bias)) as Tensor4D;
        if (c.pool) h = tf.maxPool(h, 3, 2, 'valid');
      });
      let v: Tensor2D = tf.reshape(h, [1, -1]);
      dense.forEach((d, i) => {
        v = tf.add(tf.matMul(v, d.kernel as Tensor2D), d.bias) as Tensor2D;
        v = (i < dense.length - 1 ? tf.relu(v) : tf.softmax(v)) as Tensor2D;
      });
      return v;
    });
  return tfjsEngine(tf, forward);
}

/** ORT: the same graph in ONNX (NCHW; a transpose to NHWC before flatten keeps our flatten order). */
async function ortNet({ ort, onnx }: Peers, w: Weights, x: Float32Array) {
  const nodes: import('../test/reference/onnx.js').OnnxNode[] = [];
  const initializers: import('../test/reference/onnx.js').NamedTensor[] = [];
  let h = 'x';
  CONVS.forEach((c) => {
    const k = w[`${c.name}/kernel`]!;
    initializers.push({ name: `${c.name}_w`, ...onnx.hwioToOihw({ dims: [...k.shape], data: k.data }) });
    initializers.push({ name: `${c.name}_b`, dims: [...w[`${c.name}/bias`]!.shape], data: w[`${c.name}/bias`]!.data });
    const attrs = { kernel_shape: k.shape.slice(0, 2) as number[], strides: [c.stride, c.stride], pads: [c.pad, c.pad, c.pad, c.pad], group: c.groups };
    nodes.push({ opType: 'Conv', inputs: [h, `${c.name}_w`, `${c.name}_b`], outputs: [`${c.name}_c`], attributes: attrs });
    nodes.push({ opType: 'Relu', inputs: [`${c.name}_c`], outputs: [`${c.name}_r`] });
    h = `${c.name}_r`;
    if (c.pool) {
      nodes.push({ opType: 'MaxPool', inputs: [h], outputs: [`${c.name}_p`], attributes: { kernel_shape: [3, 3], strides: [2, 2] } });
      h = `${c.name}_p`;
    }
  });
  nodes.push({ opType: 'Transpose', inputs: [h], outputs: ['nhwc'], attributes: { perm: [0, 2, 3, 1] } });
  nodes.push({ opType: 'Flatten', inputs: ['nhwc'], outputs: ['flat'], attributes: { axis: 1 } });
  h = 'flat';
  DENSES.forEach((d, i) => {
    initializers.push({ name: `${d}_w`, dims: [...w[`${d}/kernel`]!.shape], data: w[`${d}/kernel`]!.data });
    initializers.push({ name: `${d}_b`, dims: [...w[`${d}/bias`]!.shape], data: w[`${d}/bias`]!.data });
    nodes.push({ opType: 'Gemm', inputs: [h, `${d}_w`, `${d}_b`], outputs: [`${d}_g`] });
    nodes.push({ opType: i < DENSES.length - 1 ? 'Relu' : 'Softmax', inputs: [`${d}_g`], outputs: [`${d}_a`], ...(i < DENSES.length - 1 ? {} : { attributes: { axis: 1 } }) });
    h = `${d}_a`;
  });
  const xNchw = onnx.nhwcToNchw({ dims: [1, 227, 227, 3], data: x });
  const model = onnx.encodeModel({ nodes, inputs: [{ name: 'x', dims: [1, 3, 227, 227], data: xNchw.data }], initializers, outputs: [h] });
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: THREADS, interOpNumThreads: 1, graphOptimizationLevel: 'all', logSeverityLevel: 3 });
  const feeds = { x: new ort.Tensor('float32', xNchw.data as Float32Array, [1, 3, 227, 227]) };
  return { run: async () => (await session.run(feeds))[h]!.data as Float32Array, dispose: () => session.release() };
}

const relErr = (a: Float32Array, b: Float32Array): number => {
  let d = 0;
  let m = 1e-30; // relative to the output's own scale (softmax probabilities are ~1e-3 here)
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i]! - b[i]!));
    m = Math.max(m, Math.abs(b[i]!));
  }
  return d / m;
};

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const images = input([227, 227, 3], { name: 'images' });
  const net = model(images, images.apply(alexnetLayers), { seed: 7, backend: 'js' });
  const macs = net.macs;
  const x = random(227 * 227 * 3, 3).map((v) => (v + 1) / 2);
  const image = tensor([1, 227, 227, 3], x);
  const ours = () => net.run(image).data;
  const reference = ours();
  const results: Record<string, Measured & { maxRelErrVsOurs?: number }> = {};
  const report = reporter('alexnet-227');

  console.log(`AlexNet (seed, grouped) batch 1: ${(macs / 1e9).toFixed(3)} GMACs, ${net.params.toLocaleString('en-US')} params\n`);
  results['convtype-js'] = summarise(await time(ours), macs);
  report('convtype-js', results['convtype-js']);

  const peers = await loadPeers();
  results['convtype-js*'] = summarise(await time(ours), macs);
  report('convtype-js*', results['convtype-js*']);
  const w = net.weights;
  // The same graph and weights on the WebAssembly backend.
  const backend = createWasmBackend({ threads: THREADS });
  if ((await backend.threads.whenReady()) !== THREADS) throw new Error(`convtype-wasm: ${THREADS} threads asked, ${backend.threads.readyThreads()} started`);
  const wasmNet = model(images, images.apply(alexnetLayers), { backend });
  wasmNet.setWeights(w);
  const oursWasm = () => wasmNet.run(image).data;
  results['convtype-wasm'] = { ...summarise(await time(oursWasm), macs), maxRelErrVsOurs: relErr(oursWasm(), reference) };
  report('convtype-wasm', results['convtype-wasm']);
  for (const backend of ['cpu', 'wasm'] as const) {
    const e = await tfjsNet(peers, backend, w, x);
    const err = relErr(e.run(), reference);
    results[`tfjs-${backend}`] = { ...summarise(await time(e.run), macs), maxRelErrVsOurs: err };
    report(`tfjs-${backend}`, results[`tfjs-${backend}`]!);
    e.dispose();
  }
  const o = await ortNet(peers, w, x);
  results.ort = { ...summarise(await time(o.run), macs), maxRelErrVsOurs: relErr(await o.run(), reference) };
  report('ort', results.ort);
  await o.dispose();

  console.log('\nratios (convtype ÷ peer, GFLOP/s; * = measured after the peers were imported)');
  for (const p of ['tfjs-cpu', 'tfjs-wasm', 'ort']) {
    const r = results[p]!;
    console.log(
      `  ÷ ${p.padEnd(10)} ${(results['convtype-js']!.gflops / r.gflops).toFixed(2)}×   * ${(results['convtype-js*']!.gflops / r.gflops).toFixed(2)}×   ` +
        `wasm ${(results['convtype-wasm']!.gflops / r.gflops).toFixed(2)}× (CPU time ${(results['convtype-wasm']!.cpuGflops / r.cpuGflops).toFixed(2)}×)   (outputs agree to ${r.maxRelErrVsOurs!.toExponential(1)})`,
    );
  }
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'alexnet.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), command: `npx tsx bench/alexnet.ts ${process.argv.slice(2).join(' ')}`.trim(), threads: THREADS, node: process.version, macs, runs: RUNS, results }, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
}

await main();
