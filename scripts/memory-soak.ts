/**
 * Memory soak of the executor: builds a small CNN, runs it `runs` times (default 10,000) on the same input
 * and samples `process.memoryUsage()` every 1,000 runs after a warm-up, collecting garbage first when
 * `global.gc` is exposed. Prints the samples and the growth between the sample at run 2,000 and the last
 * one, and exits 1 if `arrayBuffers` or `heapUsed` grew more than 10% (the plan's arena is allocated once
 * per batch size, so neither should grow with the number of runs); also exits 1 if the last run's output
 * differs from the first's.
 *
 * Run: `npm run soak` = `node --expose-gc --import tsx scripts/memory-soak.ts [runs]`
 * (plain `npx tsx scripts/memory-soak.ts [runs]` works too: the script then turns GC exposure on itself).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { input, model, tensor } from '../src/index.js';

const runs = Number(process.argv[2] ?? 10_000);
if (!Number.isSafeInteger(runs) || runs < 1) {
  console.error(`memory-soak: runs must be a positive integer (got ${process.argv[2]})`);
  process.exit(2);
}
const EVERY = 1_000;
const WARMUP = 200;
const BASELINE_RUN = 2_000;
const LIMIT = 0.1;

/** `global.gc` when node runs with --expose-gc; otherwise the flag is set now and `gc` fetched from a fresh context. */
function findGc(): { gc: (() => void) | undefined; how: string } {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return { gc: exposed, how: 'global.gc exposed (--expose-gc)' };
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    return { gc, how: 'gc enabled at run time (v8.setFlagsFromString)' };
  } catch {
    return { gc: undefined, how: 'NO gc available (run with node --expose-gc --import tsx); heap samples include garbage' };
  }
}
const { gc, how } = findGc();

// A small CNN touching every executor path: Winograd (3×3, ≥16 channels), GEMM, fused relu, pools, flatten view, dense, softmax.
const x = input([32, 32, 3]);
const y = x
  .conv2d({ filters: 16, kernel: 3, padding: 'same' })
  .relu()
  .maxPool2d({ size: 2 }) // 16×16×16
  .conv2d({ filters: 32, kernel: 3, padding: 'same' }) // Winograd
  .relu()
  .avgPool2d({ size: 2 }) // 8×8×32
  .conv2d({ filters: 16, kernel: 3, stride: 2, groups: 2 }) // 3×3×16, grouped GEMM
  .flatten()
  .dense({ units: 10 })
  .softmax();
const m = model(x, y, { seed: 1 });
const batch = 2;
const data = Float32Array.from({ length: batch * 32 * 32 * 3 }, (_, i) => Math.sin(i * 0.1));
const image = tensor([batch, 32, 32, 3], data);

interface Sample {
  run: number;
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
  external: number;
}

function sample(run: number): Sample {
  if (gc) {
    gc();
    gc();
  }
  const u = process.memoryUsage();
  return { run, rss: u.rss, heapUsed: u.heapUsed, arrayBuffers: u.arrayBuffers, external: u.external };
}

const mb = (n: number): string => (n / 2 ** 20).toFixed(2).padStart(9);
const pct = (a: number, b: number): string => `${(((b - a) / a) * 100).toFixed(2)}%`;

const first = m.run(image).data;
for (let i = 1; i < WARMUP; i++) m.run(image);
const samples: Sample[] = [sample(0)];
const started = performance.now();
let last = first;
for (let i = 1; i <= runs; i++) {
  last = m.run(image).data;
  if (i % EVERY === 0 || i === runs) samples.push(sample(i));
}
const seconds = (performance.now() - started) / 1000;

console.log(`memory-soak: ${runs} runs of a ${m.layers.length}-layer CNN, batch ${batch}, input [${image.shape.join(', ')}], ${m.params} params`);
console.log(`  ${(seconds * 1000 / runs).toFixed(3)} ms per run; ${how}, collected before every sample; warm-up ${WARMUP} runs`);
console.log('');
console.log(`${'run'.padStart(7)}  ${'rss MB'.padStart(9)}  ${'heapUsed'.padStart(9)}  ${'arrayBuf'.padStart(9)}  ${'external'.padStart(9)}`);
for (const s of samples) console.log(`${String(s.run).padStart(7)}  ${mb(s.rss)}  ${mb(s.heapUsed)}  ${mb(s.arrayBuffers)}  ${mb(s.external)}`);

const base = samples.find((s) => s.run === BASELINE_RUN) ?? samples[0]!;
const end = samples[samples.length - 1]!;
console.log('');
console.log(`growth from run ${base.run} to run ${end.run}:`);
const failures: string[] = [];
for (const key of ['rss', 'heapUsed', 'arrayBuffers', 'external'] as const) {
  const growth = (end[key] - base[key]) / base[key];
  const gated = key === 'heapUsed' || key === 'arrayBuffers';
  const bad = gated && growth > LIMIT;
  if (bad) failures.push(`${key} grew ${pct(base[key], end[key])} (limit ${LIMIT * 100}%)`);
  console.log(`  ${key.padEnd(13)} ${mb(base[key])} → ${mb(end[key])} MB  ${pct(base[key], end[key]).padStart(8)}${gated ? (bad ? '  FAIL' : '  ok') : '  (not gated)'}`);
}
const same = last.length === first.length && last.every((v, i) => v === first[i]);
if (!same) failures.push('the last run output differs from the first run output');
console.log(`  output of run ${runs} ${same ? 'equals' : 'DIFFERS FROM'} the first run's`);

if (failures.length > 0) {
  console.error(`\nmemory-soak: FAIL\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\nmemory-soak: ok');
