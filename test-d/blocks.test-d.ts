/**
 * Blocks as plain generic functions (issue 11 part 2): a function with `const` type parameters that returns
 * specs compiles with no spec types and no casts; its checks run where it is applied. Expected shapes are the
 * conv formula ⌊(H + 2p − d(k−1) − 1)/s⌋ + 1 worked by hand in each comment. The sentences and their lines are
 * pinned by test/diagnostics/fixtures/blocks.ts on TS 7, 6 and 5.9.
 */
import { expectType } from 'tsd';
import { batchNorm, branches, conv2d, conv2dTranspose, input, maxPool2d, minus, over, overCeil, plus, relu, residual, sequential, times } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// ─── the example ───────────────────────────────────────────────────────────────────────────
function convBn<const F extends number, const K extends number>(filters: F, kernel: K) {
  return sequential(conv2d({ filters, kernel, padding: 'same', useBias: false }), batchNorm(), relu());
}
const x = input([56, 56, 64]);
// 'same' at stride 1 keeps 56×56; filters 128
const a = x.apply(convBn(128, 3));
expectType<Equal<typeof a.shape, readonly [number, 56, 56, 128]>>(true);
// the same block at another size: 28×28, kernel 5
const b = input([28, 28, 3]).apply(convBn(16, 5));
expectType<Equal<typeof b.shape, readonly [number, 28, 28, 16]>>(true);

// ─── a bottleneck with a computed width (times keeps it literal) ────────────────────────────────────
function bottleneck<const W extends number, const S extends number>(width: W, stride: S) {
  const body = sequential(
    conv2d({ filters: width, kernel: 1, useBias: false }), batchNorm(), relu(),
    conv2d({ filters: width, kernel: 3, stride, padding: 1, useBias: false }), batchNorm(), relu(),
    conv2d({ filters: times(width, 4), kernel: 1, useBias: false }), batchNorm(),
  );
  return sequential(residual(body, conv2d({ filters: times(width, 4), kernel: 1, stride })), relu());
}
// stride 2, 3×3 pad 1: ⌊(56 + 2 − 2 − 1)/2⌋ + 1 = 28; 1×1 stride 2: ⌊(56 − 1)/2⌋ + 1 = 28; 4·64 = 256 channels
const c = x.apply(bottleneck(64, 2));
expectType<Equal<typeof c.shape, readonly [number, 28, 28, 256]>>(true);
// blocks compose: a block built from blocks
function stage<const W extends number>(width: W) {
  return sequential(bottleneck(width, 2), bottleneck(width, 1));
}
const d = x.apply(stage(32));
expectType<Equal<typeof d.shape, readonly [number, 28, 28, 128]>>(true);

// ─── an inception module: branches with computed channels ──────────────────────────────────────────
function inception<const C extends number>(c: C) {
  return branches(
    conv2d({ filters: c, kernel: 1 }),
    sequential(conv2d({ filters: over(c, 2), kernel: 1 }), conv2d({ filters: c, kernel: 3, padding: 1 })),
    sequential(maxPool2d({ size: 3, stride: 1, padding: 1 }), conv2d({ filters: plus(c, 32), kernel: 1 })),
  );
}
// 64 + 64 + (64 + 32) = 224 channels, spatial kept
const e = input([28, 28, 192]).apply(inception(64));
expectType<Equal<typeof e.shape, readonly [number, 28, 28, 224]>>(true);

// ─── a U-Net level: valid 3×3 convs shrink by 2 each, the up-conv doubles ──────────────────────────
function level<const F extends number>(filters: F) {
  return sequential(conv2d({ filters, kernel: 3 }), relu(), conv2d({ filters, kernel: 3 }), relu(), conv2dTranspose({ filters: over(filters, 2), kernel: 2, stride: 2 }));
}
// 68 → 66 → 64 → ×2 = 128; 128/2 = 64 channels
const f = input([68, 68, 256]).apply(level(128));
expectType<Equal<typeof f.shape, readonly [number, 128, 128, 64]>>(true);

// ─── size helpers ──────────────────────────────────────────────────────────────────────────────────
expectType<256>(times(64, 4));
expectType<96>(plus(64, 32));
expectType<556>(minus(572, 16));
expectType<64>(over(256, 4));
expectType<57>(overCeil(227, 4));
declare const n: number;
expectType<number>(times(n, 4));
// @ts-expect-error: -1 is not a size
times(-1, 4);
// @ts-expect-error: 2.5 is not a size
plus(2.5, 1);

// ─── checks still run: concrete mistakes at the factory, generic ones at the apply ─────────────────
// @ts-expect-error: filters 0 is not positive, caught at the factory call as before
conv2d({ filters: 0, kernel: 3 });
// @ts-expect-error: a declared inChannels that disagrees, caught in sequential before any input
sequential(conv2d({ filters: 8, kernel: 3 }), conv2d({ inChannels: 4, filters: 8, kernel: 3 }));
// @ts-expect-error: the shortcut's 256 channels meet a 64-channel body: the residual add fails at the apply
x.apply(sequential(residual(sequential(conv2d({ filters: 64, kernel: 1 })), conv2d({ filters: times(64, 4), kernel: 1 }))));
// @ts-expect-error: the bottleneck's projection is missing; 64 + 256 channels at the add, at the apply
x.apply(residual(bottleneck(64, 1)));
// @ts-expect-error: a 7×7 kernel ('same' pads it) then nothing wrong — but 3 channels declared where 64 arrive
x.apply(sequential(convBn(8, 7), conv2d({ inChannels: 3, filters: 8, kernel: 1 })));
function strided<const K extends number>(kernel: K) {
  return sequential(conv2d({ filters: 8, kernel }));
}
// @ts-expect-error: kernel 9 does not fit 4×4 — the check that depends on K runs here
input([4, 4, 8]).apply(strided(9));
const fits = input([4, 4, 8]).apply(strided(3));
expectType<Equal<typeof fits.shape, readonly [number, 2, 2, 8]>>(true);
