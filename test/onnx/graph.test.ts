/**
 * readOnnxGraph: what the production encoder (src/onnx/encode.ts) writes reads back as the same nodes,
 * attributes of every type, declared dims and initializers; ONNX Runtime agrees on what a hand-built model
 * is (it runs it); malformed models are `FormatError`s naming the node or value; and a seeded fuzzer of
 * truncations and byte flips: every mutant parses or throws FormatError.
 */
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../src/io/errors.js';
import { encodeModel, type OnnxModel } from '../../src/onnx/encode.js';
import { readOnnxGraph } from '../../src/onnx/graph.js';
import { Message } from '../../src/onnx/proto.js';
import { fuzzFormat } from './mutants.js';

const MODEL: OnnxModel = {
  nodes: [
    {
      opType: 'Conv',
      name: 'conv',
      inputs: ['x', 'w', ''],
      outputs: ['c'],
      attributes: { kernel_shape: [3, 3], pads: [0, 1, 2, 1], strides: [2, 1], group: 1, auto_pad: 'NOTSET' },
    },
    { opType: 'LeakyRelu', inputs: ['c'], outputs: ['l'], attributes: { alpha: { float: 0.125 } } },
    { opType: 'Constant', name: 'k', inputs: [], outputs: ['k'], attributes: { value: { tensor: { name: '', dims: [2], data: BigInt64Array.of(1n, -1n) } } } },
    { opType: 'Reshape', name: 'r', inputs: ['l', 'k'], outputs: ['y'] },
    { opType: 'Custom', name: 'odd', inputs: ['y'], outputs: ['z'], domain: 'com.example', attributes: { ints: [-1, 2 ** 40, 0], floats: { floats: [0.5, -2] } } },
  ],
  inputs: [{ name: 'x', elemType: 1, dims: ['N', 2, 5, null] }],
  outputs: [
    { name: 'y', elemType: 1 },
    { name: 'z', elemType: 1, dims: [1, 7] },
  ],
  initializers: [{ name: 'w', dims: [4, 2, 3, 3], data: Float32Array.from({ length: 72 }, (_, i) => i / 8 - 4) }],
  opset: 13,
  irVersion: 7,
  producerName: 'convtype-tests',
};

