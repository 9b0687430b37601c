/**
 * The fixed input size of an imported model: the file's declared dims, with the open ones (`null`, `-1`,
 * `?`) filled from `ImportOptions.inputShapes`. A convtype graph has literal sizes (the type checker computes
 * every shape from them), so an input still open after that is listed as a problem, with what to pass.
 */
import { formatShape } from '../shapes/format.js';
import type { ImportOptions } from './ir.js';

const isList = (v: ImportOptions['inputShapes']): v is readonly (readonly number[])[] => Array.isArray(v);

const isDim = (d: unknown): d is number => typeof d === 'number' && Number.isSafeInteger(d) && d >= 1;

/**
 * The dims without the batch of input `name` (the `index`-th input), or the reason there are none.
 * `declared` is batch first; `null` (or a number < 1) is an open dim.
 * @example resolveInputShape('LR', [null, null, null, 3], 0, { inputShapes: [[32, 32, 3]] }) //=> [32, 32, 3]
 */
export function resolveInputShape(name: string, declared: readonly (number | null)[], index: number, options: ImportOptions): number[] | string {
  const dims = declared.slice(1);
  const shapes = options.inputShapes;
  const given: readonly number[] | undefined =
    shapes === undefined ? undefined : isList(shapes) ? shapes[index] : Object.hasOwn(shapes, name) ? shapes[name] : undefined;
  const shown = formatShape([-1, ...dims.map((d) => (isDim(d) ? d : -1))]);
  if (given === undefined) {
    if (dims.every(isDim)) return dims as number[];
    return `its size is open (${shown}); give it, e.g. inputShapes ${JSON.stringify(dims.map((d) => (isDim(d) ? d : 32)))} (CLI: --input ${dims.map((d) => (isDim(d) ? d : 32)).join('x')})`;
  }
  const fits = given.length === dims.length && given.every((d, i) => isDim(d) && (!isDim(dims[i]) || dims[i] === d));
  if (!fits) return `the given size ${JSON.stringify(given)} does not fit the declared ${shown} (expected rank ${dims.length}, positive integers, the declared dims kept)`;
  return [...given];
}
