/**
 * importOnnx on small hand-made NCHW graphs (written by the production encoder), each run by ONNX Runtime
 * and by convtype after import: padding forms (asymmetric pads, SAME_UPPER, SAME_LOWER, VALID), groups,
 * depthwise with a multiplier, dilations, stride 2×1, pools, batch norm, Gemm/MatMul with the flatten
 * reorder, reshape by folded shape arithmetic, concat, pad, activations, the decomposed hard-swish, SE
 * gates and arithmetic with constants. relErr = max|ours − ORT| / max(1, max|ORT|) ≤ 1e-5.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/ir.js';
import { importOnnx } from '../../src/import/onnx.js';
import { encodeModel } from '../../src/onnx/encode.js';
import { ErrorLog } from '../kernels/helpers.js';
import type { OnnxNode } from '../reference/onnx.js';
import { bytesOf, init, ints, relErr, runBoth, scalar, type Case } from './onnx-helpers.js';

const TOL = 1e-5;
const log = new ErrorLog('ONNX import vs ORT (hand-made graphs)');
afterAll(() => log.print());

const node = (opType: string, inputs: string[], outputs: string[], attributes?: OnnxNode['attributes']): OnnxNode => ({ opType, inputs, outputs, ...(attributes ? { attributes } : {}) });

/** x [2, C, H, W] → Conv(attributes) → y, weight [O, C/group, kh, kw]. */
const convCase = (x: number[], w: number[], attributes: OnnxNode['attributes'], bias = true, op = 'Conv'): Case => ({
  x,
  nodes: [node(op, bias ? ['x', 'w', 'b'] : ['x', 'w'], ['y'], attributes)],
  initializers: [init('w', w, 1), ...(bias ? [init('b', [op === 'Conv' ? w[0]! : w[1]!], 2)] : [])],
});

