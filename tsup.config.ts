import { defineConfig } from 'tsup';

// JS only: tsup's dts build crashes on TypeScript 7, so declarations come from `tsc -p tsconfig.build.json`.
export default defineConfig([
  {
    // The library: browser-safe, no dependencies. Shared chunks for CJS too, so every subpath sees one
    // ConvtypeError class (instanceof across entries).
    entry: {
      index: 'src/index.ts',
      onnx: 'src/onnx/index.ts',
      safetensors: 'src/io/safetensors-entry.ts',
      pytorch: 'src/io/pytorch-entry.ts',
      tfjs: 'src/io/tfjs-entry.ts',
      import: 'src/import/index.ts',
      checkpoint: 'src/checkpoint-entry.ts',
      types: 'src/types-entry.ts', // type-only (convtype/types): an empty module, so the subpath resolves at run time too
      picture: 'src/picture/index.ts',
    },
    splitting: true,
    // Optional peer dependencies, loaded when called: ts-morph by convtype/import's code generator, elkjs by
    // convtype/picture's renderSvg.
    external: ['ts-morph', 'elkjs'],
    format: ['esm', 'cjs'],
    target: 'es2022',
    platform: 'neutral',
    dts: false,
    sourcemap: true,
    clean: ['!cli.js', '!cli.js.map'], // the two builds run at once: don't delete the CLI's output
    outDir: 'dist',
  },
  {
    // The CLI (Node only; ts-morph is an optional peer dependency, loaded when the CLI runs).
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    external: ['ts-morph', 'elkjs'],
    dts: false,
    sourcemap: true,
    clean: false,
    outDir: 'dist',
  },
]);
