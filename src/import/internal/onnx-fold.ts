/**
 * Constant folding for the ONNX importer: the shape arithmetic exporters put in front of `Reshape`
 * (`Shape → Gather/Slice → Cast → Concat/Unsqueeze`), constants and their elementwise arithmetic. Input
 * sizes are fixed at import, so these subgraphs are numbers, not layers. Each folder runs only when every
 * input of its node is a constant; the batch dim is 1 (the importer checks that a reshape keeps it).
 *
 * Values are f32 (integers up to 2^24 are exact, which covers every shape); int64's extremes (used as
 * "to the end" in Slice) arrive as ±9.2e18 and are clamped like ONNX clamps them. A folder that would make
 * more than MAX_FOLDED elements refuses, so a hostile file cannot make the importer allocate gigabytes.
 */
import { constant, sizeOf, unsupported, type ConstValue, type NodeContext } from './onnx-values.js';

/** The largest constant a folder creates. */
export const MAX_FOLDED = 1 << 24;

type Folder = (ctx: NodeContext) => ConstValue;

function checkSize(dims: readonly number[]): void {
  if (!dims.every((d) => Number.isSafeInteger(d) && d >= 0)) unsupported(`makes a tensor of invalid dims [${dims.join(', ')}]`);
  if (sizeOf(dims) > MAX_FOLDED) unsupported(`makes a constant of ${sizeOf(dims)} elements (more than ${MAX_FOLDED})`);
}

/** Row-major strides of `dims`. */
function strides(dims: readonly number[]): number[] {
  const s = new Array<number>(dims.length);
  for (let i = dims.length - 1, n = 1; i >= 0; i--) {
    s[i] = n;
    n *= dims[i]!;
  }
  return s;
}

/** An axis attribute normalised to `0 … rank−1`. */
export function axisOf(axis: number, rank: number, what = 'axis'): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) unsupported(`${what} ${axis} is out of range for rank ${rank}`);
  return a;
}

/** Numpy broadcasting of two constants through `f`. */
export function broadcast(a: ConstValue, b: ConstValue, f: (x: number, y: number) => number, int: boolean): ConstValue {
  const rank = Math.max(a.dims.length, b.dims.length);
  const pad = (d: readonly number[]): number[] => [...new Array<number>(rank - d.length).fill(1), ...d];
  const da = pad(a.dims);
  const db = pad(b.dims);
  const dims = da.map((x, i) => {
    const y = db[i]!;
    if (x !== y && x !== 1 && y !== 1) unsupported(`cannot broadcast [${a.dims.join(', ')}] with [${b.dims.join(', ')}]`);
    return x === 1 ? y : x;
  });
  checkSize(dims);
  const sa = strides(da).map((s, i) => (da[i] === 1 ? 0 : s));
  const sb = strides(db).map((s, i) => (db[i] === 1 ? 0 : s));
  const out = new Float32Array(sizeOf(dims));
  const idx = new Array<number>(rank).fill(0);
  for (let o = 0; o < out.length; o++) {
    let ia = 0;
    let ib = 0;
    for (let k = 0; k < rank; k++) {
      ia += idx[k]! * sa[k]!;
      ib += idx[k]! * sb[k]!;
    }
    out[o] = f(a.data[ia]!, b.data[ib]!);
    for (let k = rank - 1; k >= 0; k--) {
      if (++idx[k]! < dims[k]!) break;
      idx[k] = 0;
    }
  }
  return { kind: 'const', dims, data: out, int };
}

function binary(f: (x: number, y: number) => number, intF?: (x: number, y: number) => number): Folder {
  return (ctx) => {
    const a = ctx.constant(0, 'A');
    const b = ctx.constant(1, 'B');
    const int = a.int && b.int;
    return broadcast(a, b, int && intF ? intF : f, int);
  };
}

