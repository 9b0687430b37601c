/**
 * The model zoo (examples/*.ts) against the published figures and through the executor:
 * - `params` and `macs` equal the published totals (SEMANTICS.md §6; MACs to the precision they are stated at,
 *   and pinned exactly to our count);
 * - the runtime `summary()` row of every exported symbolic tensor has exactly the shape the type checker computed
 *   for it (`expectSummaryShape`: the literal dims are checked against the type at compile time, against the
 *   summary at run time), and `model.run`'s output shape type is checked with `expectTypeOf`;
 * - every model runs once on a deterministic input (helpers.ts `pattern`) and gives the right output shape and
 *   finite, non-constant values. All at full resolution (batch 1) except U-Net: one 572×572 tile is 150 GMACs
 *   (about a minute here), so the same blocks (`doubleConv`, `upConv`, `pool`, the same crop literals) are wired
 *   at 252×252 → 68×68×2, the largest valid size below 572 that keeps the file fast (valid sizes are 572 − 16k).
 *
 * Each model is built once per describe and dropped after it (VGG-16's 138 M weights are 0.55 GB). The file runs
 * in about 30–40 s on 2 cores; the per-model times are printed at the end.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { concat, input, model, tensor } from '../../src/index.js';
import * as alex from '../../examples/alexnet.js';
import * as tv from '../../examples/alexnet-torchvision.js';
import * as goog from '../../examples/googlenet.js';
import * as mobile from '../../examples/mobilenet-v1.js';
import * as res from '../../examples/resnet50.js';
import * as u from '../../examples/unet.js';
import * as vgg from '../../examples/vgg16-model.js';
import { expectLive, expectSummaryShape, pattern, summaryRows } from './helpers.js';

const times: string[] = [];
afterAll(() => console.log(`zoo timings (build = weights, run = plan + pack + one batch-1 pass):\n  ${times.join('\n  ')}`));

/** Runs `f`, records its time under `label`, returns its result. */
function timed<T>(label: string, f: () => T): T {
  const t = performance.now();
  const r = f();
  times.push(`${label.padEnd(34)} ${(performance.now() - t).toFixed(0).padStart(6)} ms`);
  return r;
}

const gmacs = (m: { macs: number }, digits: number): string => (m.macs / 1e9).toFixed(digits);

/** A batch-1 image of the given size. */
const image = <const H extends number, const W extends number, const C extends number>(h: H, w: W, c: C) =>
  tensor([1, h, w, c] as const, pattern(h * w * c));

const sum = (a: Float32Array): number => a.reduce((s, v) => s + v, 0);

describe('AlexNet (original, grouped, 227): examples/alexnet.ts', () => {
  let m: ReturnType<typeof alex.alexnet> | undefined;
  beforeAll(() => void (m = timed('alexnet build', () => alex.alexnet(0))));
  afterAll(() => void (m = undefined));

  it('60,965,224 params; 0.724 GMACs (Sze et al. 2017: 724 M)', () => {
    expect(m!.params).toBe(60_965_224);
    expect(gmacs(m!, 3)).toBe('0.724');
    expect(m!.macs).toBe(724_406_816);
  });

  it('summary shapes = type-level shapes (the stage tensors at the seed batch 256)', () => {
    // The stage tensors hang off the batch-256 input, not alexnet()'s: a model over them names their rows.
    const staged = model(alex.images, alex.probabilities);
    const row = summaryRows(staged, [alex.images], [alex.probabilities]);
    expectSummaryShape(row, alex.images, [256, 227, 227, 3]);
    expectSummaryShape(row, alex.c1, [256, 55, 55, 96]);
    expectSummaryShape(row, alex.p1, [256, 27, 27, 96]);
    expectSummaryShape(row, alex.c2, [256, 27, 27, 256]);
    expectSummaryShape(row, alex.p2, [256, 13, 13, 256]);
    expectSummaryShape(row, alex.c3, [256, 13, 13, 384]);
    expectSummaryShape(row, alex.c4, [256, 13, 13, 384]);
    expectSummaryShape(row, alex.c5, [256, 13, 13, 256]);
    expectSummaryShape(row, alex.p5, [256, 6, 6, 256]);
    expectSummaryShape(row, alex.probabilities, [256, 1000]);
    expect(staged.params).toBe(m!.params);
  });

  it('runs x=[1,227,227,3] → [1,1000] probabilities', () => {
    const y = timed('alexnet run', () => m!.run(image(227, 227, 3)));
    expectTypeOf(y.shape).toEqualTypeOf<readonly [1, 1000]>();
    expect(y.shape).toEqual([1, 1000]);
    expectLive(y.data);
    expect(sum(y.data)).toBeCloseTo(1, 4);
  });
});

