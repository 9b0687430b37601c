/**
 * Fuzzing the loaders (issue 7, Robustness): seeded mutated, truncated and lying inputs. Every case must
 * either parse (and then every tensor's data length equals its shape's product) or throw `FormatError`,
 * within 100 ms, without `process.memoryUsage().arrayBuffers` growing by more than 4 MB during the call.
 * The figures (cases, outcomes, slowest case, largest growth) are printed at the end.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { input, model, WeightError } from '../../src/index.js';
import { FormatError } from '../../src/io/errors.js';
import { convertPyTorchWeights } from '../../src/io/pytorch.js';
import { readSafetensors, writeSafetensors } from '../../src/io/safetensors.js';
import { loadTfjsWeights } from '../../src/io/tfjs.js';
import { buildSafetensors, rng } from './build.js';

const TIME_LIMIT_MS = 100;
const MEMORY_LIMIT = 4 * 1024 * 1024;

interface Tally {
  cases: number;
  parsed: number;
  rejected: number;
  maxMs: number;
  maxGrowth: number;
  slowest: string;
  retried: number;
  reasons: Map<string, number>;
}
const tallies = new Map<string, Tally>();

/** Runs one case: parse or FormatError, timed and memory-checked; anything else fails the test. */
function check(
  suite: string,
  label: string,
  run: () => Record<string, { shape: readonly number[]; data: Float32Array }>,
  expected: new (...args: never[]) => Error = FormatError,
): void {
  let t = tallies.get(suite);
  if (!t) tallies.set(suite, (t = { cases: 0, parsed: 0, rejected: 0, maxMs: 0, maxGrowth: 0, slowest: '', retried: 0, reasons: new Map() }));
  const before = process.memoryUsage().arrayBuffers;
  const start = performance.now();
  let outcome: unknown;
  let result: Record<string, { shape: readonly number[]; data: Float32Array }> | undefined;
  try {
    result = run();
  } catch (e) {
    outcome = e;
  }
  const ms = performance.now() - start;
  const growth = process.memoryUsage().arrayBuffers - before;
  t.cases++;
  if (ms > t.maxMs) (t.maxMs = ms), (t.slowest = label);
  t.maxGrowth = Math.max(t.maxGrowth, growth);
  if (outcome !== undefined) {
    if (!(outcome instanceof expected)) throw new Error(`${suite} ${label}: threw ${String(outcome)} (expected ${expected.name})`);
    t.rejected++;
    const reason = outcome.message.replace(/^\w+: (tensor '[^']*': )?/, '').replace(/[\d"'[\]].*$/s, '').trim();
    t.reasons.set(reason, (t.reasons.get(reason) ?? 0) + 1);
  } else {
    t.parsed++;
    for (const [name, tensor] of Object.entries(result!)) {
      const n = tensor.shape.reduce((a, b) => a * b, 1);
      if (tensor.data.length !== n) throw new Error(`${suite} ${label}: '${name}' has ${tensor.data.length} values for ${tensor.shape}`);
    }
  }
  if (ms >= TIME_LIMIT_MS) {
    // A GC pause or a busy shared core is not the loader's fault: a case fails only if it is slow twice.
    const again = performance.now();
    try {
      run();
    } catch {
      // Same outcome as above; only the time matters here.
    }
    const retry = performance.now() - again;
    t.retried++;
    if (retry >= TIME_LIMIT_MS) throw new Error(`${suite} ${label}: took ${ms.toFixed(1)} ms, then ${retry.toFixed(1)} ms (limit ${TIME_LIMIT_MS})`);
  }
  if (growth >= MEMORY_LIMIT) throw new Error(`${suite} ${label}: arrayBuffers grew by ${growth} bytes (limit ${MEMORY_LIMIT})`);
}

const safetensors = (bytes: Uint8Array) => () => readSafetensors(bytes).tensors;

