// Winograd 3×3 convolution kernels (work in progress; see src/kernels/wasm/winograd.ts).
export function winograd_version(): i32 {
  return 0;
}
