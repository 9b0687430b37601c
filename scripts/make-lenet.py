#!/usr/bin/python3
"""
Generates test/fixtures/lenet/: a LeNet-5 trained with PyTorch, exported as safetensors and ONNX, with 8 fixed
inputs and PyTorch's logits on them (eval mode), for test/import/lenet.test.ts.

THE DATA IS NOT MNIST. No dataset is downloaded: the script draws its own deterministic, synthetic set of
"seven-segment digits" — 28×28 grey images of the ten digits 0–9 as lit segments of a seven-segment display
(a top, b upper right, c lower right, d bottom, e lower left, f upper left, g middle), each rendered with a
random affine jitter (rotation ±12°, scale 0.8–1.15, shear ±0.2, shift ±2.5 px), per-endpoint jitter, stroke
width 1.2–2.8 px, intensity 0.6–1, Gaussian pixel noise σ = 0.15 and a few bright speckles, values clipped to
[0, 1]. 8000 training and 2000 held-out images, the class the digit.

Network: LeNet-5 as in the PyTorch tutorial, plus a BatchNorm2d after conv2 (its running statistics are used
in eval mode, which the fixture checks):
  conv1 Conv2d(1, 6, 5, padding=2) → ReLU → MaxPool2d(2) → conv2 Conv2d(6, 16, 5) → bn2 BatchNorm2d(16) →
  ReLU → MaxPool2d(2) → Flatten → fc1 Linear(400, 120) → ReLU → fc2 Linear(120, 84) → ReLU → fc3 Linear(84, 10)
Trained 4 epochs with Adam (lr 1e-3, batch 64), seed 0, one CPU thread, deterministic algorithms.

Writes (all little-endian f32):
  lenet.safetensors  the state dict (names kept, num_batches_tracked as I64), written by hand below;
  lenet.onnx         torch.onnx.export, opset 17, batch dimension dynamic, BatchNormalization kept (not
                     folded into conv2) so every initializer keeps its state-dict name;
  inputs.bin         8 held-out images, NCHW [8, 1, 28, 28];
  expected.bin       PyTorch's logits on them in eval mode, [8, 10];
  expected.json      the same logits as JSON, with shapes, labels, versions and accuracies;
  README.md          what the files are and the accuracies measured.

Run with Debian's python3-torch (1.13): /usr/bin/python3 scripts/make-lenet.py
"""
import json
import os
import struct

import sys

try:
    import numpy as np
    import torch
    from torch import nn
except ImportError as e:
    sys.exit(f'make-lenet.py needs PyTorch and NumPy ({e}); on Debian: apt-get install python3-torch, then /usr/bin/python3 {sys.argv[0]}')

SEED = 0
TRAIN, HELD_OUT = 8000, 2000
EPOCHS, BATCH, LR = 4, 64, 1e-3
SIZE = 28
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'lenet')

# ---------- the synthetic seven-segment digits ----------

# Segment endpoints in a unit box (x right, y down), the glyph drawn in [0.3, 0.7] × [0.2, 0.8].
SEGMENTS = {
    'a': ((0.3, 0.2), (0.7, 0.2)),
    'b': ((0.7, 0.2), (0.7, 0.5)),
    'c': ((0.7, 0.5), (0.7, 0.8)),
    'd': ((0.3, 0.8), (0.7, 0.8)),
    'e': ((0.3, 0.5), (0.3, 0.8)),
    'f': ((0.3, 0.2), (0.3, 0.5)),
    'g': ((0.3, 0.5), (0.7, 0.5)),
}
DIGITS = ['abcdef', 'bc', 'abged', 'abgcd', 'fgbc', 'afgcd', 'afgedc', 'abc', 'abcdefg', 'abcdfg']
NAMES = list(SEGMENTS)


