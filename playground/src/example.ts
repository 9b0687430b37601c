/** The code the page opens with when the link carries none: the product's AlexNet head. */
export const EXAMPLE = `import { input, model } from 'convtype';

const x = input([227, 227, 3]);
const features = x
  .conv2d({ filters: 96, kernel: 11, stride: 4 })
  .relu()
  .maxPool2d({ size: 3, stride: 2 })
  .conv2d({ filters: 256, kernel: 5, padding: 2 })
  .relu()
  .maxPool2d({ size: 3, stride: 2 });
const logits = features.flatten().dense({ units: 10 });

export default model(x, logits, { seed: 1 });
`;
