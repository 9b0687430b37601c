/**
 * ShapeOf, InputShapeOf, OutputShapeOf: the shapes a user pins in their own type tests (README "Test your model's
 * types"; the same pattern run against the packed package: test/package/consumer.test.ts).
 */
import { expectType } from 'tsd';
import { input, model, tensor } from '../src/index.js';
import type { InputShapeOf, OutputShapeOf, ShapeOf } from '../src/index.js';
import { lenet, logits } from '../examples/lenet.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

expectType<Equal<ShapeOf<typeof logits>, readonly [number, 10]>>(true);
expectType<Equal<InputShapeOf<ReturnType<typeof lenet>>, readonly [number, 28, 28, 1]>>(true);
expectType<Equal<OutputShapeOf<ReturnType<typeof lenet>>, readonly [number, 10]>>(true);
// A fixed batch stays in both; a tensor with data has a shape too.
const x = input([8, 8, 3], { batch: 4 });
const net = model(x, x.conv2d({ filters: 2, kernel: 3 }).flatten());
expectType<Equal<InputShapeOf<typeof net>, readonly [4, 8, 8, 3]>>(true);
expectType<Equal<OutputShapeOf<typeof net>, readonly [4, 72]>>(true);
expectType<Equal<ShapeOf<ReturnType<typeof tensor<readonly [2, 3]>>>, readonly [2, 3]>>(true);
// Several inputs/outputs: the first's.
const a = input([4]);
const b = input([6]);
const multi = model([a, b], [a.dense({ units: 2 }), b.dense({ units: 3 })]);
expectType<Equal<InputShapeOf<typeof multi>, readonly [number, 4]>>(true);
expectType<Equal<OutputShapeOf<typeof multi>, readonly [number, 2]>>(true);
