// The store epilogue shared by every WebAssembly kernel: an activation applied to four lanes before they
// are written. The codes are src/kernels/wasm/abi.ts's ACT; `alpha` is leakyRelu's slope (0 otherwise).
// f32x4.max/min (not pmax/pmin) so that NaN propagates, as the TypeScript kernels and ONNX Runtime do;
// relu(−∞) = 0 and relu6(+∞) = 6 follow from IEEE max/min.

export const ACT_NONE: i32 = 0;
export const ACT_RELU: i32 = 1;
export const ACT_RELU6: i32 = 2;
export const ACT_LEAKY_RELU: i32 = 3;
export const ACT_SIGMOID: i32 = 4;
export const ACT_TANH: i32 = 5;

// @ts-ignore: decorator
@inline
export function activate4(v: v128, act: i32, alpha: f32): v128 {
  if (act == ACT_NONE) return v;
  if (act == ACT_RELU) return f32x4.max(v, f32x4.splat(0));
  if (act == ACT_RELU6) return f32x4.min(f32x4.max(v, f32x4.splat(0)), f32x4.splat(6));
  if (act == ACT_LEAKY_RELU) {
    const negative = f32x4.lt(v, f32x4.splat(0));
    return v128.bitselect(f32x4.mul(v, f32x4.splat(alpha)), v, negative);
  }
  return activateLanes(v, act);
}

/** sigmoid and tanh lane by lane (rare after a conv; exact formulas rather than a polynomial). */
function activateLanes(v: v128, act: i32): v128 {
  let r = v;
  r = f32x4.replace_lane(r, 0, activate1(f32x4.extract_lane(v, 0), act, 0));
  r = f32x4.replace_lane(r, 1, activate1(f32x4.extract_lane(v, 1), act, 0));
  r = f32x4.replace_lane(r, 2, activate1(f32x4.extract_lane(v, 2), act, 0));
  r = f32x4.replace_lane(r, 3, activate1(f32x4.extract_lane(v, 3), act, 0));
  return r;
}

/** One value: the scalar tail of a row whose length is not a multiple of four. */
export function activate1(x: f32, act: i32, alpha: f32): f32 {
  if (act == ACT_NONE) return x;
  if (act == ACT_RELU) return x > 0 ? x : x != x ? x : 0;
  if (act == ACT_RELU6) return x != x ? x : x < 0 ? 0 : x > 6 ? 6 : x;
  if (act == ACT_LEAKY_RELU) return x < 0 ? x * alpha : x;
  if (act == ACT_SIGMOID) return <f32>(1.0 / (1.0 + Math.exp(-<f64>x)));
  if (act == ACT_TANH) return <f32>Math.tanh(<f64>x);
  return x;
}
