/**
 * AlexNet's classifier alone (9216 → 4096 → 4096 → 1000, relu between; 58 M weights, 232 MB read per image) at
 * batch 1 on the WebAssembly backend: a weight-bandwidth-bound case that the conv benchmarks do not show.
 *
 *     npx tsx bench/dense-batch1.ts [--threads N]
 *
 * Prints the median and best of 20 timed runs after 5 warm-ups.
 */
import { createWasmBackend, input, model, tensor } from '../src/index.js';

const at = process.argv.indexOf('--threads');
const threads = at > 0 ? Number(process.argv[at + 1]) : 1;
const backend = createWasmBackend({ threads });
await backend.threads.whenReady();
const x = input([9216]);
const m = model(x, x.dense({ units: 4096 }).relu().dense({ units: 4096 }).relu().dense({ units: 1000 }), { backend, seed: 1 });
const t = tensor([1, 9216], new Float32Array(9216).map((_, i) => Math.sin(i)));
for (let i = 0; i < 5; i++) m.run(t);
const times: number[] = [];
for (let i = 0; i < 20; i++) {
  const s = performance.now();
  m.run(t);
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
console.log(`dense 9216→4096→4096→1000, batch 1, ${threads} thread(s): median ${times[10]!.toFixed(2)} ms, best ${times[0]!.toFixed(2)} ms`);
backend.dispose();
