"""Max and average pooling (Lesson 14)."""

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

    def _pixels(self, inputs):
        """Every window's k·k pixels, one window position per row: (k·k, batch, C, H_out, W_out).

        Position p = i·k + j is row i, column j of the window. A reduction over axis 0
        then runs over whole contiguous maps at once, much faster than over k·k numbers
        at a time.
        """
        win = self._windows(inputs)                                   # (batch, C, H_out, W_out, k, k)
        return win.transpose(4, 5, 0, 1, 2, 3).reshape(-1, *win.shape[:4])

    def _fold(self, dpixels):
        """The backward of ``_pixels``: add each position's gradient back onto its pixel."""
        k = self.pool_size
        dwindows = dpixels.reshape(k, k, *dpixels.shape[1:]).transpose(2, 3, 4, 5, 0, 1)
        return fold_windows(dwindows, self.input_shape, self.stride)


class MaxPool2D(_Pool2D):
    """Max pooling (Lesson 14).

    Forward:  output[n, c, y, x] = max over the window at (y·s, x·s) of inputs[n, c]
    Backward: each window's gradient goes to the position that held the maximum
              (the first one on ties); all others get 0.
    Shapes:   (batch, C, H, W) → (batch, C, ⌊(H − k)/s⌋ + 1, ⌊(W − k)/s⌋ + 1);
              stride defaults to pool_size (non-overlapping windows).
    """

    def forward(self, inputs, training=True):
        pixels = self._pixels(inputs)                                 # (k·k, batch, C, H_out, W_out)
        self.argmax = pixels.argmax(axis=0)                           # position of each maximum
        self.output = pixels.max(axis=0)
        return self.output

    def backward(self, dvalues):
        dvalues = self._check_dvalues(dvalues)
        positions = np.arange(self.pool_size ** 2).reshape(-1, 1, 1, 1, 1)
        winners = self.argmax == positions                            # one-hot of the maximum
        self.dinputs = self._fold(winners * dvalues)
        return self.dinputs


class AvgPool2D(_Pool2D):
    """Average pooling (Lesson 14).

    Forward:  output[n, c, y, x] = mean over the window at (y·s, x·s) of inputs[n, c]
    Backward: each window's gradient is shared equally, dvalues / k², among its k² pixels.
    Shapes:   as MaxPool2D.
    """

    def forward(self, inputs, training=True):
        self.output = self._pixels(inputs).mean(axis=0)
        return self.output

    def backward(self, dvalues):
        dvalues = self._check_dvalues(dvalues)
        positions = self.pool_size ** 2
        self.dinputs = self._fold(np.broadcast_to(dvalues / positions, (positions, *dvalues.shape)))
        return self.dinputs
