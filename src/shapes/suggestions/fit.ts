/**
 * Runtime twin of types/suggestions/fit.ts: the padding to add and the largest kernel (window, dilation) that
 * fits, from the kernel `k`, its dilated length `ke` and the padded length `P` of the failing axis.
 */

/**
 * Twin of `KernelFitFix`.
 * @example fitFix('kernel', 'height', 7, 7, 5) //=> '; to fit, add padding 1 on each side of the height or use kernel ≤ 5'
 */
export function fitFix(option: string, axis: string, k: number, ke: number, padded: number): string {
  const d = k > 1 ? (ke - 1) / (k - 1) : 1;
  const pad = Math.ceil((ke - padded) / 2);
  const kernel = Math.floor((padded - 1) / d) + 1;
  const dilation = k > 1 ? Math.floor((padded - 1) / (k - 1)) : 0;
  const dilationPart = d > 1 && dilation >= 1 ? ` or dilation ≤ ${dilation}` : '';
  return `; to fit, add padding ${pad} on each side of the ${axis} or use ${option} ≤ ${kernel}${dilationPart}`;
}