afterAll(() => {
  let total = 0;
  const lines = ['fuzz figures:'];
  for (const [suite, t] of tallies) {
    total += t.cases;
    lines.push(
      `  ${suite}: ${t.cases} cases, ${t.parsed} parsed, ${t.rejected} ${suite.startsWith('pytorch') ? 'WeightError' : 'FormatError'}, slowest ${t.maxMs.toFixed(2)} ms (${t.slowest}), max arrayBuffers growth ${(t.maxGrowth / 1024).toFixed(0)} KiB${t.retried ? `, ${t.retried} slow case(s) re-timed` : ''}`,
    );
    const top = [...t.reasons].sort((a, b) => b[1] - a[1]).slice(0, 12);
    lines.push(`    reasons: ${top.map(([r, n]) => `${n}× ${r}`).join('; ')}`);
  }
  lines.push(`  total: ${total} cases`);
  console.log(lines.join('\n'));
});

/** A small valid file: F32, F16 and BF16 tensors, metadata. */
function validFile(): Uint8Array {
  const f16 = Uint16Array.of(0x3c00, 0xc000, 0x7c00, 0x0001);
  const bf16 = Uint16Array.of(0x3f80, 0xff80);
  const data = new Uint8Array(24 + 8 + 4);
  data.set(new Uint8Array(Float32Array.of(1, 2, 3, 4, 5, 6).buffer), 0);
  data.set(new Uint8Array(f16.buffer), 24);
  data.set(new Uint8Array(bf16.buffer), 32);
  return buildSafetensors(
    {
      __metadata__: { format: 'pt' },
      'conv.weight': { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] },
      half: { dtype: 'F16', shape: [2, 2], data_offsets: [24, 32] },
      brain: { dtype: 'BF16', shape: [2], data_offsets: [32, 36] },
    },
    data,
  );
}

const HOSTILE_NUMBERS: unknown[] = [
  -1, 0.5, 2 ** 31, 2 ** 32, 2 ** 52, 2 ** 53, 2 ** 53 + 2, 1e308, -0, '8', null, true, [], {}, Number.MAX_SAFE_INTEGER, 36, 37, 35, 24, 4096,
];
const HOSTILE_SHAPES: unknown[] = [
  [2 ** 52],
  [2 ** 52, 2 ** 52],
  [2 ** 26, 2 ** 26, 2 ** 26],
  [2 ** 53],
  [1e308],
  [-6],
  [6.5],
  ['6'],
  [[6]],
  [],
  [0],
  [3, 2],
  [1, 1, 1, 1, 1, 1, 6],
  new Array(40).fill(1),
  new Array(10_000).fill(0),
  {},
  '6',
  null,
  [2 ** 30, 0, 2 ** 30],
];
const HOSTILE_DTYPES: unknown[] = ['F32', 'F16', 'BF16', 'F64', 'I64', 'U8', 'BOOL', 'F8_E4M3', 'f32', 'float32', '', 'F32 ', 7, null, ['F32'], 'C64', 'I4'];