/** [name, case, kinds the import must produce (in order)] */
const CASES: [string, Case, string[]][] = [
  ['Conv x=[2,3,7,6] w=[4,3,3,3] pads=[0,1,2,1] (asymmetric)', convCase([2, 3, 7, 6], [4, 3, 3, 3], { kernel_shape: [3, 3], pads: [0, 1, 2, 1] }), ['conv2d']],
  ['Conv x=[2,3,7,6] w=[4,3,3,3] s=2 auto_pad=SAME_UPPER', convCase([2, 3, 7, 6], [4, 3, 3, 3], { strides: [2, 2], auto_pad: 'SAME_UPPER' }), ['conv2d']],
  ['Conv x=[2,3,7,6] w=[5,3,4,4] s=2 auto_pad=SAME_LOWER no bias', convCase([2, 3, 7, 6], [5, 3, 4, 4], { strides: [2, 2], auto_pad: 'SAME_LOWER' }, false), ['conv2d']],
  ['Conv x=[2,3,9,6] w=[4,3,3,3] d=[2,1] auto_pad=VALID', convCase([2, 3, 9, 6], [4, 3, 3, 3], { dilations: [2, 1], auto_pad: 'VALID' }), ['conv2d']],
  ['Conv x=[2,3,8,7] w=[4,3,3,3] s=[2,1] p=1', convCase([2, 3, 8, 7], [4, 3, 3, 3], { strides: [2, 1], pads: [1, 1, 1, 1] }), ['conv2d']],
  ['Conv x=[2,4,6,6] w=[6,2,3,3] group=2 p=[1,0,1,0]', convCase([2, 4, 6, 6], [6, 2, 3, 3], { group: 2, pads: [1, 0, 1, 0] }), ['conv2d']],
  ['Conv depthwise x=[2,4,7,7] w=[8,1,3,3] group=4 (M=2) s=2 p=1', convCase([2, 4, 7, 7], [8, 1, 3, 3], { group: 4, strides: [2, 2], pads: [1, 1, 1, 1] }), ['depthwiseConv2d']],
  ['Conv depthwise x=[2,3,12,9] w=[3,1,5,5] group=3 s=[2,1] p=2 no bias', convCase([2, 3, 12, 9], [3, 1, 5, 5], { group: 3, strides: [2, 1], pads: [2, 2, 2, 2] }, false), ['depthwiseConv2d']],
  ['ConvTranspose x=[2,3,4,5] w=[3,4,3,3] s=2 pads=[1,0,0,1] output_padding=[1,1]', convCase([2, 3, 4, 5], [3, 4, 3, 3], { strides: [2, 2], pads: [1, 0, 0, 1], output_padding: [1, 1] }, true, 'ConvTranspose'), ['conv2dTranspose']],
  ['ConvTranspose x=[2,3,4,5] w=[3,2,4,4] s=2 output_shape=[8,10] no bias', convCase([2, 3, 4, 5], [3, 2, 4, 4], { strides: [2, 2], output_shape: [8, 10] }, false, 'ConvTranspose'), ['conv2dTranspose']],
  ['ConvTranspose x=[2,3,4,5] w=[3,2,3,3] s=2 auto_pad=SAME_UPPER', convCase([2, 3, 4, 5], [3, 2, 3, 3], { strides: [2, 2], auto_pad: 'SAME_UPPER' }, true, 'ConvTranspose'), ['conv2dTranspose']],
  [
    'MaxPool x=[2,3,7,6] k=3 s=2 p=1 ceil_mode=1',
    { x: [2, 3, 7, 6], nodes: [node('MaxPool', ['x'], ['y'], { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1], ceil_mode: 1 })] },
    ['maxPool2d'],
  ],
  ['MaxPool x=[2,3,5,6] k=2 (ONNX stride default 1)', { x: [2, 3, 5, 6], nodes: [node('MaxPool', ['x'], ['y'], { kernel_shape: [2, 2] })] }, ['maxPool2d']],
  ['MaxPool x=[2,3,7,6] k=3 s=2 SAME_UPPER', { x: [2, 3, 7, 6], nodes: [node('MaxPool', ['x'], ['y'], { kernel_shape: [3, 3], strides: [2, 2], auto_pad: 'SAME_UPPER' })] }, ['maxPool2d']],
  [
    'AveragePool x=[2,3,7,6] k=3 s=2 p=1 count_include_pad=0',
    { x: [2, 3, 7, 6], nodes: [node('AveragePool', ['x'], ['y'], { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] })] },
    ['avgPool2d'],
  ],
  [
    'AveragePool x=[2,3,7,6] k=3 s=2 p=1 count_include_pad=1',
    { x: [2, 3, 7, 6], nodes: [node('AveragePool', ['x'], ['y'], { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1], count_include_pad: 1 })] },
    ['avgPool2d'],
  ],
  [
    'Conv → BatchNormalization ε=1e-3 → LeakyRelu α=0.1',
    {
      x: [2, 3, 5, 5],
      nodes: [node('Conv', ['x', 'w'], ['c'], { pads: [1, 1, 1, 1] }), node('BatchNormalization', ['c', 'g', 'be', 'm', 'v'], ['n'], { epsilon: { float: 1e-3 } }), node('LeakyRelu', ['n'], ['y'], { alpha: { float: 0.1 } })],
      initializers: [init('w', [4, 3, 3, 3], 1), init('g', [4], 2), init('be', [4], 3), init('m', [4], 4), { name: 'v', dims: [4], data: Float32Array.of(0.5, 1, 1.5, 2) }],
    },
    ['conv2d', 'batchNorm', 'leakyRelu'],
  ],
  [
    'GlobalAveragePool → Flatten → Gemm transB=1',
    {
      x: [2, 6, 4, 5],
      nodes: [node('GlobalAveragePool', ['x'], ['p']), node('Flatten', ['p'], ['f']), node('Gemm', ['f', 'w', 'b'], ['y'], { transB: 1 })],
      initializers: [init('w', [3, 6], 1), init('b', [3], 2)],
    },
    ['globalAvgPool2d', 'flatten', 'dense'],
  ],
  [
    'Conv → Flatten of [N,4,3,2] → Gemm α=0.5 β=2 (the NCHW→NHWC flatten reorder)',
    {
      x: [2, 3, 5, 4],
      nodes: [node('Conv', ['x', 'w'], ['c']), node('Flatten', ['c'], ['f']), node('Gemm', ['f', 'k', 'b'], ['y'], { alpha: { float: 0.5 }, beta: { float: 2 } })],
      initializers: [init('w', [4, 3, 3, 3], 1), init('k', [24, 5], 2), init('b', [1, 5], 3)],
    },
    ['conv2d', 'flatten', 'dense'],
  ],
  [
    'x.view(x.size(0), -1): Shape → Gather → Unsqueeze → Concat → Reshape → MatMul + Add → Softmax',
    {
      x: [2, 3, 4, 4],
      nodes: [
        node('MaxPool', ['x'], ['p'], { kernel_shape: [2, 2], strides: [2, 2] }),
        node('Shape', ['p'], ['s']),
        node('Gather', ['s', 'zero'], ['n'], { axis: 0 }),
        node('Unsqueeze', ['n', 'axes'], ['n1']),
        node('Concat', ['n1', 'minus1'], ['shape'], { axis: 0 }),
        node('Reshape', ['p', 'shape'], ['f']),
        node('MatMul', ['f', 'w'], ['mm']),
        node('Add', ['mm', 'b'], ['logits']),
        node('Softmax', ['logits'], ['y'], { axis: 1 }),
      ],
      initializers: [{ name: 'zero', dims: [], data: BigInt64Array.of(0n) }, ints('axes', [0]), ints('minus1', [-1]), init('w', [12, 4], 1, 2), init('b', [4], 2)],
    },
    ['maxPool2d', 'flatten', 'dense', 'softmax'],
  ],
  [
    'Concat axis=1 of two convs, then Relu',
    {
      x: [2, 3, 5, 5],
      nodes: [node('Conv', ['x', 'w1'], ['a'], { pads: [1, 1, 1, 1] }), node('Conv', ['x', 'w2'], ['b']), node('Pad', ['b', 'pads'], ['bp']), node('Concat', ['a', 'bp'], ['c'], { axis: 1 }), node('Relu', ['c'], ['y'])],
      initializers: [init('w1', [2, 3, 3, 3], 1), init('w2', [3, 3, 1, 1], 2), ints('pads', [0, 0, 0, 0, 0, 0, 0, 0])],
    },
    ['conv2d', 'conv2d', 'concat', 'relu'],
  ],
  [
    'Pad constant zeros pads=[0,0,1,2,0,0,2,1] → Conv',
    {
      x: [2, 3, 5, 4],
      nodes: [node('Pad', ['x', 'pads'], ['p']), node('Conv', ['p', 'w'], ['y'])],
      initializers: [ints('pads', [0, 0, 1, 2, 0, 0, 2, 1]), init('w', [2, 3, 3, 3], 1)],
    },
    ['zeroPadding2d', 'conv2d'],
  ],
  [
    'hard-swish spelled out: Add 3 → Clip(0, 6) inputs → Mul x → Div 6 (one hardSwish layer)',
    {
      x: [2, 3, 4, 4],
      nodes: [node('Add', ['x', 'three'], ['a']), node('Clip', ['a', 'lo', 'hi'], ['c']), node('Mul', ['x', 'c'], ['m']), node('Div', ['m', 'six'], ['y'])],
      initializers: [scalar('three', 3), scalar('lo', 0), scalar('hi', 6), scalar('six', 6)],
    },
    ['hardSwish'],
  ],
  [
    'hard-swish as Add 3 → Clip(0, 6) attrs (opset 9) → Mul 1/6 → Mul x',
    {
      x: [2, 3, 4, 4],
      opset: 9,
      nodes: [node('Add', ['three', 'x'], ['a']), node('Clip', ['a'], ['c'], { min: { float: 0 }, max: { float: 6 } }), node('Mul', ['c', 'sixth'], ['d']), node('Mul', ['d', 'x'], ['y'])],
      initializers: [scalar('three', 3), scalar('sixth', 1 / 6)],
    },
    ['hardSwish'],
  ],
  [
    'hard-sigmoid spelled out: Add 3 → Clip(0, 6) → Div 6',
    {
      x: [2, 3, 4, 4],
      nodes: [node('Add', ['x', 'three'], ['a']), node('Clip', ['a', 'lo', 'hi'], ['c']), node('Div', ['c', 'six'], ['y'])],
      initializers: [scalar('three', 3), scalar('lo', 0), scalar('hi', 6), scalar('six', 6)],
    },
    ['hardSigmoid'],
  ],
  [
    'SE block: GlobalAveragePool → Conv 1×1 → Relu → Conv 1×1 → HardSigmoid α=0.2 → Mul(x, gate)',
    {
      x: [2, 6, 5, 4],
      nodes: [
        node('GlobalAveragePool', ['x'], ['p']),
        node('Conv', ['p', 'w1', 'b1'], ['c1']),
        node('Relu', ['c1'], ['r']),
        node('Conv', ['r', 'w2', 'b2'], ['c2']),
        node('HardSigmoid', ['c2'], ['g'], { alpha: { float: 0.2 }, beta: { float: 0.5 } }),
        node('Mul', ['x', 'g'], ['y']),
      ],
      initializers: [init('w1', [3, 6, 1, 1], 1), init('b1', [3], 2), init('w2', [6, 3, 1, 1], 3, 2), init('b2', [6], 4)],
    },
    ['globalAvgPool2d', 'conv2d', 'relu', 'conv2d', 'hardSigmoid', 'multiply'],
  ],
  [
    'HardSigmoid defaults (α=0.2) and HardSwish (opset 14), Mul(gate, x) order',
    {
      x: [2, 3, 4, 4],
      opset: 14,
      nodes: [node('HardSwish', ['x'], ['h']), node('HardSigmoid', ['h'], ['s']), node('Mul', ['s', 'x'], ['y'])],
    },
    ['hardSwish', 'hardSigmoid', 'multiply'],
  ],
  [
    'constants per channel and scalar: Mul [1,C,1,1] → Add scalar → Sub [C,1,1] → Div scalar → Sub from a constant',
    {
      x: [2, 3, 4, 4],
      nodes: [node('Mul', ['x', 'k'], ['a']), node('Add', ['a', 'one'], ['b']), node('Sub', ['b', 'm'], ['c']), node('Div', ['c', 'four'], ['d']), node('Sub', ['one', 'd'], ['y'])],
      initializers: [init('k', [1, 3, 1, 1], 1, 2), scalar('one', 1), init('m', [3, 1, 1], 2), scalar('four', 4)],
    },
    ['depthwiseConv2d', 'depthwiseConv2d', 'depthwiseConv2d', 'depthwiseConv2d', 'depthwiseConv2d'],
  ],
  [
    'residual Add and Sub of activations, Sigmoid, Tanh, Elu, Clip(0, ∞)',
    {
      x: [2, 3, 4, 4],
      nodes: [
        node('Sigmoid', ['x'], ['s']),
        node('Tanh', ['x'], ['t']),
        node('Add', ['s', 't'], ['a']),
        node('Elu', ['a'], ['e'], { alpha: { float: 0.5 } }),
        node('Sub', ['e', 'x'], ['d']),
        node('Clip', ['d', 'lo'], ['y']),
      ],
      initializers: [scalar('lo', 0)],
    },
    ['sigmoid', 'tanh', 'add', 'elu', 'depthwiseConv2d', 'add', 'relu'],
  ],
  [
    'Squeeze [N,C,1,1] → Gemm → Unsqueeze → Mul with a map (SE through dense layers, opset 13 axes inputs)',
    {
      x: [2, 4, 3, 3],
      nodes: [
        node('ReduceMean', ['x'], ['p'], { axes: [2, 3], keepdims: 1 }),
        node('Squeeze', ['p', 'sq'], ['v']),
        node('Gemm', ['v', 'w', 'b'], ['g'], { transB: 1 }),
        node('Sigmoid', ['g'], ['gs']),
        node('Unsqueeze', ['gs', 'sq'], ['u']),
        node('Mul', ['x', 'u'], ['y']),
      ],
      initializers: [ints('sq', [2, 3]), init('w', [4, 4], 1), init('b', [4], 2)],
    },
    ['globalAvgPool2d', 'flatten', 'dense', 'sigmoid', 'reshape', 'multiply'],
  ],
  [
    'Resize nearest ×2 asymmetric floor (Paddle2ONNX), scales input',
    { x: [2, 3, 4, 5], nodes: [node('Resize', ['x', 'roi', 'scales'], ['y'], { mode: 'nearest', coordinate_transformation_mode: 'asymmetric', nearest_mode: 'floor' })], initializers: [{ name: 'roi', dims: [0], data: new Float32Array(0) }, { name: 'scales', dims: [4], data: Float32Array.of(1, 1, 2, 2) }] },
    ['upSampling2d'],
  ],
  [
    'Resize nearest [×3, ×2] half_pixel round_prefer_floor (defaults), sizes input',
    { x: [2, 3, 4, 5], nodes: [node('Resize', ['x', '', '', 'sizes'], ['y'])], initializers: [ints('sizes', [2, 3, 12, 10])] },
    ['upSampling2d'],
  ],
  [
    'Resize linear ×2 half_pixel → bilinear',
    { x: [2, 3, 4, 5], nodes: [node('Resize', ['x', '', 'scales'], ['y'], { mode: 'linear' })], initializers: [{ name: 'scales', dims: [4], data: Float32Array.of(1, 1, 2, 2) }] },
    ['upSampling2d'],
  ],
  [
    'tf2onnx style: NHWC x=[2,6,5,3] → Transpose(0,3,1,2) → Conv → Relu → Transpose(0,2,3,1) (no layers for the transposes)',
    {
      x: [2, 6, 5, 3],
      nhwc: true,
      nodes: [node('Transpose', ['x'], ['t'], { perm: [0, 3, 1, 2] }), node('Conv', ['t', 'w'], ['c'], { pads: [1, 1, 1, 1] }), node('Relu', ['c'], ['r']), node('Transpose', ['r'], ['y'], { perm: [0, 2, 3, 1] })],
      initializers: [init('w', [4, 3, 3, 3], 1)],
    },
    ['conv2d', 'relu'],
  ],
];

