/**
 * The run panel: the gallery (a button per entry, which loads the entry's source into the editor through
 * the shell's `setSource`), a Run button that runs the model the editor's *current* source builds, and what
 * the run gives — time of the first run (which plans buffers and packs weights) and the median of the runs
 * after it, the threads that ran, the top outputs of a classifier or the statistics of any other output, and
 * for an image model its input and output side by side on canvases.
 *
 * The page's main thread runs the model (`model.run` is synchronous); the panel yields between runs so the
 * page repaints, and repeats a run only while the total stays under a time budget.
 */
import { model as libraryModel, tensor } from '../../src/index.js';
import { backendReport, pageBackend, type BackendReport } from './backend.js';
import { createEvaluator, type Evaluator } from './evaluate.js';
import { GALLERY, galleryEntry, type GalleryEntry, type GalleryId } from './gallery.js';
import { drawRgb, loadRgb } from './image.js';
import { randomData } from './input.js';
import { median, probabilities, stats, topK, type Ranked } from './outputs.js';
import { exampleShape, runnableModel } from './runnable.js';
import { transpile } from './transpile.js';
import { injectStyle } from './style.js';

export interface RunPanelOptions {
  /** The editor's current TypeScript source. */
  getSource(): string;
  /** Puts a gallery entry's source into the editor (without it the gallery only selects what a run feeds). */
  setSource?(source: string, entry: GalleryEntry): void;
  /** The editor's source as JavaScript (the shell's worker, `ts.transpileModule`); default: transpile.ts. */
  getCompiledJs?(): string | Promise<string>;
  /** The folder of run.js (gallery/, assets/, lib/, ts/ are under it). */
  readonly base: URL;
  /**
   * The entry selected at start; its source is loaded into the editor only when this is given (so a page that
   * opened a share link keeps its code). Default: 'lenet', selected without loading.
   */
  readonly initial?: GalleryId;
}

/** What one press of Run measured and produced (the tests read it through `RunPanel.lastResult`). */
export interface RunResult {
  readonly entry: GalleryId;
  readonly input: { readonly shape: readonly number[]; readonly data: Float32Array };
  readonly output: { readonly shape: readonly number[]; readonly data: Float32Array };
  readonly firstMs: number;
  /** Times of the runs after the first (may be empty for a slow model). */
  readonly repeatMs: readonly number[];
  readonly medianMs: number;
  readonly top: readonly Ranked[];
  readonly backend: BackendReport;
}

export interface RunPanel {
  readonly element: HTMLElement;
  /** The selected entry. */
  readonly entry: GalleryEntry;
  /** Selects an entry and (unless `load` is false) loads its source into the editor. */
  select(id: GalleryId, load?: boolean): Promise<void>;
  /** Runs the editor's source, as the Run button does; rejects with the error the panel shows. */
  run(): Promise<RunResult>;
  readonly lastResult: RunResult | undefined;
}

