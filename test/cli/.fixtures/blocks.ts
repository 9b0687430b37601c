// Every layer family with parameters, inside and outside specs (residual with and without a projection, branches,
// a squeeze-and-excitation gate): the CLI's shapes and parameter counts must equal the runtime `layers` rows.
import {
  add,
  avgPool2d,
  batchNorm,
  branches,
  concat,
  conv2d,
  input,
  maxPool2d,
  model,
  multiply,
  relu,
  residual,
  sequential,
} from '../../../src/index.js';

const convBn = sequential(conv2d({ filters: 32, kernel: 3, padding: 1, useBias: false }), batchNorm(), relu());
const mixed = branches(
  conv2d({ filters: 16, kernel: 1 }),
  sequential(conv2d({ filters: 8, kernel: 1 }), conv2d({ filters: 24, kernel: [3, 5], padding: [1, 2] })),
  sequential(maxPool2d({ size: 3, stride: 1, padding: 1 }), conv2d({ filters: 8, kernel: 1, useBias: false })),
);

export const image = input([32, 32, 3], { name: 'image' });
export const stem = image.conv2d({ filters: 32, kernel: 3, stride: 2, padding: 'same', name: 'stem' }).batchNorm().relu();
export const res = stem.apply(residual(convBn)).apply(residual(convBn, conv2d({ filters: 32, kernel: 1 })));
export const inception = res.apply(mixed);
export const dw = inception.depthwiseConv2d({ kernel: 3, depthMultiplier: 2, padding: 'same' }).relu6();
export const sep = dw.separableConv2d({ filters: 48, kernel: 3, depthMultiplier: 1, padding: 'same', useBias: false });
export const gate = sep.globalAvgPool2d({ keepDims: true }).conv2d({ filters: 48, kernel: 1 }).sigmoid();
export const excited = multiply(sep, gate);
export const up = excited.conv2dTranspose({ filters: 16, kernel: 3, stride: 2, padding: 1, outputPadding: 1 });
export const skip = add(up, image.conv2d({ filters: 16, kernel: 1, useBias: false }));
export const wide = concat([skip, image]).apply(avgPool2d({ size: 2 }));
export const head = wide.flatten().dense({ units: 10, useBias: false }).dense({ units: 4 }).softmax();

export const build = () => model(image, head);
