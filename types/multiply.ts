/**
 * multiply(a, b): elementwise product where `b` may broadcast over `a` the way squeeze-and-excitation needs
 * (Hu et al. 2018; MobileNetV3): `a` `[B, H, W, C]` times `b` `[B, 1, 1, C]` or `[B, C]` (one scale per example
 * and channel), or two tensors of equal shape. Batch and channels must agree (an unknown `number` dim agrees
 * with anything and the known one wins); the result has `a`'s spatial size. Only `b` broadcasts: the rule is
 * not symmetric, so a mistake is reported at `b`. Runtime twin: `multiplyShape` in src/shapes/multiply.ts.
 */
import type { Unify } from './merge.js';
import type { Fail, Ok } from './result.js';
import type { FormatShape, Shape } from './shape.js';

/** A `b` that neither equals `a` nor broadcasts over it; `Allowed` lists the shapes `b` may have. */
export type MultiplyMessage<A extends string, B extends string, Allowed extends string> =
  `multiply: b does not broadcast over a (got a ${A} and b ${B}, expected b ${Allowed})`;

/**
 * The shapes `b` may have for a given `a`, as the message prints them.
 * @example MultiplyAllowed<readonly [number, 7, 7, 64]> //=> '[B, 7, 7, 64], [B, 1, 1, 64] or [B, 64]'
 */
export type MultiplyAllowed<A extends Shape> = A extends readonly [infer N extends number, number, number, infer C extends number]
  ? `${FormatShape<A>}, ${FormatShape<readonly [N, 1, 1, C]>} or ${FormatShape<readonly [N, C]>}`
  : FormatShape<A>;

type Failed<A extends Shape, B extends Shape> = Fail<'', MultiplyMessage<FormatShape<A>, FormatShape<B>, MultiplyAllowed<A>>, A>;

/** `b` of `[B, 1, 1, C]` or `[B, C]` over a rank-4 `a`: batch and channels must agree. */
type Broadcast<A extends Shape, B extends Shape, N extends number, H extends number, W extends number, C extends number, NB extends number, CB extends number> =
  Unify<[N, C], [NB, CB]> extends [infer N2 extends number, infer C2 extends number] ? Ok<readonly [N2, H, W, C2]> : Failed<A, B>;

/** Equal shapes, dim by dim. */
type Same<A extends Shape, B extends Shape> = Unify<A, B> extends infer U extends number[] ? Ok<Readonly<U>> : Failed<A, B>;

/**
 * The outcome of `multiply(a, b)` on shapes A and B.
 * @example OutputOf<MultiplyResult<readonly [number, 56, 56, 256], readonly [number, 1, 1, 256]>> //=> readonly [number, 56, 56, 256]
 */
export type MultiplyResult<A extends Shape, B extends Shape> = A extends readonly [
  infer N extends number,
  infer H extends number,
  infer W extends number,
  infer C extends number,
]
  ? B extends readonly [infer NB extends number, 1, 1, infer CB extends number]
    ? Broadcast<A, B, N, H, W, C, NB, CB>
    : B extends readonly [infer NB extends number, infer CB extends number]
      ? Broadcast<A, B, N, H, W, C, NB, CB>
      : Same<A, B>
  : Same<A, B>;
