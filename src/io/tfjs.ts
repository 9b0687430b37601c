/**
 * TensorFlow.js layers format: `model.json` (`weightsManifest: [{ paths, weights: [{ name, shape, dtype,
 * quantization? }] }]`) plus the binary shards, given as bytes by the caller (no fetch, no fs). Each group's
 * shards, in order, hold its weights back to back; uint8/uint16-quantised weights are `q·scale + min`,
 * float16-quantised ones are half floats. Keras layouts are convtype's (HWIO, `[in, out]`): no conversion.
 *
 * Decision: the whole manifest is validated (shapes, dtypes, quantisation, byte counts per group against
 * the shards actually given) before any tensor is allocated, and a weight is decoded straight from its shard
 * (copied only when it straddles two), so a lying manifest costs neither time nor memory.
 */
import { FormatError } from './errors.js';
import { elementCount, isPlainObject, shapeProblem, show, toBytes } from './internal/checks.js';
import { TFJS_CODECS } from './internal/dtypes.js';
import { dims, WeightMapping, type WeightTarget, type WeightTensor } from './internal/target.js';

export type { WeightTarget, WeightTensor } from './internal/target.js';

/** A decoded tfjs weight: its declared dtype, shape and f32 values (dequantised). */
export interface TfjsTensor {
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** tfjs name → convtype key (`'conv2d/kernel': 'conv1/kernel'`) or layer (`'conv2d': 'conv1'`), or a function (`null` skips). */
export type TfjsNameMap = Readonly<Record<string, string>> | ((name: string) => string | null | undefined);

/** Options of `convertTfjsWeights` and `loadTfjsIntoModel`. */
export interface TfjsOptions {
  /** Skip tfjs weights that map to nothing instead of reporting them; default false. */
  readonly ignoreUnmapped?: boolean;
  /** Allow model weights that no tfjs weight fills (they keep their values); default false. */
  readonly partial?: boolean;
}

const MAX_MODEL_JSON_DEPTH = 256;

const fail = (message: string, tensor?: string): never => {
  throw new FormatError('tfjs', message, tensor);
};

interface Planned {
  readonly name: string;
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly stored: string;
  readonly count: number;
  readonly scale: number;
  readonly min: number;
  readonly round: boolean;
  readonly group: number;
  readonly offset: number;
}

/** A model.json given as an object or as text (nesting depth checked before parsing), or `FormatError`. */
export function parseModelJson(modelJson: unknown): Record<string, unknown> {
  let json = modelJson;
  if (typeof modelJson === 'string') {
    let depth = 0;
    let max = 0;
    let inString = false;
    for (let i = 0; i < modelJson.length && max <= MAX_MODEL_JSON_DEPTH; i++) {
      const c = modelJson.charCodeAt(i);
      if (inString) {
        if (c === 0x5c) i++;
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
      else if (c === 0x7d || c === 0x5d) depth--;
    }
    if (max > MAX_MODEL_JSON_DEPTH) fail(`model.json is nested deeper than ${MAX_MODEL_JSON_DEPTH} levels`);
    try {
      json = JSON.parse(modelJson);
    } catch (e) {
      fail(`model.json is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  if (!isPlainObject(json)) return fail(`model.json is not a JSON object (got ${show(json)})`);
  return json;
}

function planWeight(spec: unknown, index: number, group: number, offset: number): Planned {
  if (!isPlainObject(spec)) return fail(`weightsManifest[${group}].weights[${index}] is not an object (got ${show(spec)})`);
  const { name, shape, dtype, quantization } = spec;
  if (typeof name !== 'string') return fail(`weightsManifest[${group}].weights[${index}] has no name (got ${show(name)})`);
  if (typeof dtype !== 'string') return fail(`dtype is not a string (got ${show(dtype)})`, name);
  const problem = shapeProblem(shape);
  if (problem !== undefined) return fail(problem, name);
  let stored = dtype;
  let scale = 1;
  let min = 0;
  if (quantization !== undefined) {
    if (!isPlainObject(quantization)) return fail(`quantization is not an object (got ${show(quantization)})`, name);
    stored = quantization.dtype as string;
    if (stored === 'uint8' || stored === 'uint16') {
      const { scale: s, min: m } = quantization;
      if (typeof s !== 'number' || !Number.isFinite(s) || typeof m !== 'number' || !Number.isFinite(m)) {
        return fail(`${stored} quantization needs finite scale and min (got scale ${show(s)}, min ${show(m)})`, name);
      }
      scale = s;
      min = m;
      if (dtype !== 'float32' && dtype !== 'int32') return fail(`${stored} quantization of a ${show(dtype)} weight (expected float32 or int32)`, name);
    } else if (stored === 'float16') {
      if (dtype !== 'float32') return fail(`float16 quantization of a ${show(dtype)} weight (expected float32)`, name);
    } else {
      return fail(`unknown quantization dtype (got ${show(stored)}, expected uint8, uint16 or float16)`, name);
    }
  } else if (dtype === 'uint8' || dtype === 'uint16' || dtype === 'float16' || TFJS_CODECS[dtype] === undefined) {
    return fail(`unsupported dtype (got ${show(dtype)}, expected float32, int32 or bool, or a quantization)`, name);
  }
  const itemSize = TFJS_CODECS[stored]!.itemSize;
  const count = elementCount(shape as number[], itemSize);
  if (count === undefined) return fail(`shape ${show(shape)} has an absurd number of elements`, name);
  return { name, dtype, shape: shape as number[], stored, count, scale, min, round: dtype === 'int32' && quantization !== undefined, group, offset };
}

function asBytes(shard: unknown, index: number): Uint8Array {
  return toBytes(shard) ?? fail(`shard ${index} is not bytes (got ${shard === null ? 'null' : typeof shard}, expected an ArrayBuffer)`);
}

/**
 * Decodes the weights of a tfjs `model.json` (object or text) from its shards (one per path, in manifest
 * order), dequantised to f32, by their tfjs names. Throws `FormatError` naming the weight and what is wrong.
 * @example loadTfjsWeights(modelJson, [shard1])['conv2d/kernel'].shape //=> [3, 3, 3, 16]
 */
export function loadTfjsWeights(modelJson: unknown, shards: readonly (ArrayBuffer | ArrayBufferView)[]): Record<string, TfjsTensor> {
  const json = parseModelJson(modelJson);
  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest)) return fail(`model.json has no weightsManifest array (got ${show(manifest)})`);
  if (!Array.isArray(shards)) return fail(`shards is not an array (got ${show(shards)})`);
  const bytes = shards.map(asBytes);
  const planned: Planned[] = [];
  const groups: Uint8Array[][] = [];
  const names = new Set<string>();
  let nextShard = 0;
  manifest.forEach((group: unknown, g: number) => {
    if (!isPlainObject(group)) return fail(`weightsManifest[${g}] is not an object (got ${show(group)})`);
    const { paths, weights } = group;
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) return fail(`weightsManifest[${g}].paths is not a list of strings (got ${show(paths)})`);
    if (!Array.isArray(weights)) return fail(`weightsManifest[${g}].weights is not an array (got ${show(weights)})`);
    if (nextShard + paths.length > bytes.length) {
      return fail(`weightsManifest lists at least ${nextShard + paths.length} shard paths but ${bytes.length} shards were given`);
    }
    const own = bytes.slice(nextShard, nextShard + paths.length);
    nextShard += paths.length;
    groups.push(own);
    const available = own.reduce((a, b) => a + b.byteLength, 0);
    let offset = 0;
    weights.forEach((spec: unknown, i: number) => {
      const p = planWeight(spec, i, g, offset);
      if (names.has(p.name)) fail('appears twice in weightsManifest', p.name);
      names.add(p.name);
      offset += p.count * TFJS_CODECS[p.stored]!.itemSize;
      if (offset > available) fail(`needs bytes up to ${offset} of group ${g} but its ${paths.length} shard(s) hold ${available} (shard truncated or shape wrong)`, p.name);
      planned.push(p);
    });
    if (offset !== available) fail(`group ${g}'s shards hold ${available} bytes but its weights need ${offset} (shards out of order or manifest wrong)`);
    return undefined;
  });
  if (nextShard !== bytes.length) fail(`weightsManifest lists ${nextShard} shard paths but ${bytes.length} shards were given`);
  const out: Record<string, TfjsTensor> = Object.create(null);
  for (const p of planned) {
    const codec = TFJS_CODECS[p.stored]!;
    const [source, at] = spanOf(groups[p.group]!, p.offset, p.count * codec.itemSize);
    const data = codec.decode(source, at, p.count);
    if (p.stored === 'uint8' || p.stored === 'uint16') {
      for (let i = 0; i < data.length; i++) data[i] = p.round ? Math.round(data[i]! * p.scale + p.min) + 0 : data[i]! * p.scale + p.min;
    }
    out[p.name] = Object.freeze({ dtype: p.dtype, shape: Object.freeze([...p.shape]), data });
  }
  return out;
}

/** The bytes `[offset, offset + length)` of a group's shards seen as one stream: a view, or a copy if it straddles shards. */
function spanOf(shards: readonly Uint8Array[], offset: number, length: number): [Uint8Array, number] {
  let start = 0;
  for (let s = 0; s < shards.length; s++) {
    const shard = shards[s]!;
    if (offset < start + shard.byteLength || length === 0) {
      if (offset + length <= start + shard.byteLength) return [shard, offset - start];
      const copy = new Uint8Array(length);
      let written = 0;
      for (let t = s, from = offset - start; written < length; t++, from = 0) {
        const piece = shards[t]!.subarray(from, from + (length - written));
        copy.set(piece, written);
        written += piece.byteLength;
      }
      return [copy, 0];
    }
    start += shard.byteLength;
  }
  return [new Uint8Array(0), 0];
}

/** Keras class names (snake case) → convtype kinds, for Keras's default layer names. */
const KERAS_KINDS: Readonly<Record<string, string>> = {
  conv1d: 'conv1d',
  conv2d: 'conv2d',
  conv3d: 'conv3d',
  conv2d_transpose: 'conv2dTranspose',
  depthwise_conv2d: 'depthwiseConv2d',
  separable_conv2d: 'separableConv2d',
  dense: 'dense',
  batch_normalization: 'batchNorm',
};

/** Keras weight names → convtype parameter names. */
function paramOf(kerasParam: string, kind: string): string {
  if (kerasParam === 'depthwise_kernel') return kind === 'depthwiseConv2d' ? 'kernel' : 'depthwiseKernel';
  return kerasParam.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The convtype key of a tfjs weight by default: the longest trailing `a/b/…` of its scope that names a model
 * layer (`sequential/block1/kernel` → layer `block1`), else Keras's default name translated to ours
 * (`conv2d` → `conv2d_1`, `conv2d_4` → `conv2d_5`, `batch_normalization` → `batchNorm_1`).
 */
function defaultKey(name: string, layers: ReadonlyMap<string, string>): string | undefined {
  const parts = name.replace(/:\d+$/, '').split('/');
  const param = parts.pop()!;
  for (let i = 0; i < parts.length; i++) {
    const layer = parts.slice(i).join('/');
    if (layers.has(layer)) return `${layer}/${paramOf(param, layers.get(layer)!)}`;
  }
  const keras = /^([a-z0-9_]+?)(?:_(\d+))?$/.exec(parts[parts.length - 1] ?? '');
  const kind = keras ? KERAS_KINDS[keras[1]!] : undefined;
  if (!keras || kind === undefined) return undefined;
  const layer = `${kind}_${keras[2] === undefined ? 1 : Number(keras[2]) + 1}`;
  return layers.get(layer) === kind ? `${layer}/${paramOf(param, kind)}` : undefined;
}

/**
 * tfjs weights as a convtype weight record for `model`, by the name map or by default names. Throws one
 * `WeightError` listing every problem (unmapped, missing, wrong shape).
 * @example convertTfjsWeights(m, loadTfjsWeights(json, shards))['conv2d_1/kernel'].shape //=> [3, 3, 3, 16]
 */
export function convertTfjsWeights(
  model: WeightTarget,
  record: Readonly<Record<string, WeightTensor>>,
  nameMap?: TfjsNameMap,
  options: TfjsOptions = {},
): Record<string, WeightTensor> {
  const m = new WeightMapping(model, 'tfjs weight');
  const { problems, out, layers } = m;
  for (const name of Object.keys(record)) {
    let key: string | null | undefined;
    if (nameMap === undefined) key = defaultKey(name, layers);
    else {
      key = typeof nameMap === 'function' ? nameMap(name) : Object.hasOwn(nameMap, name) ? nameMap[name] : undefined;
      if (typeof key === 'string' && !key.includes('/') && layers.has(key)) key = `${key}/${paramOf(name.replace(/:\d+$/, '').split('/').pop()!, layers.get(key)!)}`;
    }
    if (key === null) continue;
    if (key === undefined) {
      if (!options.ignoreUnmapped) problems.push(`${name}: no convtype weight is mapped to this tfjs weight (got no ${nameMap === undefined ? 'layer of that name' : 'entry in the name map'}, expected '<layer>/<param>')`);
      continue;
    }
    const w = m.claim(name, key);
    if (!w) continue;
    const t = record[name]!;
    const fits = Array.isArray(t?.shape) && t.shape.length === w.shape.length && t.shape.every((d, i) => d === w.shape[i]);
    if (!fits) {
      problems.push(`${w.layer}: ${key} ← '${name}' has the wrong shape (got ${Array.isArray(t?.shape) ? dims(t.shape) : show(t?.shape)}, expected ${dims(w.shape)})`);
      continue;
    }
    out[key] = { shape: w.shape, data: t.data };
  }
  return m.finish(options.partial);
}

/**
 * Decodes a tfjs model's weights and sets them on `model`; nothing changes if anything is wrong.
 * @example loadTfjsIntoModel(m, modelJson, [await (await fetch(url)).arrayBuffer()])
 */
export function loadTfjsIntoModel(
  model: WeightTarget,
  modelJson: unknown,
  shards: readonly (ArrayBuffer | ArrayBufferView)[],
  nameMap?: TfjsNameMap,
  options?: TfjsOptions,
): void {
  model.setWeights(convertTfjsWeights(model, loadTfjsWeights(modelJson, shards), nameMap, options));
}
