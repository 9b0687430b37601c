/**
 * What an editor shows on hover, from the real language services: TS 6.0 and TS 5.9 through their JS
 * `LanguageService` (what VS Code's JS-based server runs), TS 7.0 through JSON-RPC to `tsc --lsp -stdio`
 * (the native server; it has no JS API). Each returns the first line of the hover's code block at a
 * position, e.g. `const a: SymbolicTensor<readonly [number, 32, 32, 32]>`, as the person sees it at level 0
 * (no expansion).
 *
 * Decision: one `Locator` (a fixture line found by a unique text, then a text in that line) names the hover
 * position for every server, so a test states a place in the fixture, not a column. Rejected: columns
 * written in the test (they rot with every edit of the fixture).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as TS from 'ts60';
import { root } from '../../scripts/internal/compilers.js';

const require = createRequire(import.meta.url);

/**
 * A hover position: the one fixture line containing `line`, at the first `at` in it (default: `line` itself);
 * a leading `.` of `at` only makes it unique (`.elu(` is not the `elu` inside `leakyRelu`) and is skipped.
 */
export interface Locator {
  readonly line: string;
  readonly at?: string;
}

/** A diagnostic as a person reads it: its line (1-based) and message (chain flattened, one level a line). */
export interface Diagnostic {
  readonly line: number;
  readonly message: string;
}

/** A language service over some fixture files (repository-relative paths). */
export interface HoverService {
  readonly label: string;
  /** The hover's code text at level 0 (what the editor shows in its code block, all lines). */
  hover(fixture: string, at: Locator): Promise<string>;
  /** The fixture's semantic diagnostics, in order. */
  diagnostics(fixture: string): Promise<readonly Diagnostic[]>;
  close(): Promise<void>;
}

/** The 0-based offset of a locator in a text; throws unless the line is unique. */
export function offsetOf(text: string, at: Locator): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(at.line) ? [i] : []));
  if (hits.length !== 1) throw new Error(`locator ${JSON.stringify(at.line)} matches ${hits.length} lines`);
  const index = hits[0]!;
  const line = lines[index]!;
  const target = at.at ?? at.line;
  const column = line.indexOf(target);
  if (column < 0) throw new Error(`${JSON.stringify(target)} is not in line ${JSON.stringify(line)}`);
  const skip = target.startsWith('.') ? 1 : 0;
  return lines.slice(0, index).reduce((sum, l) => sum + l.length + 1, 0) + column + skip;
}

/** A JS language service (TS 6.0 `ts60`, TS 5.9 `ts59`) over the repository's compiler options and the fixtures. */
export function jsLanguageService(pkg: 'ts60' | 'ts59', fixtures: readonly string[]): HoverService {
  const ts = require(pkg) as typeof TS;
  const files = fixtures.map((f) => resolve(root, f));
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error('tsconfig.json did not parse');
  const host: TS.LanguageServiceHost = {
    getCompilationSettings: () => config.options,
    getScriptFileNames: () => files,
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => (ts.sys.fileExists(name) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(name) ?? '') : undefined),
    getCurrentDirectory: () => root,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  return {
    label: `TS ${ts.version} (LanguageService)`,
    async hover(fixture, at) {
      const file = resolve(root, fixture);
      const info = service.getQuickInfoAtPosition(file, offsetOf(readFileSync(file, 'utf8'), at));
      if (!info) throw new Error(`no hover at ${JSON.stringify(at)}`);
      return ts.displayPartsToString(info.displayParts);
    },
    async diagnostics(fixture) {
      const file = resolve(root, fixture);
      const source = service.getProgram()!.getSourceFile(file)!;
      return service.getSemanticDiagnostics(file).map((d) => ({
        line: source.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      }));
    },
    async close() {
      service.dispose();
    },
  };
}

/** The TS 7.0 language server (`tsc --lsp -stdio`, the binary that `typescript/lib/getExePath.js` names). */
export async function nativeLanguageServer(fixtures: readonly string[]): Promise<HoverService> {
  const { default: getExePath } = (await import(pathToFileURL(join(root, 'node_modules/typescript/lib/getExePath.js')).href)) as {
    default: () => string;
  };
  const { version } = JSON.parse(readFileSync(join(root, 'node_modules/typescript/package.json'), 'utf8')) as { version: string };
  const uriOf = (fixture: string): string => pathToFileURL(resolve(root, fixture)).href;
  const rpc = new JsonRpc(spawn(getExePath(), ['--lsp', '-stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] }));
  await rpc.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'convtype' }],
    capabilities: {
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        diagnostic: { dynamicRegistration: false },
        publishDiagnostics: {},
      },
    },
  });
  rpc.notify('initialized', {});
  for (const fixture of fixtures) {
    const text = readFileSync(resolve(root, fixture), 'utf8');
    rpc.notify('textDocument/didOpen', { textDocument: { uri: uriOf(fixture), languageId: 'typescript', version: 1, text } });
  }
  const position = (text: string, offset: number): { line: number; character: number } => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1]!.length };
  };
  return {
    label: `TS ${version} (tsc --lsp)`,
    async hover(fixture, at) {
      const text = readFileSync(resolve(root, fixture), 'utf8');
      const params = { textDocument: { uri: uriOf(fixture) }, position: position(text, offsetOf(text, at)) };
      const result = (await rpc.request('textDocument/hover', params)) as {
        contents: { kind: string; value: string } | string;
      } | null;
      if (!result) throw new Error(`no hover at ${JSON.stringify(at)}`);
      const markdown = typeof result.contents === 'string' ? result.contents : result.contents.value;
      const block = /```\w*\n([\s\S]*?)\n```/.exec(markdown);
      if (!block) throw new Error(`hover without a code block: ${markdown}`);
      return block[1]!;
    },
    async diagnostics(fixture) {
      const result = (await rpc.request('textDocument/diagnostic', { textDocument: { uri: uriOf(fixture) } })) as {
        items: { range: { start: { line: number } }; message: string }[];
      };
      return result.items.map((d) => ({ line: d.range.start.line + 1, message: d.message }));
    },
    async close() {
      await rpc.request('shutdown', undefined);
      rpc.notify('exit', undefined);
      await rpc.stop();
    },
  };
}

/** LSP base protocol over a child's stdio: `Content-Length` framed JSON-RPC 2.0. */
class JsonRpc {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private stderr = '';
  readonly closed: Promise<void>;

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.closed = new Promise((done) => child.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error(`language server exited\n${this.stderr}`));
      done();
    }));
  }

  /** Closes the server's stdin and waits for it to exit (killed after 5 s). */
  async stop(): Promise<void> {
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill(), 5000);
    await this.closed;
    clearTimeout(timer);
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    const answer = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.send({ jsonrpc: '2.0', id, method, params });
    return answer;
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as {
        id?: number;
        method?: string;
        result?: unknown;
        error?: { message: string };
      };
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (message.method !== undefined && message.id !== undefined) {
        // A request from the server (workspace/configuration, client/registerCapability…): answer empty.
        this.send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? [] : null });
      } else if (message.id !== undefined) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message));
        else waiting?.resolve(message.result);
      }
    }
  }
}
