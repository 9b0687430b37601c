/** How a weight tensor starts: a named initialiser, or truncated normal / constant with parameters. */
export type Initializer =
  | 'zeros'
  | 'ones'
  | 'glorotUniform'
  | 'glorotNormal'
  | 'heUniform'
  | 'heNormal'
  | 'truncatedNormal'
  | { readonly kind: 'truncatedNormal'; readonly mean?: number; readonly stddev?: number }
  | { readonly kind: 'constant'; readonly value: number };
