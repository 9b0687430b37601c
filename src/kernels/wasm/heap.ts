/**
 * The WebAssembly heap: one instance of the kernels and the memory it imports, with a first-fit
 * allocator over that memory (16-byte aligned blocks; freed blocks are reused, the memory grows when
 * nothing fits).
 *
 * Why track buffers: a plain memory's `buffer` is detached when the memory grows, and a shared memory's
 * `buffer` is a new object after each growth (old views stay valid and alias the same bytes). So a view is
 * "of this heap" when its buffer is the current one or one the heap saw before a growth; `pointerOf`
 * turns such a view into a byte pointer (zero copy), and a detached one into a clear error.
 */
import type { WasmHeap } from './abi.js';
import { wasmRelaxedSimdSupported, wasmSharedMemorySupported } from './detect.js';
import { RELAXED, RELAXED_SHARED } from './generated/relaxed.js';
import { SIMD, SIMD_SHARED } from './generated/simd.js';

const PAGE = 65536;
/** wasm32's whole address space in pages (a shared memory must declare a maximum; only touched pages cost). */
const MAX_PAGES = 65536;
const ALIGN = 16;

/** How to make a heap. */
export interface HeapOptions {
  /** Shared memory (worker threads can use it); default: where the runtime allows it. */
  readonly shared?: boolean;
  /** The relaxed-SIMD build (fused multiply-add); default: where the engine validates it. */
  readonly relaxed?: boolean;
}

/** A heap with the allocator and view helpers the backend needs. */
export interface Heap extends WasmHeap {
  /** The compiled kernels (kernel threads instantiate it on the same memory). */
  readonly module: WebAssembly.Module;
  readonly shared: boolean;
  readonly relaxed: boolean;
  /** Returns a block from `alloc` to the allocator. */
  free(ptr: number): void;
  /** Runs `f` and returns its value with the blocks it allocated (to free them together later). */
  tracking<T>(f: () => T): { readonly value: T; readonly blocks: readonly number[] };
  /** Bytes in allocated blocks. */
  usedBytes(): number;
  /** Byte pointer of `x[off]` when `x` views this memory, else −1; throws for a view growth detached. */
  pointerOf(x: Float32Array, off: number): number;
  /** A getter of the Float32Array over `floats` elements at `ptr`, recreated when growth detached it (`onView` sees each view made). */
  view(ptr: number, floats: number, onView?: (view: Float32Array) => void): () => Float32Array;
}

function decode(base64: string): Uint8Array {
  const s = atob(base64);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/**
 * Instantiates the kernels on a fresh memory.
 * @example const heap = createHeap(); const p = heap.alloc(1024); heap.f32()[p / 4] = 1
 */
export function createHeap(options: HeapOptions = {}): Heap {
  const shared = options.shared ?? wasmSharedMemorySupported();
  const relaxed = options.relaxed ?? wasmRelaxedSimdSupported();
  const memory = new WebAssembly.Memory(shared ? { initial: 1, maximum: MAX_PAGES, shared: true } : { initial: 1, maximum: MAX_PAGES });
  const binary = decode(relaxed ? (shared ? RELAXED_SHARED : RELAXED) : shared ? SIMD_SHARED : SIMD);
  const module = new WebAssembly.Module(binary as BufferSource);
  const instance = new WebAssembly.Instance(module, { env: { memory, abort: () => {} } });
  const kernels = instance.exports as unknown as WasmHeap['kernels'];
  const base = Math.ceil((kernels.heapBase!() as number) / ALIGN) * ALIGN;

  let top = base; // first never-used byte
  const used = new Map<number, number>(); // ptr → bytes
  let tracked: number[] | null = null;
  let freeList: { ptr: number; bytes: number }[] = [];
  const earlier = new WeakSet<ArrayBufferLike>();
  let cached = new Float32Array(memory.buffer);

  const grow = (end: number): void => {
    if (end <= memory.buffer.byteLength) return;
    earlier.add(memory.buffer);
    const pages = Math.ceil((end - memory.buffer.byteLength) / PAGE);
    try {
      memory.grow(pages);
    } catch {
      throw new Error(`wasm heap: cannot grow the memory to ${Math.ceil(end / 2 ** 20)} MiB`);
    }
  };

  const heap: Heap = {
    module,
    memory,
    kernels,
    shared,
    relaxed,
    alloc(bytes) {
      const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
      const i = freeList.findIndex((b) => b.bytes >= size);
      let ptr: number;
      if (i >= 0) {
        const block = freeList[i]!;
        ptr = block.ptr;
        if (block.bytes > size) freeList[i] = { ptr: ptr + size, bytes: block.bytes - size };
        else freeList.splice(i, 1);
      } else {
        grow(top + size);
        ptr = top;
        top += size;
      }
      used.set(ptr, size);
      tracked?.push(ptr);
      return ptr;
    },
    tracking(f) {
      const outer = tracked;
      const blocks: number[] = [];
      tracked = blocks;
      try {
        return { value: f(), blocks };
      } finally {
        tracked = outer;
        outer?.push(...blocks);
      }
    },
    usedBytes() {
      let sum = 0;
      for (const bytes of used.values()) sum += bytes;
      return sum;
    },
    free(ptr) {
      const size = used.get(ptr);
      if (size === undefined) throw new Error(`wasm heap: free of ${ptr}, which is not an allocated block`);
      used.delete(ptr);
      freeList.push({ ptr, bytes: size });
      // Merge neighbours so that freed plans leave reusable room.
      freeList.sort((a, b) => a.ptr - b.ptr);
      const merged: { ptr: number; bytes: number }[] = [];
      for (const b of freeList) {
        const last = merged[merged.length - 1];
        if (last && last.ptr + last.bytes === b.ptr) last.bytes += b.bytes;
        else merged.push({ ...b });
      }
      const tail = merged[merged.length - 1];
      if (tail && tail.ptr + tail.bytes === top) {
        top = tail.ptr;
        merged.pop();
      }
      freeList = merged;
    },
    f32() {
      if (cached.buffer !== memory.buffer) cached = new Float32Array(memory.buffer);
      return cached;
    },
    pointerOf(x, off) {
      const buffer = x.buffer;
      if (buffer !== memory.buffer && !earlier.has(buffer)) return -1;
      if (buffer.byteLength === 0) {
        throw new Error('wasm backend: a view of the WebAssembly memory was detached by its growth (take views again after allocating)');
      }
      return x.byteOffset + off * 4;
    },
    view(ptr, floats, onView) {
      let v = new Float32Array(memory.buffer, ptr, floats);
      onView?.(v);
      return () => {
        if (v.buffer.byteLength === 0 && floats > 0) {
          v = new Float32Array(memory.buffer, ptr, floats);
          onView?.(v);
        }
        return v;
      };
    },
  };
  return heap;
}
