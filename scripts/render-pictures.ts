/**
 * Writes the pictures in docs/pictures/: ResNet-50, U-Net and GoogLeNet from their built models (`toSvg`, with
 * params and MACs), U-Net on a 570 tile from the type checker (`convtype graph`, its shape error in red), and PNGs
 * of the two embedded ones rendered by headless Chromium when /usr/bin/chromium exists (for the README and a person to look at).
 *
 *     npx tsx scripts/render-pictures.ts
 */
import { existsSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { googlenet } from '../examples/googlenet.js';
import { resnet50 } from '../examples/resnet50.js';
import { unet } from '../examples/unet.js';
import { main } from '../src/cli/main.js';
import { toSvg } from '../src/picture/index.js';

const out = new URL('../docs/pictures/', import.meta.url);
const written: string[] = [];
for (const [name, build, title] of [
  ['resnet50', resnet50, 'ResNet-50 at 224×224 (toSvg(model))'],
  ['unet', unet, 'U-Net at 572×572 (toSvg(model))'],
  ['googlenet', googlenet, 'GoogLeNet at 224×224 (toSvg(model))'],
] as const) {
  writeFileSync(new URL(`${name}.svg`, out), await toSvg(build(), { title }));
  written.push(name);
}
const silent = { write: () => true };
await main(['graph', 'test/diagnostics/fixtures/zoo-unet-570.ts', '--svg', 'docs/pictures/unet-570-error.svg', '--title', 'U-Net on a 570 tile: convtype graph (type checker, no run)'], { stdout: silent, stderr: silent });
written.push('unet-570-error');

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM)) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ deviceScaleFactor: 1.5 });
  // PNGs only of the pictures the README and docs/pictures.md embed (the tall U-Net and GoogLeNet stay SVG).
  for (const name of ['resnet50', 'unet-570-error']) {
    await page.goto(new URL(`${name}.svg`, out).href);
    const svg = page.locator('svg');
    await svg.screenshot({ path: new URL(`${name}.png`, out).pathname });
  }
  await browser.close();
}
console.log(`render-pictures: ${written.map((n) => `docs/pictures/${n}.svg`).join(', ')}${existsSync(CHROMIUM) ? ' (+ .png)' : ''}`);
