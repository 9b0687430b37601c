/**
 * Backends by name: `'wasm'` (WebAssembly SIMD kernels, the default: one instance shared by every model that
 * names none or 'wasm'; the plain-TS backend where the runtime has no SIMD) and `'js'` (plain TypeScript).
 */
import { GraphError } from '../errors.js';
import { jsBackend, type Backend } from './backend.js';
import { createWasmBackend, type WasmBackend } from './wasm/backend.js';
import { wasmSimdSupported } from './wasm/detect.js';

/** The names `model(..., { backend })` accepts. */
export type BackendName = 'js' | 'wasm';

let shared: WasmBackend | Backend | undefined;

/**
 * The backend a name (or a `Backend`) stands for.
 * @example resolveBackend('wasm').name //=> 'wasm' (where WebAssembly SIMD runs)
 */
export function resolveBackend(backend: Backend | BackendName | undefined, where: string): Backend {
  if (backend === 'js') return jsBackend;
  if (backend === undefined || backend === 'wasm') return (shared ??= wasmSimdSupported() ? createWasmBackend() : jsBackend);
  if (typeof backend === 'object' && backend !== null && typeof (backend as Backend).conv2d === 'function') return backend;
  throw new GraphError(`${where}: unknown backend (got ${typeof backend === 'string' ? `'${backend}'` : typeof backend}, expected 'js', 'wasm' or a Backend)`);
}
