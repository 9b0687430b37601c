/**
 * Code generation: an imported graph → the text of a typed convtype module plus its weights as a
 * safetensors file. The module reads like a hand-written model (examples/unet.ts): `input([...], { name })`,
 * one `export const` per layer or per short run of single-use layers, every option a literal so the type
 * checker computes each shape, a `// shape:` comment under each const (the shape the runtime rules computed
 * while the graph was built here — the type checker must agree, and the tests check that it does), joins
 * with `add` / `concat` / `multiply`, and `createModel(weights)` that loads the safetensors bytes.
 *
 * Decision: the statements are assembled with ts-morph (an optional peer dependency, also used by the CLI)
 * in one `addStatements` call, so the output is TypeScript's own layout; the graph is built with the runtime
 * first (build.ts), so a graph that does not fit fails here, with the layer's name, not in the user's editor.
 * Runs of layers are cut at `maxChain` calls: TypeScript 5.9/6.0 overflow on fluent chains of ~600 calls.
 */
import { ConvtypeError } from '../errors.js';
import { writeSafetensors } from '../io/safetensors.js';
import { FUNCTION_KINDS } from '../layers/index.js';
import { formatShape } from '../shapes/format.js';
import { buildModel, graphWeights } from './build.js';
import { identifier, literal, quote } from './internal/literal.js';
import type { ImportedGraph, ImportedLayer } from './ir.js';

/** The ts-morph module (an optional peer dependency: imported only when code is generated). */
type TsMorph = typeof import('ts-morph');

/** Options of `generateModelSource`. */
export interface CodegenOptions {
  /** Module specifier of the library in the generated imports, default `'convtype'`. */
  readonly library?: string;
  /** Module specifier of the safetensors reader, default `<library>/safetensors`. */
  readonly safetensors?: string;
  /** The model file it came from, for the header comment (`model.json`). */
  readonly sourceName?: string;
  /** The weights file name the header mentions, default `model.safetensors`. */
  readonly weightsName?: string;
  /** Most calls in one fluent chain before a new const, default 12. */
  readonly maxChain?: number;
  /** ts-morph, when the caller has loaded it already (the CLI); imported otherwise. */
  readonly tsMorph?: TsMorph;
}

/** A shape as printed in summaries: batch `B`. */
export interface GeneratedTensor {
  readonly name: string;
  readonly shape: readonly number[];
}

/** The generated module, its weights and what they hold. */
export interface GeneratedModel {
  /** TypeScript source. */
  readonly source: string;
  /** The weights as a safetensors file (F32, keys `<layer>/<param>`). */
  readonly weights: Uint8Array;
  readonly layers: number;
  readonly params: number;
  readonly macs: number;
  readonly inputs: readonly GeneratedTensor[];
  readonly outputs: readonly GeneratedTensor[];
}

async function loadTsMorph(given: TsMorph | undefined): Promise<TsMorph> {
  if (given) return given;
  try {
    return await import('ts-morph');
  } catch (e) {
    throw new ConvtypeError('generateModelSource: needs ts-morph, an optional peer dependency of convtype (npm install --save-dev ts-morph)', { cause: e });
  }
}

/** Source text for a line comment (node names of a model file may hold anything). */
const oneLine = (text: string): string => text.replace(/[\r\n\u2028\u2029]+/g, ' ');

/** One `const`: a run of layers, the first reading `from` (a method chain) or a join of several tensors. */
interface Statement {
  readonly layers: ImportedLayer[];
}

/** Groups layers into consts: a layer continues the run before it when it is that run's only reader. */
function statementsOf(graph: ImportedGraph, maxChain: number): Statement[] {
  const readers = new Map<string, number>();
  for (const l of graph.layers) for (const i of l.inputs) readers.set(i, (readers.get(i) ?? 0) + 1);
  for (const o of graph.outputs) readers.set(o, (readers.get(o) ?? 0) + 2);
  const statements: Statement[] = [];
  const last = new Map<string, Statement>();
  for (const layer of graph.layers) {
    const from = layer.inputs[0]!;
    const run = last.get(from);
    const continues =
      !FUNCTION_KINDS.has(layer.kind) && layer.inputs.length === 1 && run !== undefined && readers.get(from) === 1 && run.layers.length < maxChain;
    if (continues) {
      run.layers.push(layer);
      last.delete(from);
      last.set(layer.name, run);
    } else {
      const s = { layers: [layer] };
      statements.push(s);
      last.set(layer.name, s);
    }
  }
  return statements;
}

/**
 * The typed TypeScript module and safetensors weights of an imported graph. Throws `GraphError` /
 * `WeightError` if the graph does not build.
 * @example (await generateModelSource(graph, { library: 'convtype' })).source.includes("input([32, 32, 3], { name: 'LR' })") //=> true
 */