describe('safetensors fuzz', () => {
  const valid = validFile();
  const headerLength = new DataView(valid.buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(valid.subarray(8, 8 + headerLength))) as Record<string, Record<string, unknown>>;
  const data = valid.subarray(8 + headerLength);

  it(`truncations at every length 0..${valid.length}`, () => {
    for (let n = 0; n <= valid.length; n++) check('safetensors truncation', `length ${n}`, safetensors(valid.slice(0, n)));
    // And the data section cut at every length with the header intact (data_offsets now out of range).
    for (let n = 0; n < data.length; n++) check('safetensors truncation', `data ${n}`, safetensors(buildSafetensors(header, data.subarray(0, n))));
  });

  it('random byte flips (1–8 bytes, 1500 files)', () => {
    const r = rng(1);
    for (let c = 0; c < 1500; c++) {
      const bytes = valid.slice();
      const flips = 1 + Math.floor(r() * 8);
      for (let i = 0; i < flips; i++) {
        const at = Math.floor(r() * bytes.length);
        bytes[at] = r() < 0.5 ? Math.floor(r() * 256) : bytes[at]! ^ (1 << Math.floor(r() * 8));
      }
      check('safetensors byte flips', `seed 1 case ${c}`, safetensors(bytes));
    }
  });

  it('lying header lengths', () => {
    const lies: (number | bigint)[] = [0, 1, 2, 7, 8, headerLength - 1, headerLength + 1, headerLength + 36, valid.length, 100_000_000, 100_000_001, 2 ** 31, 2 ** 32, 2n ** 53n, 2n ** 63n, 2n ** 64n - 1n];
    const r = rng(2);
    for (let i = 0; i < 40; i++) lies.push(Math.floor(r() * 2 ** 32));
    for (const lie of lies) {
      const bytes = valid.slice();
      new DataView(bytes.buffer).setBigUint64(0, BigInt(lie), true);
      check('safetensors header length', `length ${lie}`, safetensors(bytes));
    }
  });

  it('hostile entry fields: offsets, shapes, dtypes, overlaps', () => {
    const r = rng(3);
    const names = Object.keys(header).filter((k) => k !== '__metadata__');
    const mutate = (edit: (h: Record<string, Record<string, unknown>>) => void, label: string) => {
      const h = structuredClone(header);
      edit(h);
      check('safetensors entries', label, safetensors(buildSafetensors(h, data)));
    };
    for (const name of names) {
      for (const v of HOSTILE_NUMBERS) {
        mutate((h) => ((h[name]!.data_offsets as unknown[])[0] = v), `${name} begin ${String(v)}`);
        mutate((h) => ((h[name]!.data_offsets as unknown[])[1] = v), `${name} end ${String(v)}`);
      }
      for (const s of HOSTILE_SHAPES) mutate((h) => (h[name]!.shape = s), `${name} shape ${JSON.stringify(s).slice(0, 30)}`);
      for (const d of HOSTILE_DTYPES) mutate((h) => (h[name]!.dtype = d), `${name} dtype ${String(d)}`);
      for (const other of names) if (other !== name) mutate((h) => (h[name]!.data_offsets = [...(h[other]!.data_offsets as number[])]), `${name} overlaps ${other}`);
      mutate((h) => delete h[name]!.dtype, `${name} no dtype`);
      mutate((h) => delete h[name]!.shape, `${name} no shape`);
      mutate((h) => delete h[name]!.data_offsets, `${name} no offsets`);
      mutate((h) => (h[name]!.data_offsets = [0, 36, 0]), `${name} three offsets`);
      mutate((h) => ((h as Record<string, unknown>)[name] = [1, 2]), `${name} array entry`);
    }
    // Random combinations of the above.
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    for (let c = 0; c < 400; c++) {
      mutate((h) => {
        for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
          const e = h[pick(names)]!;
          const field = pick(['begin', 'end', 'shape', 'dtype']);
          if (field === 'shape') e.shape = pick(HOSTILE_SHAPES);
          else if (field === 'dtype') e.dtype = pick(HOSTILE_DTYPES);
          else (e.data_offsets as unknown[])[field === 'begin' ? 0 : 1] = pick(HOSTILE_NUMBERS);
        }
      }, `combination ${c}`);
    }
    mutate((h) => ((h as Record<string, unknown>).__metadata__ = { a: 1 }), 'metadata number');
    mutate((h) => ((h as Record<string, unknown>).__metadata__ = 'x'), 'metadata string');
  });

  it('non-JSON, invalid UTF-8, deep nesting, random headers', () => {
    const r = rng(4);
    const texts = [
      '',
      ' ',
      '{',
      '}',
      'null',
      '[]',
      '"x"',
      '1e999',
      '{"a":}',
      '{"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}',
      '{"a":1,}',
      '\u0000{}',
      '['.repeat(1000),
      '['.repeat(100_000) + ']'.repeat(100_000),
      '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000),
      '{"a":{"dtype":"F32","shape":' + '['.repeat(20) + ']'.repeat(20) + ',"data_offsets":[0,0]}}',
      '{"a":"' + '\\'.repeat(10_001) + '"}',
      JSON.stringify({ a: { dtype: 'F32', shape: [0], data_offsets: [0, 0] }, b: { dtype: 'F32', shape: [0], data_offsets: [0, 0] } }),
    ];
    for (const [i, t] of texts.entries()) check('safetensors text', `text ${i}`, safetensors(buildSafetensors(t, [])));
    for (let c = 0; c < 300; c++) {
      const n = Math.floor(r() * 64);
      const bytes = Uint8Array.from({ length: n }, () => (r() < 0.7 ? 32 + Math.floor(r() * 95) : Math.floor(r() * 256)));
      const file = new Uint8Array(8 + n + Math.floor(r() * 16));
      new DataView(file.buffer).setUint32(0, n, true);
      file.set(bytes, 8);
      check('safetensors text', `random header ${c}`, safetensors(file));
    }
    for (const bad of [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      const t = new TextEncoder().encode('{"a":"');
      const file = new Uint8Array(8 + t.length + bad.length + 2);
      new DataView(file.buffer).setUint32(0, t.length + bad.length + 2, true);
      file.set(t, 8);
      file.set(bad, 8 + t.length);
      file.set([0x22, 0x7d], 8 + t.length + bad.length);
      check('safetensors text', `utf-8 ${bad}`, safetensors(file));
    }
  });

  it('round trips of random records still parse after the fuzzing (sanity)', () => {
    const r = rng(5);
    for (let c = 0; c < 50; c++) {
      const rec: Record<string, { shape: number[]; data: Float32Array }> = {};
      for (let i = 0; i < 1 + Math.floor(r() * 4); i++) {
        const shape = [1 + Math.floor(r() * 4), Math.floor(r() * 4)];
        rec[`t${i}`] = { shape, data: new Float32Array(shape[0]! * shape[1]!) };
      }
      const bytes = writeSafetensors(rec);
      check('safetensors round trip', `record ${c}`, safetensors(bytes));
    }
    expect(tallies.get('safetensors round trip')!.parsed).toBe(50);
  });
});

