/**
 * batchNorm, dropout, the added activations (relu6, leakyRelu, elu, gelu, hardSigmoid, hardSwish) and
 * multiply: shapes through the public DSL, and every promised compile error with a next call that must not
 * error. These layers keep their input's shape (Keras, PyTorch and ONNX BatchNormalization, Dropout and the
 * elementwise activations are shape-preserving), so the positive cases check that literal, `number` and
 * batch dims all survive; multiply's broadcast cases are squeeze-and-excitation gates from SE-ResNet-50
 * (Hu et al. 2018, Table 1: 56×56×256, reduction 16) and MobileNetV3-Large (Howard et al. 2019, Table 1 and
 * torchvision: 28×28×72 with a 24-channel squeeze).
 *
 * The exact sentences are pinned by test/diagnostics/fixtures/norm.ts (TS 7, 6, 5.9) and thrown at run time
 * per test/layers/norm.test.ts.
 */
import { expectType } from 'tsd';
import { batchNorm, conv2d, dropout, elu, gelu, hardSigmoid, hardSwish, input, leakyRelu, multiply, relu, relu6, sequential } from '../src/index.js';
import type { Shape, SymbolicTensor } from '../src/index.js';
import type { Fail, Ok } from '../src/types-entry.js';
// Rule types not (yet) re-exported from types/index.ts:
import type { BatchNormResult } from '../types/batch-norm.js';
import type { DropoutResult, IsBadRate } from '../types/dropout.js';
import type { MultiplyResult } from '../types/multiply.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

declare const n: number;
declare const rate: number;

// ─── batchNorm: any rank ≥ 2, the shape passes through ─────────────────────────────────────────────
const bn4 = input([112, 112, 64]).batchNorm();
expectType<Equal<typeof bn4.shape, readonly [number, 112, 112, 64]>>(true);
const bn2 = input([4096]).dense({ units: 512 }).batchNorm({ epsilon: 1e-5 });
expectType<Equal<typeof bn2.shape, readonly [number, 512]>>(true);
const bn3 = input([197, 768]).batchNorm({ epsilon: 0.001, name: 'bn' });
expectType<Equal<typeof bn3.shape, readonly [number, 197, 768]>>(true);
const bnBatch = input([7, 7, 512], { batch: 8 }).batchNorm();
expectType<Equal<typeof bnBatch.shape, readonly [8, 7, 7, 512]>>(true);
const bnUnknown = input([n, n, 32]).batchNorm({ epsilon: n });
expectType<Equal<typeof bnUnknown.shape, readonly [number, number, number, 32]>>(true);
// ResNet stem: conv 7×7/2 p3 on 224 → 112 (SEMANTICS.md §1: ⌊(224 + 6 − 7)/2⌋ + 1 = 112), BN, ReLU.
const stem = input([224, 224, 3]).conv2d({ filters: 64, kernel: 7, stride: 2, padding: 3, useBias: false }).batchNorm().relu();
expectType<Equal<typeof stem.shape, readonly [number, 112, 112, 64]>>(true);
// The rule itself, on a shape no `input` can make (rank 1).
expectType<Equal<BatchNormResult<readonly [number], {}>['shape'], readonly [number]>>(true);
expectType<BatchNormResult<readonly [number], {}> extends Fail<'', 'batchNorm: input has the wrong rank (got [B], expected rank ≥ 2 [B, …, C])', Shape> ? 1 : 0>(1);
expectType<Equal<BatchNormResult<readonly number[], {}>, Ok<readonly number[]>>>(true);
expectType<Equal<BatchNormResult<readonly number[], { epsilon: -1 }>['shape'], readonly number[]>>(true);
expectType<BatchNormResult<readonly number[], { epsilon: -1 }> extends Fail<'epsilon', string, Shape> ? 1 : 0>(1);

// ─── dropout: rate in [0, 1), the shape passes through ─────────────────────────────────────────────
const drop = input([4096]).dropout({ rate: 0.5 });
expectType<Equal<typeof drop.shape, readonly [number, 4096]>>(true);
const drop0 = input([13, 13, 256]).dropout({ rate: 0 }).dropout({ rate: 0.999 }).dropout({ rate: 1e-7 }).dropout({ rate });
expectType<Equal<typeof drop0.shape, readonly [number, 13, 13, 256]>>(true);
expectType<[IsBadRate<0>, IsBadRate<0.5>, IsBadRate<5e-324>, IsBadRate<number>]>([false, false, false, false]);
expectType<[IsBadRate<1>, IsBadRate<1.5>, IsBadRate<-0.1>, IsBadRate<-1e-7>, IsBadRate<50>, IsBadRate<1e21>]>([true, true, true, true, true, true]);
expectType<Equal<DropoutResult<readonly [number, 10], { rate: 1 }>['shape'], readonly [number, 10]>>(true);

