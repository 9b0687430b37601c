/**
 * The playground's module convention, in one place (the page and the Node test both use it): a module's
 * **default export** is what the run panel runs — a model (`model(...)`'s result), or a function returning
 * one (or a promise of one), called with the gallery entry's weights file (a `Uint8Array`) when the entry
 * has one and with no argument otherwise. `export default lenet` and `export default lenet()` both work.
 */

/** What the panel needs of a model (the public `Model` surface, untyped: the module is evaluated at run time). */
export interface RunnableModel {
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  readonly params: number;
  readonly macs: number;
  run(x: { readonly shape: readonly number[]; readonly data: Float32Array }): { readonly shape: readonly number[]; readonly data: Float32Array };
  summary(): string;
}

function isModel(v: unknown): v is RunnableModel {
  const m = v as Partial<RunnableModel> | null;
  return typeof m === 'object' && m !== null && typeof m.run === 'function' && typeof m.summary === 'function' && Array.isArray(m.inputShape);
}

/** How a value reads in a sentence. */
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'object') return Array.isArray(v) ? 'an array' : 'an object that is not a model';
  return typeof v;
}

/**
 * The model a module's exports stand for (see the file header), with the module's other exports named in
 * the error when there is no default export.
 * @example await runnableModel({ default: lenet }) //=> the LeNet, built with seed 0
 */
export async function runnableModel(exports: Readonly<Record<string, unknown>>, weights?: Uint8Array): Promise<RunnableModel> {
  if (!('default' in exports)) {
    const names = Object.keys(exports);
    throw new Error(
      `playground: the module has no default export (got ${names.length ? `exports ${names.join(', ')}` : 'no exports'}, expected \`export default\` a model or a function returning one)`,
    );
  }
  let value = exports.default;
  if (typeof value === 'function') value = await (weights ? (value as (w: Uint8Array) => unknown)(weights) : (value as () => unknown)());
  if (!isModel(value)) throw new Error(`playground: the default export is not a model (got ${describe(value)}, expected a model or a function returning one)`);
  return value;
}

/**
 * The input shape of one example, `[1, ...dims]`, from a model's input shape (whose batch is open).
 * Throws when a dimension is not a fixed size.
 */
export function exampleShape(model: RunnableModel): number[] {
  const dims = model.inputShape.slice(1);
  if (!dims.every((d) => Number.isInteger(d) && d > 0)) throw new Error(`playground: the input size is open (got [B, ${dims.join(', ')}], expected fixed sizes)`);
  return [1, ...dims];
}
