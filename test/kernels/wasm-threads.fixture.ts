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
// Traps (unreachable) when row is in [rowBegin, rowEnd).
export function trapAt(row: i32, rowBegin: i32, rowEnd: i32): void {
  if (row >= rowBegin && row < rowEnd) unreachable();
}
// Loops until the i32 at flag is non-zero when row is in [rowBegin, rowEnd).
export function hangAt(flag: usize, row: i32, rowBegin: i32, rowEnd: i32): void {
  if (row >= rowBegin && row < rowEnd) while (atomic.load<i32>(flag) == 0) {}
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