export async function generateModelSource(graph: ImportedGraph, options: CodegenOptions = {}): Promise<GeneratedModel> {
  const net = buildModel(graph);
  const shapeOf = new Map<string, readonly number[]>(net.layers.map((l) => [l.name, l.shape]));
  for (const x of graph.inputs) shapeOf.set(x.name, [-1, ...x.shape]);
  const library = options.library ?? 'convtype';
  const used = new Set(['input', 'model']);
  for (const l of graph.layers) if (FUNCTION_KINDS.has(l.kind)) used.add(l.kind);
  const taken = new Set<string>([...used, 'readSafetensors', 'createModel', 'weights', 'net']);
  const ids = new Map<string, string>();
  const id = (name: string): string => ids.get(name)!;
  for (const x of graph.inputs) ids.set(x.name, identifier(x.name, taken));

  const call = (l: ImportedLayer): string => {
    const options = literal({ ...l.options, name: l.name });
    if (l.kind === 'concat') return `concat([${l.inputs.map(id).join(', ')}], ${options})`;
    if (FUNCTION_KINDS.has(l.kind)) return `${l.kind}(${l.inputs.map(id).join(', ')}, ${options})`;
    return `.${l.kind}(${options})`;
  };
  const statements: string[] = [];
  for (const x of graph.inputs) {
    statements.push(`\nexport const ${id(x.name)} = input(${literal(x.shape)}, { name: ${quote(x.name)} });\n// shape: ${formatShape(shapeOf.get(x.name)!)}`);
  }
  for (const s of statementsOf(graph, options.maxChain ?? 12)) {
    const head = s.layers[0]!;
    const tail = s.layers[s.layers.length - 1]!;
    // The const is named for the source node: a conv's fused activation (`stem_relu`) shares its conv's origin.
    const name = identifier(s.layers.find((l) => l.origin === tail.origin)!.name, taken);
    for (const l of s.layers) ids.set(l.name, name);
    const comment = (l: ImportedLayer): string => ` // ${oneLine(l.origin)}: ${formatShape(shapeOf.get(l.name)!)}`;
    const joined = FUNCTION_KINDS.has(head.kind);
    const rest = joined ? s.layers.slice(1) : s.layers;
    let text = `export const ${name} = ${joined ? call(head) : id(head.inputs[0]!)}`;
    if (s.layers.length === 1) text += `${joined ? '' : call(head)};`;
    else {
      if (joined) text += comment(head);
      text += rest.map((l, i) => `\n  ${call(l)}${i === rest.length - 1 ? ';' : ''}${comment(l)}`).join('');
    }
    statements.push(`\n${s.layers.length === 1 ? `// ${oneLine(head.origin)}\n` : ''}${text}\n// shape: ${formatShape(shapeOf.get(tail.name)!)}`);
  }
  const ins = graph.inputs.map((x) => id(x.name));
  const outs = graph.outputs.map(id);
  const many = ins.length !== 1 || outs.length !== 1;
  const args = many ? `[${ins.join(', ')}], [${outs.join(', ')}]` : `${ins[0]}, ${outs[0]}`;
  const weightsName = options.weightsName ?? 'model.safetensors';

  const tsm = await loadTsMorph(options.tsMorph);
  const project = new tsm.Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('model.ts', '');
  file.addStatements([
    header(graph, net, options.sourceName, weightsName),
    `import { ${[...used].sort().join(', ')} } from ${quote(library)};`,
    `import { readSafetensors } from ${quote(options.safetensors ?? `${library}/safetensors`)};`,
    ...statements,
    [
      `\n/**`,
      ` * The model with the imported weights: \`weights\` is the content of ${weightsName}`,
      ` * (e.g. \`createModel(readFileSync('${weightsName}'))\` in Node, or the bytes of a \`fetch\`).`,
      ` */`,
      `export function createModel(weights: Uint8Array) {`,
      `  const net = model(${args});`,
      `  net.setWeights(readSafetensors(weights).tensors);`,
      `  return net;`,
      `}`,
    ].join('\n'),
  ]);
  const weights = writeSafetensors(graphWeights(graph), { format: 'convtype', source: options.sourceName ?? graph.format });
  return {
    source: file.getFullText().replace(/\n{3,}/g, '\n\n'),
    weights,
    layers: graph.layers.length,
    params: net.params,
    macs: net.macs,
    inputs: graph.inputs.map((x) => ({ name: x.name, shape: shapeOf.get(x.name)! })),
    outputs: graph.outputs.map((o) => ({ name: o, shape: shapeOf.get(o)! })),
  };
}

function header(graph: ImportedGraph, net: { params: number; macs: number }, source: string | undefined, weightsName: string): string {
  const lines = [
    `Generated by \`convtype import\` from ${source ?? `a ${graph.format} model`} (${graph.format}): ${graph.layers.length} layers,`,
    `${net.params.toLocaleString('en-US')} parameters, ${net.macs.toLocaleString('en-US')} MACs per example. Every \`// shape:\` comment is`,
    `what the type checker computes for the const above it; the weights are in ${weightsName}.`,
    ...graph.notes.map((n) => `Note: ${n}`),
  ];
  return `/**\n${lines.map((l) => ` * ${l.replace(/\*\//g, '* /')}`).join('\n')}\n */`;
}
