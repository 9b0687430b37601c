/**
 * The digit pad: a canvas to draw a digit on (pointer events: mouse, pen and touch alike), the 28×28 image the
 * model sees (downsample.ts, MNIST's recipe), and ten prediction bars from the LeNet of examples/lenet.ts
 * with the PyTorch-trained weights of test/fixtures/lenet, updated as you draw (once per animation frame).
 * Input layout: NHWC [1, 28, 28, 1], ink 1 on background 0, no normalisation (as the fixture was trained).
 */
import { model, tensor } from '../../../src/index.js';
import { loadPyTorchWeights } from '../../../src/io/pytorch-entry.js';
import { readSafetensors } from '../../../src/io/safetensors-entry.js';
import { image, logits } from '../../../examples/lenet.js';
import { pageBackend } from '../backend.js';
import { median, probabilities } from '../outputs.js';
import { injectStyle } from '../style.js';
import { FIELD, mnistDownsample } from './downsample.js';

export interface DigitPadOptions {
  /** The folder of run.js (the weights are at assets/lenet.safetensors under it). */
  readonly base: URL;
  /** Pen width in canvas pixels (default 20 on the 280-pixel canvas: about 2 of the 28 pixels, as the training strokes). */
  readonly penWidth?: number;
}

export interface Prediction {
  /** Probabilities of the digits 0–9 (softmax of the logits). */
  readonly probabilities: readonly number[];
  readonly digit: number;
  /** The 28×28 image the model saw. */
  readonly image: Float32Array;
  /** Milli-seconds of the model run. */
  readonly ms: number;
}

export interface DigitPad {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  /** Clears the drawing and the bars. */
  clear(): void;
  /** Predicts the current drawing now (null when it is empty). */
  predict(): Prediction | null;
  readonly last: Prediction | null;
  /** Times `runs` runs of the model on the current drawing: the first run ever and the median of the rest. */
  time(runs: number): { firstMs: number; medianMs: number; runs: number };
}

const SIZE = 280;

export async function mountDigitPad(element: HTMLElement, options: DigitPadOptions): Promise<DigitPad> {
  injectStyle();
  const net = model(image, logits, { backend: pageBackend() });
  const res = await fetch(new URL('assets/lenet.safetensors', options.base).href);
  if (!res.ok) throw new Error(`digit pad: could not load the LeNet weights (got HTTP ${res.status}, expected 200)`);
  loadPyTorchWeights(net, readSafetensors(new Uint8Array(await res.arrayBuffer())).tensors);
  await pageBackend().threads.whenReady();

  const root = document.createElement('section');
  root.className = 'ct-digit';
  root.setAttribute('aria-label', 'Digit');
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = SIZE;
  canvas.className = 'ct-digit-pad';
  canvas.setAttribute('aria-label', 'Draw a digit');
  const seen = document.createElement('canvas');
  seen.width = seen.height = FIELD;
  seen.className = 'ct-digit-seen';
  seen.setAttribute('aria-label', 'What the model sees (28×28)');
  const bars = document.createElement('ol');
  bars.className = 'ct-digit-bars';
  bars.setAttribute('aria-label', 'Predictions');
  const rows = Array.from({ length: 10 }, (_, d) => {
    const li = document.createElement('li');
    li.dataset.digit = String(d);
    const fill = document.createElement('div');
    fill.className = 'ct-digit-fill';
    fill.setAttribute('role', 'meter');
    fill.setAttribute('aria-label', `digit ${d}`);
    fill.setAttribute('aria-valuemin', '0');
    fill.setAttribute('aria-valuemax', '1');
    const value = document.createElement('span');
    li.append(String(d), fill, value);
    bars.append(li);
    return { li, fill, value };
  });
  const clearButton = document.createElement('button');
  clearButton.type = 'button';
  clearButton.textContent = 'Clear';
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  const side = document.createElement('div');
  side.append(seen, clearButton, status);
  root.append(canvas, side, bars);
  element.append(root);

  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const pen = options.penWidth ?? 20;
  let last: Prediction | null = null;
  let drawing = false;
  let px = 0, py = 0;
  let frame = 0;
  let firstRunMs: number | undefined;

  function blank(): void {
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, SIZE, SIZE);
  }

  function show(p: Prediction | null): void {
    rows.forEach((r, d) => {
      const v = p ? p.probabilities[d]! : 0;
      r.fill.style.transform = `scaleX(${v})`;
      r.fill.setAttribute('aria-valuenow', v.toFixed(4));
      r.value.textContent = p ? `${(v * 100).toFixed(1)}%` : '';
      r.li.classList.toggle('ct-digit-top', p !== null && d === p.digit);
    });
    const sctx = seen.getContext('2d')!;
    const img = sctx.createImageData(FIELD, FIELD);
    for (let i = 0; i < FIELD * FIELD; i++) {
      const g = p ? Math.round(p.image[i]! * 255) : 0;
      img.data.set([g, g, g, 255], i * 4);
    }
    sctx.putImageData(img, 0, 0);
    status.textContent = p ? `${p.digit} (${(p.probabilities[p.digit]! * 100).toFixed(1)}%) in ${p.ms.toFixed(2)} ms` : 'draw a digit';
  }

  /** The ink of the canvas (its red channel: white strokes on black). */
  function ink(): Float32Array {
    const rgba = ctx.getImageData(0, 0, SIZE, SIZE).data;
    const out = new Float32Array(SIZE * SIZE);
    for (let i = 0; i < out.length; i++) out[i] = rgba[i * 4]! / 255;
    return out;
  }

  function runOn(seenImage: Float32Array): { probs: number[]; ms: number } {
    const t = performance.now();
    const y = net.run(tensor([1, FIELD, FIELD, 1], seenImage));
    const ms = performance.now() - t;
    firstRunMs ??= ms;
    return { probs: probabilities(y.data), ms };
  }

  function predict(): Prediction | null {
    const seenImage = mnistDownsample({ width: SIZE, height: SIZE, data: ink() });
    if (!seenImage) {
      last = null;
    } else {
      const { probs, ms } = runOn(seenImage);
      last = { probabilities: probs, digit: probs.indexOf(Math.max(...probs)), image: seenImage, ms };
    }
    show(last);
    return last;
  }

  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), predict()));
  };
  const point = (e: PointerEvent): [number, number] => {
    const r = canvas.getBoundingClientRect();
    return [((e.clientX - r.left) * SIZE) / r.width, ((e.clientY - r.top) * SIZE) / r.height];
  };
  const stroke = (x: number, y: number) => {
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = pen;
    ctx.lineCap = ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(px, py);
    ctx.lineTo(x, y);
    ctx.stroke();
    [px, py] = [x, y];
    schedule();
  };
  canvas.addEventListener('pointerdown', (e) => {
    drawing = true;
    canvas.setPointerCapture(e.pointerId);
    [px, py] = point(e);
    stroke(px, py);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (drawing) stroke(...point(e));
  });
  const end = () => {
    drawing = false;
    schedule();
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);

  const pad: DigitPad = {
    element: root,
    canvas,
    clear() {
      blank();
      last = null;
      show(null);
    },
    predict,
    get last() {
      return last;
    },
    time(runs) {
      const seenImage = last?.image ?? new Float32Array(FIELD * FIELD);
      const first = firstRunMs ?? runOn(seenImage).ms;
      const times = Array.from({ length: runs }, () => runOn(seenImage).ms);
      return { firstMs: first, medianMs: median(times), runs };
    },
  };
  clearButton.addEventListener('click', () => pad.clear());
  pad.clear();
  return pad;
}
