/**
 * LeNet-5 as the PyTorch tutorial writes it, plus a batch norm after conv2: a 28×28 grey image, conv1 6 kernels
 * 5×5 with padding 2 (size kept), a 2×2 max pool (28 → 14), conv2 16 kernels 5×5 (14 → 10), batch norm, a
 * 2×2 max pool (10 → 5), flatten 5 · 5 · 16 = 400, then 120 → 84 → 10 logits (no softmax, as in PyTorch).
 * 61,738 trainable parameters (the batch norm's running mean and variance are not trained).
 *
 * The layer names are the PyTorch module names (`conv1`, `conv2`, `bn2`, `fc1`, `fc2`, `fc3`), so a state
 * dict loads with no name map: `loadPyTorchWeights(lenet(), readSafetensors(bytes).tensors)` converts OIHW →
 * HWIO, Linear `[out, in]` → `[in, out]` and reorders fc1's inputs from PyTorch's NCHW flatten to ours
 * (NHWC, h·W·C + w·C + c). The batch norm's ε is PyTorch's 1e-5 (convtype's default is Keras' 1e-3).
 * test/fixtures/lenet holds such a network trained in PyTorch (scripts/make-lenet.py), and
 * test/import/lenet.test.ts checks this model reproduces its logits.
 *
 * Every `// shape:` comment is what the type checker computes for that line (hover `.shape`).
 */
import { batchNorm, conv2d, dense, flatten, input, maxPool2d, model, relu, sequential } from '../src/index.js';

export const block1 = sequential(conv2d({ filters: 6, kernel: 5, padding: 2, name: 'conv1' }), relu(), maxPool2d({ size: 2, name: 'pool1' }));
export const block2 = sequential(
  conv2d({ filters: 16, kernel: 5, inChannels: 6, name: 'conv2' }),
  batchNorm({ epsilon: 1e-5, name: 'bn2' }),
  relu(),
  maxPool2d({ size: 2, name: 'pool2' }),
);
export const classifier = sequential(
  flatten({ name: 'flatten' }),
  dense({ units: 120, inFeatures: 400, name: 'fc1' }),
  relu(),
  dense({ units: 84, inFeatures: 120, name: 'fc2' }),
  relu(),
  dense({ units: 10, inFeatures: 84, name: 'fc3' }),
);

export const image = input([28, 28, 1], { name: 'image' });
// shape: readonly [number, 28, 28, 1]
export const b1 = image.apply(block1);
// shape: readonly [number, 14, 14, 6]           28 + 2·2 − 5 + 1 = 28, pooled to 14
export const b2 = b1.apply(block2);
// shape: readonly [number, 5, 5, 16]            14 − 5 + 1 = 10, pooled to 5 (flattened: 5 · 5 · 16 = 400)
export const logits = b2.apply(classifier);
// shape: readonly [number, 10]

/** The runnable network, weights drawn from `seed` until loaded. */
export const lenet = (seed = 0) => model(image, logits, { seed });
