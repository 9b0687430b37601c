/**
 * The run part of the playground in headless Chromium (Debian's package, --no-sandbox), on the standalone page
 * playground/run/dev.html built by playground/run/build.ts into a temporary folder and served on 127.0.0.1
 * with COOP/COEP (cross-origin isolated) and, for the fallback, without:
 * - the page is cross-origin isolated and its WebAssembly backend runs two threads (one without isolation);
 * - mouse strokes of a "7" and of a "0" on the digit pad make 7 and 0 the top bar (the bars update while
 *   the stroke is still being drawn);
 * - the gallery's LeNet and AlexNet, a model typed into the editor, and the upscaler run in the page and give the output
 *   of the same source run in Node from src/ (relErr ≤ 1e-4, test/model/helpers.ts);
 * - the digit model's first-run and median run times in the page are measured and printed.
 * Screenshots of each state go to test/.cache/playground-run/. Skipped, with the reason in its name, where
 * there is no Chromium.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRun } from '../../playground/run/build.js';
import type { DigitPad, RunPanel, RunResult } from '../../playground/run/index.js';
import { randomData } from '../../playground/run/input.js';
import { runnableModel, exampleShape } from '../../playground/run/runnable.js';
import { serveStatic, type StaticServer } from '../../playground/run/serve.js';
import { rewriteSpecifiers, type LibraryEntry } from '../../playground/run/specifiers.js';
import { tensor } from '../../src/index.js';
import { relErr, TOLERANCE } from '../model/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const skipped = haveChromium ? '' : ` (SKIPPED: no ${CHROMIUM} on this machine)`;
if (!haveChromium) console.warn(`test/playground/run-page: skipped, ${CHROMIUM} not found`);

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'test/.cache/playground-run');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The library entry files the Node side resolves `'convtype'` imports to. */
const ENTRY_FILES: Record<LibraryEntry, string> = {
  index: 'src/index.ts', safetensors: 'src/io/safetensors-entry.ts', pytorch: 'src/io/pytorch-entry.ts', tfjs: 'src/io/tfjs-entry.ts', onnx: 'src/onnx/index.ts',
};

interface PageRun {
  entry: string;
  input: { shape: number[]; data: number[] };
  output: { shape: number[]; data: number[] };
  firstMs: number;
  medianMs: number;
  repeats: number;
  backend: { name: string; threads: number; shared: boolean; crossOriginIsolated: boolean; failures: string[] };
}

/** A small model typed into the editor (not a gallery entry): the run must use the editor's text. */
const TYPED_SOURCE = `import { input, model } from 'convtype';
const x = input([12, 12, 2]);
const y = x.conv2d({ filters: 5, kernel: 3, stride: 2, padding: 'same' }).relu().globalAvgPool2d().dense({ units: 4 }).softmax();
export default model(x, y, { seed: 11 });
`;

