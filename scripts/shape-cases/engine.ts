/**
 * Runs one shape configuration on a reference engine and returns the engine's output `[OH, OW, OC]`.
 * ONNX Runtime is the source of truth for the table: the DSL options become ONNX attributes
 * ('same' → auto_pad SAME_UPPER, 'valid' → VALID, explicit pads `[top, left, bottom, right]`), the
 * input is a random NCHW tensor with batch 1. tfjs-core is an optional second opinion for conv2d.
 */
import { ORT_VERSION, runOnnxOp } from '../../test/reference/onnx.js';
import type { AttributeValue } from '../../test/reference/onnx.js';
import { TFJS_VERSION, tf, tfReady, tfRun } from '../../test/reference/tfjs.js';
import { Rng } from './random.js';
import { normalPadding, toPair } from './types.js';
import type { Hwc, Padding, ShapeConfig } from './types.js';

/** The engine label written into every case. */
export const ONNX_ENGINE = `onnxruntime-node ${ORT_VERSION}`;
/** The label of the optional second engine. */
export const TFJS_ENGINE = `tfjs-core ${TFJS_VERSION}`;

/** ONNX padding attributes for a DSL padding. */
function padAttributes(p: Padding | undefined): Record<string, AttributeValue> {
  const n = normalPadding(p);
  if (n === 'same') return { auto_pad: 'SAME_UPPER' };
  if (n === 'valid') return { auto_pad: 'VALID' };
  const [top, bottom, left, right] = n;
  return { pads: [top, left, bottom, right] };
}

/** The ONNX operator, attributes and weight shape that express a configuration. */
function onnxOp(c: ShapeConfig): { opType: string; attributes: Record<string, AttributeValue>; weight?: number[] } {
  const channels = c.input[2];
  const o = c.options;
  switch (c.layer) {
    case 'conv2d': {
      const k = toPair(c.options.kernel, 1);
      const groups = c.options.groups ?? 1;
      return {
        opType: 'Conv',
        attributes: {
          kernel_shape: k,
          strides: toPair(o.stride, 1),
          dilations: toPair(c.options.dilation, 1),
          group: groups,
          ...padAttributes(o.padding),
        },
        weight: [c.options.filters, channels / groups, ...k],
      };
    }
    case 'conv2dTranspose': {
      const k = toPair(c.options.kernel, 1);
      return {
        opType: 'ConvTranspose',
        attributes: {
          kernel_shape: k,
          strides: toPair(o.stride, 1),
          dilations: toPair(c.options.dilation, 1),
          output_padding: toPair(c.options.outputPadding, 0),
          ...padAttributes(o.padding),
        },
        weight: [channels, c.options.filters, ...k],
      };
    }
    case 'maxPool2d':
    case 'avgPool2d': {
      const k = toPair(c.options.size, 1);
      const attributes: Record<string, AttributeValue> = {
        kernel_shape: k,
        strides: toPair(c.options.stride ?? k, 1),
        ceil_mode: c.options.ceilMode ? 1 : 0,
        ...padAttributes(o.padding),
      };
      if (c.layer === 'maxPool2d') return { opType: 'MaxPool', attributes: { ...attributes, dilations: toPair(c.options.dilation, 1) } };
      return { opType: 'AveragePool', attributes: { ...attributes, count_include_pad: c.options.countIncludePad ? 1 : 0 } };
    }
  }
}

const size = (dims: readonly number[]): number => dims.reduce((a, b) => a * b, 1);

/** Runs the configuration on onnxruntime-node; throws the engine's error if it rejects it. */
export async function onnxOutput(c: ShapeConfig, seed = 1): Promise<Hwc> {
  const rng = new Rng(seed);
  const [h, w, channels] = c.input;
  const { opType, attributes, weight } = onnxOp(c);
  const x = { name: 'x', dims: [1, channels, h, w], data: rng.floats(channels * h * w) };
  const initializers = weight === undefined ? [] : [{ name: 'w', dims: weight, data: rng.floats(size(weight)) }];
  const y = await runOnnxOp({ opType, attributes, inputs: [x], initializers });
  if (y.dims.length !== 4 || y.dims[0] !== 1) throw new Error(`${opType} returned dims [${y.dims.join(', ')}]`);
  return [y.dims[2], y.dims[3], y.dims[1]];
}

/** True when tfjs-core can express the configuration (conv2d, no groups, not stride>1 with dilation>1). */
export function tfjsCanRun(c: ShapeConfig): boolean {
  if (c.layer !== 'conv2d' || (c.options.groups ?? 1) !== 1) return false;
  const s = toPair(c.options.stride, 1);
  const d = toPair(c.options.dilation, 1);
  return s.every((v) => v === 1) || d.every((v) => v === 1);
}

/** Runs a conv2d configuration on tfjs-core's conv2d (NHWC, HWIO); numeric pads go explicit (tfjs#649). */
export async function tfjsOutput(c: ShapeConfig, seed = 1): Promise<Hwc> {
  if (c.layer !== 'conv2d' || !tfjsCanRun(c)) throw new Error(`tfjsOutput: cannot run ${c.layer} here`);
  await tfReady();
  const rng = new Rng(seed);
  const [h, w, channels] = c.input;
  const [kh, kw] = toPair(c.options.kernel, 1);
  const n = normalPadding(c.options.padding);
  const pad: 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]] =
    typeof n === 'string' ? n : [[0, 0], [n[0], n[1]], [n[2], n[3]], [0, 0]];
  const y = tfRun(() =>
    tf.conv2d(
      tf.tensor4d(rng.floats(h * w * channels), [1, h, w, channels]),
      tf.tensor4d(rng.floats(kh * kw * channels * c.options.filters), [kh, kw, channels, c.options.filters]),
      toPair(c.options.stride, 1),
      pad,
      'NHWC',
      toPair(c.options.dilation, 1),
    ),
  );
  return [y.dims[1], y.dims[2], y.dims[3]];
}

/** Re-runs a case on the engine its `engine` label names. */
export async function engineOutput(c: ShapeConfig & { readonly engine: string }): Promise<Hwc> {
  if (c.engine === ONNX_ENGINE) return onnxOutput(c);
  if (c.engine === TFJS_ENGINE) return tfjsOutput(c);
  throw new Error(`engineOutput: unknown engine '${c.engine}' (have '${ONNX_ENGINE}', '${TFJS_ENGINE}')`);
}

/** The informative tail of an engine's error message (drops source paths and log prefixes). */
export function shortError(e: unknown): string {
  const text = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  for (const marker of ['Status Message: ', ' was false. ']) {
    const at = text.indexOf(marker);
    if (at >= 0) return text.slice(at + marker.length);
  }
  return text;
}
