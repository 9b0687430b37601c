/**
 * The imported graph: what a model file (ONNX, tfjs-layers) becomes before it is a convtype model.
 * Both front-ends (`onnx.ts`, `tfjs.ts`) produce it; `build.ts` turns it into a running model and
 * `codegen.ts` into a typed source file plus a weights file. One format in the middle means one code
 * generator and one runtime builder for every source format.
 *
 * Layouts are convtype's (SEMANTICS.md §5): activations NHWC, conv kernels HWIO, depthwise `[kh, kw, C, M]`,
 * dense `[in, out]`; a front-end converts its format's layouts (and reorders the first dense after a
 * flatten from NCHW order) so that nothing downstream knows where the model came from.
 */
import { ConvtypeError } from '../errors.js';

/** A layer option as a literal (what code generation can print back). */
export type OptionValue = number | string | boolean | null | readonly OptionValue[] | { readonly [key: string]: OptionValue };

/** A weight in convtype's layout, by its convtype parameter name (`kernel`, `bias`, `gamma`, …). */
export interface ImportedWeight {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** One convtype layer. */
export interface ImportedLayer {
  /** Unique, a valid convtype layer name; also the weights' prefix (`<name>/<param>`). */
  readonly name: string;
  /**
   * A convtype layer kind: a tensor method (`conv2d`, `batchNorm`, `relu`, `upSampling2d`, …) called on
   * `inputs[0]`, or one of the graph functions `add`, `concat`, `multiply` called on all `inputs`.
   */
  readonly kind: string;
  /** Names of graph inputs or earlier layers. */
  readonly inputs: readonly string[];
  /** The method's options, without `name` (the builder adds it). */
  readonly options: Readonly<Record<string, OptionValue>>;
  readonly weights: Readonly<Record<string, ImportedWeight>>;
  /** The source format's node(s) this layer came from, for messages and comments (`Conv_12 + Relu_13`). */
  readonly origin: string;
}

/** A graph input: NHWC dims without the batch (`[224, 224, 3]`). */
export interface ImportedInput {
  readonly name: string;
  readonly shape: readonly number[];
}

/** An operation of the source model that convtype cannot express, listed (never thrown one at a time). */
export interface UnsupportedOp {
  /** The source node's name (or index). */
  readonly node: string;
  /** Its op type (`LSTM`, `Resize`, `Lambda`, …). */
  readonly op: string;
  /** Why: one sentence. */
  readonly reason: string;
}

export interface ImportedGraph {
  /** Where it came from: `'onnx'` or `'tfjs-layers'`. */
  readonly format: 'onnx' | 'tfjs-layers';
  readonly inputs: readonly ImportedInput[];
  /** In an order where every layer comes after its inputs. */
  readonly layers: readonly ImportedLayer[];
  /** Names of the layers (or inputs) that are the model's outputs. */
  readonly outputs: readonly string[];
  /** How the source's interface differs from the imported one (e.g. "input was NCHW [1,3,48,192]; convtype takes NHWC"). */
  readonly notes: readonly string[];
}

/** A model file that cannot be imported: every unsupported op at once. */
export class ImportError extends ConvtypeError {
  override name = 'ImportError';
  readonly unsupported: readonly UnsupportedOp[];
  constructor(source: string, unsupported: readonly UnsupportedOp[]) {
    super(
      `import ${source}: ${unsupported.length} unsupported operation${unsupported.length === 1 ? '' : 's'}:\n  ` +
        unsupported.map((u) => `${u.node} (${u.op}): ${u.reason}`).join('\n  '),
    );
    this.unsupported = unsupported;
  }
}

/** Options shared by the front-ends. */
export interface ImportOptions {
  /** Input dims (NHWC, without batch) for inputs whose size the file leaves open (`[null, null, 3]`). */
  readonly inputShapes?: Readonly<Record<string, readonly number[]>> | readonly (readonly number[])[];
}
