/**
 * The contract between the WebAssembly kernels (assembly/*.ts, AssemblyScript) and their TypeScript callers.
 *
 * - Every pointer is a BYTE offset into the one `WebAssembly.Memory` of a `WasmHeap`, 16-byte aligned for
 *   anything read as v128. Activations, packed weights and scratch all live in that memory, so a model's
 *   layers hand each other pointers and never copy (only the model input goes in and the outputs come out).
 * - Kernels take an output-row range `[rowBegin, rowEnd)` (rows of `batch·outH`) so that threads can split one
 *   call; a single thread passes the whole range. Results never depend on the split (each output element is
 *   computed by the same sequence of operations whichever thread computes it).
 * - Activations are fused in the store epilogue, by the codes below (assembly/epilogue.ts mirrors them).
 */
import type { Activation } from '../activation.js';

/** Activation codes of assembly/epilogue.ts. */
export const ACT = { none: 0, relu: 1, relu6: 2, leakyRelu: 3, sigmoid: 4, tanh: 5 } as const;

/** The code and the slope (`alpha`, leakyRelu only) of an activation, as the kernels take them. */
export function activationCode(act: Activation): { readonly code: number; readonly alpha: number } {
  return { code: ACT[act.kind], alpha: act.kind === 'leakyRelu' ? act.alpha : 0 };
}

/** One instance of the kernels with its memory. */
export interface WasmHeap {
  readonly memory: WebAssembly.Memory;
  /** The instance's exports (kernels by name). */
  readonly kernels: Readonly<Record<string, (...args: number[]) => number | void>>;
  /** Reserves `bytes` (rounded up to 16) and returns the byte pointer; grows the memory when needed. */
  alloc(bytes: number): number;
  /** A Float32Array over the whole memory, recreated when the memory has grown (never keep one across `alloc`). */
  f32(): Float32Array;
}
