/**
 * What the WebAssembly Winograd and depthwise kernel tests share: a heap of the project's generated
 * kernels, running a packed kernel on copies of the inputs in that heap (with guard floats around the
 * output to catch stray stores), the ONNX Runtime reference `Conv` followed by the activation as its own
 * ONNX node, and a bit-for-bit comparison.
 */
import type { Activation } from '../../src/kernels/activation.js';
import type { Conv2dGeometry } from '../../src/kernels/geometry.js';
import { createHeap, type Heap } from '../../src/kernels/wasm/heap.js';
import { hwioToOihw, nchwToNhwc, nhwcToNchw, runOnnxGraph, type OnnxNode } from '../reference/onnx.js';
import { onnxConvAttributes, type ConvArgs } from './helpers.js';

/** Every activation the kernels fuse. */
export const ACTS: readonly Activation[] = [
  { kind: 'none' }, { kind: 'relu' }, { kind: 'relu6' }, { kind: 'leakyRelu', alpha: 0.1 }, { kind: 'sigmoid' }, { kind: 'tanh' },
];

/** A heap of the SIMD128 build (the one Node 20 runs without flags) on plain or shared memory (threads). */
export function testHeap(shared = false): Heap {
  return createHeap({ shared, relaxed: false });
}

/** Floats written before and after the output; they must survive every call. */
const GUARD = 8;
const SENTINEL = -12345.5;

/** What `runInHeap` hands the kernel: byte pointers of x and y in the heap. */
export interface Pointers {
  readonly x: number;
  readonly y: number;
}

/**
 * Copies x into the heap, fills y with a sentinel (and guards around it), calls `run`, checks the guards and
 * returns y. Rows outside the range `run` writes keep the sentinel.
 * @example runInHeap(heap, g, x, (p) => runDepthwiseWasm(heap, packed, p.x, p.y, act, 0, rows))
 */
export function runInHeap(heap: Heap, g: Conv2dGeometry, x: Float32Array, run: (p: Pointers) => void): Float32Array {
  const n = g.batch * g.outH * g.outW * g.outC;
  const xp = heap.alloc(x.length * 4);
  const yp = heap.alloc((n + 2 * GUARD) * 4);
  heap.f32().set(x, xp / 4);
  heap.f32().fill(SENTINEL, yp / 4, yp / 4 + n + 2 * GUARD);
  run({ x: xp, y: yp + GUARD * 4 });
  const all = heap.f32().slice(yp / 4, yp / 4 + n + 2 * GUARD);
  heap.free(xp);
  heap.free(yp);
  for (let i = 0; i < GUARD; i++) {
    if (all[i] !== SENTINEL || all[GUARD + n + i] !== SENTINEL) throw new Error('kernel wrote outside its output');
  }
  return all.subarray(GUARD, GUARD + n);
}

/** True when the kernel left y[i] unwritten. */
export const unwritten = (v: number): boolean => v === SENTINEL;

/** The activation as ONNX nodes from `input` to 'y' (none: an Identity). */
function activationNodes(act: Activation, input: string): OnnxNode[] {
  const one = (opType: string, attributes?: OnnxNode['attributes']): OnnxNode[] => [
    { opType, inputs: [input], outputs: ['y'], ...(attributes ? { attributes } : {}) },
  ];
  switch (act.kind) {
    case 'none':
      return one('Identity');
    case 'relu':
      return one('Relu');
    case 'relu6':
      return one('Clip', { min: { float: 0 }, max: { float: 6 } });
    case 'leakyRelu':
      return one('LeakyRelu', { alpha: { float: act.alpha } });
    case 'sigmoid':
      return one('Sigmoid');
    case 'tanh':
      return one('Tanh');
  }
}

/**
 * onnxruntime-node's `Conv` (+ bias) then the activation, on our NHWC/HWIO data; returns NHWC.
 * @example await ortConv(a, x, w, b, { kind: 'relu' }) // Float32Array (batch·outH·outW·outC)
 */
export async function ortConv(a: ConvArgs, g: Conv2dGeometry, x: Float32Array, w: Float32Array, b: Float32Array, act: Activation): Promise<Float32Array> {
  const out = await runOnnxGraph({
    nodes: [
      {
        opType: 'Conv',
        inputs: ['x', 'w', 'b'],
        outputs: ['c'],
        attributes: onnxConvAttributes(a, g),
      },
      ...activationNodes(act, 'c'),
    ],
    opset: 10, // Clip with min/max attributes
    inputs: [{ name: 'x', ...nhwcToNchw({ dims: [g.batch, g.inH, g.inW, g.inC], data: x }) }],
    initializers: [
      { name: 'w', ...hwioToOihw({ dims: [g.kernelH, g.kernelW, g.inC / g.groups, g.outC], data: w }) },
      { name: 'b', dims: [g.outC], data: b },
    ],
    outputs: ['y'],
  });
  const y = nchwToNhwc(out.y!);
  if (y.dims.join() !== [g.batch, g.outH, g.outW, g.outC].join()) throw new Error(`ORT output ${y.dims} for ${JSON.stringify(g)}`);
  return y.data;
}

/** Indices where a and b differ bit for bit (NaN payloads included), at most 5. */
export function bitDiff(a: Float32Array, b: Float32Array): number[] {
  const ua = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const ub = new Uint32Array(b.buffer, b.byteOffset, b.length);
  const out: number[] = [];
  for (let i = 0; i < ua.length && out.length < 5; i++) if (ua[i] !== ub[i]) out.push(i);
  if (a.length !== b.length) out.push(-1);
  return out;
}
