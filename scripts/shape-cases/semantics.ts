/**
 * SEMANTICS.md's VALIDITY rules, used only to decide which random configurations to send to the
 * engines, plus its output formulas as a DIAGNOSTIC: the generator prints where an engine disagrees
 * with them. Nothing computed here is ever written into the case table (outputs come from engines).
 */
import { normalPadding, toPair } from './types.js';
import type { Hwc, ShapeConfig } from './types.js';

/** Effective (dilated) kernel `d·(k−1)+1`. */
const effective = (k: number, d: number): number => d * (k - 1) + 1;

interface Axis {
  readonly inSize: number;
  readonly k: number;
  readonly s: number;
  readonly d: number;
  /** Begin/end padding, or a string mode. */
  readonly pad: 'same' | 'valid' | readonly [number, number];
}

/** Splits a 2-d configuration into its two per-axis descriptions. */
function axes(c: ShapeConfig): [Axis, Axis] {
  const o = c.options;
  const k = toPair('kernel' in o ? o.kernel : o.size, 1);
  const s = toPair(o.stride, 'kernel' in o ? 1 : -1);
  const stride: [number, number] = s[0] === -1 ? k : s; // pools: stride defaults to size
  const d = toPair('dilation' in o ? o.dilation : undefined, 1);
  const p = normalPadding(o.padding);
  const pad = (i: 0 | 1): Axis['pad'] => (typeof p === 'string' ? p : [p[2 * i], p[2 * i + 1]]);
  return [0, 1].map((i) => ({ inSize: c.input[i], k: k[i], s: stride[i], d: d[i], pad: pad(i as 0 | 1) })) as [Axis, Axis];
}

function convAxis(a: Axis): number | undefined {
  const ke = effective(a.k, a.d);
  if (a.pad === 'same') return Math.ceil(a.inSize / a.s);
  const [pb, pe] = a.pad === 'valid' ? [0, 0] : a.pad;
  const P = a.inSize + pb + pe;
  return P >= ke ? Math.floor((P - ke) / a.s) + 1 : undefined;
}

function transposeAxis(a: Axis, op: number): number | undefined {
  if (op < 0 || op >= Math.max(a.s, a.d)) return undefined;
  if (a.pad === 'same') return a.inSize * a.s;
  const [pb, pe] = a.pad === 'valid' ? [0, 0] : a.pad;
  const out = (a.inSize - 1) * a.s - pb - pe + a.d * (a.k - 1) + op + 1;
  return out >= 1 ? out : undefined;
}

function poolAxis(a: Axis, ceil: boolean): number | undefined {
  const ke = effective(a.k, a.d);
  if (a.pad === 'same') return Math.ceil(a.inSize / a.s);
  const [pb, pe] = a.pad === 'valid' ? [0, 0] : a.pad;
  if (pb > Math.floor(ke / 2) || pe > Math.floor(ke / 2)) return undefined;
  const num = a.inSize + pb + pe - ke + (ceil ? a.s - 1 : 0);
  if (num < 0) return undefined;
  let out = Math.floor(num / a.s) + 1;
  if (ceil && (out - 1) * a.s >= a.inSize + pb) out -= 1;
  return out >= 1 ? out : undefined;
}

/** The output SEMANTICS.md predicts, or `undefined` when it calls the configuration invalid. */
export function semanticsOutput(c: ShapeConfig): Hwc | undefined {
  const [h, w] = axes(c);
  const channels = c.input[2];
  let oh: number | undefined;
  let ow: number | undefined;
  let oc: number;
  switch (c.layer) {
    case 'conv2d': {
      const g = c.options.groups ?? 1;
      if (g < 1 || channels % g !== 0 || c.options.filters % g !== 0) return undefined;
      [oh, ow, oc] = [convAxis(h), convAxis(w), c.options.filters];
      break;
    }
    case 'conv2dTranspose': {
      const op = toPair(c.options.outputPadding, 0);
      [oh, ow, oc] = [transposeAxis(h, op[0]), transposeAxis(w, op[1]), c.options.filters];
      break;
    }
    case 'maxPool2d':
    case 'avgPool2d': {
      const ceil = c.options.ceilMode ?? false;
      [oh, ow, oc] = [poolAxis(h, ceil), poolAxis(w, ceil), channels];
      break;
    }
  }
  return oh === undefined || ow === undefined ? undefined : [oh, ow, oc];
}

/** True when SEMANTICS.md calls the configuration valid. */
export function isValidBySemantics(c: ShapeConfig): boolean {
  return semanticsOutput(c) !== undefined;
}

/** True when a ceil-mode pool's last window is dropped by the correction rule on some axis. */
export function ceilCorrectionApplies(c: ShapeConfig): boolean {
  if ((c.layer !== 'maxPool2d' && c.layer !== 'avgPool2d') || !c.options.ceilMode) return false;
  return axes(c).some((a) => {
    if (typeof a.pad === 'string') return false;
    const ke = effective(a.k, a.d);
    const num = a.inSize + a.pad[0] + a.pad[1] - ke + a.s - 1;
    return num >= 0 && Math.floor(num / a.s) * a.s >= a.inSize + a.pad[0];
  });
}
