/**
 * `convtype import <model.onnx | model.json> --out model.ts [--weights model.safetensors] [--input 64x64x3 …]
 * [--from convtype]`: reads a model file, writes a typed convtype module and its weights, prints a summary.
 *
 * Exit codes: 0 written, 1 the model cannot be imported (unsupported operations, listed; a malformed file),
 * 2 the command could not run (usage, a missing file, ts-morph not installed).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConvtypeError } from '../errors.js';
import { generateModelSource, type GeneratedModel } from '../import/codegen.js';
import { ImportError, type ImportedGraph, type ImportOptions } from '../import/ir.js';
import { importTfjsLayers } from '../import/tfjs.js';
import { formatShape } from '../shapes/format.js';
import type { Io } from './main.js';
import type { TsMorph } from './project.js';

export const importUsage = `  convtype import <model.onnx | model.json> --out <model.ts> [--weights <model.safetensors>]
                  [--input HxWxC]… [--from <specifier>]
      a typed convtype module (one const per layer, every shape computed by the type checker) and its
      weights, from an ONNX model or a TensorFlow.js layers model.json (+ its shards, found beside it).
      --out      the .ts file to write
      --weights  the weights file, default the --out path with .safetensors
      --input    an input's size without the batch, NHWC (repeat once per input, in order), for inputs whose
                 size the file leaves open
      --from     the library's module specifier in the generated imports, default convtype
      unsupported operations are listed (exit code 1).
`;

class UsageError extends Error {}

/** `64x64x3` → `[64, 64, 3]`. */
function parseDims(text: string): number[] {
  const dims = text.split(/[x×,]/).map((d) => Number(d));
  if (dims.length === 0 || !dims.every((d) => Number.isSafeInteger(d) && d >= 1)) throw new UsageError(`--input '${text}' is not a size like 64x64x3 (positive integers, without the batch)`);
  return dims;
}

/** The ONNX front-end, loaded only when an .onnx file is imported. */
async function importOnnxFile(bytes: Uint8Array, options: ImportOptions): Promise<ImportedGraph> {
  const { importOnnx } = await import('../import/onnx.js');
  return importOnnx(bytes, options);
}

/** A tfjs model.json and the shards its manifest names, read from the folder it is in. */
function readTfjs(path: string): { json: unknown; shards: Uint8Array[] } {
  const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const manifest = (json as { weightsManifest?: unknown }).weightsManifest;
  const paths = Array.isArray(manifest) ? manifest.flatMap((g: { paths?: unknown }) => (Array.isArray(g?.paths) ? g.paths : [])) : [];
  const shards = paths.map((p: unknown) => {
    const file = resolve(dirname(path), String(p));
    try {
      return new Uint8Array(readFileSync(file));
    } catch {
      throw new UsageError(`weight shard not found: ${file} (model.json's weightsManifest names it)`);
    }
  });
  return { json, shards };
}

const count = (n: number): string => n.toLocaleString('en-US');

function summary(model: string, out: string, weights: string, graph: ImportedGraph, g: GeneratedModel): string {
  const lines = [`convtype import: ${model} (${graph.format}) → ${out}, ${weights}`];
  for (const x of g.inputs) lines.push(`  input  ${x.name}: ${formatShape(x.shape)}`);
  lines.push(`  ${g.layers} layers, ${count(g.params)} parameters, ${count(g.macs)} MACs per example`);
  for (const y of g.outputs) lines.push(`  output ${y.name}: ${formatShape(y.shape)}`);
  for (const n of graph.notes) lines.push(`  note: ${n}`);
  return `${lines.join('\n')}\n`;
}

/** Runs `convtype import` with the arguments after `import`; resolves to the exit code. */
export async function importCommand(argv: readonly string[], io: Io): Promise<number> {
  const shown = (f: string): string => {
    const rel = relative(io.cwd, f);
    return (rel !== '' && !rel.startsWith('..') ? rel : f).split('\\').join('/');
  };
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        allowPositionals: true,
        options: { out: { type: 'string' }, weights: { type: 'string' }, input: { type: 'string', multiple: true }, from: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout.write(`usage:\n${importUsage}`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(`expected one model file (got ${positionals.length})`);
    if (values.out === undefined) throw new UsageError('--out <model.ts> is required');
    const modelPath = resolve(io.cwd, positionals[0]!);
    const outPath = resolve(io.cwd, values.out);
    const weightsPath = resolve(io.cwd, values.weights ?? `${outPath.slice(0, outPath.length - extname(outPath).length)}.safetensors`);
    const inputShapes = (values.input ?? []).map(parseDims);
    const options: ImportOptions = inputShapes.length > 0 ? { inputShapes } : {};
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(modelPath));
    } catch {
      throw new UsageError(`file not found: ${shown(modelPath)}`);
    }
    const ext = extname(modelPath).toLowerCase();
    let graph: ImportedGraph;
    if (ext === '.onnx') graph = await importOnnxFile(bytes, options);
    else if (ext === '.json') {
      const { json, shards } = readTfjs(modelPath);
      graph = importTfjsLayers(json, shards, options);
    } else throw new UsageError(`unknown model format '${ext}' (expected .onnx or a tfjs model.json)`);
    let tsMorph: TsMorph;
    try {
      tsMorph = await io.loadTsMorph();
    } catch (e) {
      io.stderr.write(`${(e as Error).message}\n`);
      return 2;
    }
    const generated = await generateModelSource(graph, {
      tsMorph,
      sourceName: basename(modelPath),
      weightsName: basename(weightsPath),
      ...(values.from === undefined ? {} : { library: values.from }),
    });
    mkdirSync(dirname(outPath), { recursive: true });
    mkdirSync(dirname(weightsPath), { recursive: true });
    writeFileSync(outPath, generated.source);
    writeFileSync(weightsPath, generated.weights);
    io.stdout.write(summary(shown(modelPath), shown(outPath), shown(weightsPath), graph, generated));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`convtype import: ${e.message}\n\nusage:\n${importUsage}`);
      return 2;
    }
    if (e instanceof ImportError) {
      io.stderr.write(`convtype ${e.message}\n`);
      return 1;
    }
    if (e instanceof ConvtypeError || e instanceof SyntaxError) {
      io.stderr.write(`convtype import: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
