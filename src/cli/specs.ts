/**
 * The layers inside an applied spec (`x.apply(block)`), read from the spec's TYPE: `SequentialSpec<readonly
 * [LayerSpec<'conv2d', { readonly filters: 64; … }>, …]>` → one row per layer, in the order `model.layers` lists
 * them (a residual's body, then its shortcut, then the add; branches in order, then the concat).
 *
 * Decision: the type checker computes only the spec's final shape (the `apply` call's return type; the CLI reports
 * that one as the call's shape). The inner shapes come from the runtime twins of the same rules (`LAYERS[kind].shape`,
 * `elementwiseShape`, `concatShape`) applied to the options read from the type, and the last one is compared with the
 * checker's. Rejected: a second type-checker pass over generated `OutputOf<ApplySpec<S, LayerSpec<…>>>` probes, one
 * per inner layer: a second checker costs ~0.5–1 s on ResNet-50, a third of the time budget, to recompute what the
 * twins (tested against the types case by case) already give.
 */
import type { ts } from 'ts-morph';
import { LAYERS } from '../layers/index.js';
import { formatShape } from '../shapes/format.js';
import { concatShape, elementwiseShape } from '../shapes/merge.js';
import { layerParams } from './params.js';
import type { LayerRow } from './report.js';
import { type TypeReader, type Value, plainOptions, recordOf, renderOptions, valueOfType, Wide } from './values.js';

/** What walking a spec gives: its layer rows and the output shape the twins computed (`null` if unknown). */
export interface SpecLayers {
  readonly rows: LayerRow[];
  readonly shape: readonly number[] | null;
}

function property(r: TypeReader, type: ts.Type, name: string): ts.Type | undefined {
  const p = r.checker.getPropertyOfType(type, name);
  return p ? r.checker.getTypeOfSymbol(p) : undefined;
}

function elements(r: TypeReader, type: ts.Type | undefined): ts.Type[] | undefined {
  return type && r.checker.isTupleType(type) ? [...r.checker.getTypeArguments(type as ts.TypeReference)] : undefined;
}

const text = (shape: readonly number[] | null): string => (shape ? formatShape(shape) : '?');

/** Rows for spec type `spec` applied to `input` (−1 = unknown dim; `null` = unknown shape). */
export function specLayers(r: TypeReader, spec: ts.Type, input: readonly number[] | null): SpecLayers {
  const rows: LayerRow[] = [];
  const shape = walk(r, spec, input, [], rows);
  return { rows, shape };
}

function walk(r: TypeReader, spec: ts.Type, input: readonly number[] | null, path: readonly string[], rows: LayerRow[]): readonly number[] | null {
  const kindType = property(r, spec, 'kind');
  const kind = kindType ? valueOfType(r, kindType) : undefined;
  const push = (row: Omit<LayerRow, 'path' | 'shapeText'>): void => {
    const { kind, call, name, shape, params } = row;
    rows.push({ kind, call, ...(name === undefined ? {} : { name }), path, shape, shapeText: text(shape), params });
  };
  if (kind === 'sequential') {
    const specs = elements(r, property(r, spec, 'specs'));
    if (specs) {
      let shape = input;
      for (const inner of specs) shape = walk(r, inner, shape, path, rows);
      return shape;
    }
  } else if (kind === 'residual') {
    const body = property(r, spec, 'body');
    const shortcut = property(r, spec, 'shortcut');
    if (body && shortcut) {
      const bodyShape = walk(r, body, input, [...path, 'body'], rows);
      const identity = (shortcut.flags & r.ts.TypeFlags.Undefined) !== 0;
      const shortcutShape = identity ? input : walk(r, shortcut, input, [...path, 'shortcut'], rows);
      const shape = bodyShape && shortcutShape ? attempt(() => elementwiseShape('residual add', bodyShape, shortcutShape)) : null;
      push({ kind: 'add', call: identity ? 'add(residual, identity shortcut)' : 'add(residual)', shape, params: 0 });
      return shape;
    }
  } else if (kind === 'branches') {
    const branches = elements(r, property(r, spec, 'branches'));
    if (branches) {
      const outs = branches.map((b, i) => walk(r, b, input, [...path, `branch ${i + 1}`], rows));
      const shape = outs.every((s) => s !== null) ? attempt(() => concatShape(outs as number[][])) : null;
      push({ kind: 'concat', call: `concat(${branches.length} branches)`, shape, params: 0 });
      return shape;
    }
  } else if (typeof kind === 'string' && LAYERS[kind]) {
    const optionsType = property(r, spec, 'options');
    const options = recordOf(optionsType ? valueOfType(r, optionsType) : {});
    const plain = plainOptions(options);
    const shape = input && plain ? attempt(() => LAYERS[kind]!.shape([input], plain)) : null;
    const name = typeof options.name === 'string' ? options.name : undefined;
    push({ kind, call: `${kind}(${renderOptions(options)})`, ...(name === undefined ? {} : { name }), shape, params: input ? layerParams(kind, options, input) : null });
    return shape;
  }
  // A spec whose type is not one of the four forms (a union, `AnySpec`): the checker could not compute through it either.
  push({ kind: 'spec', call: `spec ${describe(kind)}`, shape: null, params: null });
  return null;
}

function describe(kind: Value | undefined): string {
  return kind instanceof Wide ? `of kind ${kind.text}` : kind === undefined ? '(no kind)' : `'${String(kind)}'`;
}

/** `f()`, or `null` when the twin rule throws (the checker reports that error at the call). */
function attempt(f: () => readonly number[]): readonly number[] | null {
  try {
    return f();
  } catch {
    return null;
  }
}
