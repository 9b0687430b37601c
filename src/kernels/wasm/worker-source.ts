/**
 * The source of a kernel thread (a Node `worker_threads` Worker run with `eval: true`, or a browser Worker
 * from a Blob URL) and the layout of the control block it shares with the pool (src/kernels/wasm/threads.ts).
 *
 * Why a string and not a function's `toString()`: tsx and bundlers rewrite functions (name helpers,
 * downlevelling) into code that calls helpers the worker does not have; a plain string runs as written.
 *
 * The control block is an Int32Array over its own SharedArrayBuffer (not a region of the wasm memory, so
 * it needs no allocation and survives memory growth), with a Float64Array over its tail for kernel
 * arguments: every wasm argument the kernels take (i32 or f32) is exact as a double, so one array serves
 * both and the export's own conversion turns each back into its type.
 *
 * A thread instantiates the module on the shared memory, raises its `ready` flag, then loops: wait for its
 * `go` cell to change (spin-poll for `spinMicros`, then Atomics.wait), run each call of the job on its row
 * range, count itself in `done`, and wake the main thread if it sleeps. Errors (traps) are written into
 * the block as text, so the main thread reads them without an event-loop turn.
 */

/** Header cells (Int32 indices). */
export const CTL = {
  /** Threads finished with the current job. */
  done: 0,
  /** 1 while the main thread sleeps in Atomics.wait on `done`. */
  mainSleeping: 1,
  /** Threads that failed in the current job; the first writes its message at `errorText`. */
  errors: 2,
  /** Which thread failed first (1-based) and the length of its message. */
  errorThread: 3,
  errorLength: 4,
  /** Calls in the current job. */
  calls: 5,
  /** 1: threads leave their loop. */
  quit: 6,
  /** Micro-seconds a thread polls after a job before it sleeps. */
  spinMicros: 7,
} as const;

/** Most worker threads of one pool. */
export const MAX_WORKERS = 15;
/** Most calls in one job (a grouped conv is one call per group; more run as several jobs). */
export const MAX_CALLS = 64;
/** Most arguments over the calls of one job. */
export const MAX_ARGS = 1024;
/** Characters of an error message kept. */
export const ERROR_CHARS = 240;

/** Per thread: `go` (job number), `sleeping`, `ready` (1 started, −1 failed), row range, scratch slot. */
export const THREAD = { base: 16, stride: 8, go: 0, sleeping: 1, ready: 2, begin: 3, end: 4, slot: 5 } as const;
/** Per call: export index, argument count and offset, the row-begin argument, the scratch argument and its bytes per slot. */
export const CALL = { base: THREAD.base + THREAD.stride * MAX_WORKERS, stride: 8, kernel: 0, nargs: 1, argAt: 2, range: 3, scratch: 4, scratchBytes: 5 } as const;
/** The error message, one UTF-16 code per cell. */
export const ERROR_TEXT = CALL.base + CALL.stride * MAX_CALLS;
/** Byte offset of the Float64 arguments (8-aligned). */
export const ARGS_BYTE = Math.ceil(((ERROR_TEXT + ERROR_CHARS) * 4) / 8) * 8;
/** Bytes of the control block. */
export const CONTROL_BYTES = ARGS_BYTE + MAX_ARGS * 8;

/** What the pool posts to a new thread. */
export interface ThreadInit {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly control: SharedArrayBuffer;
  /** The thread's 0-based index among the workers. */
  readonly index: number;
}

/** The exported functions of `module`, in the order both sides number them. */
export function kernelNames(module: WebAssembly.Module): string[] {
  return WebAssembly.Module.exports(module)
    .filter((e) => e.kind === 'function')
    .map((e) => e.name);
}

