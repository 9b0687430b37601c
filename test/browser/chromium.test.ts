/**
 * The browser bundle in headless Chromium (Debian's package, --no-sandbox): a page served on 127.0.0.1
 * imports dist/index.js as an ES module, builds the CNN of cnn.ts with weights made here, runs a batch of 2
 * and posts the output back; it must equal ONNX Runtime's output for the same model exported with `toOnnx`
 * (relErr ≤ 1e-4, the metric of test/model/helpers.ts). Served with COOP/COEP headers (cross-origin
 * isolated) and without them, on the plain-TS backend and on the WebAssembly one (two threads when isolated,
 * one otherwise; the page reports the backend's name and ready threads). A second page feeds a wrongly
 * shaped batch and must get a typed InputError with its sentence back, then still run. Skipped, with the
 * reason in its name, where there is no Chromium.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as convtype from '../../src/index.js';
import { toOnnx } from '../../src/onnx/index.js';
import { relErr, TOLERANCE } from '../model/helpers.js';
import { batchOf, randomizeWeights, runOrt } from '../onnx/helpers.js';
import { bundles } from './bundle.js';
import { buildCnn, CNN_INPUT, type CaseData, type PageResult } from './cnn.js';
import { startServer, type TestServer } from './server.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const skipped = haveChromium ? '' : ` (SKIPPED: no ${CHROMIUM} on this machine)`;
if (!haveChromium) console.warn(`test/browser: skipped, ${CHROMIUM} not found`);

/** Flags that keep Chromium quiet on a closed network. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAGE_MS = 15_000;

describe.skipIf(!haveChromium)(`headless Chromium runs the browser bundle${skipped}`, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'convtype-browser-'));
  const servers: Record<'isolated' | 'plain', TestServer> = {} as never;
  let browser: BrowserContext;
  let reference: Float32Array;
  let runs = 0;

  beforeAll(async () => {
    const m = buildCnn(convtype);
    randomizeWeights(m, 5);
    const x = batchOf(m.inputShape, 2, 6);
    const weights = Object.fromEntries(Object.entries(m.weights).map(([k, t]) => [k, { shape: [...t.shape], data: Array.from(t.data) }]));
    const caseData: CaseData = { input: { shape: x.shape, data: Array.from(x.data) }, weights };
    const [ort] = await runOrt(toOnnx(m), { input: x }, 'disabled');
    expect(ort!.dims).toEqual([2, 10]);
    reference = ort!.data;

    const built = await bundles(tmp);
    console.log(`browser: library bundle ${built.reused ? 'reused from dist/ (newer than src/)' : `built into ${built.dist}`}`);
    const routes = { html: resolve(import.meta.dirname, 'page.html'), script: built.script, dist: built.dist, caseJson: JSON.stringify(caseData) };
    servers.isolated = await startServer(routes, true);
    servers.plain = await startServer(routes, false);
    browser = await chromium.launchPersistentContext(join(tmp, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await servers.isolated?.close();
    await servers.plain?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Opens the page with `query` on one of the servers and returns what it posts. */
  async function open(server: 'isolated' | 'plain', query: string): Promise<PageResult> {
    const id = String(++runs);
    const page = await browser.newPage();
    const log: string[] = [];
    page.on('console', (m) => log.push(`console.${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
    try {
      await page.goto(`${servers[server].origin}/page.html?${query}&run=${id}`);
      const result = (await servers[server].result(id, PAGE_MS).catch((e: Error) => {
        throw new Error(`${e.message}\n${log.join('\n')}`);
      })) as PageResult;
      expect(result.failure, `the page failed:\n${log.join('\n')}`).toBeUndefined();
      return result;
    } finally {
      await page.close();
    }
  }

  function expectReference(result: PageResult, config: string): number {
    expect(result.output?.shape, config).toEqual([2, 10]);
    const err = relErr(result.output!.data, reference);
    console.log(`browser ${config}: relErr vs ONNX Runtime = ${err.toExponential(2)}`);
    expect(err, config).toBeLessThanOrEqual(TOLERANCE);
    return err;
  }

  /** What each page must report: the backend's name, and the threads it runs (two only when isolated). */
  const RUNS = [
    { backend: 'js', server: 'isolated', threads: 1 },
    { backend: 'js', server: 'plain', threads: 1 },
    { backend: 'wasm', server: 'plain', threads: 1 },
    { backend: 'wasm', server: 'isolated', threads: 2 },
  ] as const;
  /** Runs of the batch per page: threads that race show as a run that differs. */
  const REPEAT = 50;
  /** The one-thread WebAssembly output, which the two-thread one must equal bit for bit. */
  let wasmOneThread: number[] | undefined;

  it.each(RUNS)('backend=$backend, $server page ($threads thread(s)): output equals ONNX Runtime within 1e-4', async (run) => {
    const result = await open(run.server, `case=model&backend=${run.backend}&repeat=${REPEAT}`);
    const config = `backend=${run.backend} ${run.server}`;
    expect(result.crossOriginIsolated, config).toBe(run.server === 'isolated');
    expect(result.backend, config).toBe(run.backend);
    expect(result.threads, `${config}: threads ready (${result.wasm?.failures.join('; ') ?? ''})`).toBe(run.threads);
    if (run.backend === 'wasm') {
      expect(result.wasm?.shared, `${config}: shared memory`).toBe(run.server === 'isolated');
      console.log(`browser ${config}: relaxed SIMD build ${result.wasm?.relaxed}`);
    }
    expectReference(result, config);
    const runs = [result.output!.data, ...result.repeats!];
    expect(runs.length).toBe(REPEAT);
    const differing = runs.flatMap((data, i) => (data.every((v, j) => Object.is(v, result.output!.data[j])) ? [] : [i + 1]));
    const worst = Math.max(...runs.map((data) => relErr(data, reference)));
    console.log(`browser ${config}: ${REPEAT} runs, worst relErr ${worst.toExponential(2)}, runs differing from the first: ${differing.length}`);
    expect(differing, `${config}: runs whose output differs from run 1 (worst relErr ${worst})`).toEqual([]);
    if (run.backend === 'wasm' && run.threads === 1) wasmOneThread = result.output!.data;
    if (run.backend === 'wasm' && run.threads > 1 && wasmOneThread) {
      expect(result.output!.data, `${config}: same bits as one thread`).toEqual(wasmOneThread);
    }
  });

  it.each(['js', 'wasm'])('backend=%s: a wrongly shaped batch gives a typed InputError with its sentence, and the model still runs', async (backend) => {
    const result = await open('plain', `case=bad-input&backend=${backend}`);
    const [h, w, c] = CNN_INPUT;
    expect(result.thrown).toEqual({
      name: 'InputError',
      message: `model.run: input shape does not fit the model (got [2, ${h - 4}, ${w - 4}, ${c}], expected [B, ${h}, ${w}, ${c}])`,
      isInputError: true,
      isConvtypeError: true,
    });
    expectReference(result, `backend=${backend} after the bad input`);
  });
});
