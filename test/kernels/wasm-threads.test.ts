// The kernel thread pool (src/kernels/wasm/threads.ts) on a tiny AssemblyScript module compiled here:
// split results are bit-identical to one call, and equal to a plain JS loop with the same f32 rounding;
// traps and stuck threads surface as errors; an undisposed pool does not keep Node alive.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThreadPool, type KernelCall, type ThreadPool } from '../../src/kernels/wasm/threads.js';
import { compileTestKernels } from './wasm-threads.fixture.js';
import { rng } from './helpers.js';

const MAX_PAGES = 512;
let module: WebAssembly.Module;
let memory: WebAssembly.Memory;
let exports: WebAssembly.Exports;
const pools: ThreadPool[] = [];

let binary: Uint8Array<ArrayBuffer>;

beforeAll(() => {
  binary = compileTestKernels(MAX_PAGES);
  module = new WebAssembly.Module(binary);
  memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
  exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
});
afterAll(() => pools.forEach((p) => p.dispose()));

async function pool(threads: number, extra: Partial<Parameters<typeof createThreadPool>[0]> = {}): Promise<ThreadPool> {
  const p = createThreadPool({ module, memory, exports, threads, ...extra });
  pools.push(p);
  expect(await p.whenReady()).toBe(threads);
  expect(p.failures).toEqual([]);
  return p;
}

/** A bump allocator over the test memory (16-aligned), growing it when needed. */
let top = 1024;
function alloc(bytes: number): number {
  const p = top;
  top = Math.ceil((top + bytes) / 16) * 16;
  const need = top - memory.buffer.byteLength;
  if (need > 0) memory.grow(Math.ceil(need / 65536));
  return p;
}
const f32 = (): Float32Array => new Float32Array(memory.buffer);
const i32 = (): Int32Array => new Int32Array(memory.buffer);

/** The matmul of the test module in plain JS, rounding to f32 after each operation like the kernel. */
function matmulReference(a: Float32Array, b: Float32Array, rows: number, k: number, n: number, alpha: number): Float32Array {
  const y = new Float32Array(rows * n);
  const fa = Math.fround(alpha);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s = Math.fround(s + Math.fround(a[r * k + t]! * b[t * n + j]!));
      y[r * n + j] = Math.fround(fa * s);
    }
  }
  return y;
}

interface Matmul {
  readonly a: Float32Array;
  readonly b: Float32Array;
  readonly call: KernelCall;
  readonly y: () => Float32Array;
}
function matmul(rows: number, k: number, n: number, alpha: number, seed: number): Matmul {
  const random = rng(seed);
  const a = Float32Array.from({ length: rows * k }, () => random() * 2 - 1);
  const b = Float32Array.from({ length: k * n }, () => random() * 2 - 1);
  const pa = alloc(a.byteLength);
  const pb = alloc(b.byteLength);
  const py = alloc(rows * n * 4);
  f32().set(a, pa / 4);
  f32().set(b, pb / 4);
  return { a, b, call: { kernel: 'matmulRows', args: [pa, pb, py, k, n, alpha, 0, 0], range: 6 }, y: () => f32().slice(py / 4, py / 4 + rows * n) };
}

describe('thread pool: values', () => {
  for (const threads of [1, 2, 3]) {
    it(`matmul rows=37 k=19 n=11 alpha=0.1 threads=${threads}: bit-identical to one call and to the JS loop`, async () => {
      const p = await pool(threads);
      const m = matmul(37, 19, 11, 0.1, 7 + threads);
      (exports.matmulRows as (...a: number[]) => void)(...m.call.args.slice(0, 6), 0, 37);
      const single = m.y();
      f32().fill(Number.NaN, (m.call.args[2]! as number) / 4, (m.call.args[2]! as number) / 4 + 37 * 11);
      for (const grain of [1, 4, 10, 37, 50]) {
        p.run([m.call], 0, 37, grain);
        expect(m.y()).toEqual(single);
      }
      expect(single).toEqual(matmulReference(m.a, m.b, 37, 19, 11, 0.1));
    });
  }

  it('a sub-range [5, 30) computes only those rows', async () => {
    const p = await pool(2);
    const m = matmul(37, 8, 5, 1, 3);
    const py = m.call.args[2]!;
    f32().fill(-7, py / 4, py / 4 + 37 * 5);
    p.run([m.call], 5, 30);
    const y = m.y();
    const ref = matmulReference(m.a, m.b, 37, 8, 5, 1);
    for (let r = 0; r < 37; r++) {
      const row = Array.from(y.subarray(r * 5, r * 5 + 5));
      expect(row).toEqual(r >= 5 && r < 30 ? Array.from(ref.subarray(r * 5, r * 5 + 5)) : [-7, -7, -7, -7, -7]);
    }
  });

  it('2000 consecutive jobs of varying sizes, two calls each, every result checked', async () => {
    const p = await pool(2, { spinMicros: 200 });
    const ms = [matmul(64, 16, 8, 0.5, 1), matmul(9, 33, 17, -2, 2), matmul(128, 4, 3, 1, 3)];
    const refs = ms.map((m, i) => matmulReference(m.a, m.b, [64, 9, 128][i]!, [16, 33, 4][i]!, [8, 17, 3][i]!, [0.5, -2, 1][i]!));
    for (let job = 0; job < 2000; job++) {
      const i = job % 3;
      const j = (job + 1) % 3;
      const rows = Math.min([64, 9, 128][i]!, [64, 9, 128][j]!);
      const py = [ms[i]!.call.args[2]!, ms[j]!.call.args[2]!];
      for (const q of py) f32().fill(Number.NaN, q / 4, q / 4 + 8);
      p.run([ms[i]!.call, ms[j]!.call], 0, rows, 1 + (job % 5));
      if (job % 97 === 0) p.setSpinMicros(job % 2 === 0 ? 0 : 200); // some jobs find the worker asleep
      for (const k of [i, j]) {
        const n = [8, 17, 3][k]!;
        expect(ms[k]!.y().subarray(0, rows * n)).toEqual(refs[k]!.subarray(0, rows * n));
      }
    }
  });

  it('each thread gets its own scratch slot (args[arg] + slot · bytes), the same over a chunk', async () => {
    const p = await pool(3);
    const scratch = alloc(3 * 64);
    const out = alloc(30 * 4);
    p.run([{ kernel: 'scratchOwner', args: [scratch, out, 0, 0], range: 2, scratch: { arg: 0, bytes: 64 } }], 0, 30, 3);
    const owners = Array.from(i32().subarray(out / 4, out / 4 + 30));
    expect(owners.every((o) => o === scratch || o === scratch + 64 || o === scratch + 128)).toBe(true);
    for (let r = 0; r < 30; r += 3) expect(new Set(owners.slice(r, r + 3)).size).toBe(1);
  });

  it('a memory grown after the threads started is seen by them', async () => {
    const p = await pool(2);
    alloc(3 * 65536); // beyond the pages the workers saw at start
    const m = matmul(20, 6, 4, 1, 9);
    expect(m.call.args[2]!).toBeGreaterThan(3 * 65536);
    p.run([m.call], 0, 20);
    expect(m.y()).toEqual(matmulReference(m.a, m.b, 20, 6, 4, 1));
  });
});

