/**
 * More convolutions: conv1d, conv3d, depthwiseConv2d, separableConv2d. Shape rules in src/shapes/conv-nd.ts
 * and src/shapes/depthwise.ts; kernels:
 * - conv1d runs the backend's conv2d on the same memory seen as height 1 (src/kernels/conv1d.ts);
 * - conv3d sums conv2d planes over the kernel's depth taps (src/kernels/conv3d.ts);
 * - depthwiseConv2d IS conv2d with groups = C: TF's kernel `[kh, kw, C, M]` has exactly the memory of the
 *   HWIO kernel `[kh, kw, 1, C·M]` with output channel `c·M + q` (SEMANTICS.md §2, §5), so the backend's
 *   direct depthwise kernel runs it with no repacking;
 * - separableConv2d is that depthwise conv (no bias) into scratch, then a 1×1 conv with bias and the fused
 *   activation.
 * Initialiser fans follow Keras (`_compute_fans` of each kernel's shape), as conv2d's defaults do.
 */
import type { Conv1dOptions } from '../../types/conv1d.js';
import type { Conv3dOptions } from '../../types/conv3d.js';
import type { DepthwiseConv2dOptions, SeparableConv2dOptions } from '../../types/depthwise.js';
import { conv1dAsConv2d, type Conv1dGeometry } from '../kernels/conv1d.js';
import { conv3d, conv3dScratchSize, packConv3dWeights, type Conv3dGeometry } from '../kernels/conv3d.js';
import type { Conv2dGeometry } from '../kernels/geometry.js';
import { NO_ACTIVATION } from '../kernels/activation.js';
import { samePads } from '../shapes/axis.js';
import { conv1dShape, conv3dShape, windowOf, type Rank, type WindowNd } from '../shapes/conv-nd.js';
import { depthwiseConv2dShape, separableConv2dShape } from '../shapes/depthwise.js';
import { kernelAndBias, type Dims, type LayerDefinition, type ParameterSpec } from './definition.js';

const product = (v: readonly number[]): number => v.reduce((a, b) => a * b, 1);

/** The window of `options` with 'same' resolved to TF's `[begin, end]` pads for this input (`spatial`). */
function resolvedWindow(layer: string, options: object, rank: Rank, spatial: readonly number[]): WindowNd & { begin: number[] } {
  const w = windowOf(layer, options, rank);
  const pads = w.pads === 'same' ? spatial.map((len, i) => samePads(len, w.kernel[i]!, w.stride[i]!, w.dilation[i]!)) : w.pads;
  return { ...w, pads, begin: pads.map((p) => p[0]) };
}

/** A conv2d record of a 2-D window over `[batch, H, W, C]` → `[batch, OH, OW, outC]`. */
function planeGeometry(layer: string, options: object, input: Dims, output: Dims, outC: number, groups: number): Conv2dGeometry {
  const w = resolvedWindow(layer, options, 2, input.slice(1, 3));
  return {
    batch: output[0]!,
    inH: input[1]!,
    inW: input[2]!,
    inC: input[3]!,
    outH: output[1]!,
    outW: output[2]!,
    outC,
    kernelH: w.kernel[0]!,
    kernelW: w.kernel[1]!,
    strideH: w.stride[0]!,
    strideW: w.stride[1]!,
    dilationH: w.dilation[0]!,
    dilationW: w.dilation[1]!,
    padTop: w.begin[0]!,
    padLeft: w.begin[1]!,
    groups,
  };
}

/** Kernel `[...k, in/groups, filters]` and bias of conv1d/conv3d (conv2d's fans). */
function convNdParameters(kernel: readonly number[], inC: number, o: Conv1dOptions | Conv3dOptions): ParameterSpec[] {
  const groups = o.groups ?? 1;
  const area = product(kernel);
  return kernelAndBias([...kernel, inC / groups, o.filters], { fanIn: area * (inC / groups), fanOut: area * o.filters }, o.filters, o);
}

