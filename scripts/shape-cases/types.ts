/**
 * The engine-derived shape-case table: one record per layer configuration, its input shape (without
 * batch), the DSL options exactly as a user writes them, and the output shape an engine produced.
 * `test/cases/engine-shapes.json` holds `ShapeCase[]`; the generator, the renderer and the tests share
 * these types and the option normalisers below (normalising options is not computing shapes).
 */

/** An `[h, w]` pair. */
export type Pair = readonly [number, number];
/** A scalar applied to both axes, or an `[h, w]` pair. */
export type NumOrPair = number | Pair;
/** Padding as the DSL accepts it. */
export type Padding = number | Pair | readonly [Pair, Pair] | 'valid' | 'same';

/** `.conv2d(...)` options. */
export interface Conv2dOptions {
  readonly filters: number;
  readonly kernel: NumOrPair;
  readonly stride?: NumOrPair;
  readonly padding?: Padding;
  readonly dilation?: NumOrPair;
  readonly groups?: number;
}

/** `.conv2dTranspose(...)` options. */
export interface Conv2dTransposeOptions {
  readonly filters: number;
  readonly kernel: NumOrPair;
  readonly stride?: NumOrPair;
  readonly padding?: Padding;
  readonly outputPadding?: NumOrPair;
  readonly dilation?: NumOrPair;
}

/** `.maxPool2d(...)` options. */
export interface MaxPool2dOptions {
  readonly size: NumOrPair;
  readonly stride?: NumOrPair;
  readonly padding?: Padding;
  readonly dilation?: NumOrPair;
  readonly ceilMode?: boolean;
}

/** `.avgPool2d(...)` options. */
export interface AvgPool2dOptions {
  readonly size: NumOrPair;
  readonly stride?: NumOrPair;
  readonly padding?: Padding;
  readonly ceilMode?: boolean;
  readonly countIncludePad?: boolean;
}

/** `[H, W, C]`. */
export type Hwc = readonly [number, number, number];

interface CaseBase {
  /** tfjs-style configuration name, unique in the table. */
  readonly name: string;
  readonly input: Hwc;
  /** The engine's output `[OH, OW, OC]` (batch excluded). */
  readonly output: Hwc;
  /** The engine (and version) whose run produced `output`. */
  readonly engine: string;
  /** Other engines that were run on the case and agreed. */
  readonly alsoCheckedBy?: readonly string[];
}

/** One row of the table, discriminated by `layer` (the DSL method name). */
export type ShapeCase =
  | (CaseBase & { readonly layer: 'conv2d'; readonly options: Conv2dOptions })
  | (CaseBase & { readonly layer: 'conv2dTranspose'; readonly options: Conv2dTransposeOptions })
  | (CaseBase & { readonly layer: 'maxPool2d'; readonly options: MaxPool2dOptions })
  | (CaseBase & { readonly layer: 'avgPool2d'; readonly options: AvgPool2dOptions });

/** A case before an engine has run it. */
export type ShapeConfig = WithoutResult<ShapeCase>;
type WithoutResult<C> = C extends ShapeCase ? Omit<C, 'name' | 'output' | 'engine' | 'alsoCheckedBy'> : never;

/** The layer names, in table order. */
export const LAYERS = ['conv2d', 'conv2dTranspose', 'maxPool2d', 'avgPool2d'] as const;
export type LayerName = (typeof LAYERS)[number];

/** `n | [h, w]` → `[h, w]` (or the default when absent). */
export function toPair(v: NumOrPair | undefined, fallback: number): [number, number] {
  if (v === undefined) return [fallback, fallback];
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

/** Padding in normal form: the two string modes, or explicit `[top, bottom, left, right]`. */
export type NormalPadding = 'valid' | 'same' | readonly [top: number, bottom: number, left: number, right: number];

/** Any DSL padding → `'valid' | 'same' | [top, bottom, left, right]` (absent = 0). */
export function normalPadding(p: Padding | undefined): NormalPadding {
  if (p === undefined) return [0, 0, 0, 0];
  if (p === 'valid' || p === 'same') return p;
  if (typeof p === 'number') return [p, p, p, p];
  const [h, w] = p;
  if (typeof h === 'number' && typeof w === 'number') return [h, h, w, w];
  const [[top, bottom], [left, right]] = p as readonly [Pair, Pair];
  return [top, bottom, left, right];
}
