// The one entry of the WebAssembly kernels (scripts/build-wasm.mjs compiles this file). Kernels take byte
// pointers into the imported memory and keep no state between calls (src/kernels/wasm/abi.ts).
export * from './gemm';
export * from './conv';
export * from './pool';
export * from './winograd';
export * from './depthwise';

/** The first byte past the module's static data: the TypeScript heap allocates from here. */
export function heapBase(): usize {
  return __heap_base;
}