export const conv1dLayer: LayerDefinition<Conv1dOptions> = {
  kind: 'conv1d',
  shape: (inputs, o) => conv1dShape(inputs[0]!, o),
  parameters: (inputs, o) => convNdParameters(windowOf('conv1d', o, 1).kernel, inputs[0]![2]!, o),
  macs(inputs, output, o) {
    return output[1]! * output[2]! * (inputs[0]![2]! / (o.groups ?? 1)) * windowOf('conv1d', o, 1).kernel[0]!;
  },
  fusesActivation: true,
  compile({ options, inputs, output, weights, activation, scratch, backend }) {
    const input = inputs[0]!;
    const w = resolvedWindow('conv1d', options, 1, [input[1]!]);
    const g: Conv1dGeometry = {
      batch: output[0]!,
      inL: input[1]!,
      inC: input[2]!,
      outL: output[1]!,
      outC: output[2]!,
      kernel: w.kernel[0]!,
      stride: w.stride[0]!,
      dilation: w.dilation[0]!,
      padBegin: w.begin[0]!,
      groups: options.groups ?? 1,
    };
    const plane = conv1dAsConv2d(g);
    const packed = backend.packConv2d(plane, weights.kernel!, weights.bias ?? null);
    return {
      scratchSize: backend.conv2dScratchSize(plane),
      run: (memory, [x], y) => backend.conv2d(packed, memory, x!, memory, y, activation, scratch()),
    };
  },
};

export const conv3dLayer: LayerDefinition<Conv3dOptions> = {
  kind: 'conv3d',
  shape: (inputs, o) => conv3dShape(inputs[0]!, o),
  parameters: (inputs, o) => convNdParameters(windowOf('conv3d', o, 3).kernel, inputs[0]![4]!, o),
  macs(inputs, output, o) {
    return product(output.slice(1)) * (inputs[0]![4]! / (o.groups ?? 1)) * product(windowOf('conv3d', o, 3).kernel);
  },
  fusesActivation: true,
  compile({ options, inputs, output, weights, activation, scratch }) {
    const input = inputs[0]!;
    const w = resolvedWindow('conv3d', options, 3, input.slice(1, 4));
    const g: Conv3dGeometry = {
      batch: output[0]!,
      inD: input[1]!,
      inH: input[2]!,
      inW: input[3]!,
      inC: input[4]!,
      outD: output[1]!,
      outH: output[2]!,
      outW: output[3]!,
      outC: output[4]!,
      kernelD: w.kernel[0]!,
      kernelH: w.kernel[1]!,
      kernelW: w.kernel[2]!,
      strideD: w.stride[0]!,
      strideH: w.stride[1]!,
      strideW: w.stride[2]!,
      dilationD: w.dilation[0]!,
      dilationH: w.dilation[1]!,
      dilationW: w.dilation[2]!,
      padFront: w.begin[0]!,
      padTop: w.begin[1]!,
      padLeft: w.begin[2]!,
      groups: options.groups ?? 1,
    };
    const packed = packConv3dWeights(g, weights.kernel!, weights.bias ?? null);
    return {
      scratchSize: conv3dScratchSize(g),
      run: (memory, [x], y) => conv3d(packed, memory, x!, memory, y, activation, scratch()),
    };
  },
};

/** Keras fans of a depthwise kernel `[kh, kw, C, M]`: in = kh·kw·C, out = kh·kw·M. */
function depthwiseKernel(
  layer: string,
  name: string,
  o: DepthwiseConv2dOptions | SeparableConv2dOptions,
  c: number,
  init: DepthwiseConv2dOptions['kernelInitializer'],
): ParameterSpec {
  const k = windowOf(layer, o, 2).kernel;
  const m = o.depthMultiplier ?? 1;
  const area = product(k);
  return { name, shape: [k[0]!, k[1]!, c, m], init: init ?? 'glorotUniform', fans: { fanIn: area * c, fanOut: area * m }, trainable: true };
}