describe('thread pool: failures', () => {
  /** A job of onThread over rows [0, 8) in `mode`, with a fresh flag. */
  const onThread = (p: ThreadPool, mode: number): void => {
    const flag = alloc(8);
    i32().fill(0, flag / 4, flag / 4 + 2);
    p.run([{ kernel: 'onThread', args: [flag, 0, mode, 0, 0], range: 3, scratch: { arg: 1, bytes: 1 } }], 0, 8);
  };

  it('a trap in a worker throws on the main thread, a trap on whichever thread runs first throws too, and the pool keeps working', async () => {
    const p = await pool(2);
    expect(() => onThread(p, 0)).toThrow('wasm threads: kernel thread 1 failed in onThread: unreachable');
    expect(() => onThread(p, 2)).toThrow(/unreachable/);
    const m = matmul(10, 3, 3, 1, 4);
    p.run([m.call], 0, 10);
    expect(m.y()).toEqual(matmulReference(m.a, m.b, 10, 3, 3, 1));
  });

  it('a stuck worker ends in an error after timeoutMs, then the pool runs single-threaded', async () => {
    const p = await pool(2, { timeoutMs: 300 });
    expect(() => onThread(p, 1)).toThrow('wasm threads: 1 kernel thread(s) did not finish within 300 ms (stuck or dead); the pool runs single-threaded from now on');
    expect(p.readyThreads()).toBe(1);
    const m = matmul(10, 3, 3, 1, 5);
    p.run([m.call], 0, 10);
    expect(m.y()).toEqual(matmulReference(m.a, m.b, 10, 3, 3, 1));
  });

  it('an unknown kernel and a bad range are clear errors', async () => {
    const p = await pool(2);
    expect(() => p.run([{ kernel: 'nope', args: [0, 0], range: 0 }], 0, 4)).toThrow("wasm threads: the module has no function 'nope'");
    expect(() => p.run([{ kernel: 'scratchOwner', args: [0, 0, 0, 0], range: 2 }], 4, 2)).toThrow('bad row range [4, 2)');
  });

  it('without threads (factory gives none, non-shared memory, disposed) runs correct on the main thread', async () => {
    const none = createThreadPool({ module, memory, exports, threads: 2, workerFactory: () => null });
    expect(await none.whenReady()).toBe(1);
    const m = matmul(12, 5, 6, 3, 6);
    none.run([m.call], 0, 12);
    expect(m.y()).toEqual(matmulReference(m.a, m.b, 12, 5, 6, 3));

    // The pool only looks at whether the memory is shared (a plain one cannot be given to threads).
    const plain = createThreadPool({ module, memory: new WebAssembly.Memory({ initial: 1 }), exports, threads: 2 });
    expect(await plain.whenReady()).toBe(1);

    const p = await pool(2);
    p.dispose();
    expect(p.readyThreads()).toBe(1);
    f32().fill(0, m.call.args[2]! / 4, m.call.args[2]! / 4 + 72);
    p.run([m.call], 0, 12);
    expect(m.y()).toEqual(matmulReference(m.a, m.b, 12, 5, 6, 3));
  });

  it('an undisposed pool with ready workers does not keep Node running', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convtype-threads-exit-'));
    try {
      const script = join(dir, 'exit.mts');
      writeFileSync(join(dir, 'kernels.wasm'), binary);
      writeFileSync(
        script,
        `import { readFileSync } from 'node:fs';
import { createThreadPool } from '${pathToFileURL(join(__dirname, '../../src/kernels/wasm/threads.ts')).href}';
const module = new WebAssembly.Module(readFileSync(${JSON.stringify(join(dir, 'kernels.wasm'))}));
const memory = new WebAssembly.Memory({ initial: 1, maximum: ${MAX_PAGES}, shared: true });
const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
const pool = createThreadPool({ module, memory, exports, threads: 2 });
console.log('ready', await pool.whenReady());
pool.run([{ kernel: 'matmulRows', args: [0, 0, 4096, 0, 1, 1, 0, 0], range: 6 }], 0, 64);
`,
      );
      const out = execFileSync(process.execPath, ['--import', 'tsx', script], { timeout: 60000, encoding: 'utf8' });
      expect(out.trim()).toBe('ready 2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