describe('readOnnxGraph: what encodeModel writes', () => {
  const g = readOnnxGraph(encodeModel(MODEL));

  it('model: IR version, opsets, producer', () => {
    expect(g.irVersion).toBe(7);
    expect(g.opset).toBe(13);
    expect({ ...g.opsets }).toEqual({ '': 13 });
    expect(g.producerName).toBe('convtype-tests');
  });

  it('nodes: names (given or <op>_<index>), op types, domains, inputs with an omitted one, outputs', () => {
    expect(g.nodes.map((n) => [n.name, n.opType, n.domain, n.inputs, n.outputs])).toEqual([
      ['conv', 'Conv', '', ['x', 'w', ''], ['c']],
      ['LeakyRelu_1', 'LeakyRelu', '', ['c'], ['l']],
      ['k', 'Constant', '', [], ['k']],
      ['r', 'Reshape', '', ['l', 'k'], ['y']],
      ['odd', 'Custom', 'com.example', ['y'], ['z']],
    ]);
  });

  it('attributes: INTS, INT, STRING, FLOAT (f32), FLOATS, an int64 beyond 2^32 and negatives, an unnamed TENSOR', () => {
    expect({ ...g.nodes[0]!.attributes }).toEqual({
      kernel_shape: { type: 'INTS', value: [3, 3] },
      pads: { type: 'INTS', value: [0, 1, 2, 1] },
      strides: { type: 'INTS', value: [2, 1] },
      group: { type: 'INT', value: 1 },
      auto_pad: { type: 'STRING', value: 'NOTSET' },
    });
    expect(g.nodes[1]!.attributes.alpha).toEqual({ type: 'FLOAT', value: 0.125 });
    expect(g.nodes[4]!.attributes.ints).toEqual({ type: 'INTS', value: [-1, 2 ** 40, 0] });
    expect(g.nodes[4]!.attributes.floats).toEqual({ type: 'FLOATS', value: [0.5, -2] });
    const t = g.nodes[2]!.attributes.value!;
    expect(t.type).toBe('TENSOR');
    if (t.type !== 'TENSOR') return;
    expect(t.value.dims).toEqual([2]);
    expect(Array.from(t.value.data)).toEqual([1, -1]);
    expect(t.value.dataType).toBe(7);
  });

  it('inputs and outputs: element type and declared dims (fixed, symbolic, unknown; none declared)', () => {
    expect(g.inputs).toEqual([{ name: 'x', elemType: 1, dims: ['N', 2, 5, null] }]);
    expect(g.outputs).toEqual([
      { name: 'y', elemType: 1, dims: undefined },
      { name: 'z', elemType: 1, dims: [1, 7] },
    ]);
  });

  it('initializers by name, as f32 with their data type', () => {
    const w = g.initializers.get('w')!;
    expect(w.dims).toEqual([4, 2, 3, 3]);
    expect(w.dataType).toBe(1);
    expect(w.data[0]).toBe(-4);
    expect(w.data[71]).toBe(71 / 8 - 4);
  });

  it('an input that is also an initializer (IR < 4 exporters) is not a graph input', () => {
    const bytes = encodeModel({ ...MODEL, inputs: [...MODEL.inputs, { name: 'w', elemType: 1, dims: [4, 2, 3, 3] }] });
    expect(readOnnxGraph(bytes).inputs.map((i) => i.name)).toEqual(['x']);
  });
});

describe('readOnnxGraph agrees with ONNX Runtime on a model it runs', () => {
  it('Conv pads [0,1,2,1] strides [2,1] on x=[1,2,5,4]: ORT output dims = the dims the attributes give', async () => {
    const runnable: OnnxModel = { ...MODEL, nodes: MODEL.nodes.slice(0, 2), outputs: [{ name: 'l', elemType: 1 }], opset: 17, irVersion: 8 };
    const bytes = encodeModel(runnable);
    const g = readOnnxGraph(bytes);
    const session = await ort.InferenceSession.create(bytes);
    const out = await session.run({ x: new ort.Tensor('float32', new Float32Array(40), [1, 2, 5, 4]) });
    const a = g.nodes[0]!.attributes;
    const pads = a.pads!.type === 'INTS' ? a.pads!.value : [];
    const strides = a.strides!.type === 'INTS' ? a.strides!.value : [];
    const expected = [1, 4, Math.floor((5 + pads[0]! + pads[2]! - 3) / strides[0]!) + 1, Math.floor((4 + pads[1]! + pads[3]! - 3) / strides[1]!) + 1];
    expect([...out.l!.dims]).toEqual(expected);
    await session.release();
  });
});

/** A ModelProto with one graph holding `node` messages (and an input). */
const modelWithNodes = (...nodes: Message[]): Uint8Array => {
  const graph = new Message();
  for (const n of nodes) graph.message(1, n);
  return new Message().varint(1, 8).message(7, graph).encode();
};

