/**
 * The picture's input: a neutral graph that both a built model (`pictureOfModel`) and the type checker's analysis
 * (`pictureOfCalls`, used by `convtype graph` and the playground) produce, and that `renderSvg` / `renderDot` draw.
 *
 * Decision: one plain-data graph (JSON-safe, no TypeScript or Node objects) between the producers and the renderers,
 * so the page can build it from its own TS 6 language service and the renderers stay free of Node APIs.
 */

/** One layer (or input) of the picture. */
export interface PictureNode {
  /** Unique in the graph. */
  readonly id: string;
  /** `input`, `conv2d`, `add`, `concat`, … */
  readonly kind: string;
  /** The layer's name when the user gave one (or the model's name for it). */
  readonly name?: string;
  /** The output shape (batch first, −1 unknown); drawn on the edge to an `output` mark when nothing consumes it. */
  readonly shape?: readonly number[] | null;
  /** Key options as text: `filters 64, kernel 3, stride 2`. */
  readonly detail?: string;
  /** Trainable parameters, `null` when unknown. */
  readonly params?: number | null;
  /** Multiply-accumulates per example, `null` when unknown. */
  readonly macs?: number | null;
  /**
   * The block application this layer came from (one `x.apply(spec)`): consecutive blocks with the same layer
   * sequence and output shape are drawn as one node `label ×n` unless `fold: false`.
   */
  readonly block?: { readonly id: string; readonly label: string };
  /** A shape error reported at this layer (the type checker's sentence). */
  readonly error?: string;
}

/** A tensor flowing from one node to another, labelled with its shape. */
export interface PictureEdge {
  readonly from: string;
  readonly to: string;
  /** Batch first, −1 for an unknown dimension (printed `B` for the batch, `?` elsewhere); `null` when unknown. */
  readonly shape: readonly number[] | null;
  /** The sentence of a shape error on this edge: drawn red, with the sentence as its label. */
  readonly error?: string;
}

/**
 * Nodes in topological order; edges into a node in its argument order (the first is the main path of a
 * residual block, as `add(body, shortcut)` records it).
 */
export interface PictureGraph {
  readonly nodes: readonly PictureNode[];
  readonly edges: readonly PictureEdge[];
}

/** How a picture is drawn. */
export interface PictureOptions {
  /** Fold repeated consecutive blocks into one node `label ×n` (default `true`). */
  readonly fold?: boolean;
  /** A title above the graph (SVG) / the graph's label (DOT). */
  readonly title?: string;
}
