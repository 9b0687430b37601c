/**
 * A pool of kernel threads over one shared `WebAssembly.Memory`: `pool.run(calls, begin, end)` cuts a
 * row range into chunks that the main thread and the workers claim, each running the same kernel calls
 * on its rows, and returns when all are done — synchronously, so `model.run` stays synchronous. Kernels
 * write disjoint rows and compute each element the same way whatever the split (src/kernels/wasm/abi.ts),
 * so results are bit-identical for every thread count and every claiming order.
 *
 * Design (worker-source.ts holds the thread's side and the control block's layout):
 * - Workers get the compiled module and the memory by postMessage and instantiate the module on that
 *   memory; jobs then go through Atomics on a control block, never through messages (the main thread is
 *   inside a synchronous call and handles no events).
 * - Starting a worker is asynchronous: until a worker raises its `ready` flag the pool runs without it,
 *   so a pool is usable at once (single-threaded at first) and the values never depend on it.
 * - Chunks are claimed from a counter rather than assigned: with two cores shared by other processes a
 *   worker is often scheduled late, and a fixed half would leave the main thread waiting for it; with
 *   claiming, the main thread takes the rows the late worker has not started.
 * - Waking: a worker polls `seq` for `spinMicros` after each job, then sleeps in Atomics.wait; the main
 *   thread notifies only when some worker sleeps.
 * - Waiting: after the last chunk the main thread closes the job (a worker waking later backs out) and
 *   polls `active`; in Node it then sleeps with Atomics.wait (browsers forbid Atomics.wait on the main
 *   thread, so there it only polls). A worker still inside after `timeoutMs` is taken as stuck: the pool
 *   throws and stops using threads.
 * - A trap in a worker is written into the control block and thrown by `run` on the main thread.
 */
import {
  ARGS_BYTE, CALL, CONTROL_BYTES, CTL, ERROR_TEXT, MAX_ARGS, MAX_CALLS, MAX_WORKERS, THREAD, kernelNames,
} from './worker-source.js';
import { availableCores, defaultFactory, type PoolWorker, type WorkerFactory } from './workers.js';

/** One kernel invocation of a job; every thread makes it with its own rows (and scratch slot). */
export interface KernelCall {
  /** The export's name. */
  readonly kernel: string;
  /** All arguments; the thread's row range replaces `args[range]` and `args[range + 1]`. */
  readonly args: readonly number[];
  /** Index of the row-begin argument (row-end follows it). */
  readonly range: number;
  /** A per-thread scratch block: thread `t` (main = 0) gets `args[scratch.arg] + t · scratch.bytes`. */
  readonly scratch?: { readonly arg: number; readonly bytes: number };
}


/** How to make a pool. */
export interface ThreadPoolOptions {
  /** The compiled kernels (workers instantiate it again) and the shared memory it imports. */
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  /** The main thread's instance exports (its share of each job runs there). */
  readonly exports: WebAssembly.Exports;
  /** Threads including the main one (default: 2, or 1 on a single core; at most 16; 1 when the memory is not shared). */
  readonly threads?: number;
  /**
   * Micro-seconds a worker polls after a job before sleeping (default 200). Measured on this 2-core VM
   * under load (bench/wasm-threads.ts, ResNet-50 stage layers back to back): 0.2 ms was best, 5 ms cost
   * a third (a polling worker takes CPU from the main thread's share, and with chunks claimed from a
   * counter a late worker costs little anyway).
   */
  readonly spinMicros?: number;
  /** Milli-seconds the main thread waits for the workers inside a job before giving up on threads (default 30000). */
  readonly timeoutMs?: number;
  /** Starts threads; default: browser Workers or Node worker_threads, whichever this runtime has. */
  readonly workerFactory?: WorkerFactory;
}

