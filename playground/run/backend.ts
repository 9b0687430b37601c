/**
 * The one WebAssembly backend of the page, shared by the run panel and the digit pad: the library's default
 * (`createWasmBackend()`: SIMD kernels, two threads — Blob workers on one shared memory — when the page is
 * cross-origin isolated, one otherwise). Created here rather than left to the library's hidden default
 * so the page can wait for its threads before timing a run and report how many ran.
 */
import { createWasmBackend, type WasmBackend } from '../../src/index.js';

let backend: WasmBackend | undefined;

/** The page's backend (created on first use). */
export function pageBackend(): WasmBackend {
  return (backend ??= createWasmBackend());
}

/** What the page reports of its backend. */
export interface BackendReport {
  readonly name: string;
  /** Threads ready now, the page's own included. */
  readonly threads: number;
  /** Whether the WebAssembly memory is shared (it is when the page is cross-origin isolated). */
  readonly shared: boolean;
  readonly crossOriginIsolated: boolean;
  /** Messages of kernel threads that failed to start. */
  readonly failures: readonly string[];
}

/** The backend's state once its threads have started (or failed). */
export async function backendReport(): Promise<BackendReport> {
  const b = pageBackend();
  const threads = await b.threads.whenReady();
  return { name: b.name, threads, shared: b.heap.shared, crossOriginIsolated: globalThis.crossOriginIsolated === true, failures: [...b.threads.failures] };
}
