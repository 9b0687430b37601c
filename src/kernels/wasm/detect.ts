/**
 * Feature probes for the WebAssembly backend: tiny modules (one function returning a v128) that
 * `WebAssembly.validate` accepts only where the engine has the feature. Validation compiles nothing and
 * runs nothing, so probing costs microseconds and works in every runtime.
 */

const V128_CONST_ZERO = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];

/** A module with one `() → v128` function whose body is `body` (without the locals count and `end`). */
function probe(body: readonly number[]): Uint8Array<ArrayBuffer> {
  const code = [0, ...body, 0x0b];
  // prettier-ignore
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () → v128
    0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
    0x0a, code.length + 2, 0x01, code.length, ...code, // code section
  ]);
}

function validates(bytes: Uint8Array<ArrayBuffer>): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(bytes);
  } catch {
    return false;
  }
}

/**
 * Whether this runtime runs WebAssembly SIMD128 (Node ≥ 16, Chrome ≥ 91, Firefox ≥ 89, Safari ≥ 16.4).
 * @example wasmSimdSupported() //=> true on Node 20
 */
export function wasmSimdSupported(): boolean {
  return validates(probe(V128_CONST_ZERO));
}

/**
 * Whether this runtime runs relaxed SIMD (`f32x4.relaxed_madd`): Chrome ≥ 114 and Firefox by default,
 * Node 20 only with `--experimental-wasm-relaxed-simd`.
 * @example wasmRelaxedSimdSupported() //=> false on Node 20 without the flag
 */
export function wasmRelaxedSimdSupported(): boolean {
  return validates(probe([...V128_CONST_ZERO, ...V128_CONST_ZERO, ...V128_CONST_ZERO, 0xfd, 0x85, 0x02]));
}

/**
 * Whether a shared `WebAssembly.Memory` can be made here (Node; browsers only when cross-origin isolated).
 * @example wasmSharedMemorySupported() //=> true on Node
 */
export function wasmSharedMemorySupported(): boolean {
  if (typeof SharedArrayBuffer === 'undefined') return false;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  return isolated !== false;
}