describe('AlexNet (torchvision, 224): examples/alexnet-torchvision.ts', () => {
  let m: ReturnType<typeof tv.alexnetTorchvision> | undefined;
  beforeAll(() => void (m = timed('alexnet-torchvision build', () => tv.alexnetTorchvision(0))));
  afterAll(() => void (m = undefined));

  it('61,100,840 params; 0.714 GMACs', () => {
    expect(m!.params).toBe(61_100_840);
    expect(gmacs(m!, 3)).toBe('0.714');
    expect(m!.macs).toBe(714_188_480);
  });

  it('summary shapes = type-level shapes', () => {
    const row = summaryRows(m!, [tv.image], [tv.logits]);
    expectSummaryShape(row, tv.image, [-1, 224, 224, 3]);
    expectSummaryShape(row, tv.c1, [-1, 55, 55, 64]);
    expectSummaryShape(row, tv.p1, [-1, 27, 27, 64]);
    expectSummaryShape(row, tv.c2, [-1, 27, 27, 192]);
    expectSummaryShape(row, tv.p2, [-1, 13, 13, 192]);
    expectSummaryShape(row, tv.c3, [-1, 13, 13, 384]);
    expectSummaryShape(row, tv.c4, [-1, 13, 13, 256]);
    expectSummaryShape(row, tv.c5, [-1, 13, 13, 256]);
    expectSummaryShape(row, tv.p5, [-1, 6, 6, 256]);
    expectSummaryShape(row, tv.pooled, [-1, 6, 6, 256]);
    expectSummaryShape(row, tv.logits, [-1, 1000]);
  });

  it('runs x=[1,224,224,3] → [1,1000] logits', () => {
    const y = timed('alexnet-torchvision run', () => m!.run(image(224, 224, 3)));
    expectTypeOf(y.shape).toEqualTypeOf<readonly [1, 1000]>();
    expect(y.shape).toEqual([1, 1000]);
    expectLive(y.data);
  });
});

describe('VGG-16 (224): examples/vgg16-model.ts', () => {
  let m: ReturnType<typeof vgg.vgg16> | undefined;
  beforeAll(() => void (m = timed('vgg16 build (138 M weights)', () => vgg.vgg16(0))));
  afterAll(() => void (m = undefined));

  it('138,357,544 params; 15.47 GMACs', () => {
    expect(m!.params).toBe(138_357_544);
    expect(gmacs(m!, 2)).toBe('15.47');
    expect(m!.macs).toBe(15_470_264_320);
  });

  it('summary shapes = type-level shapes', () => {
    const row = summaryRows(m!, [vgg.image], [vgg.probabilities]);
    expectSummaryShape(row, vgg.image, [-1, 224, 224, 3]);
    expectSummaryShape(row, vgg.block1, [-1, 112, 112, 64]);
    expectSummaryShape(row, vgg.block2, [-1, 56, 56, 128]);
    expectSummaryShape(row, vgg.block3, [-1, 28, 28, 256]);
    expectSummaryShape(row, vgg.block4, [-1, 14, 14, 512]);
    expectSummaryShape(row, vgg.block5, [-1, 7, 7, 512]);
    expectSummaryShape(row, vgg.probabilities, [-1, 1000]);
    // vggBlock(512, 3) is 3 convs + 3 relus + 1 pool; the whole net has 13 convs
    expect(m!.layers.filter((r) => r.kind === 'conv2d')).toHaveLength(13);
  });

  it('runs x=[1,224,224,3] → [1,1000] probabilities', () => {
    const y = timed('vgg16 run', () => m!.run(image(224, 224, 3)));
    expectTypeOf(y.shape).toEqualTypeOf<readonly [1, 1000]>();
    expect(y.shape).toEqual([1, 1000]);
    expectLive(y.data);
    expect(sum(y.data)).toBeCloseTo(1, 4);
  });
});

