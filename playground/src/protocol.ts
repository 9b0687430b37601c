/** Messages between the page and the language-service worker (worker.ts). One request, one reply, by `id`. */
export interface Problem { readonly from: number; readonly to: number; readonly line: number; readonly column: number; readonly message: string; readonly severity: 'error' | 'warning' }
/** One layer call as `convtype shapes` reports it. */
export interface ShapeRow {
  readonly line: number; readonly column: number; readonly end: number;
  /** The layer kind (method or function name) and the call as written, shortened. */
  readonly kind: string; readonly call: string;
  readonly shape: string; readonly dims: readonly number[]; readonly params: number | null;
  /** Indices of the rows producing this call's tensor inputs. */
  readonly inputs: readonly number[];
}
export interface Analysis { readonly problems: readonly Problem[]; readonly rows: readonly ShapeRow[]; readonly ms: number }
export type Request =
  | { readonly kind: 'analyze'; readonly code: string }
  | { readonly kind: 'hover'; readonly code: string; readonly pos: number }
  | { readonly kind: 'complete'; readonly code: string; readonly pos: number }
  | { readonly kind: 'transpile'; readonly code: string };
export interface Completion { readonly label: string; readonly kind: string }
export interface Reply { analyze: Analysis; hover: { text: string; from: number; to: number } | null; complete: { from: number; items: Completion[] }; transpile: string }