describe.skipIf(!haveChromium)(`the run panel and the digit pad in headless Chromium${skipped}`, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'convtype-run-'));
  const out = join(tmp, 'site');
  let isolated: StaticServer;
  let plain: StaticServer;
  let browser: Browser;
  let page: Page;
  const log: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await buildRun({ outDir: out });
    isolated = await serveStatic(out, { isolated: true });
    plain = await serveStatic(out, { isolated: false });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    page = await open(isolated);
  });

  afterAll(async () => {
    await browser?.close();
    await isolated?.close();
    await plain?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  async function open(server: StaticServer): Promise<Page> {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    p.on('console', (m) => log.push(`console.${m.type()}: ${m.text()}`));
    p.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
    await p.goto(`${server.origin}/dev.html`);
    await p.waitForFunction(() => (window as unknown as { convtypeRun?: unknown }).convtypeRun !== undefined, null, { timeout: 15_000 });
    await p.evaluate(() => (window as unknown as { convtypeRun: { pad: Promise<unknown> } }).convtypeRun.pad);
    return p;
  }

  /** Presses Run in `p` (after selecting `entry` in the gallery, if given) and returns what the panel measured. */
  async function runEntry(p: Page, entry?: string): Promise<PageRun> {
    if (entry) {
      await p.click(`[aria-label="Gallery"] button[data-entry="${entry}"]`);
      await p.waitForFunction((id) => (document.querySelector('#editor') as HTMLTextAreaElement).value.includes(id === 'upscaler' ? 'createModel' : 'export default'), entry);
    }
    const result = await p.evaluate(async () => {
      const panel = (window as unknown as { convtypeRun: { panel: RunPanel } }).convtypeRun.panel;
      const r: RunResult = await panel.run();
      return {
        entry: r.entry, firstMs: r.firstMs, medianMs: r.medianMs, repeats: r.repeatMs.length, backend: r.backend,
        input: { shape: [...r.input.shape], data: Array.from(r.input.data) },
        output: { shape: [...r.output.shape], data: Array.from(r.output.data) },
      };
    }).catch((e: Error) => {
      throw new Error(`${e.message}\n${log.join('\n')}`);
    });
    return result as PageRun;
  }

  /** The same source's model in Node, from src/ (its 'convtype' imports rewritten to the entry files). */
  async function nodeModel(name: string, source: string, weights?: Uint8Array) {
    const dir = join(ROOT, 'test/.cache/playground-run/node');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}.ts`);
    writeFileSync(file, rewriteSpecifiers(source, (e) => pathToFileURL(join(ROOT, ENTRY_FILES[e])).href));
    return runnableModel((await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>, weights);
  }

  /** Draws a polyline of canvas points (0–280) on the pad with the mouse; `before` runs before the button is released. */
  async function stroke(points: readonly (readonly [number, number])[], before?: () => Promise<void>, steps = 12): Promise<void> {
    const box = (await page.locator('canvas.ct-digit-pad').boundingBox())!;
    const at = ([x, y]: readonly [number, number]) => [box.x + (x * box.width) / 280, box.y + (y * box.height) / 280] as const;
    await page.mouse.move(...at(points[0]!));
    await page.mouse.down();
    for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps });
    await before?.();
    await page.mouse.up();
  }

  /** The digit whose bar is highlighted, once the bars have settled after the last stroke, and all bar values. */
  async function bars(): Promise<{ top: number; values: number[] }> {
    await page.waitForTimeout(100); // two animation frames
    return page.evaluate(() => {
      const values = Array.from(document.querySelectorAll('[aria-label="Predictions"] [role="meter"]')).map((m) => Number(m.getAttribute('aria-valuenow')));
      const top = document.querySelector('[aria-label="Predictions"] li.ct-digit-top') as HTMLElement | null;
      return { top: top ? Number(top.dataset.digit) : -1, values };
    });
  }

  it('the isolated page runs the WebAssembly backend on two threads; without COOP/COEP on one', async () => {
    const r = await runEntry(page, 'lenet');
    expect(r.backend.crossOriginIsolated).toBe(true);
    expect(r.backend.name).toBe('wasm');
    expect(r.backend.shared).toBe(true);
    expect(r.backend.threads, `threads (failures: ${r.backend.failures.join('; ')})`).toBe(2);
    const p = await open(plain);
    try {
      const q = await runEntry(p, 'lenet');
      expect(q.backend.crossOriginIsolated).toBe(false);
      expect(q.backend.threads).toBe(1);
      expect(relErr(q.output.data, r.output.data)).toBeLessThanOrEqual(TOLERANCE);
      await p.screenshot({ path: join(SHOTS, 'not-isolated-lenet.png') });
    } finally {
      await p.close();
    }
  });

  it('strokes of a "7" make 7 the top bar, and the bars update while the stroke is drawn', async () => {
    await page.click('[aria-label="Digit"] button');
    let midStroke: number[] = [];
    // A top bar, then the downstroke slanting left, as a 7 is written.
    await stroke([[70, 50], [205, 50], [195, 90], [150, 170], [125, 235]], async () => {
      midStroke = (await bars()).values;
    });
    expect(midStroke.reduce((a, b) => a + b, 0), 'bars before the mouse button is released').toBeCloseTo(1, 3);
    const { top, values } = await bars();
    await page.locator('[aria-label="Digit"]').screenshot({ path: join(SHOTS, 'digit-7.png') });
    console.log(`digit pad "7": bars ${values.map((v) => v.toFixed(3)).join(' ')}`);
    expect(top).toBe(7);
  });

  it('strokes of a "0" make 0 the top bar', async () => {
    await page.click('[aria-label="Digit"] button');
    expect((await bars()).top).toBe(-1);
    const loop = Array.from({ length: 25 }, (_, i) => [140 + 62 * Math.sin((2 * Math.PI * i) / 24), 140 - 95 * Math.cos((2 * Math.PI * i) / 24)] as const);
    await stroke(loop, undefined, 3);
    const { top, values } = await bars();
    await page.locator('[aria-label="Digit"]').screenshot({ path: join(SHOTS, 'digit-0.png') });
    console.log(`digit pad "0": bars ${values.map((v) => v.toFixed(3)).join(' ')}`);
    expect(top).toBe(0);
  });

  it('the gallery\'s LeNet (trained weights, seeded random input) gives the Node run of the same source within 1e-4', async () => {
    const r = await runEntry(page, 'lenet');
    const source = readFileSync(join(out, 'gallery/lenet.ts'), 'utf8');
    const m = await nodeModel('lenet', source, new Uint8Array(readFileSync(join(out, 'assets/lenet.safetensors'))));
    const shape = exampleShape(m);
    expect(r.input.shape).toEqual(shape);
    expect(r.input.data).toEqual(Array.from(randomData(28 * 28, 1)));
    const y = m.run(tensor(shape, Float32Array.from(r.input.data)));
    expect(r.output.shape).toEqual([...y.shape]);
    const err = relErr(r.output.data, y.data);
    console.log(`run panel LeNet: relErr vs Node ${err.toExponential(2)}; first run ${r.firstMs.toFixed(2)} ms, median ${r.medianMs.toFixed(3)} ms over ${r.repeats}`);
    expect(err).toBeLessThanOrEqual(TOLERANCE);
    await page.screenshot({ path: join(SHOTS, 'gallery-lenet.png') });
  });

  it('the gallery\'s AlexNet (seeded random weights, 61 M params) gives the Node run of the same source within 1e-4', async () => {
    const r = await runEntry(page, 'alexnet');
    expect(r.output.shape).toEqual([1, 1000]);
    const m = await nodeModel('alexnet', readFileSync(join(out, 'gallery/alexnet.ts'), 'utf8'));
    const y = m.run(tensor([1, 227, 227, 3], randomData(227 * 227 * 3, 1)));
    // Softmax outputs near 1/1000: relErr's floor of 1 would hide differences, so scale by the largest output.
    const scale = Math.max(...y.data);
    const err = r.output.data.reduce((m, v, i) => Math.max(m, Math.abs(v - y.data[i]!)), 0) / scale;
    console.log(`run panel AlexNet: max|page − Node| / max(Node) ${err.toExponential(2)}; first run ${r.firstMs.toFixed(0)} ms, median ${r.medianMs.toFixed(1)} ms over ${r.repeats}`);
    expect(err).toBeLessThanOrEqual(TOLERANCE);
    await page.screenshot({ path: join(SHOTS, 'gallery-alexnet.png') });
  });

  it('Run uses the editor\'s current text: a model typed in gives the Node run of that text within 1e-4', async () => {
    await page.fill('#editor', TYPED_SOURCE);
    const r = await runEntry(page);
    expect(r.output.shape).toEqual([1, 4]);
    const m = await nodeModel('typed', TYPED_SOURCE);
    const y = m.run(tensor([1, 12, 12, 2], randomData(12 * 12 * 2, 1)));
    expect(relErr(r.output.data, y.data)).toBeLessThanOrEqual(TOLERANCE);
    // A mistake in the text is reported in the panel, not thrown away.
    await page.fill('#editor', TYPED_SOURCE.replace('export default model(x, y, { seed: 11 });', 'export const net = model(x, y);'));
    await expect(runEntry(page)).rejects.toThrow('playground: the module has no default export (got exports net, expected `export default` a model or a function returning one)');
    expect(await page.textContent('[aria-label="Run"] [role="status"]')).toContain('has no default export');
    await page.screenshot({ path: join(SHOTS, 'typed-source-error.png') });
  });

  it('the upscaler (convtype import of @upscalerjs/default-model) upscales the image as the Node run does, within 1e-4', async () => {
    const r = await runEntry(page, 'upscaler');
    expect(r.input.shape).toEqual([1, 64, 64, 3]);
    expect(r.output.shape).toEqual([1, 128, 128, 3]);
    const source = readFileSync(join(out, 'gallery/upscaler.ts'), 'utf8');
    const m = await nodeModel('upscaler', source, new Uint8Array(readFileSync(join(out, 'assets/upscaler.safetensors'))));
    const y = m.run(tensor([1, 64, 64, 3], Float32Array.from(r.input.data)));
    const err = relErr(r.output.data, y.data);
    console.log(`run panel upscaler: relErr vs Node ${err.toExponential(2)}; first run ${r.firstMs.toFixed(0)} ms, median ${r.medianMs.toFixed(0)} ms over ${r.repeats}`);
    expect(err).toBeLessThanOrEqual(TOLERANCE);
    // The image is a real picture (not blank) and the output keeps it: mean within 10 grey levels of the input's.
    const mean = (d: number[]) => d.reduce((a, b) => a + b, 0) / d.length;
    expect(mean(r.input.data)).toBeGreaterThan(20);
    expect(Math.abs(mean(r.output.data) - mean(r.input.data))).toBeLessThan(10);
    await page.screenshot({ path: join(SHOTS, 'gallery-upscaler.png'), fullPage: true });
  });

  it('times the digit model in a fresh page: first run and median of 200 runs', async () => {
    const p = await open(isolated);
    try {
      const t = await p.evaluate(async () => {
        const pad = await (window as unknown as { convtypeRun: { pad: Promise<DigitPad> } }).convtypeRun.pad;
        return pad.time(200);
      });
      console.log(`digit model in the page (LeNet, batch 1, wasm 2 threads): first run ${t.firstMs.toFixed(2)} ms, median ${t.medianMs.toFixed(3)} ms over ${t.runs} runs`);
      expect(t.runs).toBe(200);
      expect(t.medianMs).toBeGreaterThan(0);
      expect(t.firstMs).toBeGreaterThanOrEqual(t.medianMs * 0.5);
    } finally {
      await p.close();
    }
  });
});