describe('ResNet-50 (torchvision v1.5, 224): examples/resnet50.ts', () => {
  let m: ReturnType<typeof res.resnet50> | undefined;
  beforeAll(() => void (m = timed('resnet50 build', () => res.resnet50(0))));
  afterAll(() => void (m = undefined));

  it('25,557,032 params; 4.089 GMACs', () => {
    expect(m!.params).toBe(25_557_032);
    expect(gmacs(m!, 3)).toBe('4.089');
    expect(m!.macs).toBe(4_089_184_256);
  });

  it('summary shapes = type-level shapes', () => {
    const row = summaryRows(m!, [res.image], [res.logits]);
    expectSummaryShape(row, res.image, [-1, 224, 224, 3]);
    expectSummaryShape(row, res.stem, [-1, 56, 56, 64]);
    expectSummaryShape(row, res.layer1, [-1, 56, 56, 256]);
    expectSummaryShape(row, res.layer2, [-1, 28, 28, 512]);
    expectSummaryShape(row, res.layer3, [-1, 14, 14, 1024]);
    expectSummaryShape(row, res.layer4, [-1, 7, 7, 2048]);
    expectSummaryShape(row, res.logits, [-1, 1000]);
  });

  it('runs x=[1,224,224,3] → [1,1000] probabilities', () => {
    const y = timed('resnet50 run', () => m!.run(image(224, 224, 3)));
    expectTypeOf(y.shape).toEqualTypeOf<readonly [1, 1000]>();
    expect(y.shape).toEqual([1, 1000]);
    expectLive(y.data);
    expect(sum(y.data)).toBeCloseTo(1, 4);
  });
});