const BODY = `
function start(d) {
  const ctl = new Int32Array(d.control);
  const args = new Float64Array(d.control, ${ARGS_BYTE}, ${MAX_ARGS});
  const me = ${THREAD.base} + d.index * ${THREAD.stride};
  let fns;
  try {
    const env = {};
    const imports = {};
    for (const im of WebAssembly.Module.imports(d.module)) {
      const ns = imports[im.module] || (imports[im.module] = {});
      if (im.kind === 'memory') ns[im.name] = d.memory;
      else if (im.kind === 'function') ns[im.name] = () => { throw new Error(im.module + '.' + im.name + ' was called in a kernel thread'); };
      else throw new Error('cannot provide the import ' + im.module + '.' + im.name + ' (' + im.kind + ')');
    }
    const exports = new WebAssembly.Instance(d.module, imports).exports;
    fns = WebAssembly.Module.exports(d.module).filter((e) => e.kind === 'function').map((e) => exports[e.name]);
  } catch (e) {
    Atomics.store(ctl, me + ${THREAD.ready}, -1);
    post({ error: String(e && e.message || e) });
    return;
  }
  const call = new Array(64);
  let seen = Atomics.load(ctl, me + ${THREAD.go});
  Atomics.store(ctl, me + ${THREAD.ready}, 1);
  post({ ready: true });
  for (;;) {
    let go = Atomics.load(ctl, me + ${THREAD.go});
    if (go === seen) {
      const until = performance.now() + Atomics.load(ctl, ${CTL.spinMicros}) / 1000;
      for (let n = 1; (go = Atomics.load(ctl, me + ${THREAD.go})) === seen; n++) {
        if ((n & 255) === 0 && performance.now() > until) break;
      }
      if (go === seen) {
        Atomics.store(ctl, me + ${THREAD.sleeping}, 1);
        Atomics.wait(ctl, me + ${THREAD.go}, seen);
        Atomics.store(ctl, me + ${THREAD.sleeping}, 0);
        continue;
      }
    }
    seen = go;
    if (Atomics.load(ctl, ${CTL.quit}) !== 0) return;
    const begin = ctl[me + ${THREAD.begin}];
    const end = ctl[me + ${THREAD.end}];
    const slot = ctl[me + ${THREAD.slot}];
    const calls = ctl[${CTL.calls}];
    let c = 0;
    try {
      for (; c < calls; c++) {
        const at = ${CALL.base} + c * ${CALL.stride};
        const n = ctl[at + ${CALL.nargs}];
        const a0 = ctl[at + ${CALL.argAt}];
        call.length = n;
        for (let i = 0; i < n; i++) call[i] = args[a0 + i];
        const r = ctl[at + ${CALL.range}];
        call[r] = begin;
        call[r + 1] = end;
        const s = ctl[at + ${CALL.scratch}];
        if (s >= 0) call[s] += slot * ctl[at + ${CALL.scratchBytes}];
        fns[ctl[at + ${CALL.kernel}]].apply(null, call);
      }
    } catch (e) {
      if (Atomics.add(ctl, ${CTL.errors}, 1) === 0) {
        const text = (WebAssembly.Module.exports(d.module).filter((x) => x.kind === 'function')[ctl[${CALL.base} + c * ${CALL.stride} + ${CALL.kernel}]] || {}).name + ': ' + String(e && e.message || e);
        const len = Math.min(text.length, ${ERROR_CHARS});
        for (let i = 0; i < len; i++) ctl[${ERROR_TEXT} + i] = text.charCodeAt(i);
        ctl[${CTL.errorLength}] = len;
        Atomics.store(ctl, ${CTL.errorThread}, d.index + 1);
      }
    }
    Atomics.add(ctl, ${CTL.done}, 1);
    if (Atomics.load(ctl, ${CTL.mainSleeping}) !== 0) Atomics.notify(ctl, ${CTL.done});
  }
}
`;

/** The thread's source for Node's `new Worker(source, { eval: true })` (CommonJS script scope). */
export const NODE_THREAD_SOURCE = `'use strict';
const port = require('worker_threads').parentPort;
const post = (m) => port.postMessage(m);
${BODY}
port.once('message', start);
`;

/** The thread's source for a browser Worker (classic script from a Blob URL). */
export const BROWSER_THREAD_SOURCE = `'use strict';
const post = (m) => self.postMessage(m);
${BODY}
self.onmessage = (e) => { self.onmessage = null; start(e.data); };
`;
