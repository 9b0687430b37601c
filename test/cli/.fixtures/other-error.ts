// A model that is fine, next to an error that is not a shape error: `check` prints TypeScript's own message.
import { input } from '../../../src/index.js';

export const net = input([32, 32, 3]).conv2d({ filters: 16, kernel: 3, padding: 'same' }).relu().flatten().dense({ units: 10 });

export const classes: number = 'ten';
