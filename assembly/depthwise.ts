// Depthwise convolution kernels (work in progress; see src/kernels/wasm/depthwise.ts).
export function depthwise_version(): i32 {
  return 0;
}
