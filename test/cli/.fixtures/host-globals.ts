// A model file that uses a host global the lean pass leaves out (a DOM function not in the pre-scan's list): the
// lean pass reports "Cannot find name", so the CLI must redo the check with the project's full libraries.
import { input } from '../../../src/index.js';

export const net = input([64, 64, 3]).conv2d({ filters: 8, kernel: 3 }).relu().maxPool2d({ size: 2 });

export function draw(): number {
  return requestAnimationFrame(() => undefined);
}
