// Smoke test of the built package (after `npm run build`): the ESM and CJS bundles load in plain Node,
// build and run a model, and the declaration entry named in package.json exists.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const root = new URL('../', import.meta.url);
const fail = (msg) => {
  console.error(`check-package: ${msg}`);
  process.exit(1);
};
for (const file of [pkg.exports['.'].import, pkg.exports['.'].require, pkg.exports['.'].types]) {
  if (!existsSync(new URL(file, root))) fail(`${file} is missing (run npm run build)`);
}
const esm = await import(new URL(pkg.exports['.'].import, root).href);
const cjs = createRequire(import.meta.url)(new URL(pkg.exports['.'].require, root).pathname);
for (const [name, lib] of [['esm', esm], ['cjs', cjs]]) {
  const x = lib.input([8, 8, 3]);
  const y = x.conv2d({ filters: 4, kernel: 3, padding: 'same' }).relu().globalAvgPool2d().dense({ units: 2 }).softmax();
  const out = lib.model(x, y, { seed: 1 }).run(lib.tensor([1, 8, 8, 3]));
  const sum = out.data.reduce((a, b) => a + b, 0);
  if (out.shape.join() !== '1,2' || Math.abs(sum - 1) > 1e-6) fail(`${name}: unexpected output ${out.shape} ${out.data}`);
  let message = '';
  try {
    x.conv2d({ filters: 4, kernel: 11 });
  } catch (e) {
    message = e instanceof lib.ShapeError ? e.message : String(e);
  }
  if (!message.startsWith('conv2d: kernel 11 (dilated 11) does not fit the padded input height 8')) fail(`${name}: wrong error ${message}`);
}
// convtype/import: a hand-written tfjs layers model.json (dense 2 → 1, y = 2a + 3b + 1) imports and runs in both bundles.
const layersJson = {
  modelTopology: { class_name: 'Sequential', config: { name: 's', layers: [{ class_name: 'Dense', config: { name: 'd', units: 1, batch_input_shape: [null, 2] } }] } },
  weightsManifest: [{ paths: ['w.bin'], weights: [{ name: 'd/kernel', shape: [2, 1], dtype: 'float32' }, { name: 'd/bias', shape: [1], dtype: 'float32' }] }],
};
const shard = new Uint8Array(Float32Array.of(2, 3, 1).buffer);
const importEsm = await import(new URL(pkg.exports['./import'].import, root).href);
const importCjs = createRequire(import.meta.url)(new URL(pkg.exports['./import'].require, root).pathname);
for (const [name, imp, lib] of [['esm', importEsm, esm], ['cjs', importCjs, cjs]]) {
  const y = imp.buildModel(imp.importTfjsLayers(layersJson, [shard])).run(lib.tensor([1, 2], Float32Array.of(1, 1)));
  if (y.data[0] !== 6) fail(`${name}: convtype/import ran the dense model to ${y.data[0]} (expected 6)`);
}
if (!existsSync(new URL(pkg.exports['./import'].types, root))) fail(`${pkg.exports['./import'].types} is missing`);
// convtype/types: type-only (the declarations), with empty ESM and CJS modules so the subpath also resolves at run time.
for (const file of Object.values(pkg.exports['./types'])) if (!existsSync(new URL(file, root))) fail(`${file} (convtype/types) is missing`);
await import(new URL(pkg.exports['./types'].import, root).href);
createRequire(import.meta.url)(new URL(pkg.exports['./types'].require, root).pathname);
// Typed checkpoints (convtype/checkpoint): loadCheckpoint is in both bundles and rejects a manifest that does not fit with one WeightError.
const checkpointEsm = await import(new URL(pkg.exports['./checkpoint'].import, root).href);
const checkpointCjs = createRequire(import.meta.url)(new URL(pkg.exports['./checkpoint'].require, root).pathname);
if (!existsSync(new URL(pkg.exports['./checkpoint'].types, root))) fail(`${pkg.exports['./checkpoint'].types} is missing`);
for (const [name, lib, ckpt] of [['esm', esm, checkpointEsm], ['cjs', cjs, checkpointCjs]]) {
  const x = lib.input([4, 4, 2]);
  const spec = lib.conv2d({ filters: 3, kernel: 3 });
  const net = lib.model(x, x.apply(spec));
  let message = '';
  try {
    ckpt.loadCheckpoint(net, spec, [['conv2d_1/kernel', [3, 3, 2, 3]]], {});
  } catch (e) {
    message = e instanceof Error && e.name === 'WeightError' ? e.message : String(e);
  }
  if (message !== 'checkpoint: 2 entries do not fit the model: conv2d_1/bias is missing (expected [3]); conv2d_1/kernel is in the manifest but not in the tensors (expected [3, 3, 2, 3])') {
    fail(`${name}: loadCheckpoint threw ${message}`);
  }
}
// The CLI bin: checks an example through the type checker and exits 0.
const { spawnSync } = await import('node:child_process');
const bin = new URL(pkg.bin.convtype, root).pathname;
const run = spawnSync(process.execPath, [bin, 'check', 'examples/alexnet.ts'], { cwd: new URL('.', root).pathname, encoding: 'utf8' });
if (run.status !== 0) fail(`the bin exited ${run.status}: ${run.stdout}${run.stderr}`);
const { mkdtempSync, readFileSync: read, rmSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const tmp = mkdtempSync(`${tmpdir()}/convtype-check-package-`);
const wt = spawnSync(process.execPath, [bin, 'weights-types', 'test/fixtures/lenet/lenet.safetensors', '--pytorch', '--out', `${tmp}/lenet.weights.ts`], { cwd: new URL('.', root).pathname, encoding: 'utf8' });
if (wt.status !== 0 || read(`${tmp}/lenet.weights.ts`, 'utf8') !== read(new URL('test/fixtures/lenet/lenet.weights.ts', root), 'utf8')) fail(`the bin's weights-types exited ${wt.status}: ${wt.stdout}${wt.stderr}`);
rmSync(tmp, { recursive: true, force: true });
console.log('check-package: ESM and CJS bundles load, run a model and throw ShapeError; convtype/import imports and runs a model.json; convtype/types resolves; loadCheckpoint rejects a wrong manifest; declarations present; the CLI bin runs check and weights-types');
