import { expectType } from 'tsd';
import { input } from '../src/index.js';

// U-Net (Ronneberger et al. 2015, Fig. 1): the 568×568 skip is cropped to the 392×392 up-path map.
expectType<readonly [number, 392, 392, 64]>(input([568, 568, 64]).cropping2d({ cropping: 88 }).shape);
expectType<readonly [number, 6, 4, 3]>(input([9, 7, 3]).cropping2d({ cropping: [[1, 2], [0, 3]] }).shape);
expectType<readonly [number, 5, 1, 3]>(input([9, 7, 3]).cropping2d({ cropping: [2, 3] }).shape);

const x = input([4, 4, 1]);
// @ts-expect-error: cropping 4 leaves nothing of the height 4
const y = x.cropping2d({ cropping: [[2, 2], [0, 0]] });
expectType<readonly [number, number, number, 1]>(y.shape);
y.relu(); // no pile-up after the error
// @ts-expect-error: negative cropping
x.cropping2d({ cropping: -1 });
