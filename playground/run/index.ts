/**
 * The run part of the playground, for the page shell: `mountRunPanel` (gallery + Run) and `mountDigitPad`
 * (draw a digit, live prediction bars). Both find their files (gallery/, assets/, lib/, ts/) next to this
 * module's bundle, run.js, unless given another `base`. See README.md.
 */
import { mountDigitPad as mountPad, type DigitPad, type DigitPadOptions } from './digit/pad.js';
import { mountRunPanel as mountPanel, type RunPanel, type RunPanelOptions } from './panel.js';

export type { DigitPad, DigitPadOptions, Prediction } from './digit/pad.js';
export type { RunPanel, RunPanelOptions, RunResult } from './panel.js';
export type { GalleryEntry, GalleryId } from './gallery.js';
export { GALLERY } from './gallery.js';
export { backendReport, type BackendReport } from './backend.js';

/** The folder of run.js (this module is run.js's entry, so its code is in that file, not in a chunk). */
const HERE = new URL('.', import.meta.url);

/** Mounts the run panel in `element`. */
export function mountRunPanel(element: HTMLElement, options: Omit<RunPanelOptions, 'base'> & { readonly base?: URL }): RunPanel {
  return mountPanel(element, { ...options, base: options.base ?? HERE });
}

/** Mounts the digit pad in `element` (resolves once the LeNet's weights are loaded). */
export function mountDigitPad(element: HTMLElement, options: Partial<DigitPadOptions> = {}): Promise<DigitPad> {
  return mountPad(element, { ...options, base: options.base ?? HERE });
}
