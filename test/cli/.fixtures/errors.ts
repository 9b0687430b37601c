// Shape mistakes the CLI must report, one per statement, in the diagnostics harness's annotation format
// (the TS code and our sentence, on the line above the call). Fails to compile on purpose; it lives in a
// dot-folder so the repository's type-check (`include: ["test"]`) does not pick it up.
import { add, concat, conv2d, input, relu, sequential } from '../../../src/index.js';

const features = input([227, 227, 3]).conv2d({ filters: 96, kernel: 11, stride: 4 }).relu().maxPool2d({ size: 3, stride: 2 });

// A PyTorch port that expects torchvision's 64 channels.
// @expect-error TS2322: conv2d: inChannels 64 does not match the input's 96 channels (input [B, 27, 27, 96]); write inChannels: 96
export const conv2 = features.conv2d({ inChannels: 64, filters: 256, kernel: 5, padding: 2 });

// Forgot to flatten.
// @expect-error TS2345: dense: input has the wrong rank (got [B, 27, 27, 96], expected rank 2 [B, features]; flatten first)
export const logits = features.dense({ units: 10 });

// Pooling a vector: reported on the receiver (the option may be omitted, so it cannot carry the sentence).
// @expect-error TS2684: globalAvgPool2d: input has the wrong rank (got [B, 100], expected rank 4 [B, H, W, C])
export const pooled = input([100]).globalAvgPool2d();

// A spec whose first layer does not fit: reported at `apply`'s argument, naming the inner layer.
const block = sequential(conv2d({ filters: 8, kernel: 7 }), relu());
// @expect-error TS2345: conv2d: kernel 7 (dilated 7) does not fit the padded input height 5 (input [B, 5, 5, 3]); to fit, add padding 1 on each side of the height or use kernel ≤ 5
export const tiny = input([5, 5, 3]).apply(block);

// Joins whose inputs disagree.
const a = input([28, 28, 64]);
const b = input([14, 14, 64]);
// @expect-error TS2345: add: shapes differ (got [B, 28, 28, 64] and [B, 14, 14, 64], expected equal shapes)
export const sum = add(a, b);
// @expect-error TS2345: concat: sizes differ outside the channel axis (got [B, 28, 28, 64] and [B, 14, 14, 64], expected equal batch and spatial sizes)
export const joined = concat([a, b]);