describe('GoogLeNet (torchvision, 224): examples/googlenet.ts', () => {
  let m: ReturnType<typeof goog.googlenet> | undefined;
  beforeAll(() => void (m = timed('googlenet build', () => goog.googlenet(0))));
  afterAll(() => void (m = undefined));

  it('6,624,904 params; 1.50 GMACs (torchvision: 1.50 GFLOPS, which are MACs)', () => {
    expect(m!.params).toBe(6_624_904);
    expect(gmacs(m!, 2)).toBe('1.50');
    expect(m!.macs).toBe(1_498_376_192);
  });

  it('summary shapes = type-level shapes (ceil-mode pools 112 → 56 → 28 → 14 → 7)', () => {
    const row = summaryRows(m!, [goog.image], [goog.logits]);
    expectSummaryShape(row, goog.image, [-1, 224, 224, 3]);
    expectSummaryShape(row, goog.stem1, [-1, 112, 112, 64]);
    expectSummaryShape(row, goog.pool1, [-1, 56, 56, 64]);
    expectSummaryShape(row, goog.stem2, [-1, 56, 56, 192]);
    expectSummaryShape(row, goog.pool2, [-1, 28, 28, 192]);
    expectSummaryShape(row, goog.inception3a, [-1, 28, 28, 256]);
    expectSummaryShape(row, goog.inception3b, [-1, 28, 28, 480]);
    expectSummaryShape(row, goog.pool3, [-1, 14, 14, 480]);
    expectSummaryShape(row, goog.inception4a, [-1, 14, 14, 512]);
    expectSummaryShape(row, goog.inception4b, [-1, 14, 14, 512]);
    expectSummaryShape(row, goog.inception4c, [-1, 14, 14, 512]);
    expectSummaryShape(row, goog.inception4d, [-1, 14, 14, 528]);
    expectSummaryShape(row, goog.inception4e, [-1, 14, 14, 832]);
    expectSummaryShape(row, goog.pool4, [-1, 7, 7, 832]);
    expectSummaryShape(row, goog.inception5a, [-1, 7, 7, 832]);
    expectSummaryShape(row, goog.inception5b, [-1, 7, 7, 1024]);
    expectSummaryShape(row, goog.logits, [-1, 1000]);
    // 9 modules × 6 BasicConv2d + 3 stem convs = 57 convs, each without bias and followed by a batch norm
    const convs = m!.layers.filter((r) => r.kind === 'conv2d');
    expect(convs).toHaveLength(57);
    expect(m!.layers.filter((r) => r.kind === 'batchNorm')).toHaveLength(57);
    expect(m!.layers.filter((r) => r.kind === 'concat')).toHaveLength(9);
  });

  it('runs x=[1,224,224,3] → [1,1000] logits', () => {
    const y = timed('googlenet run', () => m!.run(image(224, 224, 3)));
    expectTypeOf(y.shape).toEqualTypeOf<readonly [1, 1000]>();
    expect(y.shape).toEqual([1, 1000]);
    expectLive(y.data);
  });
});

describe('MobileNet v1 1.0 (Keras, 224): examples/mobilenet-v1.ts', () => {
  let m: ReturnType<typeof mobile.mobilenetV1> | undefined;
  beforeAll(() => void (m = timed('mobilenet-v1 build', () => mobile.mobilenetV1(0))));
  afterAll(() => void (m = undefined));

  it('4,231,976 trainable params; 569 M MACs (568,740,352)', () => {
    expect(m!.params).toBe(4_231_976);
    expect(Math.round(m!.macs / 1e6)).toBe(569);
    expect(m!.macs).toBe(568_740_352);
    // Keras' total adds the batch norms' moving mean and variance: 2 × (32 + Σ block channels) = 21,888
    const movingStats = m!.layers.filter((r) => r.kind === 'batchNorm').reduce((a, r) => a + 2 * r.shape[r.shape.length - 1]!, 0);
    expect(m!.params + movingStats).toBe(4_253_864);
  });

  it('summary shapes = type-level shapes', () => {
    const row = summaryRows(m!, [mobile.image], [mobile.probabilities]);
    expectSummaryShape(row, mobile.image, [-1, 224, 224, 3]);
    expectSummaryShape(row, mobile.conv1, [-1, 112, 112, 32]);
    expectSummaryShape(row, mobile.block1, [-1, 112, 112, 64]);
    expectSummaryShape(row, mobile.block2, [-1, 56, 56, 128]);
    expectSummaryShape(row, mobile.block4, [-1, 28, 28, 256]);
    expectSummaryShape(row, mobile.block6, [-1, 14, 14, 512]);
    expectSummaryShape(row, mobile.block11, [-1, 14, 14, 512]);
    expectSummaryShape(row, mobile.block13, [-1, 7, 7, 1024]);
    expectSummaryShape(row, mobile.pooled, [-1, 1, 1, 1024]);
    expectSummaryShape(row, mobile.probabilities, [-1, 1000]);
    expect(m!.layers.filter((r) => r.kind === 'depthwiseConv2d')).toHaveLength(13);
  });

  it('runs x=[1,224,224,3] → [1,1000] probabilities (depthwise kernels rescaled by √C first)', () => {
    // Keras' Glorot fans of a depthwise kernel [3, 3, C, 1] are 9·C in, so with the untrained initial weights each
    // block shrinks the activations ~10–100× and block 13 is exactly 0 (every probability 0.001): a property of the
    // initialisation, not of the executor. Rescaling the 13 depthwise kernels by √C (fan-in 9, as PyTorch) keeps
    // the network alive so the output can show it computed something.
    const weights = m!.weights;
    const rescaled: Record<string, { shape: readonly number[]; data: Float32Array }> = {};
    for (const key of Object.keys(weights).filter((k) => k.startsWith('depthwiseConv2d_') && k.endsWith('/kernel'))) {
      const k = weights[key]!;
      const scale = Math.sqrt(k.shape[2]!);
      rescaled[key] = { shape: k.shape, data: k.data.map((v) => v * scale) };
    }
    expect(Object.keys(rescaled)).toHaveLength(13);
    m!.setWeights(rescaled);
    const y = timed('mobilenet-v1 run', () => m!.run(image(224, 224, 3)));
    expectTypeOf(y.shape).toEqualTypeOf<readonly [1, 1000]>();
    expect(y.shape).toEqual([1, 1000]);
    expectLive(y.data);
    expect(sum(y.data)).toBeCloseTo(1, 4);
  });
});

