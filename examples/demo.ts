/**
 * `npm run demo`: the seed's AlexNet built with convtype — its summary (every layer's shape as the type
 * checker computed it, parameters, MACs), then one forward pass on a deterministic image-like input: the
 * output shape, the top-5 classes and the time per image.
 */
import { formatShape, tensor } from '../src/index.js';
import { alexnet, c1, probabilities } from './alexnet.js';

const started = performance.now();
const net = alexnet(42);
console.log(`AlexNet (seed note: 227×227×3, 96 kernels 11×11, stride 4 → ${formatShape(c1.shape)} at batch 256)`);
console.log(`the whole network at the seed's batch: ${formatShape(probabilities.shape)}\n`);
console.log(net.summary());
console.log(`\nweights created in ${(performance.now() - started).toFixed(0)} ms`);

/** A smooth, image-like 227×227 RGB pattern in [0, 1], the same on every run. */
const H = 227;
const W = 227;
const pixels = new Float32Array(H * W * 3);
for (let y = 0; y < H; y++) {
  for (let x = 0; x < W; x++) {
    const i = (y * W + x) * 3;
    pixels[i] = 0.5 + 0.5 * Math.sin(x / 17);
    pixels[i + 1] = 0.5 + 0.5 * Math.cos(y / 23);
    pixels[i + 2] = ((x + y) % 64) / 63;
  }
}
const image = tensor([1, H, W, 3], pixels);

let t = performance.now();
const first = net.run(image); // plans buffers and packs weights for batch 1, then runs
const firstMs = performance.now() - t;
const times: number[] = [];
let out = first;
for (let i = 0; i < 5; i++) {
  t = performance.now();
  out = net.run(image);
  times.push(performance.now() - t);
}
const perImage = times.sort((a, b) => a - b)[2]!;

const top5 = [...out.data.keys()].sort((a, b) => out.data[b]! - out.data[a]!).slice(0, 5);
console.log(`\noutput shape: ${formatShape(out.shape)}`);
console.log(`top-5 classes: ${top5.map((k) => `${k} (p=${out.data[k]!.toFixed(5)})`).join(', ')}`);
console.log(`probabilities sum to ${out.data.reduce((a, b) => a + b, 0).toFixed(6)}`);
console.log(`first run (plan + pack + run): ${firstMs.toFixed(0)} ms; then ${perImage.toFixed(0)} ms per image (median of 5)`);
console.log(`≈ ${((2 * net.macs) / (perImage / 1000) / 1e9).toFixed(2)} GFLOP/s (${(net.macs / 1e9).toFixed(3)} GMACs per image)`);
