/**
 * The test page's script (bundled by the test into page.js; the library stays an external import of the
 * served `dist/index.js`, so the page exercises the built bundle, not src/). Query: `case=model|bad-input`,
 * `backend=js|wasm`, `repeat=N` (runs the batch N times, to catch races between threads). It fetches the
 * batch and weights from `/case.json`, builds the CNN with them, runs it, and posts a `PageResult` to
 * `/result`; every failure is posted too, so the test reports it instead of waiting.
 */
import { buildCnn, type Backend, type CaseData, type Library, type PageResult } from './cnn.js';

const params = new URLSearchParams(location.search);
const which = params.get('case') ?? 'model';
const backendName = params.get('backend') ?? 'js';
const repeat = Math.max(1, Number(params.get('repeat') ?? 1));

/**
 * The backend the query asks for, with what the page reports of it: `js` is the library's default;
 * `wasm` asks for two threads (the backend keeps one without shared memory) and waits for them to start.
 */
async function pickBackend(lib: Library): Promise<{ backend: Backend | undefined; name: string; threads: number; wasm?: PageResult['wasm'] }> {
  if (backendName === 'js') return { backend: undefined, name: 'js', threads: 1 };
  if (backendName === 'wasm') {
    const backend = lib.createWasmBackend({ threads: 2 });
    const threads = await backend.threads.whenReady();
    return { backend, name: backend.name, threads, wasm: { shared: backend.heap.shared, relaxed: backend.heap.relaxed, failures: backend.threads.failures } };
  }
  throw new Error(`page: unknown backend (got ${backendName}, expected js or wasm)`);
}

const toTensor = (lib: Library, t: { shape: number[]; data: number[] }) => lib.tensor(t.shape, Float32Array.from(t.data));

async function main(): Promise<PageResult> {
  const lib = (await import(new URL('dist/index.js', location.href).href)) as Library;
  const data = (await (await fetch('case.json')).json()) as CaseData;
  const { backend, name, threads, wasm } = await pickBackend(lib);
  const m = buildCnn(lib, backend);
  const weights = Object.fromEntries(Object.entries(data.weights).map(([k, t]) => [k, { shape: t.shape, data: Float32Array.from(t.data) }]));
  m.setWeights(weights);
  let thrown: PageResult['thrown'];
  if (which === 'bad-input') {
    const [batch, h, w, c] = data.input.shape as [number, number, number, number];
    try {
      m.run(lib.tensor([batch, h - 4, w - 4, c], new Float32Array(batch * (h - 4) * (w - 4) * c)) as never);
    } catch (e) {
      const err = e as Error;
      thrown = { name: err.name, message: err.message, isInputError: e instanceof lib.InputError, isConvtypeError: e instanceof lib.ConvtypeError };
    }
  } else if (which !== 'model') {
    throw new Error(`page: unknown case (got ${which}, expected model or bad-input)`);
  }
  const x = toTensor(lib, data.input);
  const y = m.run(x as never);
  const output = { shape: [...y.shape], data: Array.from(y.data) };
  const repeats = Array.from({ length: repeat - 1 }, () => Array.from(m.run(x as never).data));
  const isolated = globalThis.crossOriginIsolated === true;
  return { backend: name, threads, crossOriginIsolated: isolated, output, repeats, ...(wasm ? { wasm } : {}), ...(thrown ? { thrown } : {}) };
}

async function post(result: PageResult): Promise<void> {
  document.body.textContent = JSON.stringify({ ...result, output: result.output?.data.slice(0, 10), repeats: result.repeats?.length }, null, 1);
  await fetch(`result?run=${params.get('run') ?? ''}`, { method: 'POST', body: JSON.stringify(result) });
}

main().then(post, (e: unknown) =>
  post({ backend: backendName, threads: 0, crossOriginIsolated: globalThis.crossOriginIsolated === true, failure: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e) }),
);