export const depthwiseConv2dLayer: LayerDefinition<DepthwiseConv2dOptions> = {
  kind: 'depthwiseConv2d',
  shape: (inputs, o) => depthwiseConv2dShape(inputs[0]!, o),
  parameters(inputs, o) {
    const c = inputs[0]![3]!;
    const kernel = depthwiseKernel('depthwiseConv2d', 'kernel', o, c, o.kernelInitializer);
    if (o.useBias === false) return [kernel];
    return [kernel, { name: 'bias', shape: [c * (o.depthMultiplier ?? 1)], init: o.biasInitializer ?? 'zeros', fans: kernel.fans, trainable: true }];
  },
  /** C·M·Πk per output pixel (SEMANTICS.md §6 with groups = C). */
  macs: (_inputs, output, o) => output[1]! * output[2]! * output[3]! * product(windowOf('depthwiseConv2d', o, 2).kernel),
  fusesActivation: true,
  compile({ options, inputs, output, weights, activation, scratch, backend }) {
    const input = inputs[0]!;
    const g = planeGeometry('depthwiseConv2d', options, input, output, output[3]!, input[3]!);
    const packed = backend.packConv2d(g, weights.kernel!, weights.bias ?? null);
    return {
      scratchSize: backend.conv2dScratchSize(g),
      run: (memory, [x], y) => backend.conv2d(packed, memory, x!, memory, y, activation, scratch()),
    };
  },
};

export const separableConv2dLayer: LayerDefinition<SeparableConv2dOptions> = {
  kind: 'separableConv2d',
  shape: (inputs, o) => separableConv2dShape(inputs[0]!, o),
  parameters(inputs, o) {
    const c = inputs[0]![3]!;
    const cm = c * (o.depthMultiplier ?? 1);
    const specs: ParameterSpec[] = [
      depthwiseKernel('separableConv2d', 'depthwiseKernel', o, c, undefined),
      { name: 'pointwiseKernel', shape: [1, 1, cm, o.filters], init: 'glorotUniform', fans: { fanIn: cm, fanOut: o.filters }, trainable: true },
    ];
    if (o.useBias !== false) specs.push({ name: 'bias', shape: [o.filters], init: 'zeros', fans: { fanIn: cm, fanOut: o.filters }, trainable: true });
    return specs;
  },
  /** Depthwise `C·M·Πk` plus pointwise `C·M·filters`, per output pixel. */
  macs(inputs, output, o) {
    const cm = inputs[0]![3]! * (o.depthMultiplier ?? 1);
    return output[1]! * output[2]! * cm * (product(windowOf('separableConv2d', o, 2).kernel) + o.filters);
  },
  fusesActivation: true,
  compile({ options, inputs, output, weights, activation, scratch, backend }) {
    const input = inputs[0]!;
    const cm = input[3]! * (options.depthMultiplier ?? 1);
    const dw = planeGeometry('separableConv2d', options, input, output, cm, input[3]!);
    const pw: Conv2dGeometry = {
      ...dw,
      inH: dw.outH,
      inW: dw.outW,
      inC: cm,
      outC: output[3]!,
      kernelH: 1,
      kernelW: 1,
      strideH: 1,
      strideW: 1,
      dilationH: 1,
      dilationW: 1,
      padTop: 0,
      padLeft: 0,
      groups: 1,
    };
    const depthwise = backend.packConv2d(dw, weights.depthwiseKernel!, null);
    const pointwise = backend.packConv2d(pw, weights.pointwiseKernel!, weights.bias ?? null);
    const middle = dw.batch * dw.outH * dw.outW * cm;
    // The depthwise output lives at the start of the scratch; the kernels' own scratch after it.
    let views: { base: Float32Array; rest: Float32Array } | null = null;
    return {
      scratchSize: middle + Math.max(backend.conv2dScratchSize(dw), backend.conv2dScratchSize(pw)),
      run(memory, [x], y) {
        const s = scratch();
        if (views === null || views.base !== s) views = { base: s, rest: s.subarray(middle) };
        backend.conv2d(depthwise, memory, x!, s, 0, NO_ACTIVATION, views.rest);
        backend.conv2d(pointwise, s, 0, memory, y, activation, views.rest);
      },
    };
  },
};

export const convNdLayers: LayerDefinition[] = [conv1dLayer, conv3dLayer, depthwiseConv2dLayer, separableConv2dLayer];
