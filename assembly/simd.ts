// Multiply-add on four lanes: relaxed_madd (one fused instruction) in the relaxed-SIMD build, mul + add
// otherwise. The build picks the variant at compile time (ASC_FEATURE_RELAXED_SIMD), so one source serves both.

// @ts-ignore: decorator
@inline
export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}
