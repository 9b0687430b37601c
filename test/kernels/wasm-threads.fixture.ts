/**
 * A tiny AssemblyScript module with row-ranged kernels for the thread-pool tests, compiled here with the
 * AssemblyScript compiler (shared imported memory), so the pool is tested independently of the real kernels.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = `
// y[r, j] = alpha · Σ_t a[r, t] · b[t, j] for rows r in [rowBegin, rowEnd) (a is rows×k, b is k×n).
export function matmulRows(a: usize, b: usize, y: usize, k: i32, n: i32, alpha: f32, rowBegin: i32, rowEnd: i32): void {
  for (let r = rowBegin; r < rowEnd; r++) {
    for (let j = 0; j < n; j++) {
      let s: f32 = 0;
      for (let t = 0; t < k; t++) s += load<f32>(a + ((<usize>(r * k + t)) << 2)) * load<f32>(b + ((<usize>(t * n + j)) << 2));
      store<f32>(y + ((<usize>(r * n + j)) << 2), alpha * s);
    }
  }
}
// out[r] = the scratch pointer the calling thread got, for rows in [rowBegin, rowEnd).
export function scratchOwner(scratch: usize, out: usize, rowBegin: i32, rowEnd: i32): void {
  store<i32>(scratch, rowBegin);
  for (let r = rowBegin; r < rowEnd; r++) store<i32>(out + (<usize>r << 2), <i32>scratch);
}
// What thread \`slot\` (a scratch-style argument: 0 on the main thread, k on worker k) does, by mode:
// 0: a worker traps (unreachable); 1: a worker loops until the i32 at flag is non-zero; 2: every thread traps
// (which thread claims the first rows depends on scheduling; on a loaded machine a worker may take them all).
// In modes 0 and 1 the main thread first waits until a worker has started (flag + 4), so that one does.
export function onThread(flag: usize, slot: i32, mode: i32, rowBegin: i32, rowEnd: i32): void {
  if (mode == 2) unreachable();
  if (slot == 0) {
    while (atomic.load<i32>(flag + 4) == 0) {}
    return;
  }
  atomic.store<i32>(flag + 4, 1);
  if (mode == 0) unreachable();
  if (mode == 1) while (atomic.load<i32>(flag) == 0) {}
}
export function heapBase(): usize {
  return __heap_base;
}
`;

/** Compiles the test kernels (SIMD, stub runtime, imported shared memory of at most `maxPages`) with the asc CLI. */
export function compileTestKernels(maxPages: number): Uint8Array<ArrayBuffer> {
  const dir = mkdtempSync(join(tmpdir(), 'convtype-threads-'));
  try {
    writeFileSync(join(dir, 'kernels.ts'), SOURCE);
    const asc = join(dirname(fileURLToPath(import.meta.url)), '../../node_modules/assemblyscript/bin/asc.js');
    execFileSync(process.execPath, [
      asc, join(dir, 'kernels.ts'), '--runtime', 'stub', '-O3', '--enable', 'simd,threads', '--importMemory', '--sharedMemory',
      '--initialMemory', '1', '--maximumMemory', String(maxPages), '--outFile', join(dir, 'kernels.wasm'),
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    return new Uint8Array(readFileSync(join(dir, 'kernels.wasm')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