def render(labels, rng):
    """Images [N, 28, 28] in [0, 1] of the given digits, each with its own random jitter."""
    n = len(labels)
    lit = np.array([[s in DIGITS[d] for s in NAMES] for d in labels])  # [N, 7]
    ends = np.array([SEGMENTS[s] for s in NAMES], dtype=np.float64)  # [7, 2 ends, 2 xy]
    ends = np.broadcast_to(ends, (n, 7, 2, 2)) + rng.uniform(-0.04, 0.04, (n, 7, 2, 2))
    # Affine jitter about the glyph centre, in pixels.
    angle = np.deg2rad(rng.uniform(-12, 12, n))
    scale = rng.uniform(0.8, 1.15, n)
    shear = rng.uniform(-0.2, 0.2, n)
    shift = rng.uniform(-2.5, 2.5, (n, 2))
    cos, sin = np.cos(angle), np.sin(angle)
    m = np.stack([np.stack([cos, -sin + shear * cos], -1), np.stack([sin, cos + shear * sin], -1)], -2)  # [N, 2, 2]
    m = m * scale[:, None, None] * SIZE
    p = np.einsum('nij,nsej->nsei', m, ends - 0.5) + SIZE / 2 + shift[:, None, None, :]  # [N, 7, 2, 2]
    # Distance of every pixel centre to every segment.
    ys, xs = np.mgrid[0:SIZE, 0:SIZE] + 0.5
    pix = np.stack([xs.ravel(), ys.ravel()], -1)  # [784, 2]
    a, b = p[:, :, 0, :], p[:, :, 1, :]  # [N, 7, 2]
    ab = b - a
    t = np.einsum('nsk,pk->nsp', ab, pix) - np.einsum('nsk,nsk->ns', ab, a)[..., None]
    t = np.clip(t / np.einsum('nsk,nsk->ns', ab, ab)[..., None], 0, 1)  # [N, 7, 784]
    nearest = a[:, :, None, :] + t[..., None] * ab[:, :, None, :]
    dist = np.linalg.norm(nearest - pix[None, None], axis=-1)  # [N, 7, 784]
    dist = np.where(lit[..., None], dist, np.inf).min(axis=1)  # [N, 784]
    width = rng.uniform(1.2, 2.8, n)[:, None]
    ink = np.clip(width / 2 + 0.5 - dist, 0, 1) * rng.uniform(0.6, 1.0, n)[:, None]
    ink = ink + rng.normal(0, 0.15, ink.shape)
    speckles = rng.random(ink.shape) < 0.01
    ink = np.where(speckles, rng.uniform(0.5, 1.0, ink.shape), ink)
    return np.clip(ink, 0, 1).reshape(n, SIZE, SIZE).astype(np.float32)


def dataset(count, rng):
    labels = rng.integers(0, 10, count)
    return torch.from_numpy(render(labels, rng)[:, None]), torch.from_numpy(labels.astype(np.int64))


# ---------- the network ----------


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.bn2 = nn.BatchNorm2d(16)
        self.pool2 = nn.MaxPool2d(2)
        self.flatten = nn.Flatten()
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool1(torch.relu(self.conv1(x)))
        x = self.pool2(torch.relu(self.bn2(self.conv2(x))))
        x = self.flatten(x)
        return self.fc3(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        return (model(x).argmax(1) == y).float().mean().item()


# ---------- writers ----------


def write_safetensors(path, state):
    """safetensors by hand: u64 LE header length, JSON header (padded with spaces to 8 bytes), raw LE data."""
    header, chunks, offset = {'__metadata__': {'format': 'pt'}}, [], 0
    for name, t in state.items():
        t = t.detach().contiguous().cpu()
        dtype, np_dtype = ('I64', '<i8') if t.dtype == torch.int64 else ('F32', '<f4')
        raw = t.numpy().astype(np_dtype).tobytes()
        header[name] = {'dtype': dtype, 'shape': list(t.shape), 'data_offsets': [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(',', ':')).encode('utf-8')
    text += b' ' * (-len(text) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)) + text + b''.join(chunks))