/** The pool: `run` is synchronous and always completes (single-threaded when no worker is ready). */
export interface ThreadPool {
  /** Threads a job may use (main included): the number of scratch slots a caller must provide. */
  readonly threads: number;
  /** Threads ready now (main included). */
  readyThreads(): number;
  /** Resolves once every worker has started or failed, with the ready count (main included). */
  whenReady(): Promise<number>;
  /** Messages of workers that failed to start. */
  readonly failures: readonly string[];
  /** Runs `calls` on rows `[begin, end)` split at multiples of `grain` rows from `begin`. */
  run(calls: readonly KernelCall[], begin: number, end: number, grain?: number): void;
  /** Changes the polling time of idle workers (micro-seconds). */
  setSpinMicros(us: number): void;
  /** Stops the workers; later runs are single-threaded. */
  dispose(): void;
}

/** Whether Atomics.wait may block this thread (not on a browser's main thread). */
function canBlock(ctl: Int32Array): boolean {
  try {
    Atomics.wait(ctl, CTL.active, -1, 0);
    return true;
  } catch {
    return false;
  }
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Milli-seconds the main thread polls `active` before it sleeps: enough for the last in-flight chunk of a
 * short layer; on a loaded machine a longer poll takes CPU that the awaited worker needs (2 ms measured
 * a little worse than 0.1 ms under load, within the noise).
 */
const MAIN_SPIN_MS = 0.2;
/**
 * Chunks per thread: more balance the load when a thread starts late or is descheduled (this VM's cores
 * are shared), fewer cost less per-call setup (im2col chunks, Winograd tile rows, GEMM row blocks).
 */
const CHUNKS_PER_THREAD = 4;

/** Stops the workers of pools collected without `dispose()`. */
const unused = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry<() => void>((stop) => stop()) : undefined;

/**
 * A pool of `threads − 1` workers on `module` and `memory`, started by the first `run` or `whenReady`; usable at once.
 * @example const pool = createThreadPool({ module, memory, exports: instance.exports }); pool.run([{ kernel: 'rowSum', args: [x, y, n, 0, rows], range: 3 }], 0, rows)
 */
export function createThreadPool(options: ThreadPoolOptions): ThreadPool {
  const { module, memory, exports } = options;
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  const want = shared ? Math.max(1, Math.min(Math.floor(options.threads ?? Math.min(2, availableCores())), MAX_WORKERS + 1)) : 1;
  const timeoutMs = options.timeoutMs ?? 30000;
  const control = shared ? new SharedArrayBuffer(CONTROL_BYTES) : null;
  const ctl = control ? new Int32Array(control) : new Int32Array(1);
  const args = control ? new Float64Array(control, ARGS_BYTE, MAX_ARGS) : new Float64Array(0);
  ctl[CTL.spinMicros] = options.spinMicros ?? 200;
  const blocking = control !== null && canBlock(ctl);

  const names = kernelNames(module);
  const index = new Map(names.map((n, i) => [n, i]));
  const fns = new Map<string, (...a: number[]) => unknown>();
  const fn = (name: string): ((...a: number[]) => unknown) => {
    let f = fns.get(name);
    if (!f) {
      const e = exports[name];
      if (typeof e !== 'function' || !index.has(name)) throw new Error(`wasm threads: the module has no function '${name}'`);
      f = e as (...a: number[]) => unknown;
      fns.set(name, f);
    }
    return f;
  };

  const workers: PoolWorker[] = [];
  const failures: string[] = [];
  const live: number[] = []; // worker indices ready now (reused array)
  let started = 0; // workers that reported ready or failed
  let disposed = false;
  let settle: () => void = () => {};
  const allSettled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const settleOne = (): void => {
    if (++started >= workers.length) settle();
  };

  const spawn = (factory: WorkerFactory | null): void => {
    if (disposed || !factory || !control) return settle();
    for (let i = 0; i < want - 1; i++) {
      let w: PoolWorker | null;
      try {
        w = factory();
      } catch (e) {
        failures.push(`kernel thread ${i + 1} could not start: ${String((e as Error).message ?? e)}`);
        break;
      }
      if (!w) break;
      const at = workers.length;
      workers.push(w);
      let settled = false;
      const done = (failure?: string): void => {
        if (failure !== undefined) failures.push(`kernel thread ${at + 1}: ${failure}`);
        if (!settled) {
          settled = true;
          settleOne();
        }
      };
      w.listen(
        (m) => done(m.error),
        (e) => {
          if (stopped) return;
          Atomics.store(ctl, THREAD.base + at * THREAD.stride + THREAD.ready, -1);
          done(String((e as Error)?.message ?? e));
        },
      );
      w.postMessage({ module, memory, control, index: at });
    }
    if (workers.length === 0 || started >= workers.length) settle();
  };
  /** Starts the workers once, on the first `run` or `whenReady` (a backend that never runs costs no thread). */
  let starting = false;
  const start = (): void => {
    if (starting) return;
    starting = true;
    if (want > 1 && control && !disposed) {
      const f = options.workerFactory ?? defaultFactory();
      if (f instanceof Promise) void f.then(spawn);
      else spawn(f);
    } else settle();
  };

  /** Workers ready now (flags read with Atomics: no event-loop turn needed; a crashed worker's flag is −1). */
  const readyWorkers = (): readonly number[] => {
    live.length = 0;
    for (let i = 0; i < workers.length; i++) {
      if (Atomics.load(ctl, THREAD.base + i * THREAD.stride + THREAD.ready) === 1) live.push(i);
    }
    return live;
  };

  let stopped = false;
  const stopThreads = (): void => {
    if (!control || stopped) return;
    stopped = true;
    Atomics.store(ctl, CTL.quit, 1);
    Atomics.add(ctl, CTL.seq, 1);
    Atomics.notify(ctl, CTL.seq);
    for (const w of workers) w.terminate();
    workers.length = 0;
  };

  const callArgs = (c: KernelCall, b: number, e: number, slot: number): number[] => {
    const a = c.args.slice();
    a[c.range] = b;
    a[c.range + 1] = e;
    if (c.scratch) a[c.scratch.arg]! += slot * c.scratch.bytes;
    return a;
  };
  const runHere = (calls: readonly KernelCall[], b: number, e: number): void => {
    for (const c of calls) fn(c.kernel)(...callArgs(c, b, e, 0));
  };

  /** Waits until no worker is inside the job; throws when one is stuck past the timeout. */
  const waitIdle = (): void => {
    const start = now();
    for (let n = 1; Atomics.load(ctl, CTL.active) > 0; n++) {
      if ((n & 255) !== 0) continue;
      const t = now() - start;
      if (t > timeoutMs) {
        const stuck = Atomics.load(ctl, CTL.active);
        stopThreads();
        throw new Error(`wasm threads: ${stuck} kernel thread(s) did not finish within ${timeoutMs} ms (stuck or dead); the pool runs single-threaded from now on`);
      }
      if (blocking && t > MAIN_SPIN_MS) {
        Atomics.store(ctl, CTL.mainSleeping, 1);
        const active = Atomics.load(ctl, CTL.active);
        if (active > 0) Atomics.wait(ctl, CTL.active, active, Math.min(100, timeoutMs - t + 1));
        Atomics.store(ctl, CTL.mainSleeping, 0);
      }
    }
  };

  const runJob = (calls: readonly KernelCall[], begin: number, end: number, grain: number): void => {
    const rows = end - begin;
    for (const c of calls) fn(c.kernel); // unknown names fail here, on the main thread
    const units = Math.ceil(rows / grain);
    const helpers = readyWorkers().length;
    if (helpers === 0 || units <= 1 || disposed) {
      runHere(calls, begin, end);
      return;
    }
    // Calls and arguments.
    let a = 0;
    calls.forEach((c, i) => {
      const at = CALL.base + i * CALL.stride;
      ctl[at + CALL.kernel] = index.get(c.kernel)!;
      ctl[at + CALL.nargs] = c.args.length;
      ctl[at + CALL.argAt] = a;
      ctl[at + CALL.range] = c.range;
      ctl[at + CALL.scratch] = c.scratch ? c.scratch.arg : -1;
      ctl[at + CALL.scratchBytes] = c.scratch ? c.scratch.bytes : 0;
      args.set(c.args, a);
      a += c.args.length;
    });
    // Chunks of whole `grain`s, CHUNKS_PER_THREAD per thread, claimed by whoever is free.
    const chunk = Math.ceil(units / Math.min(units, CHUNKS_PER_THREAD * (1 + helpers))) * grain;
    ctl[CTL.calls] = calls.length;
    ctl[CTL.begin] = begin;
    ctl[CTL.end] = end;
    ctl[CTL.chunk] = chunk;
    ctl[CTL.chunks] = Math.ceil(rows / chunk);
    Atomics.store(ctl, CTL.next, 0);
    Atomics.store(ctl, CTL.errors, 0);
    Atomics.store(ctl, CTL.errorThread, 0);
    const job = (Atomics.load(ctl, CTL.seq) % 0x3fffffff) + 1; // never 0 (0 = closed)
    Atomics.store(ctl, CTL.open, job);
    Atomics.store(ctl, CTL.seq, job);
    if (Atomics.load(ctl, CTL.sleepers) > 0) Atomics.notify(ctl, CTL.seq);
    let mainError: unknown = null;
    try {
      const chunks = ctl[CTL.chunks]!;
      for (let k = Atomics.add(ctl, CTL.next, 1); k < chunks; k = Atomics.add(ctl, CTL.next, 1)) {
        runHere(calls, begin + k * chunk, Math.min(end, begin + (k + 1) * chunk));
      }
    } catch (e) {
      mainError = e;
    }
    // Close the job: a thread waking now backs out; wait for the ones inside to finish their chunks.
    Atomics.store(ctl, CTL.open, 0);
    waitIdle();
    if (mainError !== null) throw mainError;
    if (Atomics.load(ctl, CTL.errors) > 0) {
      const len = ctl[CTL.errorLength]!;
      let text = '';
      for (let i = 0; i < len; i++) text += String.fromCharCode(ctl[ERROR_TEXT + i]!);
      throw new Error(`wasm threads: kernel thread ${ctl[CTL.errorThread]} failed in ${text}`);
    }
  };

  const pool: ThreadPool = {
    threads: want,
    readyThreads: () => 1 + readyWorkers().length,
    whenReady: () => {
      start();
      return allSettled.then(() => 1 + readyWorkers().length);
    },
    failures,
    run(calls, begin, end, grain = 1) {
      start();
      if (!(end >= begin) || !(grain >= 1)) throw new Error(`wasm threads: bad row range [${begin}, ${end}) or grain ${grain}`);
      if (end === begin || calls.length === 0) return;
      // Jobs hold at most MAX_CALLS calls and MAX_ARGS arguments; longer lists run as several jobs.
      let from = 0;
      while (from < calls.length) {
        let to = from;
        let n = 0;
        while (to < calls.length && to - from < MAX_CALLS && n + calls[to]!.args.length <= MAX_ARGS) n += calls[to++]!.args.length;
        if (to === from) throw new Error(`wasm threads: ${calls[from]!.kernel} has ${calls[from]!.args.length} arguments (at most ${MAX_ARGS})`);
        runJob(to === 0 && from === 0 && to === calls.length ? calls : calls.slice(from, to), begin, end, grain);
        from = to;
      }
    },
    setSpinMicros(us) {
      if (control) Atomics.store(ctl, CTL.spinMicros, Math.max(0, Math.round(us)));
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      stopThreads();
      settle();
    },
  };
  // A pool dropped without dispose() stops its workers when collected (the callback holds no pool).
  if (want > 1 && control) unused?.register(pool, stopThreads);
  return pool;
}
