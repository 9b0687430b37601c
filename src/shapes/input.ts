/** Runtime twin of types/input.ts. */
import { ShapeError } from '../errors.js';
import { inputDimMessage } from './messages.js';

/** Throws unless every dim is a positive safe integer (twin of `InputCheck`). */
export function checkInputDims(dims: readonly number[]): void {
  dims.forEach((d, i) => {
    if (!(typeof d === 'number' && Number.isSafeInteger(d) && d >= 1)) throw new ShapeError(inputDimMessage(i, d), 'input');
  });
}
