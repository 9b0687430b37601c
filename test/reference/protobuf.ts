/** The protobuf writer the tests encode ONNX with: the production one (src/onnx/proto.ts), re-exported. */
export { Message } from '../../src/onnx/proto.js';
