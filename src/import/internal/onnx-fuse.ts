/**
 * Patterns of several ONNX nodes that are one convtype layer. Exporters spell hard-swish and hard-sigmoid
 * out when the opset lacks them (Paddle2ONNX, PyTorch before opset 14):
 *
 *   hardSwish:   Add(x, 3) → Clip(0, 6) → Mul(x, ·) → Div(·, 6)    (or Mul(·, 1/6); or Div/Mul before the Mul)
 *   hardSigmoid: Add(x, 3) → Clip(0, 6) → Div(·, 6)               (or Mul(·, 1/6))
 *
 * A pattern matches only when each intermediate value has that one reader and is not a graph output, so
 * fusing never hides a value someone else reads. Without the match the nodes still import one by one
 * (a 1×1 depthwise for +3, relu6, multiply, a 1×1 depthwise for /6): slower, same numbers.
 */
import type { OnnxGraphNode } from '../../onnx/graph.js';
import { scalarOf, type ActValue, type NodeContext, type Value } from './onnx-values.js';

const near = (v: number | undefined, target: number): boolean => v !== undefined && Math.abs(v - target) <= 1e-6 * Math.max(1, Math.abs(target));

/** The one reader of value `name`, when it has exactly one and is not a graph output. */
function onlyReader(ctx: NodeContext, name: string): OnnxGraphNode | undefined {
  const readers = ctx.consumers(name);
  return readers.length === 1 && !ctx.isOutput(name) ? readers[0] : undefined;
}

/** The other input of a binary node that reads `name` (as a value, when known). */
function otherInput(ctx: NodeContext, node: OnnxGraphNode, name: string): { name: string; value: Value | undefined } {
  const other = node.inputs[node.inputs[0] === name ? 1 : 0] ?? '';
  return { name: other, value: ctx.valueOf(other) };
}

/** Whether `node` divides `name` by 6 or multiplies it by 1/6. */
function isSixth(ctx: NodeContext, node: OnnxGraphNode | undefined, name: string): boolean {
  if (!node || node.inputs.length !== 2) return false;
  if (node.opType === 'Div') return node.inputs[0] === name && near(scalarOf(ctx.valueOf(node.inputs[1]!)), 6);
  return node.opType === 'Mul' && near(scalarOf(otherInput(ctx, node, name).value), 1 / 6);
}

/** Whether `node` clips to [0, 6] (attributes before opset 11, inputs after). */
function isRelu6(ctx: NodeContext, node: OnnxGraphNode | undefined): node is OnnxGraphNode {
  if (!node || node.opType !== 'Clip') return false;
  const bound = (attr: string, i: number): number | undefined => {
    const a = node.attributes[attr];
    if (a?.type === 'FLOAT') return a.value;
    return node.inputs[i] ? scalarOf(ctx.valueOf(node.inputs[i]!)) : undefined;
  };
  return bound('min', 1) === 0 && bound('max', 2) === 6;
}

/**
 * At an `Add(x, 3)`: the hard-swish or hard-sigmoid it starts, emitted as one layer (the nodes after it are
 * absorbed and the last one's output set), or undefined when the nodes do not form one.
 */
export function fuseHardActivation(ctx: NodeContext): Value | undefined {
  const { node } = ctx;
  const [a, b] = [ctx.input(0), ctx.input(1)];
  const x = a?.kind === 'act' && near(scalarOf(b), 3) ? a : b?.kind === 'act' && near(scalarOf(a), 3) ? b : undefined;
  if (!x) return undefined;
  const xName = node.inputs[a === x ? 0 : 1]!;
  const plus3 = node.outputs[0]!;
  const clip = onlyReader(ctx, plus3);
  if (!isRelu6(ctx, clip)) return undefined;
  const clipped = clip.outputs[0]!;
  const next = onlyReader(ctx, clipped);
  const times = (n: OnnxGraphNode | undefined, name: string): boolean =>
    n?.opType === 'Mul' && n.inputs.length === 2 && otherInput(ctx, n, name).name === xName;
  const finish = (kind: string, nodes: readonly OnnxGraphNode[]): ActValue => {
    const y = ctx.emit(kind, {}, {}, [x]);
    for (const n of nodes) ctx.absorb(n);
    ctx.set(nodes[nodes.length - 1]!.outputs[0]!, y);
    return y;
  };
  // x·relu6(x + 3), then /6.
  if (!next) return undefined;
  const last = onlyReader(ctx, next.outputs[0]!);
  if (times(next, clipped)) return isSixth(ctx, last, next.outputs[0]!) ? finish('hardSwish', [clip, next, last!]) : undefined;
  // relu6(x + 3)/6, then maybe ·x.
  if (isSixth(ctx, next, clipped)) return times(last, next.outputs[0]!) ? finish('hardSwish', [clip, next, last!]) : finish('hardSigmoid', [clip, next]);
  return undefined;
}
