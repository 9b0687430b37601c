/** `multiply(a, b)`: the elementwise product, with `b` broadcast per channel (a squeeze-and-excitation gate). */
import type { MultiplyResult } from '../../types/multiply.js';
import type { Typed } from '../../types/registry.js';
import type { ArgumentFor, OutputOf } from '../../types/result.js';
import type { SymbolicTensor } from '../../types/tensor.js';
import { untyped } from './tensor.js';

/**
 * `a · b` elementwise: equal shapes, or `b` of `[B, 1, 1, C]` or `[B, C]` scaling each channel of `a`
 * `[B, H, W, C]` (squeeze-and-excitation); a `b` that fits neither is an error at `b`.
 * @example multiply(x, x.avgPool2d({ size: 7 }).conv2d({ filters: 64, kernel: 1 }).sigmoid()).shape //=> readonly [number, 7, 7, 64]
 */
export function multiply<A extends Typed, B extends Typed>(
  a: A,
  b: ArgumentFor<B, MultiplyResult<A['shape'], B['shape']>>,
  options: { readonly name?: string } = {},
): SymbolicTensor<OutputOf<MultiplyResult<A['shape'], B['shape']>>> {
  return untyped(a).layer('multiply', options, [untyped(b)]) as never;
}