/** Milli-seconds of repeated runs after the first, at most (and at most MAX_REPEATS runs). */
const REPEAT_BUDGET_MS = 1500;
const MAX_REPEATS = 20;
/** A first run slower than this is not repeated. */
const NO_REPEAT_AFTER_MS = 3000;

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
const now = (): number => performance.now();
const ms = (t: number): string => (t >= 100 ? `${Math.round(t)} ms` : `${t.toFixed(t >= 10 ? 1 : 2)} ms`);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export function mountRunPanel(element: HTMLElement, options: RunPanelOptions): RunPanel {
  injectStyle();
  const { base } = options;
  const root = el('section', { class: 'ct-run', 'aria-label': 'Run' });
  const gallery = el('div', { class: 'ct-run-gallery', role: 'toolbar', 'aria-label': 'Gallery' });
  const about = el('p', { class: 'ct-run-about' });
  const runButton = el('button', { type: 'button', class: 'ct-run-button' }, 'Run');
  const status = el('span', { class: 'ct-run-status', role: 'status' });
  const timing = el('p', { class: 'ct-run-timing', 'aria-label': 'Timing' });
  const top = el('ol', { class: 'ct-run-top', 'aria-label': 'Top outputs' });
  const images = el('div', { class: 'ct-run-images', hidden: '' });
  const figure = (label: string) => {
    const f = el('figure');
    const c = el('canvas', { 'aria-label': label });
    f.append(c, el('figcaption', {}, label));
    images.append(f);
    return c;
  };
  const inputCanvas = figure('input');
  const outputCanvas = figure('output (×2)');
  root.append(gallery, about, el('div', { class: 'ct-run-bar' }), timing, top, images);
  root.querySelector('.ct-run-bar')!.append(runButton, status);
  element.append(root);

  const buttons = new Map<GalleryId, HTMLButtonElement>();
  for (const g of GALLERY) {
    const b = el('button', { type: 'button', 'data-entry': g.id, 'aria-pressed': 'false' }, g.title);
    b.addEventListener('click', () => void panel.select(g.id).catch(show));
    buttons.set(g.id, b);
    gallery.append(b);
  }

  let entry = galleryEntry(options.initial ?? 'lenet');
  let lastResult: RunResult | undefined;
  let evaluator: Evaluator | undefined;
  const weights = new Map<string, Promise<Uint8Array>>();
  const fetchBytes = (file: string): Promise<Uint8Array> => {
    let p = weights.get(file);
    if (!p) {
      const url = new URL(`assets/${file}`, base).href;
      p = fetch(url).then(async (r) => {
        if (!r.ok) throw new Error(`playground: could not load ${file} (got HTTP ${r.status}, expected 200)`);
        return new Uint8Array(await r.arrayBuffer());
      });
      weights.set(file, p);
    }
    return p;
  };

  function show(e: unknown): void {
    status.textContent = e instanceof Error ? e.message : String(e);
    status.classList.add('ct-run-error');
  }
  function say(text: string): void {
    status.textContent = text;
    status.classList.remove('ct-run-error');
  }

  async function compiled(): Promise<string> {
    if (options.getCompiledJs) return options.getCompiledJs();
    return transpile(options.getSource(), base);
  }

  async function inputFor(e: GalleryEntry, shape: readonly number[]): Promise<Float32Array> {
    const count = shape.reduce((a, b) => a * b, 1);
    if (e.input.kind === 'random') return randomData(count, e.input.seed);
    const [, h, w, c] = shape as [number, number, number, number];
    if (shape.length !== 4 || c !== 3) throw new Error(`playground: an image input needs a [B, H, W, 3] model (got [B, ${shape.slice(1).join(', ')}], expected 3 channels)`);
    return loadRgb(new URL(`assets/${e.input.file}`, base).href, w, h);
  }

  function render(r: RunResult): void {
    const runs = r.repeatMs.length;
    timing.textContent =
      `first run ${ms(r.firstMs)}` + (runs ? `, then median ${ms(r.medianMs)} over ${runs} runs` : '') +
      ` · ${r.backend.name}, ${r.backend.threads} thread${r.backend.threads === 1 ? '' : 's'}` +
      (r.backend.crossOriginIsolated ? ' (cross-origin isolated)' : ' (not cross-origin isolated: one thread)');
    top.replaceChildren();
    const { shape, data } = r.output;
    if (shape.length === 2) {
      for (const t of r.top) top.append(el('li', { 'data-index': String(t.index) }, `class ${t.index}: ${t.value.toFixed(4)}`));
    } else {
      const s = stats(data);
      top.append(el('li', {}, `output [${shape.join(', ')}]: min ${s.min.toFixed(3)}, max ${s.max.toFixed(3)}, mean ${s.mean.toFixed(3)}${s.nan ? `, ${s.nan} NaN` : ''}`));
    }
    const image = shape.length === 4 && shape[3] === 3 && galleryEntry(r.entry).input.kind === 'image';
    images.hidden = !image;
    if (image) {
      drawRgb(inputCanvas, r.input.data, r.input.shape[2]!, r.input.shape[1]!);
      drawRgb(outputCanvas, data, shape[2]!, shape[1]!);
    }
  }

  const panel: RunPanel = {
    element: root,
    get entry() {
      return entry;
    },
    get lastResult() {
      return lastResult;
    },
    async select(id, load = true) {
      entry = galleryEntry(id);
      for (const [k, b] of buttons) b.setAttribute('aria-pressed', String(k === id));
      about.textContent = entry.about;
      if (!options.setSource || !load) return;
      const res = await fetch(new URL(`gallery/${id}.ts`, base).href);
      if (!res.ok) throw new Error(`playground: could not load the ${entry.title} source (got HTTP ${res.status}, expected 200)`);
      options.setSource(await res.text(), entry);
    },
    async run() {
      runButton.disabled = true;
      try {
        const e = entry;
        say('transpiling…');
        const js = await compiled();
        evaluator ??= createEvaluator({ libraryUrl: (name) => new URL(`lib/${name}.js`, base).href, model: libraryModel as (...a: unknown[]) => unknown, backend: pageBackend() });
        say('building the model…');
        await tick();
        const m = await runnableModel(await evaluator.evaluate(js), e.weights ? await fetchBytes(e.weights) : undefined);
        const shape = exampleShape(m);
        const x = tensor(shape, await inputFor(e, shape));
        const backend = await backendReport();
        say('running…');
        await tick();
        let t = now();
        const y = m.run(x);
        const firstMs = now() - t;
        if (Array.isArray(y)) throw new Error('playground: the model has several outputs (got an array, expected one output)');
        const output = { shape: [...y.shape], data: y.data.slice() };
        const repeatMs: number[] = [];
        if (firstMs < NO_REPEAT_AFTER_MS) {
          while (repeatMs.length < MAX_REPEATS && (repeatMs.length < 3 || repeatMs.reduce((a, b) => a + b, 0) < REPEAT_BUDGET_MS)) {
            await tick();
            t = now();
            m.run(x);
            repeatMs.push(now() - t);
          }
        }
        const result: RunResult = {
          entry: e.id, input: { shape, data: x.data }, output, firstMs, repeatMs,
          medianMs: repeatMs.length ? median(repeatMs) : firstMs,
          top: output.shape.length === 2 ? topK(probabilities(output.data.subarray(0, output.shape[1])), 5) : [],
          backend: await backendReport(),
        };
        lastResult = result;
        render(result);
        say(`${galleryEntry(e.id).title}: done`);
        return result;
      } catch (err) {
        show(err);
        throw err;
      } finally {
        runButton.disabled = false;
      }
    },
  };
  runButton.addEventListener('click', () => void panel.run().catch(() => undefined));
  void panel.select(entry.id, options.initial !== undefined).catch(show);
  return panel;
}
