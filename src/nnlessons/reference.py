"""Slow, obvious loop versions of vectorised engine code (Lesson 14).

They read exactly like the formulas, which makes them the yardstick: the tests
check the fast layers against them, and ``make bench`` measures how much faster
the vectorised versions are.
"""

import numpy as np


def conv2d_loops(inputs, weights, biases, stride=1, padding=0):
    """Convolution (cross-correlation) with six nested loops.

    output[n, o, y, x] = biases[o] + Σ_c Σ_i Σ_j weights[o, c, i, j] · padded[n, c, y·s + i, x·s + j]
    Shapes: inputs (batch, C, H, W), weights (O, C, kh, kw), biases (O,);
    ``padding`` is the number of zeros added on every side.
    """
    padded = np.pad(inputs, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    batch, channels, height, width = padded.shape
    filters, _, kh, kw = weights.shape
    out_h, out_w = (height - kh) // stride + 1, (width - kw) // stride + 1
    output = np.zeros((batch, filters, out_h, out_w))
    for n in range(batch):
        for o in range(filters):
            for y in range(out_h):
                for x in range(out_w):
                    total = biases[o]
                    for c in range(channels):
                        for i in range(kh):
                            for j in range(kw):
                                total += weights[o, c, i, j] * padded[n, c, y * stride + i, x * stride + j]
                    output[n, o, y, x] = total
    return output


def conv2d_backward_loops(inputs, weights, dvalues, stride=1, padding=0):
    """Gradients of ``conv2d_loops`` with loops: (dinputs, dweights, dbiases).

    Every product weights[o, c, i, j] · padded[n, c, y·s + i, x·s + j] in the forward
    sends dvalues[n, o, y, x] times the other factor back to each of the two.
    """
    padded = np.pad(inputs, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    dpadded = np.zeros_like(padded)
    dweights = np.zeros_like(weights)
    batch, channels = padded.shape[:2]
    filters, _, kh, kw = weights.shape
    _, _, out_h, out_w = dvalues.shape
    for n in range(batch):
        for o in range(filters):
            for y in range(out_h):
                for x in range(out_w):
                    grad = dvalues[n, o, y, x]
                    for c in range(channels):
                        for i in range(kh):
                            for j in range(kw):
                                dweights[o, c, i, j] += grad * padded[n, c, y * stride + i, x * stride + j]
                                dpadded[n, c, y * stride + i, x * stride + j] += grad * weights[o, c, i, j]
    height, width = padded.shape[2:]
    dinputs = dpadded[:, :, padding:height - padding, padding:width - padding]
    return dinputs, dweights, dvalues.sum(axis=(0, 2, 3))