describe('tfjs fuzz', () => {
  const spec = [
    { name: 'conv2d/kernel', shape: [2, 2, 1, 2], dtype: 'float32' },
    { name: 'conv2d/bias', shape: [2], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.1, min: -1 } },
    { name: 'dense/kernel', shape: [3], dtype: 'float32', quantization: { dtype: 'uint16', scale: 0.01, min: 0 } },
    { name: 'dense/bias', shape: [2], dtype: 'float32', quantization: { dtype: 'float16' } },
    { name: 'steps', shape: [1], dtype: 'int32' },
  ];
  const bytes = Uint8Array.from({ length: 32 + 2 + 6 + 4 + 4 }, (_, i) => (i * 37) % 256);
  const json = { format: 'layers-model', modelTopology: {}, weightsManifest: [{ paths: ['a.bin', 'b.bin'], weights: spec }] };
  const tfjs = (j: unknown, shards: ArrayBuffer[]) => () => loadTfjsWeights(j, shards);
  const split = (b: Uint8Array, at: number) => [b.slice(0, at).buffer, b.slice(at).buffer];

  it('valid file, then shards truncated at every length and split at every point', () => {
    check('tfjs shards', 'valid', tfjs(json, split(bytes, 20)));
    expect(tallies.get('tfjs shards')!.parsed).toBe(1);
    for (let n = 0; n <= bytes.length; n++) {
      check('tfjs shards', `truncated ${n}`, tfjs(json, split(bytes.subarray(0, n), Math.min(n, 20))));
      check('tfjs shards', `split ${n}`, tfjs(json, split(bytes, n)));
      check('tfjs shards', `one shard ${n}`, tfjs(json, [bytes.slice(0, n).buffer]));
    }
  });

  it('hostile weight specs, as objects and as model.json text with byte flips', () => {
    const r = rng(6);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const quantizations: unknown[] = [undefined, null, 'uint8', {}, { dtype: 'uint8' }, { dtype: 'uint8', scale: 1, min: 0 }, { dtype: 'uint16', scale: NaN, min: 0 }, { dtype: 'float16' }, { dtype: 'int4' }, { dtype: 'uint8', scale: 1e308, min: -1e308 }];
    const dtypes: unknown[] = ['float32', 'int32', 'bool', 'string', 'complex64', 'uint8', 'float16', 7, null];
    for (let c = 0; c < 700; c++) {
      const weights = structuredClone(spec) as Record<string, unknown>[];
      for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
        const w = pick(weights);
        const field = pick(['shape', 'dtype', 'quantization', 'name', 'drop', 'dup']);
        if (field === 'shape') w.shape = pick(HOSTILE_SHAPES);
        else if (field === 'dtype') w.dtype = pick(dtypes);
        else if (field === 'quantization') w.quantization = pick(quantizations);
        else if (field === 'name') w.name = pick([7, null, 'conv2d/kernel', '', '__proto__']);
        else if (field === 'drop') weights.splice(weights.indexOf(w), 1);
        else weights.push(structuredClone(w));
      }
      const manifest = { weightsManifest: [{ paths: ['a.bin', 'b.bin'], weights }] };
      check('tfjs specs', `specs ${c}`, tfjs(manifest, split(bytes, Math.floor(r() * bytes.length))));
    }
    const text = JSON.stringify(json);
    for (let c = 0; c < 400; c++) {
      const chars = [...text];
      for (let k = 0; k < 1 + Math.floor(r() * 4); k++) chars[Math.floor(r() * chars.length)] = String.fromCharCode(32 + Math.floor(r() * 95));
      check('tfjs specs', `text flip ${c}`, tfjs(chars.join(''), split(bytes, 20)));
    }
    for (const j of [null, [], 'null', '[', '['.repeat(100_000), { weightsManifest: {} }, { weightsManifest: [null] }, { weightsManifest: [{ paths: 'a', weights: [] }] }]) {
      check('tfjs specs', `shape of json ${JSON.stringify(j)?.slice(0, 20)}`, tfjs(j, []));
    }
  });
});

