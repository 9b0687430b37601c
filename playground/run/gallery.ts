/**
 * The example gallery: the seed's networks (examples/*.ts, imports pointed at `'convtype'`, a default export
 * added — see gallery-sources.ts) and the real upscaler of `@upscalerjs/default-model`, imported with
 * `convtype import`. The build writes each source to `gallery/<id>.ts` and each weights file or image to
 * `assets/`, next to run.js.
 */

export type GalleryId = 'lenet' | 'alexnet' | 'resnet50' | 'unet' | 'mobilenet' | 'upscaler';

/** What the run feeds the model. */
export type GalleryInput =
  /** Uniform [0, 1) values from the seed (input.ts), the shape the model's input has (batch 1). */
  | { readonly kind: 'random'; readonly seed: number }
  /** An image file, resized to the model's input in the page, RGB values 0–255 (the upscaler's range). */
  | { readonly kind: 'image'; readonly file: string };

export interface GalleryEntry {
  readonly id: GalleryId;
  readonly title: string;
  /** One line on what it is and what a run costs. */
  readonly about: string;
  readonly input: GalleryInput;
  /** A weights file under assets/, passed to the default export when it is a function. */
  readonly weights?: string;
}

export const GALLERY: readonly GalleryEntry[] = [
  {
    id: 'lenet', title: 'LeNet-5',
    about: 'LeNet-5 with the PyTorch-trained weights of test/fixtures/lenet (seven-segment digits): 61,738 params, 0.4 M MACs',
    input: { kind: 'random', seed: 1 }, weights: 'lenet.safetensors',
  },
  { id: 'alexnet', title: 'AlexNet', about: 'AlexNet at 227×227, seeded random weights: 61 M params, 0.7 G MACs', input: { kind: 'random', seed: 1 } },
  { id: 'resnet50', title: 'ResNet-50', about: 'ResNet-50 at 224×224, seeded random weights: 25.6 M params, 4.1 G MACs', input: { kind: 'random', seed: 1 } },
  { id: 'unet', title: 'U-Net', about: 'The original U-Net at 572×572 (150 G MACs: one run takes tens of seconds and about 1 GB)', input: { kind: 'random', seed: 1 } },
  { id: 'mobilenet', title: 'MobileNet v1', about: 'MobileNet v1 at 224×224, seeded random weights: 4.2 M params, 0.57 G MACs', input: { kind: 'random', seed: 1 } },
  {
    id: 'upscaler', title: 'Upscaler ×2',
    about: '@upscalerjs/default-model 1.0.0 (a Keras residual dense network) imported by `convtype import`: 64×64 → 128×128, 222,075 params, 0.9 G MACs',
    input: { kind: 'image', file: 'upscaler-input.png' }, weights: 'upscaler.safetensors',
  },
];

/** The entry named `id`. */
export function galleryEntry(id: string): GalleryEntry {
  const e = GALLERY.find((g) => g.id === id);
  if (!e) throw new Error(`playground: no gallery entry '${id}' (got '${id}', expected one of ${GALLERY.map((g) => g.id).join(', ')})`);
  return e;
}