def write_f32(path, array):
    with open(path, 'wb') as f:
        f.write(np.ascontiguousarray(array, dtype='<f4').tobytes())


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    rng = np.random.default_rng(SEED)
    train_x, train_y = dataset(TRAIN, rng)
    test_x, test_y = dataset(HELD_OUT, rng)

    model = LeNet()
    optimiser = torch.optim.Adam(model.parameters(), lr=LR)
    order = torch.Generator().manual_seed(SEED)
    for epoch in range(EPOCHS):
        model.train()
        for idx in torch.randperm(TRAIN, generator=order).split(BATCH):
            optimiser.zero_grad()
            loss = nn.functional.cross_entropy(model(train_x[idx]), train_y[idx])
            loss.backward()
            optimiser.step()
        print(f'epoch {epoch + 1}: loss {loss.item():.4f}, train accuracy {accuracy(model, train_x, train_y):.4f}, '
              f'held-out accuracy {accuracy(model, test_x, test_y):.4f}')
    train_acc, test_acc = accuracy(model, train_x, train_y), accuracy(model, test_x, test_y)

    # The fixed inputs: the first held-out image of each of the digits 0–7.
    picks = [int((test_y == d).nonzero()[0]) for d in range(8)]
    inputs = test_x[picks]
    model.eval()
    with torch.no_grad():
        logits = model(inputs)

    os.makedirs(OUT, exist_ok=True)
    write_safetensors(os.path.join(OUT, 'lenet.safetensors'), model.state_dict())
    torch.onnx.export(
        model, inputs, os.path.join(OUT, 'lenet.onnx'), opset_version=17,
        input_names=['input'], output_names=['logits'], dynamic_axes={'input': {0: 'batch'}, 'logits': {0: 'batch'}},
        training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False,
    )
    write_f32(os.path.join(OUT, 'inputs.bin'), inputs.numpy())
    write_f32(os.path.join(OUT, 'expected.bin'), logits.numpy())
    record = {
        'description': 'PyTorch LeNet-5 (+BatchNorm2d after conv2) logits in eval mode on inputs.bin; synthetic seven-segment digits, not MNIST',
        'generator': 'scripts/make-lenet.py',
        'torch': torch.__version__,
        'inputs': {'file': 'inputs.bin', 'dtype': 'float32', 'layout': 'NCHW', 'shape': list(inputs.shape)},
        'outputs': {'file': 'expected.bin', 'dtype': 'float32', 'shape': list(logits.shape)},
        'labels': [int(y) for y in test_y[picks]],
        'predicted': [int(i) for i in logits.argmax(1)],
        'trainAccuracy': round(train_acc, 4),
        'heldOutAccuracy': round(test_acc, 4),
        'logits': logits.tolist(),
    }
    with open(os.path.join(OUT, 'expected.json'), 'w') as f:
        json.dump(record, f, indent=1)
        f.write('\n')
    with open(os.path.join(OUT, 'README.md'), 'w') as f:
        f.write(README.format(torch=torch.__version__, train=train_acc * 100, test=test_acc * 100,
                              ntrain=TRAIN, ntest=HELD_OUT, epochs=EPOCHS))
    print(f'train accuracy {train_acc:.4f}, held-out accuracy {test_acc:.4f}; wrote {os.path.normpath(OUT)}')


README = """# LeNet fixture

Generated by `/usr/bin/python3 scripts/make-lenet.py` (PyTorch {torch}, seed 0, deterministic); do not edit by hand.

A LeNet-5 (PyTorch-tutorial layout, plus a BatchNorm2d after conv2) trained for {epochs} epochs on a **synthetic**
data set the script draws itself — jittered, noisy 28×28 seven-segment renderings of the digits 0–9. It is
**not MNIST** (nothing is downloaded).

| file | what |
| --- | --- |
| `lenet.safetensors` | the state dict, f32 (num_batches_tracked I64), PyTorch names and layouts (OIHW, `[out, in]`) |
| `lenet.onnx` | `torch.onnx.export`, opset 17, dynamic batch, initializers named as in the state dict |
| `inputs.bin` | 8 held-out images, f32 little-endian, NCHW `[8, 1, 28, 28]` |
| `expected.bin` | PyTorch's logits on them in eval mode, f32 little-endian `[8, 10]` |
| `expected.json` | the same logits as JSON, with the labels and the accuracies below |

Accuracy (eval mode): training set ({ntrain} images) {train:.2f} %, held-out set ({ntest} images) {test:.2f} %.
"""

if __name__ == '__main__':
    main()