/**
 * U-Net's parameters and MACs written out from the paper's figure, independently of src/: valid 3×3 convs,
 * 2×2 pools, 2×2 stride-2 up-convs (MACs on the input grid, SEMANTICS.md §6), crop to the up-conv's size.
 */
function unetCost(side: number): { params: number; macs: number; out: number } {
  let params = 0;
  let macs = 0;
  const conv = (h: number, cin: number, cout: number, k: number): number => {
    const out = h - k + 1;
    params += k * k * cin * cout + cout;
    macs += out * out * k * k * cin * cout;
    return out;
  };
  const double = (h: number, cin: number, cout: number): number => conv(conv(h, cin, cout, 3), cout, cout, 3);
  const skips: number[] = [];
  let h = side;
  let c = 1;
  for (const f of [64, 128, 256, 512]) {
    h = double(h, c, f);
    c = f;
    skips.push(h);
    h = Math.floor(h / 2);
  }
  h = double(h, 512, 1024);
  c = 1024;
  for (const f of [512, 256, 128, 64]) {
    params += 4 * c * f + f;
    macs += h * h * 4 * c * f;
    h *= 2;
    expect(skips.pop()! - h).toBeGreaterThanOrEqual(0); // the skip is at least as large (it is cropped)
    h = double(h, 2 * f, f);
    c = f;
  }
  h = conv(h, 64, 2, 1);
  return { params, macs, out: h };
}

