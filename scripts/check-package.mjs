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
// The CLI bin: checks an example through the type checker and exits 0.
const { spawnSync } = await import('node:child_process');
const bin = new URL(pkg.bin.convtype, root).pathname;
const run = spawnSync(process.execPath, [bin, 'check', 'examples/alexnet.ts'], { cwd: new URL('.', root).pathname, encoding: 'utf8' });
if (run.status !== 0) fail(`the bin exited ${run.status}: ${run.stdout}${run.stderr}`);
console.log('check-package: ESM and CJS bundles load, run a model and throw ShapeError; declarations present; the CLI bin runs');