/** The elements of `x` at the index sets `take[axis]` (a sub-block; each list in range). */
function block(x: ConstValue, take: readonly (readonly number[])[]): ConstValue {
  const dims = take.map((t) => t.length);
  checkSize(dims);
  const s = strides(x.dims);
  const out = new Float32Array(sizeOf(dims));
  const idx = new Array<number>(dims.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let at = 0;
    for (let k = 0; k < dims.length; k++) at += take[k]![idx[k]!]! * s[k]!;
    out[o] = x.data[at]!;
    for (let k = dims.length - 1; k >= 0; k--) {
      if (++idx[k]! < dims[k]!) break;
      idx[k] = 0;
    }
  }
  return { kind: 'const', dims, data: out, int: x.int };
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** The list of integers a 1-D (or scalar) constant holds. */
export function intList(v: ConstValue, what: string): number[] {
  if (v.dims.length > 1) unsupported(`${what} is not a list (got dims [${v.dims.join(', ')}])`);
  return Array.from(v.data, (d) => (Number.isInteger(d) ? d : unsupported(`${what} holds ${d}, not an integer`)));
}

/** Numpy-style dims after `Reshape` to `target` (`0` copies, unless `allowZero`; one `-1` is inferred). */
export function reshapeDims(dims: readonly number[], target: readonly number[], allowZero: boolean): number[] {
  const out = target.map((t, i) => (t === 0 && !allowZero ? (dims[i] ?? unsupported(`reshape copies dim ${i} that the input lacks`)) : t));
  const known = out.filter((d) => d !== -1);
  if (out.length - known.length > 1 || known.some((d) => d < 0)) unsupported(`reshape target [${target.join(', ')}] is invalid`);
  const total = sizeOf(dims);
  const rest = sizeOf(known);
  if (out.length > known.length) {
    if (rest === 0 || total % rest !== 0) unsupported(`reshape of [${dims.join(', ')}] to [${target.join(', ')}] does not divide`);
    out[out.indexOf(-1)] = total / rest;
  }
  if (sizeOf(out) !== total) unsupported(`reshape of [${dims.join(', ')}] (${total} elements) to [${target.join(', ')}] changes the element count`);
  return out;
}

/** `Unsqueeze`'s dims: ones inserted at `axes` (of the output rank). */
export function unsqueezeDims(dims: readonly number[], axes: readonly number[]): number[] {
  const rank = dims.length + axes.length;
  const at = new Set(axes.map((a) => axisOf(a, rank, 'Unsqueeze axis')));
  if (at.size !== axes.length) unsupported(`Unsqueeze axes [${axes.join(', ')}] repeat`);
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < rank; i++) out.push(at.has(i) ? 1 : dims[j++]!);
  return out;
}

/** `Squeeze`'s dims: `axes` (or every 1) removed; each must be 1. */
export function squeezeDims(dims: readonly number[], axes: readonly number[] | undefined): number[] {
  if (axes === undefined) return dims.filter((d) => d !== 1);
  const at = new Set(axes.map((a) => axisOf(a, dims.length, 'Squeeze axis')));
  for (const a of at) if (dims[a] !== 1) unsupported(`Squeeze axis ${a} has size ${dims[a]} (expected 1)`);
  return dims.filter((_, i) => !at.has(i));
}

/** An attribute list, or the constant input `i` (opsets that moved an attribute to an input). */
export function listInput(ctx: NodeContext, attribute: string, i: number): number[] | undefined {
  const a = ctx.ints(attribute, undefined);
  if (a !== undefined) return [...a];
  return ctx.input(i) === undefined ? undefined : intList(ctx.constant(i, attribute), attribute);
}

// TensorProto.DataType codes that are integers (or bool) — Cast's `to`.
const INT_TYPES = new Set([2, 3, 4, 5, 6, 7, 9, 12, 13]);
const FLOAT_TYPES = new Set([1, 10, 11, 16]);

