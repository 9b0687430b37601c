/**
 * Where the kernel threads come from (src/kernels/wasm/threads.ts drives them).
 *
 * In browsers `globalThis.Worker` with a Blob URL (only when cross-origin
 * isolated, as shared memory requires); in Node `worker_threads`, reached through
 * `process.getBuiltinModule` (Node ≥ 20.16) or a dynamic import of a computed specifier, so no static
 * `node:` import ties this browser-safe module to Node. A `workerFactory` option replaces both.
 */
import { BROWSER_THREAD_SOURCE, NODE_THREAD_SOURCE, type ThreadInit } from './worker-source.js';

/** A started thread, as the pool drives it (a Node Worker or a browser Worker behind one shape). */
export interface PoolWorker {
  postMessage(message: ThreadInit): void;
  /** Called with the thread's messages (`{ ready }` or `{ error }`) and with its crash. */
  listen(onMessage: (m: { ready?: true; error?: string }) => void, onError: (e: unknown) => void): void;
  terminate(): void;
}

/** Starts one thread; `null` when this runtime cannot. */
export type WorkerFactory = () => PoolWorker | null;

/**
 * The number of cores this runtime reports (1 when unknown).
 * @example availableCores() //=> 2 on this machine
 */
export function availableCores(): number {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  if (nav?.hardwareConcurrency) return nav.hardwareConcurrency;
  const os = nodeBuiltin<{ availableParallelism?: () => number; cpus(): unknown[] }>('os');
  if (os) return os.availableParallelism?.() ?? os.cpus().length;
  return 1;
}

type NodeWorker = {
  postMessage(m: unknown): void;
  on(event: 'message' | 'error' | 'exit', f: (v: never) => void): void;
  unref(): void;
  terminate(): Promise<number>;
};
type WorkerThreads = { Worker: new (src: string, opts: { eval: true; execArgv: string[] }) => NodeWorker };

/** A Node built-in module by name, synchronously (Node ≥ 20.16), else undefined. */
function nodeBuiltin<T>(name: string): T | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.(`node:${name}`) as T | undefined;
}

function nodeFactory(threads: WorkerThreads): WorkerFactory {
  return () => {
    const w = new threads.Worker(NODE_THREAD_SOURCE, { eval: true, execArgv: [] });
    return {
      postMessage: (m) => w.postMessage(m),
      listen(onMessage, onError) {
        // Referenced until it reports (so awaiting `whenReady` keeps Node alive), then unreferenced so
        // that an idle pool does not; unref must follow `on('message')`, which references the port again.
        w.on('message', ((m: { ready?: true; error?: string }) => {
          onMessage(m);
          w.unref();
        }) as (v: never) => void);
        w.on('error', onError as (v: never) => void);
        w.on('exit', ((code: number) => onError(new Error(`kernel thread exited (code ${code})`))) as (v: never) => void);
      },
      terminate: () => void w.terminate(),
    };
  };
}

type BrowserWorker = {
  postMessage(m: unknown): void;
  addEventListener(type: 'message' | 'error', f: (e: { data?: unknown; message?: string }) => void): void;
  terminate(): void;
};

function browserFactory(): WorkerFactory | null {
  const g = globalThis as {
    Worker?: new (url: string) => BrowserWorker;
    Blob?: typeof Blob;
    URL?: { createObjectURL(b: Blob): string; revokeObjectURL(u: string): void };
    crossOriginIsolated?: boolean;
  };
  if (!g.Worker || !g.Blob || !g.URL?.createObjectURL || g.crossOriginIsolated !== true) return null;
  const { Worker: W, Blob: B, URL: U } = g as Required<typeof g>;
  return () => {
    const url = U.createObjectURL(new B([BROWSER_THREAD_SOURCE], { type: 'text/javascript' }));
    let w: BrowserWorker;
    try {
      w = new W(url);
    } finally {
      U.revokeObjectURL(url);
    }
    return {
      postMessage: (m) => w.postMessage(m),
      listen(onMessage, onError) {
        w.addEventListener('message', (e) => onMessage(e.data as { ready?: true; error?: string }));
        w.addEventListener('error', (e) => onError(new Error(e.message ?? 'kernel thread failed')));
      },
      terminate: () => w.terminate(),
    };
  };
}

/** The default factory, synchronously where possible, else a promise of it (older Node 20: dynamic import). */
export function defaultFactory(): WorkerFactory | null | Promise<WorkerFactory | null> {
  const browser = browserFactory();
  if (browser) return browser;
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  if (!proc?.versions?.node) return null;
  const threads = nodeBuiltin<WorkerThreads>('worker_threads');
  if (threads) return nodeFactory(threads);
  const spec = 'node:worker_threads'; // computed, so bundlers for browsers leave it alone
  return import(/* webpackIgnore: true */ /* @vite-ignore */ spec).then(
    (m: WorkerThreads) => nodeFactory(m),
    () => null,
  );
}