describe('importOnnx vs ONNX Runtime on hand-made graphs', () => {
  for (const [name, c, kinds] of CASES) {
    it(name, async () => {
      const r = await runBoth(c);
      expect(r.shape).toEqual(r.dims);
      expect(log.add(relErr(r.ours, r.ort))).toBeLessThanOrEqual(TOL);
      expect(r.graph.layers.map((l) => l.kind)).toEqual(kinds);
    });
  }

  it('Conv pads=[0,1,2,1] becomes explicit [[0, 2], [1, 1]] padding; SAME_LOWER k=4 s=2 on 7×6 pads [[1, 1], [1, 1]]… computed', () => {
    const a = importOnnx(bytesOf(CASES[0]![1]));
    expect(a.layers[0]!.options.padding).toEqual([[0, 2], [1, 1]]);
    const upper = importOnnx(bytesOf(CASES[1]![1]));
    expect(upper.layers[0]!.options.padding).toBe('same');
    // SAME_LOWER, k=4, s=2: H 7 → out 4, total pad (4−1)·2 + 4 − 7 = 3 → 2 before, 1 after; W 6 → total 2 → 1, 1.
    const lower = importOnnx(bytesOf(CASES[2]![1]));
    expect(lower.layers[0]!.options.padding).toEqual([[2, 1], [1, 1]]);
  });

  it('the input is NCHW [N, 3, 7, 6] in ONNX and NHWC [7, 6, 3] in convtype, said in the notes', () => {
    const g = importOnnx(bytesOf(CASES[0]![1]));
    expect(g.inputs).toEqual([{ name: 'x', shape: [7, 6, 3] }]);
    expect(g.notes[0]).toBe("input 'x' is NCHW [N, 3, 7, 6] in the ONNX model; convtype's 'x' takes NHWC [B, 7, 6, 3]");
    expect(g.notes[1]).toMatch(/^output 'y' is NCHW \[N, 4, 7, 6\] in the ONNX model; convtype's 'Conv_0' is NHWC \[B, 7, 6, 4\]$/);
  });
});

describe('importOnnx: what it cannot import is listed, every node at once', () => {
  const error = (bytes: Uint8Array, options = {}): ImportError => {
    try {
      importOnnx(bytes, options);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      return e as ImportError;
    }
    throw new Error('expected an ImportError');
  };

  it('LSTM and a cubic Resize: both listed with why; the Conv after the Resize is not (its input is unknown)', () => {
    const e = error(
      bytesOf({
        x: [1, 3, 8, 8],
        nodes: [
          node('Resize', ['x', '', 'scales'], ['r'], { mode: 'cubic' }),
          node('Conv', ['r', 'w'], ['c']),
          node('LSTM', ['seq', 'lw', 'lr'], ['h'], { hidden_size: 2 }),
          node('Add', ['c', 'h'], ['y']),
        ],
        initializers: [{ name: 'scales', dims: [4], data: Float32Array.of(1, 1, 2, 2) }, init('w', [2, 3, 3, 3], 1), init('seq', [5, 1, 4], 4), init('lw', [1, 8, 4], 2), init('lr', [1, 8, 2], 3)],
      }),
    );
    expect(e.unsupported.map((u) => [u.node, u.op])).toEqual([
      ['Resize_0', 'Resize'],
      ['LSTM_2', 'LSTM'],
    ]);
    expect(e.unsupported[0]!.reason).toBe("resizes in mode 'cubic' with 'half_pixel' (convtype has nearest, and bilinear with half-pixel centres)");
    expect(e.unsupported[1]!.reason).toBe('no convtype layer for this op (the supported ones: ONNX_OPS of convtype/import, docs/import.md)');
    expect(e.message).toMatch(/^import onnx model: 2 unsupported operations:\n  Resize_0 \(Resize\): resizes in mode 'cubic'.*\n  LSTM_2 \(LSTM\): no convtype layer/);
  });

  it('an open input size needs inputShapes (--input); a wrong one is refused', () => {
    // Declared dims ['N', 3, ?, ?].
    const open = encodeModel({
      nodes: [node('Relu', ['x'], ['y'])],
      inputs: [{ name: 'x', elemType: 1, dims: ['N', 3, null, null] }],
      outputs: [{ name: 'y', elemType: 1 }],
      opset: 17,
      irVersion: 8,
    });
    const e = error(open);
    expect(e.unsupported).toEqual([{ node: 'x', op: 'input', reason: expect.stringMatching(/its size is open \(\[B, \?, \?, 3\]\).*--input 32x32x3/) }]);
    expect(importOnnx(open, { inputShapes: { x: [10, 12, 3] } }).inputs).toEqual([{ name: 'x', shape: [10, 12, 3] }]);
    expect(importOnnx(open, { inputShapes: [[10, 12, 3]] }).inputs).toEqual([{ name: 'x', shape: [10, 12, 3] }]);
    expect(error(open, { inputShapes: { x: [10, 12, 4] } }).unsupported[0]!.reason).toMatch(/does not fit the declared/);
  });

  it('configurations convtype cannot express: a computed weight, a softmax over W, a reshape that mixes NCHW order, Clip(−1, 1), Div by an activation, an inner Transpose, Gather on a tensor', () => {
    const e = error(
      bytesOf({
        x: [1, 4, 3, 3],
        nodes: [
          node('Conv', ['x', 'x'], ['c']),
          node('Softmax', ['x'], ['s'], { axis: -1 }),
          node('Reshape', ['x', 'shape'], ['r']),
          node('Clip', ['x', 'lo', 'hi'], ['k']),
          node('Div', ['x', 'x'], ['d']),
          node('Transpose', ['x'], ['t'], { perm: [0, 1, 3, 2] }),
          node('Gather', ['x', 'index'], ['g'], { axis: 1 }),
          node('Sum', ['c', 's', 'r', 'k', 'd', 't', 'g'], ['y']),
        ],
        initializers: [ints('shape', [1, 4, 9, 1]), scalar('lo', -1), scalar('hi', 1), ints('index', [0])],
      }),
    );
    expect(e.unsupported.map((u) => `${u.node}: ${u.reason}`)).toEqual([
      'Conv_0: has a computed weight W (input 1); convtype needs it known at import',
      "Softmax_1: normalises [B, 4, 3, 3] over axis 3 (convtype's softmax runs over channels)",
      'Reshape_2: reshapes [B, 4, 3, 3] to [1, 4, 9, 1], which moves data between channels and pixels (NCHW and NHWC orders differ)',
      'Clip_3: clips to [-1, 1] (convtype has relu for [0, ∞) and relu6 for [0, 6])',
      'Div_4: divides [B, 4, 3, 3] by [B, 4, 3, 3] (convtype has no elementwise division)',
      'Transpose_5: transposes [B, 4, 3, 3] by [0,1,3,2] (convtype imports the NHWC ↔ NCHW transposes at a graph\'s boundary only)',
      'Gather_6: computes on a tensor; convtype folds this op only when all its inputs are constants',
      expect.stringMatching(/^Sum_7: no convtype layer for this op/),
    ]);
  });

  it('a nearest Resize that is not a repeat of pixels (align_corners ×3 on 4 rows: row 2 reads row 1) is refused', () => {
    const e = error(
      bytesOf({
        x: [1, 3, 4, 4],
        nodes: [node('Resize', ['x', '', 'scales'], ['y'], { coordinate_transformation_mode: 'align_corners' })],
        initializers: [{ name: 'scales', dims: [4], data: Float32Array.of(1, 1, 3, 3) }],
      }),
    );
    expect(e.unsupported[0]!.reason).toBe("picks nearest pixels by 'align_corners' and 'round_prefer_floor' in a way that is not a repeat of each pixel");
  });

  it('a constant output is listed; a node reading a value nothing produces is a FormatError', () => {
    const e = error(bytesOf({ x: [1, 2, 3, 3], nodes: [node('Relu', ['x'], ['r']), node('Identity', ['k'], ['y'])], initializers: [scalar('k', 1)] }));
    expect(e.unsupported).toEqual([{ node: 'y', op: 'output', reason: 'is a constant (convtype outputs are computed from the inputs)' }]);
    expect(() => importOnnx(bytesOf({ x: [1, 2, 3, 3], nodes: [node('Relu', ['ghost'], ['y'])] }))).toThrow(
      "onnx: node 'Relu_0' (Relu) reads 'ghost', which no earlier node, input or initializer produces (nodes must be in topological order)",
    );
  });

  it('a flattened NCHW map as the output is refused (its order would differ)', () => {
    const e = error(bytesOf({ x: [1, 2, 3, 3], nodes: [node('Flatten', ['x'], ['y'])] }));
    expect(e.unsupported).toEqual([{ node: 'y', op: 'output', reason: 'is a feature map flattened in NCHW order (from [N, 2, 3, 3]); convtype flattens in NHWC order' }]);
  });
});