const slice: Folder = (ctx) => {
  const x = ctx.constant(0, 'data');
  const starts = listInput(ctx, 'starts', 1) ?? unsupported('has no starts');
  const ends = listInput(ctx, 'ends', 2) ?? unsupported('has no ends');
  const axes = listInput(ctx, 'axes', 3) ?? range(starts.length);
  const steps = listInput(ctx, 'steps', 4) ?? axes.map(() => 1);
  if (ends.length !== starts.length || axes.length !== starts.length || steps.length !== starts.length) unsupported('has starts, ends, axes and steps of different lengths');
  const take = x.dims.map((d) => range(d));
  axes.forEach((axis, k) => {
    const a = axisOf(axis, x.dims.length);
    const d = x.dims[a]!;
    const step = steps[k]!;
    if (step === 0) unsupported('has a step of 0');
    const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v < 0 ? v + d : v, lo), hi);
    const s = step > 0 ? clamp(starts[k]!, 0, d) : clamp(starts[k]!, 0, d - 1);
    const e = step > 0 ? clamp(ends[k]!, 0, d) : clamp(ends[k]!, -1, d - 1);
    const list: number[] = [];
    for (let i = s; step > 0 ? i < e : i > e; i += step) list.push(i);
    take[a] = list;
  });
  return block(x, take);
};

const gather: Folder = (ctx) => {
  const x = ctx.constant(0, 'data');
  const indices = ctx.constant(1, 'indices');
  const axis = axisOf(ctx.int('axis', 0), x.dims.length);
  const d = x.dims[axis]!;
  const picked = intList({ ...indices, dims: [indices.data.length] }, 'indices').map((i) => (i < 0 ? i + d : i));
  if (picked.some((i) => i < 0 || i >= d)) unsupported(`gathers an index out of range 0 … ${d - 1}`);
  const take = x.dims.map((n, a) => (a === axis ? picked : range(n)));
  const out = block(x, take);
  return { ...out, dims: [...x.dims.slice(0, axis), ...indices.dims, ...x.dims.slice(axis + 1)] };
};

const concat: Folder = (ctx) => {
  const parts = ctx.node.inputs.map((_, i) => ctx.constant(i, `input ${i}`));
  const rank = parts[0]!.dims.length;
  const axis = axisOf(ctx.int('axis', 0), rank);
  for (const p of parts) {
    if (p.dims.length !== rank || p.dims.some((d, i) => i !== axis && d !== parts[0]!.dims[i])) unsupported('concatenates constants whose dims do not agree');
  }
  const dims = parts[0]!.dims.map((d, i) => (i === axis ? parts.reduce((n, p) => n + p.dims[axis]!, 0) : d));
  checkSize(dims);
  const outer = sizeOf(dims.slice(0, axis));
  const out = new Float32Array(sizeOf(dims));
  let at = 0;
  for (let o = 0; o < outer; o++) {
    for (const p of parts) {
      const n = sizeOf(p.dims.slice(axis));
      out.set(p.data.subarray(o * n, (o + 1) * n), at);
      at += n;
    }
  }
  return { kind: 'const', dims, data: out, int: parts.every((p) => p.int) };
};

const cast: Folder = (ctx) => {
  const x = ctx.constant(0, 'input');
  const to = ctx.int('to', 0);
  if (INT_TYPES.has(to)) return { kind: 'const', dims: x.dims, data: x.data.map((v) => (to === 9 ? (v !== 0 ? 1 : 0) : Math.trunc(v))), int: true };
  if (FLOAT_TYPES.has(to)) return { ...x, int: false };
  return unsupported(`casts to data type ${to}`);
};

const transpose: Folder = (ctx) => {
  const x = ctx.constant(0, 'data');
  const rank = x.dims.length;
  const perm = ctx.ints('perm', undefined) ?? range(rank).reverse();
  if (perm.length !== rank || new Set(perm).size !== rank || perm.some((p) => p < 0 || p >= rank)) unsupported(`perm [${perm.join(', ')}] is not a permutation of rank ${rank}`);
  const s = strides(x.dims);
  const dims = perm.map((p) => x.dims[p]!);
  const out = new Float32Array(x.data.length);
  const idx = new Array<number>(rank).fill(0);
  for (let o = 0; o < out.length; o++) {
    let at = 0;
    for (let k = 0; k < rank; k++) at += idx[k]! * s[perm[k]!]!;
    out[o] = x.data[at]!;
    for (let k = rank - 1; k >= 0; k--) {
      if (++idx[k]! < dims[k]!) break;
      idx[k] = 0;
    }
  }
  return { kind: 'const', dims, data: out, int: x.int };
};

