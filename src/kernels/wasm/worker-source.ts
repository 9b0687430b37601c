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
 * A thread instantiates the module on the shared memory, raises its `ready` flag, then loops: wait for
 * `seq` to change (spin-poll for `spinMicros`, then Atomics.wait), join the job if it is still `open`
 * (counted in `active`), claim chunks of rows from the `next` counter and run each call of the job on
 * them, then leave (`active` − 1, waking the main thread if it sleeps). Claiming chunks instead of fixed
 * shares means a thread the OS does not schedule in time costs nothing: the others take its rows.
 * Errors (traps) are written into the block as text, so the main thread reads them without an event-loop turn.
 */

/** Header cells (Int32 indices). */
export const CTL = {
  /** Job number, bumped for each job (threads wait on it). */
  seq: 0,
  /** The job threads may join (its `seq`), 0 once the main thread has closed it. */
  open: 1,
  /** The next chunk to claim, and how many there are. */
  next: 2,
  chunks: 3,
  /** Threads inside the current job. */
  active: 4,
  /** Threads sleeping on `seq`. */
  sleepers: 5,
  /** 1 while the main thread sleeps in Atomics.wait on `active`. */
  mainSleeping: 6,
  /** Threads that failed in the current job; the first writes its message at `errorText`. */
  errors: 7,
  /** Which thread failed first (1-based) and the length of its message. */
  errorThread: 8,
  errorLength: 9,
  /** Calls in the current job. */
  calls: 10,
  /** Rows `[begin, end)` of the job and rows per chunk. */
  begin: 11,
  end: 12,
  chunk: 13,
  /** 1: threads leave their loop. */
  quit: 14,
  /** Micro-seconds a thread polls after a job before it sleeps. */
  spinMicros: 15,
} as const;

/** Most worker threads of one pool. */
export const MAX_WORKERS = 15;
/** Most calls in one job (a grouped conv is one call per group; more run as several jobs). */
export const MAX_CALLS = 64;
/** Most arguments over the calls of one job. */
export const MAX_ARGS = 1024;
/** Characters of an error message kept. */
export const ERROR_CHARS = 240;

/** Per thread: `ready` (1 started, −1 failed). A thread's scratch slot is its index + 1 (the main thread has 0). */
export const THREAD = { base: 16, stride: 1, ready: 0 } as const;
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
  const slot = d.index + 1;
  let seen = Atomics.load(ctl, ${CTL.seq});
  Atomics.store(ctl, me + ${THREAD.ready}, 1);
  post({ ready: true });
  for (;;) {
    let go = Atomics.load(ctl, ${CTL.seq});
    if (go === seen) {
      const until = performance.now() + Atomics.load(ctl, ${CTL.spinMicros}) / 1000;
      for (let n = 1; (go = Atomics.load(ctl, ${CTL.seq})) === seen; n++) {
        if ((n & 255) === 0 && performance.now() > until) break;
      }
      if (go === seen) {
        Atomics.add(ctl, ${CTL.sleepers}, 1);
        Atomics.wait(ctl, ${CTL.seq}, seen);
        Atomics.sub(ctl, ${CTL.sleepers}, 1);
        continue;
      }
    }
    seen = go;
    if (Atomics.load(ctl, ${CTL.quit}) !== 0) return;
    Atomics.add(ctl, ${CTL.active}, 1);
    if (Atomics.load(ctl, ${CTL.open}) === go) runChunks();
    if (Atomics.sub(ctl, ${CTL.active}, 1) === 1 && Atomics.load(ctl, ${CTL.mainSleeping}) !== 0) Atomics.notify(ctl, ${CTL.active});
  }

  function runChunks() {
    const begin = ctl[${CTL.begin}];
    const end = ctl[${CTL.end}];
    const chunk = ctl[${CTL.chunk}];
    const chunks = ctl[${CTL.chunks}];
    const calls = ctl[${CTL.calls}];
    let c = 0;
    try {
      for (let k = Atomics.add(ctl, ${CTL.next}, 1); k < chunks; k = Atomics.add(ctl, ${CTL.next}, 1)) {
        const b = begin + k * chunk;
        const e = Math.min(end, b + chunk);
        for (c = 0; c < calls; c++) {
          const at = ${CALL.base} + c * ${CALL.stride};
          const n = ctl[at + ${CALL.nargs}];
          const a0 = ctl[at + ${CALL.argAt}];
          call.length = n;
          for (let i = 0; i < n; i++) call[i] = args[a0 + i];
          const r = ctl[at + ${CALL.range}];
          call[r] = b;
          call[r + 1] = e;
          const s = ctl[at + ${CALL.scratch}];
          if (s >= 0) call[s] += slot * ctl[at + ${CALL.scratchBytes}];
          fns[ctl[at + ${CALL.kernel}]].apply(null, call);
        }
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
