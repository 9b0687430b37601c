/**
 * The subpath entries export what the docs say, and src/io uses no Node-only API (it must run in browsers):
 * no `node:` imports, `Buffer`, `process`, `require` or `fs` in any file under src/io.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as pytorch from '../../src/io/pytorch-entry.js';
import * as safetensors from '../../src/io/safetensors-entry.js';
import * as tfjs from '../../src/io/tfjs-entry.js';
import { ConvtypeError } from '../../src/index.js';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

describe('entries', () => {
  it('export the documented functions', () => {
    expect(Object.keys(safetensors).sort()).toEqual(['FormatError', 'MAX_HEADER_BYTES', 'readSafetensors', 'readSafetensorsHeader', 'writeSafetensors']);
    expect(Object.keys(pytorch).sort()).toEqual(['convertPyTorchWeights', 'exportPyTorchWeights', 'loadPyTorchWeights']);
    expect(Object.keys(tfjs).sort()).toEqual(['FormatError', 'convertTfjsWeights', 'loadTfjsIntoModel', 'loadTfjsWeights']);
    expect(new safetensors.FormatError('safetensors', 'x')).toBeInstanceOf(ConvtypeError);
  });
  it('src/io uses no Node-only API', () => {
    const src = new URL('../../src/io', import.meta.url).pathname;
    const offenders = files(src).filter((f) => /from ['"]node:|\bBuffer\b(?!\s*\))|\bprocess\.|\brequire\(|from ['"]fs['"]/.test(readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(offenders).toEqual([]);
  });
});