const constantOfShape: Folder = (ctx) => {
  const dims = intList(ctx.constant(0, 'shape'), 'shape');
  checkSize(dims);
  const a = ctx.node.attributes.value;
  const value = a?.type === 'TENSOR' && a.value.data.length === 1 ? a.value.data[0]! : 0;
  const int = a?.type === 'TENSOR' ? a.value.dataType !== 1 && a.value.dataType !== 10 && a.value.dataType !== 11 : false;
  return { kind: 'const', dims, data: new Float32Array(sizeOf(dims)).fill(value), int };
};

const rangeOp: Folder = (ctx) => {
  const [start, limit, delta] = [0, 1, 2].map((i) => ctx.constant(i, ['start', 'limit', 'delta'][i]!));
  const s = start!.data[0]!;
  const d = delta!.data[0]!;
  if (d === 0 || !Number.isFinite(d)) unsupported('has a delta of 0');
  const n = Math.max(Math.ceil((limit!.data[0]! - s) / d), 0);
  checkSize([n]);
  return constant([n], Array.from({ length: n }, (_, i) => s + i * d), start!.int && delta!.int);
};

/** Constant-only ops, by op type. */
export const FOLDERS: Readonly<Record<string, Folder>> = {
  Constant: (ctx) => {
    const a = ctx.node.attributes;
    const t = a.value;
    if (t?.type === 'TENSOR') return { kind: 'const', dims: t.value.dims, data: t.value.data, int: t.value.dataType !== 1 && t.value.dataType !== 10 && t.value.dataType !== 11 };
    const one = (v: { type: string; value?: unknown } | undefined, int: boolean): ConstValue | undefined =>
      v && 'value' in v ? (Array.isArray(v.value) ? constant([v.value.length], v.value as number[], int) : constant([], [v.value as number], int)) : undefined;
    return one(a.value_float, false) ?? one(a.value_floats, false) ?? one(a.value_int, true) ?? one(a.value_ints, true) ?? unsupported('has no numeric value (expected value, value_float(s) or value_int(s))');
  },
  Identity: (ctx) => ctx.constant(0, 'input'),
  Shape: (ctx) => {
    const dims = ctx.constant(0, 'data').dims;
    return constant([dims.length], dims, true);
  },
  Add: binary((x, y) => x + y),
  Sub: binary((x, y) => x - y),
  Mul: binary((x, y) => x * y),
  Div: binary((x, y) => x / y, (x, y) => (y === 0 ? unsupported('divides an integer by 0') : Math.trunc(x / y))),
  Neg: (ctx) => {
    const x = ctx.constant(0, 'X');
    return { ...x, data: x.data.map((v) => -v) };
  },
  Sqrt: (ctx) => {
    const x = ctx.constant(0, 'X');
    return { ...x, data: x.data.map(Math.sqrt), int: false };
  },
  Slice: slice,
  Gather: gather,
  Concat: concat,
  Cast: cast,
  Transpose: transpose,
  ConstantOfShape: constantOfShape,
  Range: rangeOp,
  Reshape: (ctx) => {
    const x = ctx.constant(0, 'data');
    const dims = reshapeDims(x.dims, intList(ctx.constant(1, 'shape'), 'shape'), ctx.int('allowzero', 0) === 1);
    return { ...x, dims };
  },
  Flatten: (ctx) => {
    const x = ctx.constant(0, 'input');
    const axis = axisOf(ctx.int('axis', 1), x.dims.length + 1);
    return { ...x, dims: [sizeOf(x.dims.slice(0, axis)), sizeOf(x.dims.slice(axis))] };
  },
  Unsqueeze: (ctx) => {
    const x = ctx.constant(0, 'data');
    return { ...x, dims: unsqueezeDims(x.dims, listInput(ctx, 'axes', 1) ?? unsupported('has no axes')) };
  },
  Squeeze: (ctx) => {
    const x = ctx.constant(0, 'data');
    return { ...x, dims: squeezeDims(x.dims, listInput(ctx, 'axes', 1)) };
  },
};
