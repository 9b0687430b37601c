/** `convtype/types`: the type-level machinery (arithmetic, rule outcomes, rules, message templates); types only. */
export type * from '../types/machinery.js';
