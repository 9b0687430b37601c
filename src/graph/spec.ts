/**
 * Layer specs at run time: plain values `{ kind, options }`, `sequential`, `residual`, `branches`, applied to
 * a tensor by `apply`. `specShape` is the shape-only walk (twin of `ApplySpec`) used to check a chain before
 * it meets a tensor.
 */
import type { ChainArguments, AnySpec, LayerSpec, SequentialSpec, ResidualSpec, BranchesSpec } from '../../types/spec.js';
import { ShapeError } from '../errors.js';
import { LAYERS } from '../layers/index.js';
import { concatShape, elementwiseShape } from '../shapes/merge.js';
import { chainMessage } from '../shapes/messages.js';
import type { GraphTensor } from './tensor.js';

type RuntimeSpec =
  | { kind: string; options: object }
  | { kind: 'sequential'; specs: RuntimeSpec[] }
  | { kind: 'residual'; body: RuntimeSpec; shortcut: RuntimeSpec | undefined }
  | { kind: 'branches'; branches: RuntimeSpec[] };

/** Layer kinds over `[B, L, C]` and over `[B, D, H, W, C]` (twin of `SpecInput`'s cases). */
const SEQUENCE_KINDS: ReadonlySet<string> = new Set(['conv1d', 'maxPool1d', 'avgPool1d', 'globalAvgPool1d', 'globalMaxPool1d', 'adaptiveAvgPool1d']);
const VOLUME_KINDS: ReadonlySet<string> = new Set(['conv3d', 'maxPool3d', 'avgPool3d']);

/** The unknown-size input a lone spec or chain is checked on (twin of `SpecInput`). */
export function specInput(spec: RuntimeSpec): number[] {
  if (spec.kind === 'sequential') return specInput((spec as { specs: RuntimeSpec[] }).specs[0] ?? { kind: 'relu', options: {} });
  if (spec.kind === 'residual') return specInput((spec as { body: RuntimeSpec }).body);
  if (spec.kind === 'branches') return specInput((spec as { branches: RuntimeSpec[] }).branches[0] ?? { kind: 'relu', options: {} });
  const rank = spec.kind === 'dense' ? 2 : SEQUENCE_KINDS.has(spec.kind) ? 3 : VOLUME_KINDS.has(spec.kind) ? 5 : 4;
  return new Array<number>(rank).fill(-1);
}

/** The output shape of `spec` on `shape`, or throws the inner layer's `ShapeError` (twin of `ApplySpec`). */
export function specShape(spec: RuntimeSpec, shape: readonly number[]): number[] {
  switch (spec.kind) {
    case 'sequential': {
      let s = [...shape];
      (spec as { specs: RuntimeSpec[] }).specs.forEach((inner) => (s = specShape(inner, s)));
      return s;
    }
    case 'residual': {
      const r = spec as { body: RuntimeSpec; shortcut: RuntimeSpec | undefined };
      const body = specShape(r.body, shape);
      const shortcut = r.shortcut ? specShape(r.shortcut, shape) : [...shape];
      return elementwiseShape('residual add', body, shortcut);
    }
    case 'branches':
      return concatShape((spec as { branches: RuntimeSpec[] }).branches.map((b) => specShape(b, shape)));
    default: {
      const def = LAYERS[spec.kind];
      if (!def) throw new Error(`convtype: unknown layer kind '${spec.kind}'`);
      return def.shape([shape], (spec as { options: object }).options);
    }
  }
}

/** Applies `spec` to `t`, recording its nodes. */
export function applySpec(t: GraphTensor, spec: RuntimeSpec): GraphTensor {
  switch (spec.kind) {
    case 'sequential':
      return (spec as { specs: RuntimeSpec[] }).specs.reduce((x, inner) => applySpec(x, inner), t);
    case 'residual': {
      const r = spec as { body: RuntimeSpec; shortcut: RuntimeSpec | undefined };
      const body = applySpec(t, r.body);
      const shortcut = r.shortcut ? applySpec(t, r.shortcut) : t;
      elementwiseShape('residual add', body.shape, shortcut.shape);
      return body.layer('add', {}, [shortcut]);
    }
    case 'branches': {
      const outs = (spec as { branches: RuntimeSpec[] }).branches.map((b) => applySpec(t, b));
      return outs[0]!.layer('concat', {}, outs.slice(1));
    }
    default:
      return t.layer(spec.kind, (spec as { options: object }).options);
  }
}

/** A spec factory for one layer kind; checks the options on an unknown-size input at once. */
export function factory(kind: string) {
  return (options: object = {}): RuntimeSpec => {
    const spec = { kind, options: Object.freeze({ ...options }) };
    specShape(spec, specInput(spec));
    return Object.freeze(spec);
  };
}

/**
 * Specs applied one after another. A declared size (`inChannels`, `inFeatures`) that disagrees with the
 * layer before it is an error at that argument.
 * @example input([32, 32, 3]).apply(sequential(conv2d({ filters: 16, kernel: 3 }), relu())).shape //=> readonly [number, 30, 30, 16]
 */
export function sequential<const Specs extends readonly AnySpec[]>(...specs: ChainArguments<Specs>): SequentialSpec<Specs> {
  const list = specs as unknown as RuntimeSpec[];
  let shape = list.length > 0 ? specInput(list[0]!) : [];
  list.forEach((spec, i) => {
    try {
      shape = specShape(spec, shape);
    } catch (e) {
      if (e instanceof ShapeError) throw new ShapeError(chainMessage(i + 1, e.message), 'sequential', e.option);
      throw e;
    }
  });
  return Object.freeze({ kind: 'sequential', specs: Object.freeze([...list]) }) as unknown as SequentialSpec<Specs>;
}

/**
 * `body(x) + shortcut(x)`; the shortcut defaults to the identity.
 * @example input([56, 56, 64]).apply(residual(sequential(conv2d({ filters: 64, kernel: 3, padding: 1 }), relu()))).shape //=> readonly [number, 56, 56, 64]
 */
export function residual<const Body extends AnySpec, const Shortcut extends AnySpec | undefined = undefined>(
  body: Body,
  shortcut?: Shortcut,
): ResidualSpec<Body, Shortcut> {
  return Object.freeze({ kind: 'residual', body, shortcut }) as unknown as ResidualSpec<Body, Shortcut>;
}

/**
 * Branches applied to the same input, concatenated along channels (an Inception module).
 * @example input([28, 28, 192]).apply(branches(conv2d({ filters: 64, kernel: 1 }), conv2d({ filters: 32, kernel: 1 }))).shape //=> readonly [number, 28, 28, 96]
 */
export function branches<const Branches extends readonly AnySpec[]>(...list: Branches): BranchesSpec<Branches> {
  return Object.freeze({ kind: 'branches', branches: Object.freeze([...list]) }) as unknown as BranchesSpec<Branches>;
}

export type { LayerSpec, RuntimeSpec };
