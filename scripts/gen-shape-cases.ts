/**
 * Generates the engine-derived shape table `test/cases/engine-shapes.json` and its tsd twin
 * `test-d/generated/engine-shapes.test-d.ts`.
 *
 * Seeded random conv2d / conv2dTranspose / maxPool2d / avgPool2d configurations that SEMANTICS.md calls
 * valid are run on onnxruntime-node; the table records the shape the ENGINE produced, never a formula.
 * conv2d cases tfjs-core can express are re-run there as a second opinion, and tfjs-core is the engine
 * of record where ORT refuses a configuration tfjs can run (dilated 'same' conv at stride 1).
 * Configurations no engine runs, or where the engine's shape differs from SEMANTICS.md, are printed
 * and kept out: every row is a claim the DSL must meet, and a disagreement is for a person to settle
 * (SEMANTICS.md or the engine), not for the table to decide silently.
 *
 * Usage: npx tsx scripts/gen-shape-cases.ts [--seed N]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANCHORS, randomConv2d, randomConv2dTranspose, randomPool, validConfig } from './shape-cases/configs.js';
import { ONNX_ENGINE, TFJS_ENGINE, onnxOutput, shortError, tfjsCanRun, tfjsOutput } from './shape-cases/engine.js';
import { Rng } from './shape-cases/random.js';
import { caseName, renderJson, renderTestD } from './shape-cases/render.js';
import { ceilCorrectionApplies, semanticsOutput } from './shape-cases/semantics.js';
import { LAYERS } from './shape-cases/types.js';
import type { Hwc, LayerName, ShapeCase, ShapeConfig } from './shape-cases/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const JSON_PATH = 'test/cases/engine-shapes.json';
const TESTD_PATH = 'test-d/generated/engine-shapes.test-d.ts';

const seedArg = process.argv.indexOf('--seed');
const SEED = seedArg >= 0 ? Number(process.argv[seedArg + 1]) : 20_251_127;

/** Cases per layer (anchors included). */
const TARGET: Readonly<Record<LayerName, number>> = { conv2d: 250, conv2dTranspose: 160, maxPool2d: 150, avgPool2d: 100 };
/** Of the pool cases, how many must be ones where the ceil-mode correction drops the last window. */
const CEIL_CORRECTED: Readonly<Record<'maxPool2d' | 'avgPool2d', number>> = { maxPool2d: 20, avgPool2d: 12 };

const fmt = (s: Hwc | undefined): string => (s === undefined ? 'invalid' : `[${s.join(', ')}]`);

async function main(): Promise<void> {
  const started = performance.now();
  const rng = new Rng(SEED);
  const byLayer = new Map<LayerName, ShapeCase[]>(LAYERS.map((l) => [l, []]));
  const seen = new Set<string>();
  const rejected: string[] = [];
  const disagreements: string[] = [];
  let tfjsChecked = 0;
  let tfjsFallback = 0;
  let engineRuns = 0;

  /** Runs one configuration; returns true when it became a case. */
  async function consider(config: ShapeConfig): Promise<boolean> {
    const name = caseName(config);
    if (seen.has(name)) return false;
    seen.add(name);
    const expected = semanticsOutput(config);
    let output: Hwc;
    let engine = ONNX_ENGINE;
    const alsoCheckedBy: string[] = [];
    engineRuns++;
    try {
      output = await onnxOutput(config);
    } catch (e) {
      const entry = `${name}  (SEMANTICS: ${fmt(expected)})  ORT: ${shortError(e)}`;
      // tfjs-core is the fallback engine where it can express the configuration.
      if (!tfjsCanRun(config)) {
        rejected.push(entry);
        return false;
      }
      try {
        output = await tfjsOutput(config);
      } catch (e2) {
        rejected.push(`${entry}; tfjs: ${shortError(e2)}`);
        return false;
      }
      rejected.push(`${entry}  → taken from ${TFJS_ENGINE}: ${fmt(output)}`);
      engine = TFJS_ENGINE;
      tfjsFallback++;
    }
    if (fmt(output) !== fmt(expected)) {
      disagreements.push(`${name}  ${engine} ${fmt(output)} vs SEMANTICS ${fmt(expected)}`);
      return false;
    }
    if (engine === ONNX_ENGINE && tfjsCanRun(config)) {
      const second = await tfjsOutput(config);
      tfjsChecked++;
      if (fmt(second) === fmt(output)) alsoCheckedBy.push(TFJS_ENGINE);
      else disagreements.push(`${name}  tfjs ${fmt(second)} vs ORT ${fmt(output)} (kept: ORT agrees with SEMANTICS)`);
    }
    const c = {
      name,
      layer: config.layer,
      input: config.input,
      options: config.options,
      output,
      engine,
      ...(alsoCheckedBy.length > 0 ? { alsoCheckedBy } : {}),
    } as ShapeCase;
    byLayer.get(config.layer)!.push(c);
    return true;
  }

  for (const a of ANCHORS) await consider(a);

  for (const layer of ['maxPool2d', 'avgPool2d'] as const) {
    let got = 0;
    for (let tries = 0; got < CEIL_CORRECTED[layer] && tries < 1000; tries++) {
      if (await consider(validConfig(() => randomPool(rng, layer, true), ceilCorrectionApplies))) got++;
    }
  }

  const makers: Readonly<Record<LayerName, () => ShapeConfig>> = {
    conv2d: () => randomConv2d(rng),
    conv2dTranspose: () => randomConv2dTranspose(rng),
    maxPool2d: () => randomPool(rng, 'maxPool2d'),
    avgPool2d: () => randomPool(rng, 'avgPool2d'),
  };
  for (const layer of LAYERS) {
    const list = byLayer.get(layer)!;
    for (let tries = 0; list.length < TARGET[layer] && tries < 20 * TARGET[layer]; tries++) {
      await consider(validConfig(makers[layer]));
    }
    if (list.length < TARGET[layer]) throw new Error(`${layer}: only ${list.length} of ${TARGET[layer]} cases`);
  }

  const cases = LAYERS.flatMap((l) => byLayer.get(l)!);
  for (const [path, text] of [
    [JSON_PATH, renderJson(cases)],
    [TESTD_PATH, renderTestD(cases, JSON_PATH)],
  ] as const) {
    mkdirSync(dirname(resolve(ROOT, path)), { recursive: true });
    writeFileSync(resolve(ROOT, path), text);
  }

  if (rejected.length > 0) console.log(`\nRejected by ${ONNX_ENGINE} although SEMANTICS.md calls them valid (kept out unless marked as taken from ${TFJS_ENGINE}):\n  ${rejected.join('\n  ')}`);
  if (disagreements.length > 0) console.log(`\nEngine/SEMANTICS disagreements:\n  ${disagreements.join('\n  ')}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\nseed ${SEED}: ${cases.length} cases (${LAYERS.map((l) => `${l} ${byLayer.get(l)!.length}`).join(', ')}), ` +
      `${cases.filter((c) => ceilCorrectionApplies(c)).length} with the ceil correction, ${tfjsChecked} re-run on ${TFJS_ENGINE}, ${tfjsFallback} taken from it after ORT refused; ` +
      `${engineRuns} engine runs, ${rejected.length} rejected, ${disagreements.length} disagreements; ${seconds} s`,
  );
  console.log(`wrote ${JSON_PATH} and ${TESTD_PATH}`);
}

await main();
