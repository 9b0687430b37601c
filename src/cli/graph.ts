/**
 * `convtype graph <file.ts> [--svg out.svg] [--dot out.dot] [--expand] [--title text]`: a picture of the file's
 * model from the type checker, without running it — the builder calls `convtype shapes` reports, wired by which
 * tensor each call takes (src/cli/chains.ts), as a `PictureGraph` (src/picture/from-calls.ts); a shape error is a
 * red edge carrying its sentence. Without --svg or --dot the DOT goes to stdout.
 *
 * Exit codes as `convtype shapes`: 0 no error, 1 the file has errors (the picture is still written, showing them),
 * 2 the command could not run.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ts } from 'ts-morph';
import { type PictureCall, pictureOfCalls } from '../picture/from-calls.js';
import { renderDot } from '../picture/dot.js';
import type { PictureGraph } from '../picture/graph.js';
import { analyzeFile } from './analyze.js';
import { type BuilderCall, builderCalls, skipOuter } from './calls.js';
import { producer, tensorInputs } from './chains.js';
import { type Io, type RunOptions, withProgram } from './main.js';
import { type TsMorph, groupByTsconfig } from './project.js';
import type { CallRow, ErrorReport } from './report.js';
import type { TypeReader } from './values.js';

export const graphUsage = `  convtype graph <file.ts> [--svg <out.svg>] [--dot <out.dot>] [--expand] [--title <text>] [--full-libs]
      a picture of the file's model from the type checker (no run): a node per layer with its options and
      params, shapes on the edges, repeated blocks folded (--expand: every layer), a shape error as a red
      edge with its sentence. Without --svg/--dot, DOT on stdout. (--svg needs elkjs)
`;

/** The picture of `file` (absolute) and whether it has errors. */
export function graphOfFile(tsm: typeof ts, program: ts.Program, file: string, displayPath: (f: string) => string): { graph: PictureGraph; errors: readonly ErrorReport[] } {
  const analysis = analyzeFile(tsm, program, file, undefined, displayPath);
  const source = program.getSourceFile(file)!;
  const r: TypeReader = { ts: tsm, checker: program.getTypeChecker() };
  const calls = builderCalls(r, source);
  // The report's rows are the same calls; match them by where they are reported.
  const rowAt = new Map<string, CallRow>();
  for (const chain of analysis.report.chains) for (const row of chain.calls) rowAt.set(`${row.line}:${row.column}`, row);
  const index = new Map<ts.Node, number>(calls.map((c, i) => [c.node, i]));
  const picture: PictureCall[] = calls.map((call) => {
    const { line, character } = source.getLineAndCharacterOfPosition(call.at);
    const row = rowAt.get(`${line + 1}:${character + 1}`)!;
    const inputs = tensorInputs(tsm, call)
      .map((e) => producer(tsm, r.checker, index, e, 0))
      .filter((j): j is number => j !== undefined);
    const block = call.kind === 'apply' ? specName(tsm, r.checker, call) : undefined;
    return { ...row, inputs, ...(block === undefined ? {} : { block }) };
  });
  return { graph: pictureOfCalls(picture), errors: analysis.report.errors };
}

/** What an applied spec is called: the function that made it (`bottleneck(64)`, or a const set to such a call), else its name. */
function specName(tsm: typeof ts, checker: ts.TypeChecker, call: BuilderCall): string | undefined {
  let e: ts.Expression | undefined = call.node.arguments[0];
  for (let depth = 0; e && depth < 10; depth++) {
    e = skipOuter(tsm, e);
    if (tsm.isCallExpression(e)) return tsm.isIdentifier(e.expression) || tsm.isPropertyAccessExpression(e.expression) ? lastName(tsm, e.expression) : undefined;
    if (!tsm.isIdentifier(e)) return undefined;
    const declaration = checker.getSymbolAtLocation(e)?.valueDeclaration;
    if (!declaration || !tsm.isVariableDeclaration(declaration) || !declaration.initializer) return e.text;
    const init = skipOuter(tsm, declaration.initializer);
    if (!tsm.isCallExpression(init)) return e.text;
    e = init;
  }
  return undefined;
}

const lastName = (tsm: typeof ts, e: ts.Expression): string => (tsm.isPropertyAccessExpression(e) ? e.name.text : e.getText());

/** Runs `convtype graph …`; resolves to the exit code. */
export async function graphCommand(argv: readonly string[], io: Io, display: (f: string) => string, run: RunOptions): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        svg: { type: 'string' },
        dot: { type: 'string' },
        expand: { type: 'boolean', default: false },
        title: { type: 'string' },
        'full-libs': { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    io.stderr.write(`convtype graph: ${(e as Error).message}\n\n${graphUsage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.stderr.write(`convtype graph: expected one .ts file (got ${positionals.length})\n\n${graphUsage}`);
    return 2;
  }
  const file = resolve(io.cwd, positionals[0]!);
  if (!existsSync(file)) {
    io.stderr.write(`convtype graph: file not found: ${display(file)}\n`);
    return 2;
  }
  let tsm: TsMorph;
  try {
    tsm = await io.loadTsMorph();
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const [group] = groupByTsconfig([file]);
  const lean = { ...run, lean: run.lean && !values['full-libs'] };
  const answer = withProgram(tsm, group!, lean, (program) => {
    const result = graphOfFile(tsm.ts, program, file, display);
    return { result, errors: result.errors };
  });
  const { graph } = answer;
  const errors = answer.errors.length;
  const options = { fold: !values.expand, ...(values.title === undefined ? {} : { title: values.title }) };
  if (values.dot !== undefined) writeFileSync(resolve(io.cwd, values.dot), renderDot(graph, options));
  if (values.svg !== undefined) {
    const { renderSvg } = await import('../picture/svg.js');
    writeFileSync(resolve(io.cwd, values.svg), await renderSvg(graph, options));
  }
  if (values.dot === undefined && values.svg === undefined) io.stdout.write(renderDot(graph, options));
  if (errors > 0) io.stderr.write(`convtype graph: ${errors} error${errors === 1 ? '' : 's'} in ${display(file)} (drawn in red)\n`);
  return errors === 0 ? 0 : 1;
}