describe('PyTorch conversion fuzz', () => {
  it('hostile state dicts (wrong shapes, lengths, types, names) convert or throw WeightError', () => {
    const x = input([6, 6, 2]);
    const m = model(x, x.conv2d({ filters: 3, kernel: 3, name: 'c' }).batchNorm({ name: 'bn' }).depthwiseConv2d({ kernel: 2, name: 'dw' }).flatten().dense({ units: 4, name: 'fc' }));
    const good: Record<string, number[]> = {
      'c.weight': [3, 2, 3, 3],
      'c.bias': [3],
      'bn.weight': [3],
      'bn.bias': [3],
      'bn.running_mean': [3],
      'bn.running_var': [3],
      'dw.weight': [3, 1, 2, 2],
      'dw.bias': [3],
      'fc.weight': [4, 27],
      'fc.bias': [4],
    };
    const r = rng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
    for (let c = 0; c < 500; c++) {
      const state: Record<string, unknown> = {};
      for (const [k, shape] of Object.entries(good)) state[k] = { shape, data: new Float32Array(size(shape)) };
      for (let k = 0; k < Math.floor(r() * 4); k++) {
        const name = pick(Object.keys(state).filter((n) => state[n] !== null));
        if (name === undefined) break;
        const what = pick(['shape', 'length', 'type', 'drop', 'rename', 'null', 'huge']);
        const t = state[name] as { shape: number[]; data: Float32Array };
        if (what === 'shape') state[name] = { ...t, shape: [...t.shape].reverse() };
        else if (what === 'length') state[name] = { ...t, data: new Float32Array(t.data.length + 1) };
        else if (what === 'type') state[name] = { ...t, data: Array.from(t.data) };
        else if (what === 'drop') delete state[name];
        else if (what === 'rename') (state[`${name}.x`] = t), delete state[name];
        else if (what === 'null') state[name] = null;
        else state[name] = { shape: [2 ** 52, 2 ** 52], data: t.data };
      }
      check('pytorch state dicts', `dict ${c}`, () => convertPyTorchWeights(m, state as never), WeightError);
    }
  });
});

describe('the monitor itself', () => {
  it('catches an 8 MB allocation and a non-FormatError', () => {
    let kept: Float32Array | undefined;
    expect(() =>
      check('monitor', 'allocates', () => {
        kept = new Float32Array(2 * 1024 * 1024);
        return {};
      }),
    ).toThrow(/arrayBuffers grew by/);
    expect(kept!.length).toBe(2 * 1024 * 1024);
    expect(() =>
      check('monitor', 'range error', () => {
        throw new RangeError('Array buffer allocation failed');
      }),
    ).toThrow(/expected FormatError/);
    tallies.delete('monitor');
  });
});

describe('fuzz totals', () => {
  it('at least 2,000 cases ran', () => {
    const total = [...tallies.values()].reduce((a, t) => a + t.cases, 0);
    expect(total).toBeGreaterThanOrEqual(2000);
  });
});
