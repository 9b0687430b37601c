/** The page's side of the worker: lazy (the worker starts on first use) and promise-based. */
import type { Reply, Request } from './protocol.js';

let worker: Worker | undefined;
let next = 0;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function start(): Worker {
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    if (e.data.error !== undefined) p?.reject(new Error(e.data.error)); else p?.resolve(e.data.result);
  };
  return worker;
}

/** Sends one request to the language service and resolves with its reply. */
export function ask<K extends Request['kind']>(req: Extract<Request, { kind: K }>): Promise<Reply[K]> {
  const w = worker ?? start();
  const id = next++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    w.postMessage({ id, req });
  });
}
