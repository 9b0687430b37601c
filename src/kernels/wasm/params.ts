/**
 * Parameter blocks: the i32 record a WebAssembly kernel reads its geometry, weight pointers and scratch
 * layout from (assembly/winograd.ts, assembly/depthwise.ts), written once at pack time so that a call
 * passes a handful of numbers. A block is described by its slot map (name → index), which the kernel
 * source mirrors as `P_*` constants; every slot must be given a value (the type says so).
 */
import type { WasmHeap } from './abi.js';

/**
 * Writes `values` into a new block of the heap at the slots `slots` names; returns its byte pointer.
 * @example writeParamBlock(heap, { rows: 0, cols: 1 }, { rows: 4, cols: 8 }) // → ptr, i32 [4, 8]
 */
export function writeParamBlock<K extends string>(heap: WasmHeap, slots: Readonly<Record<K, number>>, values: Readonly<Record<NoInfer<K>, number>>): number {
  const names = Object.keys(slots) as K[];
  const block = new Int32Array(names.length);
  for (const n of names) block[slots[n]] = values[n];
  const ptr = heap.alloc(block.byteLength);
  new Int32Array(heap.memory.buffer, ptr, block.length).set(block);
  return ptr;
}
