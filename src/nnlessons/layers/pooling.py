"""Max and average pooling (Lesson 11)."""

import numpy as np

from ..validation import as_array, check_ndim, check_positive_int
from .base import Layer
from .windows import fold_windows, windows


class _Pool2D(Layer):
    """Shared set-up of the pooling layers: window size, stride, input checks."""

    def __init__(self, pool_size=2, stride=None):
        where = f"{type(self).__name__}(pool_size={pool_size!r}, stride={stride!r})"
        self.pool_size = check_positive_int(pool_size, "pool_size", where)
        self.stride = self.pool_size if stride is None else check_positive_int(stride, "stride", where)

    def config(self):
        return {"pool_size": self.pool_size, "stride": self.stride}

    def _windows(self, inputs):
        where = self._where("forward")
        inputs = as_array(inputs, where)
        check_ndim(inputs, 4, where, "inputs", "(batch, channels, height, width)")
        self.input_shape = inputs.shape
        return windows(inputs, self.pool_size, self.pool_size, self.stride, where)


class MaxPool2D(_Pool2D):
    """Max pooling (Lesson 11).

    Forward:  output[n, c, y, x] = max over the window at (y·s, x·s) of inputs[n, c]
    Backward: each window's gradient goes to the position that held the maximum
              (the first one on ties); all others get 0.
    Shapes:   (batch, C, H, W) → (batch, C, ⌊(H − k)/s⌋ + 1, ⌊(W − k)/s⌋ + 1);
              stride defaults to pool_size (non-overlapping windows).
    """

    def forward(self, inputs, training=True):
        win = self._windows(inputs)
        flat = win.reshape(*win.shape[:4], -1)
        self.argmax = flat.argmax(axis=-1)
        self.output = np.take_along_axis(flat, self.argmax[..., None], axis=-1)[..., 0]
        return self.output

    def backward(self, dvalues):
        dvalues = self._check_dvalues(dvalues)
        k = self.pool_size
        winners = self.argmax[..., None] == np.arange(k * k)            # one-hot of the maximum
        dwindows = (winners * dvalues[..., None]).reshape(*dvalues.shape, k, k)
        self.dinputs = fold_windows(dwindows, self.input_shape, self.stride)
        return self.dinputs


class AvgPool2D(_Pool2D):
    """Average pooling (Lesson 11).

    Forward:  output[n, c, y, x] = mean over the window at (y·s, x·s) of inputs[n, c]
    Backward: each window's gradient is shared equally, dvalues / k², among its k² pixels.
    Shapes:   as MaxPool2D.
    """

    def forward(self, inputs, training=True):
        self.output = self._windows(inputs).mean(axis=(-2, -1))
        return self.output

    def backward(self, dvalues):
        dvalues = self._check_dvalues(dvalues)
        k = self.pool_size
        share = np.broadcast_to((dvalues / (k * k))[..., None, None], (*dvalues.shape, k, k))
        self.dinputs = fold_windows(share, self.input_shape, self.stride)
        return self.dinputs