function formatError(bytes: Uint8Array): FormatError {
  try {
    readOnnxGraph(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('readOnnxGraph: malformed models are FormatErrors naming what is wrong', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['no graph', new Message().varint(1, 8).encode(), /^onnx: no graph found \(ModelProto field 7; got 2 bytes\)/],
    ['two graphs', new Message().message(7, new Message()).message(7, new Message()).encode(), /has two graphs/],
    ['a node without op_type', modelWithNodes(new Message().string(1, 'x')), /^onnx: node #0: has no op_type/],
    ['an attribute without a name', modelWithNodes(new Message().string(3, 'n').string(4, 'Relu').message(5, new Message().varint(3, 1))), /^onnx: node 'n': has an attribute without a name/],
    [
      'an attribute given twice',
      modelWithNodes(new Message().string(4, 'Relu').message(5, new Message().string(1, 'a').varint(3, 1)).message(5, new Message().string(1, 'a').varint(3, 2))),
      /^onnx: node 'Relu_0': has attribute 'a' twice/,
    ],
    [
      'a TENSOR attribute without a tensor',
      modelWithNodes(new Message().string(3, 'c').string(4, 'Constant').message(5, new Message().string(1, 'value').varint(20, 4))),
      /^onnx: node 'c' attribute 'value': is a TENSOR attribute without a tensor/,
    ],
    [
      'an attribute float with the wrong wire type',
      modelWithNodes(new Message().string(3, 'l').string(4, 'LeakyRelu').message(5, new Message().string(1, 'alpha').varint(2, 1))),
      /^onnx: node 'l' attribute 'alpha': attribute f \(field 2\) has wire type 0/,
    ],
    ['a node name that is not UTF-8', modelWithNodes(new Message().bytes(3, Uint8Array.of(0xff, 0xfe)).string(4, 'Relu')), /node name is not valid UTF-8/],
    [
      'a graph input without a name',
      new Message().message(7, new Message().message(11, new Message().message(2, new Message()))).encode(),
      /^onnx: input #0: has no name/,
    ],
    [
      'a declared shape of 40 dims',
      new Message()
        .message(7, new Message().message(11, new Message().string(1, 'x').message(2, new Message().message(1, (() => {
          const shape = new Message();
          for (let i = 0; i < 40; i++) shape.message(1, new Message().varint(1, 1));
          return new Message().varint(1, 1).message(2, shape);
        })()))))
        .encode(),
      /^onnx: input 'x': has a shape of more than 32 dims/,
    ],
    ['a truncated node', modelWithNodes(new Message().string(4, 'Relu')).subarray(0, 7), /claims 8 bytes \(got 3 left\)/],
  ];
  for (const [name, bytes, pattern] of cases) {
    it(name, () => {
      expect(formatError(bytes).message).toMatch(pattern);
    });
  }

  it('an attribute without a type field (IR < 3) takes the type of the field it fills', () => {
    const g = readOnnxGraph(modelWithNodes(new Message().string(4, 'Pool').message(5, new Message().string(1, 'pads').varint(8, 1).varint(8, 2)).message(5, new Message().string(1, 'mode').string(4, 'max'))));
    expect(g.nodes[0]!.attributes).toEqual({ pads: { type: 'INTS', value: [1, 2] }, mode: { type: 'STRING', value: 'max' } });
  });

  it('a subgraph attribute is recorded as GRAPH (not read)', () => {
    const g = readOnnxGraph(modelWithNodes(new Message().string(4, 'If').message(5, new Message().string(1, 'then_branch').message(6, new Message()).varint(20, 5))));
    expect(g.nodes[0]!.attributes.then_branch).toEqual({ type: 'GRAPH' });
  });
});

describe('fuzz: truncations and byte flips of a small model with every attribute type', () => {
  it('3,000 seeded mutants each parse or throw FormatError', () => {
    const full = encodeModel(MODEL);
    expect(readOnnxGraph(full).nodes).toHaveLength(5);
    const N = 3000;
    const { parsed, refused, slowest } = fuzzFormat(full, N, (bytes) => {
      const g = readOnnxGraph(bytes);
      for (const t of g.initializers.values()) expect(t.data.length).toBe(t.dims.reduce((p, d) => p * d, 1));
    });
    console.log(`onnx graph fuzz: ${N} mutants of ${full.length} bytes, ${parsed} parsed, ${refused} FormatError, slowest ${slowest.toFixed(2)} ms`);
    expect(parsed + refused).toBe(N);
    expect(refused).toBeGreaterThan(N / 3);
  });
});