describe('U-Net (572 → 388): examples/unet.ts', () => {
  let m: ReturnType<typeof u.unet> | undefined;
  beforeAll(() => void (m = timed('unet build (572)', () => u.unet(0))));
  afterAll(() => void (m = undefined));

  it('31,030,658 params; 150.43 GMACs per 572×572 tile (recomputed from the paper’s figure)', () => {
    const paper = unetCost(572);
    expect(paper.out).toBe(388);
    expect(m!.params).toBe(paper.params);
    expect(m!.params).toBe(31_030_658);
    expect(m!.macs).toBe(paper.macs);
    expect(gmacs(m!, 2)).toBe('150.43');
  });

  it('summary shapes = type-level shapes at 572 (crops 4, 16, 40, 88)', () => {
    const row = summaryRows(m!, [u.tile], [u.segmentation]);
    expectSummaryShape(row, u.tile, [-1, 572, 572, 1]);
    expectSummaryShape(row, u.enc1, [-1, 568, 568, 64]);
    expectSummaryShape(row, u.enc2, [-1, 280, 280, 128]);
    expectSummaryShape(row, u.enc3, [-1, 136, 136, 256]);
    expectSummaryShape(row, u.enc4, [-1, 64, 64, 512]);
    expectSummaryShape(row, u.bottom, [-1, 28, 28, 1024]);
    expectSummaryShape(row, u.up4, [-1, 56, 56, 512]);
    expectSummaryShape(row, u.merge4, [-1, 56, 56, 1024]);
    expectSummaryShape(row, u.dec4, [-1, 52, 52, 512]);
    expectSummaryShape(row, u.up3, [-1, 104, 104, 256]);
    expectSummaryShape(row, u.merge3, [-1, 104, 104, 512]);
    expectSummaryShape(row, u.dec3, [-1, 100, 100, 256]);
    expectSummaryShape(row, u.up2, [-1, 200, 200, 128]);
    expectSummaryShape(row, u.merge2, [-1, 200, 200, 256]);
    expectSummaryShape(row, u.dec2, [-1, 196, 196, 128]);
    expectSummaryShape(row, u.up1, [-1, 392, 392, 64]);
    expectSummaryShape(row, u.merge1, [-1, 392, 392, 128]);
    expectSummaryShape(row, u.dec1, [-1, 388, 388, 64]);
    expectSummaryShape(row, u.segmentation, [-1, 388, 388, 2]);
  });

  it('the same blocks at 252×252 (572 − 16·20) run x=[1,252,252,1] → [1,68,68,2]', () => {
    const tile = input([252, 252, 1]);
    const enc1 = tile.apply(u.doubleConv(64));
    const enc2 = enc1.apply(u.pool).apply(u.doubleConv(128));
    const enc3 = enc2.apply(u.pool).apply(u.doubleConv(256));
    const enc4 = enc3.apply(u.pool).apply(u.doubleConv(512));
    const bottom = enc4.apply(u.pool).apply(u.doubleConv(1024));
    const merge4 = concat([enc4.cropping2d({ cropping: 4 }), bottom.apply(u.upConv(512))]);
    const dec4 = merge4.apply(u.doubleConv(512));
    const merge3 = concat([enc3.cropping2d({ cropping: 16 }), dec4.apply(u.upConv(256))]);
    const dec3 = merge3.apply(u.doubleConv(256));
    const merge2 = concat([enc2.cropping2d({ cropping: 40 }), dec3.apply(u.upConv(128))]);
    const dec2 = merge2.apply(u.doubleConv(128));
    const merge1 = concat([enc1.cropping2d({ cropping: 88 }), dec2.apply(u.upConv(64))]);
    const dec1 = merge1.apply(u.doubleConv(64));
    const segmentation = dec1.conv2d({ filters: 2, kernel: 1 });
    const small = timed('unet build (252)', () => model(tile, segmentation, { seed: 0 }));

    const row = summaryRows(small, [tile], [segmentation]);
    expectSummaryShape(row, enc1, [-1, 248, 248, 64]);
    expectSummaryShape(row, enc2, [-1, 120, 120, 128]);
    expectSummaryShape(row, enc3, [-1, 56, 56, 256]);
    expectSummaryShape(row, enc4, [-1, 24, 24, 512]);
    expectSummaryShape(row, bottom, [-1, 8, 8, 1024]);
    expectSummaryShape(row, merge4, [-1, 16, 16, 1024]);
    expectSummaryShape(row, merge3, [-1, 24, 24, 512]);
    expectSummaryShape(row, merge2, [-1, 40, 40, 256]);
    expectSummaryShape(row, merge1, [-1, 72, 72, 128]);
    expectSummaryShape(row, segmentation, [-1, 68, 68, 2]);
    const paper = unetCost(252);
    expect(small.params).toBe(m!.params); // weights do not depend on the input size
    expect(small.macs).toBe(paper.macs);
    expect(paper.out).toBe(68);

    const y = timed('unet run (252)', () => small.run(image(252, 252, 1)));
    expectTypeOf(y.shape).toEqualTypeOf<readonly [1, 68, 68, 2]>();
    expect(y.shape).toEqual([1, 68, 68, 2]);
    expectLive(y.data);
  });
});
