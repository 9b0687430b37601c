/**
 * The gallery's TypeScript sources, made at build time in Node: an example file of examples/ with its
 * `'../src/index.js'` imports pointed at `'convtype'` and a default export appended (the convention of
 * runnable.ts), and the upscaler as `convtype import` generates it from the pinned `@upscalerjs/default-model`
 * (test/setup/real-models.ts fetches it with `npm pack`), with `export default createModel` appended.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import { realModelDir } from '../../test/setup/real-models.js';
import type { GalleryId } from './gallery.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** The example file of each seed network, and the lines that make its default export. */
const EXAMPLES: Record<Exclude<GalleryId, 'upscaler'>, { readonly file: string; readonly footer: string }> = {
  lenet: {
    file: 'examples/lenet.ts',
    footer: [
      '// The playground runs the default export: the LeNet with the PyTorch-trained weights it is passed',
      '// (test/fixtures/lenet/lenet.safetensors, PyTorch names and layouts).',
      "import { readSafetensors } from 'convtype/safetensors';",
      "import { loadPyTorchWeights } from 'convtype/pytorch';",
      'export default function trained(weights: Uint8Array) {',
      '  const net = lenet();',
      '  loadPyTorchWeights(net, readSafetensors(weights).tensors);',
      '  return net;',
      '}',
    ].join('\n'),
  },
  alexnet: { file: 'examples/alexnet.ts', footer: '// The playground runs the default export (called with no argument: seed 0).\nexport default alexnet;' },
  resnet50: { file: 'examples/resnet50.ts', footer: '// The playground runs the default export (called with no argument: seed 0).\nexport default resnet50;' },
  unet: { file: 'examples/unet.ts', footer: '// The playground runs the default export (called with no argument: seed 0).\nexport default unet;' },
  mobilenet: { file: 'examples/mobilenet-v1.ts', footer: '// The playground runs the default export (called with no argument: seed 0).\nexport default mobilenetV1;' },
};

/** The gallery source of a seed network (examples/*.ts, imports from `'convtype'`, default export added). */
export function exampleSource(id: Exclude<GalleryId, 'upscaler'>): string {
  const { file, footer } = EXAMPLES[id];
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = text.replace(/from '\.\.\/src\/index\.js'/g, "from 'convtype'");
  if (/from '\.\.?\//.test(source)) throw new Error(`gallery: ${file} imports a relative module; the playground resolves only 'convtype'`);
  return `${source.trimEnd()}\n\n${footer}\n`;
}

/** The upscaler's input size in the page (the image is resized to it; the output is twice as large). */
export const UPSCALER_INPUT = [64, 64, 3] as const;

/**
 * Writes the upscaler's gallery source to `galleryDir/upscaler.ts` and its weights to
 * `assetsDir/upscaler.safetensors` (`convtype import`, in this process), and the package's own test image to
 * `assetsDir/upscaler-input.png` (128×128; the page resizes it to the model's input). Returns the source.
 */
export async function writeUpscaler(galleryDir: string, assetsDir: string): Promise<string> {
  const pkg = realModelDir('@upscalerjs/default-model');
  mkdirSync(galleryDir, { recursive: true });
  mkdirSync(assetsDir, { recursive: true });
  const out = join(galleryDir, 'upscaler.ts');
  let stderr = '';
  const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: ROOT };
  const code = await main(['import', join(pkg, 'models/model.json'), '--out', out, '--weights', join(assetsDir, 'upscaler.safetensors'), '--input', UPSCALER_INPUT.join('x')], io);
  if (code !== 0) throw new Error(`gallery: convtype import of the upscaler failed (exit ${code}): ${stderr}`);
  const source = `${readFileSync(out, 'utf8').trimEnd()}\n\n// The playground runs the default export, passing it the bytes of upscaler.safetensors.\nexport default createModel;\n`;
  writeFileSync(out, source);
  copyFileSync(join(pkg, 'assets/fixture.png'), join(assetsDir, 'upscaler-input.png'));
  return source;
}
