/**
 * U-Net (Ronneberger, Fischer & Brox, 2015), the paper's Figure 1: a 572×572×1 tile → a 388×388×2 output
 * map. Contracting path: four steps of two unpadded ('valid') 3×3 convs + relu, then a 2×2 max pool (64, 128,
 * 256, 512 channels), and two 3×3 convs with 1024 channels at the bottom. Expanding path: four steps of a 2×2
 * up-convolution (`conv2dTranspose`, kernel 2, stride 2) halving the channels, concatenation with the
 * correspondingly CROPPED feature map of the contracting path, and two 3×3 convs + relu; a final 1×1 conv to 2
 * classes. 31,030,658 parameters (conv and up-conv weights and biases) and 150,428,424,448 MACs (150.4 GMACs) per
 * 572×572 tile.
 *
 * Conventions: the crop amounts are computed for the 572 input and written as literals (cropping2d removes
 * them on every side): 64 → 56 (4), 136 → 104 (16), 280 → 200 (40), 568 → 392 (88). They are the same for
 * every input size the network accepts (572 − 16k, output 388 − 16k: the differences do not depend on k), and
 * wrong for any other size: at 570 the first concat fails to compile, with both shapes in the message
 * (test/diagnostics/fixtures/zoo-unet-570.ts). Concatenation order is `[skip, upsampled]` (the paper's
 * figure; most ports do the same). The paper's dropout at the end of the contracting path (training only)
 * is left out. NHWC; the output is per-pixel logits (the paper's softmax is part of its loss).
 *
 * The blocks are written once, as plain generic functions — `doubleConv(filters)` and `upConv(filters)`, no
 * spec types — and applied at every level; `concat` checks each crop-and-concat skip. Every
 * `// shape:` comment is what the type checker computes.
 */
import { concat, conv2d, conv2dTranspose, input, maxPool2d, model, relu, sequential } from '../src/index.js';

/** Two unpadded 3×3 convs, each followed by relu: H → H − 4. */
export function doubleConv<const Filters extends number>(filters: Filters) {
  return sequential(conv2d({ filters, kernel: 3 }), relu(), conv2d({ filters, kernel: 3 }), relu());
}

/** The 2×2 up-convolution: H → 2H, `filters` channels. */
export function upConv<const Filters extends number>(filters: Filters) {
  return conv2dTranspose({ filters, kernel: 2, stride: 2 });
}

/** 2×2 max pool, stride 2. */
export const pool = maxPool2d({ size: 2 });

export const tile = input([572, 572, 1], { name: 'tile' });
// shape: readonly [number, 572, 572, 1]

// Contracting path.
export const enc1 = tile.apply(doubleConv(64));
// shape: readonly [number, 568, 568, 64]
export const enc2 = enc1.apply(pool).apply(doubleConv(128));
// shape: readonly [number, 280, 280, 128]
export const enc3 = enc2.apply(pool).apply(doubleConv(256));
// shape: readonly [number, 136, 136, 256]
export const enc4 = enc3.apply(pool).apply(doubleConv(512));
// shape: readonly [number, 64, 64, 512]
export const bottom = enc4.apply(pool).apply(doubleConv(1024));
// shape: readonly [number, 28, 28, 1024]

// Expanding path: up-conv, crop the skip to the same size, concatenate, two convs.
export const up4 = bottom.apply(upConv(512));
// shape: readonly [number, 56, 56, 512]
export const merge4 = concat([enc4.cropping2d({ cropping: 4 }), up4]);
// shape: readonly [number, 56, 56, 1024]          64 − 2·4 = 56
export const dec4 = merge4.apply(doubleConv(512));
// shape: readonly [number, 52, 52, 512]
export const up3 = dec4.apply(upConv(256));
// shape: readonly [number, 104, 104, 256]
export const merge3 = concat([enc3.cropping2d({ cropping: 16 }), up3]);
// shape: readonly [number, 104, 104, 512]         136 − 2·16 = 104
export const dec3 = merge3.apply(doubleConv(256));
// shape: readonly [number, 100, 100, 256]
export const up2 = dec3.apply(upConv(128));
// shape: readonly [number, 200, 200, 128]
export const merge2 = concat([enc2.cropping2d({ cropping: 40 }), up2]);
// shape: readonly [number, 200, 200, 256]         280 − 2·40 = 200
export const dec2 = merge2.apply(doubleConv(128));
// shape: readonly [number, 196, 196, 128]
export const up1 = dec2.apply(upConv(64));
// shape: readonly [number, 392, 392, 64]
export const merge1 = concat([enc1.cropping2d({ cropping: 88 }), up1]);
// shape: readonly [number, 392, 392, 128]         568 − 2·88 = 392
export const dec1 = merge1.apply(doubleConv(64));
// shape: readonly [number, 388, 388, 64]
export const segmentation = dec1.conv2d({ filters: 2, kernel: 1, name: 'logits' });
// shape: readonly [number, 388, 388, 2]

/** The runnable network (allocates its 31 M weights when called; one 572×572 tile is 150 GMACs). */
export const unet = (seed = 0) => model(tile, segmentation, { seed });