// ─── activations: elementwise, the shape passes through ────────────────────────────────────────────
const acts = input([14, 14, 96]).relu6().leakyRelu().leakyRelu({ alpha: 0.01 }).elu().elu({ alpha: 1.5 }).gelu().gelu({ approximate: 'tanh' });
expectType<Equal<typeof acts.shape, readonly [number, 14, 14, 96]>>(true);
const hard = input([n, 40]).hardSigmoid().hardSwish({ name: 'hs' }).gelu({ approximate: 'none' });
expectType<Equal<typeof hard.shape, readonly [number, number, 40]>>(true);

// ─── specs as values ───────────────────────────────────────────────────────────────────────────────
const block = sequential(conv2d({ filters: 32, kernel: 3, padding: 1, useBias: false }), batchNorm(), relu6(), dropout({ rate: 0.2 }));
const blockOut = input([56, 56, 16]).apply(block);
expectType<Equal<typeof blockOut.shape, readonly [number, 56, 56, 32]>>(true);
const allSpecs = input([8, 8, 4]).apply(sequential(leakyRelu({ alpha: 0.2 }), elu(), gelu({ approximate: 'tanh' }), hardSigmoid(), hardSwish(), batchNorm({ epsilon: 1e-5 }), relu()));
expectType<Equal<typeof allSpecs.shape, readonly [number, 8, 8, 4]>>(true);

// ─── multiply: squeeze-and-excitation gates ────────────────────────────────────────────────────────
// SE-ResNet-50, conv2_x output 56×56×256: squeeze by global average pooling, excite 256 → 16 → 256.
const res = input([56, 56, 256]);
const gate4 = res.avgPool2d({ size: 56 }).conv2d({ filters: 16, kernel: 1 }).relu().conv2d({ filters: 256, kernel: 1 }).sigmoid();
expectType<Equal<typeof gate4.shape, readonly [number, 1, 1, 256]>>(true);
const se4 = multiply(res, gate4);
expectType<Equal<typeof se4.shape, readonly [number, 56, 56, 256]>>(true);
// The same gate as dense layers over [B, C].
const gate2 = res.avgPool2d({ size: 56 }).flatten().dense({ units: 16 }).relu().dense({ units: 256 }).sigmoid();
expectType<Equal<typeof gate2.shape, readonly [number, 256]>>(true);
const se2 = multiply(res, gate2);
expectType<Equal<typeof se2.shape, readonly [number, 56, 56, 256]>>(true);
// MobileNetV3-Large bneck 3 (k5, exp 72, s2): 56×56×24 → 28×28×72 depthwise, SE squeeze 24, hard-sigmoid gate.
const dw = input([56, 56, 24]).conv2d({ filters: 72, kernel: 1 }).relu().conv2d({ filters: 72, kernel: 5, stride: 2, padding: 2, groups: 72 });
expectType<Equal<typeof dw.shape, readonly [number, 28, 28, 72]>>(true);
const v3 = multiply(dw, dw.avgPool2d({ size: 28 }).conv2d({ filters: 24, kernel: 1 }).relu().conv2d({ filters: 72, kernel: 1 }).hardSigmoid());
expectType<Equal<typeof v3.shape, readonly [number, 28, 28, 72]>>(true);
// Equal shapes (a gated linear unit), a literal batch meeting an unknown one, unknown spatial dims in a.
const same = multiply(input([10, 64]), input([10, 64]).sigmoid());
expectType<Equal<typeof same.shape, readonly [number, 10, 64]>>(true);
const batched = multiply(input([7, 7, 64]), input([1, 1, 64], { batch: 8 }), { name: 'gate' });
expectType<Equal<typeof batched.shape, readonly [8, 7, 7, 64]>>(true);
const unknownHw = multiply(input([n, n, 64]), input([1, 1, 64]));
expectType<Equal<typeof unknownHw.shape, readonly [number, number, number, 64]>>(true);
const unknownC = multiply(input([7, 7, n]), input([64]));
expectType<Equal<typeof unknownC.shape, readonly [number, 7, 7, 64]>>(true);
expectType<Equal<MultiplyResult<readonly [number, 1, 1, 8], readonly [number, 1, 1, 8]>['shape'], readonly [number, 1, 1, 8]>>(true);

// ─── errors, each followed by a call that must not error ───────────────────────────────────────────
const x = input([28, 28, 64]);

// @ts-expect-error: epsilon must be > 0
const epsNegative = x.batchNorm({ epsilon: -1e-3 });
expectType<Equal<typeof epsNegative.shape, readonly [number, 28, 28, 64]>>(true);
epsNegative.batchNorm({ epsilon: 1e-3 }).relu();

