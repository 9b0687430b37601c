// Loads and stores of a channel vector that may be a tail: `lanes` (1–4) floats of a pixel, never the
// bytes past it (the last pixel of a tensor may end the memory). Called with a constant 4 in main loops,
// where inlining folds the branch away.
import { activate1, activate4 } from './epilogue';

/** `lanes` floats from p, zeros in the lanes above. */
// @ts-ignore: decorator
@inline
export function load4(p: usize, lanes: i32): v128 {
  if (lanes >= 4) return v128.load(p);
  let v = f32x4.splat(0);
  v = f32x4.replace_lane(v, 0, load<f32>(p));
  if (lanes > 1) v = f32x4.replace_lane(v, 1, load<f32>(p, 4));
  if (lanes > 2) v = f32x4.replace_lane(v, 2, load<f32>(p, 8));
  return v;
}

/** Stores act(v) to `lanes` floats at p. */
// @ts-ignore: decorator
@inline
export function store4(p: usize, v: v128, lanes: i32, act: i32, alpha: f32): void {
  if (lanes >= 4) {
    v128.store(p, activate4(v, act, alpha));
    return;
  }
  store<f32>(p, activate1(f32x4.extract_lane(v, 0), act, alpha));
  if (lanes > 1) store<f32>(p, activate1(f32x4.extract_lane(v, 1), act, alpha), 4);
  if (lanes > 2) store<f32>(p, activate1(f32x4.extract_lane(v, 2), act, alpha), 8);
}
