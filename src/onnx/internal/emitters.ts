/** The emitter of every layer kind that exports to ONNX, by kind (the one table `toOnnx` reads). */
import * as activation from './emit-activation.js';
import type { Emitter } from './context.js';
import * as conv from './emit-conv.js';
import * as pool from './emit-pool.js';
import * as tensor from './emit-tensor.js';

export const EMITTERS: Readonly<Record<string, Emitter>> = {
  conv1d: conv.conv1d,
  conv2d: conv.conv2d,
  conv3d: conv.conv3d,
  depthwiseConv2d: conv.depthwiseConv2d,
  separableConv2d: conv.separableConv2d,
  conv2dTranspose: conv.conv2dTranspose,
  maxPool2d: pool.maxPool2d,
  avgPool2d: pool.avgPool2d,
  globalAvgPool2d: pool.globalAvgPool2d,
  globalMaxPool2d: pool.globalMaxPool2d,
  adaptiveAvgPool2d: pool.adaptiveAvgPool2d,
  maxPool1d: pool.maxPool1d,
  avgPool1d: pool.avgPool1d,
  maxPool3d: pool.maxPool3d,
  avgPool3d: pool.avgPool3d,
  globalAvgPool1d: pool.globalAvgPool1d,
  globalMaxPool1d: pool.globalMaxPool1d,
  adaptiveAvgPool1d: pool.adaptiveAvgPool1d,
  relu: activation.relu,
  relu6: activation.relu6,
  leakyRelu: activation.leakyRelu,
  elu: activation.elu,
  gelu: activation.gelu,
  sigmoid: activation.sigmoid,
  tanh: activation.tanh,
  hardSigmoid: activation.hardSigmoid,
  hardSwish: activation.hardSwish,
  softmax: activation.softmax,
  dropout: activation.dropout,
  dense: tensor.dense,
  flatten: tensor.flatten,
  reshape: tensor.reshape,
  batchNorm: tensor.batchNorm,
  add: tensor.add,
  concat: tensor.concat,
  multiply: tensor.multiply,
  zeroPadding2d: tensor.zeroPadding2d,
  cropping2d: tensor.cropping2d,
  upSampling2d: tensor.upSampling2d,
};
