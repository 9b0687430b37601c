/**
 * A tiny static server for the browser test on 127.0.0.1 (random port): `/page.html`, `/page.js`, the
 * library bundle under `/dist/`, the case data at `/case.json`, and `POST /result?run=<id>`, which hands the
 * page's JSON to whoever awaits `result(id)`. `isolated` adds the COOP/COEP headers that make the page
 * cross-origin isolated (SharedArrayBuffer available); without them the page must still run on one thread.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

export interface Routes {
  /** File served at `/page.html`. */
  readonly html: string;
  /** File served at `/page.js`. */
  readonly script: string;
  /** Folder served under `/dist/`. */
  readonly dist: string;
  /** Body of `/case.json`. */
  readonly caseJson: string;
}

export interface TestServer {
  readonly origin: string;
  /** The body the page posts with `run=id` (parsed), or a rejection after `ms`. */
  result(id: string, ms: number): Promise<unknown>;
  close(): Promise<void>;
}

export async function startServer(routes: Routes, isolated: boolean): Promise<TestServer> {
  const waiting = new Map<string, (body: unknown) => void>();
  const arrived = new Map<string, unknown>();
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-store' };
    if (isolated) Object.assign(headers, { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    res.writeHead(status, headers).end(body);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/result') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const id = url.searchParams.get('run') ?? '';
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const resolve = waiting.get(id);
        if (resolve) resolve(body);
        else arrived.set(id, body);
        send(res, 204, 'text/plain', '');
      });
      return;
    }
    const file =
      url.pathname === '/page.html' ? routes.html
      : url.pathname === '/page.js' ? routes.script
      : url.pathname.startsWith('/dist/') ? join(routes.dist, normalize(url.pathname.slice('/dist/'.length)).replace(/^(\.\.[/\\])+/, ''))
      : null;
    if (url.pathname === '/case.json') return send(res, 200, TYPES['.json']!, routes.caseJson);
    if (file === null) return send(res, 404, 'text/plain', `not found: ${url.pathname}`);
    readFile(file).then(
      (body) => send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body),
      () => send(res, 404, 'text/plain', `not found: ${url.pathname}`),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    result(id, ms) {
      if (arrived.has(id)) return Promise.resolve(arrived.get(id));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no result from the page for run ${id} within ${ms} ms`)), ms);
        waiting.set(id, (body) => {
          clearTimeout(timer);
          resolve(body);
        });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
