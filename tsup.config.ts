import { defineConfig } from 'tsup';

// JS only: tsup's dts build crashes on TypeScript 7, so declarations come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    onnx: 'src/onnx/index.ts',
    safetensors: 'src/io/safetensors-entry.ts',
    pytorch: 'src/io/pytorch-entry.ts',
    tfjs: 'src/io/tfjs-entry.ts',
  },
  // Shared chunks for CJS too, so every entry sees one ConvtypeError class (instanceof across subpaths).
  splitting: true,
  format: ['esm', 'cjs'],
  target: 'es2022',
  platform: 'neutral',
  dts: false,
  sourcemap: true,
  clean: true,
  outDir: 'dist',
});
