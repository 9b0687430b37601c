/**
 * Kernels: typed-array loops only (CONVENTIONS.md habit 8). The ops layer builds a geometry record,
 * packs weights once through a `Backend`, and calls compute-only kernels on views of buffers it
 * planned; nothing here allocates per call or knows about layers or graphs.
 *
 * Key decision: weights are packed ONCE into GEMM panels (or Winograd-transformed panels) at build
 * time, so a call is pure compute. Rejected: packing per call as tfjs-backend-cpu does (its im2col and
 * matMul allocate and re-layout every time), which costs memory traffic and GC pauses per inference.
 * Every fast kernel has a naive twin (`*Naive`) written straight from the definition; tests compare
 * the two on random shapes and the naive ones against onnxruntime-node and tfjs.
 */
export type { Activation } from './activation.js';
export { activation, NO_ACTIVATION } from './activation.js';
export { activationNaive } from './activation-naive.js';
export type { Backend, PackedHandle } from './backend.js';
export { jsBackend } from './backend.js';
export type { Conv2dMethod, PackedConv2d } from './conv2d.js';
export { conv2d, conv2dMethod, conv2dScratchSize, packConv2dWeights } from './conv2d.js';
export { conv2dNaive } from './conv2d-naive.js';
export type { PackedConv2dTranspose } from './conv2d-transpose.js';
export { conv2dTranspose, conv2dTransposeScratchSize, packConv2dTransposeWeights } from './conv2d-transpose.js';
export { conv2dTransposeNaive } from './conv2d-transpose-naive.js';
export type { PackedDense } from './dense.js';
export { dense, denseScratchSize, packDenseWeights } from './dense.js';
export { denseNaive } from './dense-naive.js';
export type { Conv2dGeometry, Conv2dTransposeGeometry, DenseGeometry, Pool2dGeometry, Window2d } from './geometry.js';
export {
  assertConv2dGeometry,
  assertConv2dTransposeGeometry,
  assertDenseGeometry,
  assertPool2dGeometry,
  conv2dMacs,
} from './geometry.js';
export { avgPool2d, maxPool2d } from './pool.js';
export { avgPool2dNaive, maxPool2dNaive } from './pool-naive.js';
export { softmax } from './softmax.js';
