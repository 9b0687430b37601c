/**
 * The `convtype shapes --json` schema (version 1): what the type checker computed for every builder call of
 * the files, grouped into chains, with parameter counts and the errors. `docs/cli.md` documents it with an
 * example; the text table is rendered from the same objects.
 *
 * Conventions: a shape is batch first, NHWC, with `-1` for a dimension the type checker does not know (`number`
 * at the type level; the batch unless `input(…, { batch })` fixed it), as `model.layers[i].shape` at run time.
 * `shapeText` is the same shape as the messages print it (`[B, 55, 55, 96]`). Lines and columns are 1-based.
 */

/** The whole answer of `convtype shapes [--json]`. */
export interface ShapesReport {
  /** Schema version; bumped when a field changes meaning or goes away (new fields may appear in any version). */
  readonly version: 1;
  readonly files: readonly FileReport[];
  /** No error in any file (the command exits 0 exactly when this is true). */
  readonly ok: boolean;
}

/** One analysed file. */
export interface FileReport {
  /** The path as given on the command line, relative to the current directory when possible (POSIX slashes). */
  readonly file: string;
  /** The tsconfig.json whose options were used (found upward from the file), or `null` for the defaults. */
  readonly tsconfig: string | null;
  /** Connected builder calls: a call is in the chain of the tensor it was called on or given. */
  readonly chains: readonly ChainReport[];
  /** Errors reported in this file (ours and any other TypeScript error). */
  readonly errors: readonly ErrorReport[];
}

/** One chain (a model, or a part of one): calls that feed each other, in source order. */
export interface ChainReport {
  /** The top-level declarations the calls sit in (`const c1 = …`, `function alexnet`), in source order. */
  readonly names: readonly string[];
  readonly startLine: number;
  readonly endLine: number;
  readonly calls: readonly CallRow[];
  /** Sum of the calls' `params`, or `null` if one of them is unknown. */
  readonly params: number | null;
}

/** One builder call: `input`, a layer method, `apply`, `add`, `concat`, `multiply`. */
export interface CallRow {
  readonly line: number;
  readonly column: number;
  /** The method or function called: `conv2d`, `apply`, `input`, `add`, … */
  readonly kind: string;
  /** Compact rendering of the call from its typed options: `conv2d(filters 96, kernel 11, stride 4)`. */
  readonly call: string;
  /** The `name` option, when given as a literal. */
  readonly name?: string;
  /** The output shape the type checker computed for this call (its `SymbolicTensor<…>` return type). */
  readonly shape: readonly number[];
  readonly shapeText: string;
  /** Trainable parameters of the layers this call adds, or `null` when an input size is unknown. */
  readonly params: number | null;
  /** Our sentence (or TypeScript's message) when this call is where an error is reported. */
  readonly error?: string;
  /** `apply(spec)` only: the spec's layers in the order `model.layers` lists them. */
  readonly layers?: readonly LayerRow[];
}

/** One layer inside an applied spec (sequences are flattened; residual and branch parts are scoped). */
export interface LayerRow {
  /** Layer kind (`conv2d`, `relu`, …), or `add` / `concat` for the join of a residual or branches spec. */
  readonly kind: string;
  /** Compact rendering of the layer: `conv2d(filters 64, kernel 1, useBias false)`, `add(residual)`. */
  readonly call: string;
  readonly name?: string;
  /**
   * Where the layer sits: `[]` for the spec's own layers (sequences are flattened), and one entry per enclosing
   * residual or branches part, outermost first: `['body']`, `['shortcut']`, `['branch 2', 'body']`.
   */
  readonly path: readonly string[];
  /**
   * The layer's output shape. The checker computes only the spec's final shape (the call's `shape`); inner shapes
   * are computed from the spec's typed options by the runtime twins of the same rules (src/shapes), and the last
   * one is compared with the checker's. `null` when an option is not a literal (wide `number`).
   */
  readonly shape: readonly number[] | null;
  readonly shapeText: string;
  readonly params: number | null;
}

/** An error, located in the file. */
export interface ErrorReport {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** TypeScript's code (2322: the sentence sits on one option, 2345: on the whole argument, 2684: on the receiver). */
  readonly code: number;
  /** Our sentence when the diagnostic carries one, else TypeScript's message (first line of its chain). */
  readonly message: string;
  /** `true` when `message` is one of convtype's shape sentences. */
  readonly shapeError: boolean;
}
