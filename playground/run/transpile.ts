/**
 * TypeScript → JavaScript for the run panel when the page shell does not hand over compiled JavaScript
 * (`getCompiledJs`): TypeScript 6.0's `transpileModule` (npm `ts60`, the version with a JS API), loaded on
 * first use as a classic script from `<base>/ts/typescript.js` (it defines the global `ts`). It strips types
 * only — the shell's worker is where the type checker runs.
 */

interface TranspilerApi {
  transpileModule(source: string, options: { compilerOptions: Record<string, unknown>; fileName?: string; reportDiagnostics?: boolean }): {
    outputText: string;
    diagnostics?: readonly { messageText: string | { messageText: string } }[];
  };
  ScriptTarget: { ES2022: number };
  ModuleKind: { ESNext: number };
}

let loading: Promise<TranspilerApi> | undefined;

function loadTypeScript(url: string): Promise<TranspilerApi> {
  const g = globalThis as { ts?: TranspilerApi };
  if (g.ts?.transpileModule) return Promise.resolve(g.ts);
  return (loading ??= new Promise<TranspilerApi>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => (g.ts?.transpileModule ? resolve(g.ts) : reject(new Error(`playground: ${url} did not define ts.transpileModule`)));
    script.onerror = () => reject(new Error(`playground: could not load the TypeScript transpiler (got an error loading ${url}, expected typescript.js)`));
    document.head.append(script);
  }));
}

/**
 * `source` as an ES2022 module's JavaScript (types removed, imports used only as types dropped).
 * @example await transpile('const n: number = 1; export default n;', base) //=> 'const n = 1;\nexport default n;\n'
 */
export async function transpile(source: string, base: URL): Promise<string> {
  const ts = await loadTypeScript(new URL('ts/typescript.js', base).href);
  const out = ts.transpileModule(source, {
    fileName: 'playground.ts',
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, isolatedModules: true },
  });
  const syntax = out.diagnostics ?? [];
  if (syntax.length) {
    const first = syntax[0]!.messageText;
    throw new Error(`playground: the source does not parse (${typeof first === 'string' ? first : first.messageText})`);
  }
  return out.outputText;
}
