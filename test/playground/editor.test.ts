/**
 * The playground's editor page in headless Chromium (Debian's package, --no-sandbox): a share link with a shape
 * mistake shows the sentence in Problems on the mistake's line; typing the fix in the editor clears it, Shapes
 * gains the fixed call's row and the graph is drawn. Screenshots of each state go to test/.cache/playground/.
 * Expected shapes and params are computed here from the formulas (SEMANTICS.md), not read from the page.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayground } from '../../playground/build.js';
import { servePlayground } from '../../playground/serve.js';
import { decodeShare, encodeShare } from '../../playground/src/share.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const skipped = haveChromium ? '' : ` (SKIPPED: no ${CHROMIUM} on this machine)`;
const shots = resolve('test/.cache/playground');

const SOURCE = `import { input } from 'convtype';

const x = input([227, 227, 3]);
const y = x
  .conv2d({ filters: 96, kernel: 11, stride: 4 })
  .relu()
  .maxPool2d({ size: 3, stride: 2 });
const z = y.conv2d({ filters: 256, kernel: 5, inChannels: 64 });
`;
const mistakeLine = SOURCE.split('\n').findIndex((l) => l.includes('inChannels: 64')) + 1;
const conv = (n: number, k: number, s: number, p = 0) => Math.floor((n + 2 * p - k) / s) + 1;
const afterPool = conv(conv(227, 11, 4), 3, 2);
const fixedShape = `[B, ${conv(afterPool, 5, 1)}, ${conv(afterPool, 5, 1)}, 256]`;
const fixedParams = 5 * 5 * 96 * 256 + 256;

describe(`playground editor page${skipped}`, { timeout: 120_000 }, () => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; close: () => Promise<unknown> };

  beforeAll(async () => {
    if (!haveChromium) return;
    mkdirSync(shots, { recursive: true });
    const dir = await buildPlayground({ outDir: resolve('test/.cache/playground-site') });
    server = await servePlayground({ dir, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (e) => console.log('page error:', e.message));
    page.on('console', (m) => { if (m.type() === 'error') console.log('page console:', m.text()); });
  }, 120_000);
  afterAll(async () => { await browser?.close(); await server?.close(); });

  it('share links round-trip UTF-8 source through base64url', () => {
    const text = 'const µ = "→ [B, 55, 55, 96]"; // ✓';
    const code = encodeShare(text);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeShare(`#code=${code}`)).toBe(text);
    expect(decodeShare('#nothing')).toBeNull();
  });

  it.skipIf(!haveChromium)('a share link with a mistake shows the sentence on its line; typing the fix updates Problems, Shapes and the graph', async () => {
    const t0 = Date.now();
    await page.goto(`${server.url}#code=${encodeShare(SOURCE)}`);
    const problems = page.getByLabel('Problems', { exact: true });
    await expect.poll(() => problems.locator('li').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    console.log(`playground: load → first diagnostic ${Date.now() - t0} ms`);
    const first = await problems.locator('li').allTextContents();
    expect(first.length).toBe(1);
    expect(first[0]).toMatch(new RegExp(`^${mistakeLine}:\\d+ conv2d: inChannels 64 `)); // the sentence itself, not "Type … is not assignable"

    expect(first[0]).toContain('96');
    const rows = page.getByLabel('Shapes', { exact: true }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(5); // input, conv2d, relu, maxPool2d and the rejected conv2d
    expect(await rows.nth(3).locator('td').nth(2).textContent()).toBe(`[B, ${afterPool}, ${afterPool}, 96]`);
    const svg = page.locator('#graph svg[aria-label="Graph"]');
    await expect.poll(() => svg.count(), { timeout: 30_000 }).toBe(1);
    expect(await svg.textContent()).toContain('inChannels 64'); // the rejected call's edge carries the sentence
    await page.screenshot({ path: join(shots, '1-mistake.png') });

    // Fix it as a user would: click the line, go to after "64" (4 left of the end: " });"), delete it, type 96.
    await page.locator('.cm-line', { hasText: 'inChannels: 64' }).click();
    await page.keyboard.press('End');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('96', { delay: 30 });
    await expect.poll(() => problems.locator('li').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => rows.count()).toBe(5);
    const last = await rows.nth(4).locator('td').allTextContents();
    expect(last[0]).toBe(`${mistakeLine}:13`);
    expect(last[1]).toContain('conv2d({ filters: 256');
    expect(last[2]).toBe(fixedShape);
    expect(last[3].replace(/,/g, '')).toBe(String(fixedParams));
    await expect.poll(() => svg.textContent(), { timeout: 30_000 }).not.toContain('inChannels 64 does');
    expect(await svg.textContent()).toContain(fixedShape.replace('B', 'B'));
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash)), { timeout: 5_000 }).toBe(`#code=${encodeShare(SOURCE.replace('inChannels: 64', 'inChannels: 96'))}`);
    await page.screenshot({ path: join(shots, '2-fixed.png') });

    // Hover on `z` shows its resolved shape; typing `z.` offers the layer methods.
    const dims = fixedShape.replace('B', 'number').slice(1, -1);
    const at = await page.evaluate(() => {
      const line = Array.from(document.querySelectorAll('.cm-line')).find((l) => l.textContent!.startsWith('const z'))!;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf('z');
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      return null;
    });
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x, at!.y);
    await expect.poll(() => page.locator('.cm-hover').textContent(), { timeout: 20_000 }).toContain(dims);
    await page.keyboard.press('Control+End');
    await page.keyboard.type('z.', { delay: 30 });
    await expect.poll(() => page.locator('.cm-tooltip-autocomplete li').allTextContents(), { timeout: 20_000 }).toContain('maxPool2d');
    await page.screenshot({ path: join(shots, '3-hover-complete.png') });
  });
});
