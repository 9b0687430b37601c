/** `add(a, b)` and `concat([a, b, …])`: the layers that join tensors. */
import type { ConcatResult, ElementwiseResult } from '../../types/merge.js';
import type { Typed } from '../../types/registry.js';
import type { ArgumentFor, OutputOf } from '../../types/result.js';
import type { SymbolicTensor } from '../../types/tensor.js';
import { untyped } from './tensor.js';

type ShapesOf<Ts extends readonly Typed[]> = { readonly [I in keyof Ts]: Ts[I]['shape'] };

/**
 * Elementwise sum of two tensors of equal shape (a ResNet shortcut); a mismatch is an error at `b`.
 * @example add(x, y).shape //=> readonly [number, 56, 56, 256]
 */
export function add<A extends Typed, B extends Typed>(
  a: A,
  b: ArgumentFor<B, ElementwiseResult<'add', A['shape'], B['shape']>>,
  options: { readonly name?: string } = {},
): SymbolicTensor<OutputOf<ElementwiseResult<'add', A['shape'], B['shape']>>> {
  return untyped(a).layer('add', options, [untyped(b)]) as never;
}

/**
 * Concatenation along channels; batch and spatial sizes must agree (a U-Net skip, an Inception join).
 * @example concat([x, y]).shape //=> readonly [number, 28, 28, 192]
 */
export function concat<const Ts extends readonly Typed[]>(
  tensors: ArgumentFor<Ts, ConcatResult<ShapesOf<Ts>>>,
  options: { readonly name?: string } = {},
): SymbolicTensor<OutputOf<ConcatResult<ShapesOf<Ts>>>> {
  const list = (tensors as readonly unknown[]).map(untyped);
  if (list.length === 0) throw new TypeError('concat: nothing to concatenate (got [], expected at least one tensor)');
  return list[0]!.layer('concat', options, list.slice(1)) as never;
}