// @ts-expect-error: epsilon 0 divides by √σ², which is 0 for a dead channel
x.batchNorm({ epsilon: 0 });
x.batchNorm({ epsilon: 1e-5 });

// @ts-expect-error: Keras' `momentum` is a training option convtype does not take
const momentum = x.batchNorm({ epsilon: 1e-3, momentum: 0.99 });
expectType<Equal<typeof momentum.shape, readonly [number, 28, 28, 64]>>(true);
momentum.relu();

// @ts-expect-error: the same typo alone (TypeScript's excess-property error)
x.batchNorm({ momentum: 0.99 });
x.batchNorm({});

// @ts-expect-error: rate 1 drops everything
const rate1 = x.dropout({ rate: 1 });
expectType<Equal<typeof rate1.shape, readonly [number, 28, 28, 64]>>(true);
rate1.dropout({ rate: 0.5 });

// @ts-expect-error: a percentage instead of a fraction
x.dropout({ rate: 50 });
x.dropout({ rate: 0.5 });

// @ts-expect-error: negative rate
x.dropout({ rate: -0.1 });
x.dropout({ rate: 0.1 });

// @ts-expect-error: PyTorch's name `p` for the rate
x.dropout({ p: 0.5, rate: 0.5 });
x.dropout({ rate: 0.5, name: 'drop' });

// @ts-expect-error: rate is required
x.dropout({});
x.dropout({ rate: 0.3 });

// @ts-expect-error: `slope` is not an option of leakyRelu (PyTorch: negative_slope; here alpha)
const slope = x.leakyRelu({ alpha: 0.1, slope: 0.1 });
expectType<Equal<typeof slope.shape, readonly [number, 28, 28, 64]>>(true);
slope.leakyRelu({ alpha: 0.1 });

// @ts-expect-error: gelu has no 'erf' form (the exact form is 'none')
x.gelu({ approximate: 'erf' });
x.gelu({ approximate: 'none' });

// hardSigmoid's slope and offset (ONNX HardSigmoid's α, β); the shape passes through.
const hardPaddle = x.hardSigmoid({ alpha: 0.2, beta: 0.5, name: 'hs' });
expectType<Equal<typeof hardPaddle.shape, readonly [number, 28, 28, 64]>>(true);
const hardSpec = x.apply(hardSigmoid({ alpha: 0.2 }));
expectType<Equal<typeof hardSpec.shape, readonly [number, 28, 28, 64]>>(true);

// @ts-expect-error: hardSigmoid's slope is `alpha` (Keras/ONNX name), not `slope` (Paddle's)
x.hardSigmoid({ slope: 0.2 });

// @ts-expect-error: alpha is a number
x.hardSigmoid({ alpha: '0.2' });

// @ts-expect-error: hardSwish takes no alpha
x.hardSwish({ name: 'hs', alpha: 0.2 });
x.hardSwish({ name: 'hs' });

// @ts-expect-error: an SE gate with 32 channels over a 64-channel map
const gateChannels = multiply(x, x.avgPool2d({ size: 28 }).conv2d({ filters: 32, kernel: 1 }));
expectType<Equal<typeof gateChannels.shape, readonly [number, 28, 28, 64]>>(true);
multiply(gateChannels, gateChannels.avgPool2d({ size: 28 }).conv2d({ filters: 64, kernel: 1 }).sigmoid());

// @ts-expect-error: a 2×2 gate is neither 1×1 nor 28×28
multiply(x, x.avgPool2d({ size: 14 }));
multiply(x, x.avgPool2d({ size: 28 }));

// @ts-expect-error: only b broadcasts: a 1×1 a cannot be scaled by a 28×28 b
multiply(x.avgPool2d({ size: 28 }), x);
multiply(x, x.avgPool2d({ size: 28 }));

// @ts-expect-error: a [B, C] gate with the wrong channel count
multiply(x, input([28, 28, 64]).flatten());
multiply(x, input([28, 28, 64]).flatten().dense({ units: 64 }));

// @ts-expect-error: literal batches that differ
multiply(input([7, 7, 8], { batch: 4 }), input([1, 1, 8], { batch: 2 }));
multiply(input([7, 7, 8], { batch: 4 }), input([1, 1, 8], { batch: 4 }));

// @ts-expect-error: equal ranks other than 4 must be equal shapes
multiply(input([10, 64]), input([10, 32]));
multiply(input([10, 64]), input([10, 64]));

declare const rank1: SymbolicTensor<readonly [number]>;
// @ts-expect-error: rank 1 has no channel axis
rank1.batchNorm({});
rank1.dropout({ rate: 0.5 });
