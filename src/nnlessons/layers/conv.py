"""2-D convolution layer (Lesson 14)."""

import numpy as np

from ..i18n import register, tr
from ..validation import check_parameter, check_positive_int
from .base import Layer
from .windows import check_images, fold_windows, windows

register({
    "err.padding": {
        "en": "{where}: padding must be a whole number ≥ 0 or one of 'valid', 'same', 'full'; got {padding!r}.",
        "pt": "{where}: padding deve ser um número inteiro ≥ 0 ou um de 'valid', 'same', 'full'; recebeu {padding!r}.",
    },
    "err.kernel_size": {
        "en": "{where}: kernel_size must be a whole number k (a k×k kernel) or a pair (height, width), "
              "got {kernel_size!r}.{hint}",
        "pt": "{where}: kernel_size deve ser um número inteiro k (um kernel k×k) ou um par (altura, largura), "
              "recebeu {kernel_size!r}.{hint}",
    },
    "hint.kernel_one": {
        "en": " For a {k}×{k} kernel write kernel_size={k}.",
        "pt": " Para um kernel {k}×{k} escreva kernel_size={k}.",
    },
    "hint.kernel_channels": {
        "en": " The depth of every kernel is in_channels already: give only its height and width.",
        "pt": " A profundidade de cada kernel já é in_channels: dê só a altura e a largura.",
    },
})


def kernel_pair(kernel_size, where):
    """(kh, kw) from kernel_size = k or (kh, kw), each a whole number ≥ 1 (Lesson 14)."""
    if isinstance(kernel_size, (tuple, list)):
        if len(kernel_size) != 2:
            hint = ""
            if len(kernel_size) == 1:
                hint = tr("hint.kernel_one", k=kernel_size[0])
            elif len(kernel_size) == 3:
                hint = tr("hint.kernel_channels")
            raise ValueError(tr("err.kernel_size", where=where, kernel_size=kernel_size, hint=hint))
        kh, kw = kernel_size
    else:
        kh = kw = kernel_size
    return check_positive_int(kh, "kernel_size", where), check_positive_int(kw, "kernel_size", where)


def resolve_padding(padding, kernel, stride, size, where="resolve_padding"):
    """Zeros to add (before, after) along one axis (Lesson 14); ``where`` names the
    caller in the error message. Public as ``nnlessons.layers.resolve_padding``.

    int n   → (n, n)
    "valid" → (0, 0): only windows that fit entirely
    "full"  → (k − 1, k − 1): every window that overlaps the input
    "same"  → output size ⌈size / stride⌉; total padding (out − 1)·stride + k − size,
              split evenly with any odd one after (as TensorFlow does)
    """
    if isinstance(padding, str):
        if padding == "valid":
            return 0, 0
        if padding == "full":
            return kernel - 1, kernel - 1
        if padding == "same":
            out = -(-size // stride)
            total = max((out - 1) * stride + kernel - size, 0)
            return total // 2, total - total // 2
    elif isinstance(padding, (int, np.integer)) and not isinstance(padding, bool) and padding >= 0:
        return int(padding), int(padding)
    raise ValueError(tr("err.padding", where=where, padding=padding))


def pad_images(inputs, pads):
    """Zero-pad height and width: pads = (top, bottom, left, right)."""
    if not any(pads):
        return inputs
    top, bottom, left, right = pads
    batch, channels, height, width = inputs.shape
    padded = np.zeros((batch, channels, top + height + bottom, left + width + right), dtype=inputs.dtype)
    padded[:, :, top:top + height, left:left + width] = inputs
    return padded


class Conv2D(Layer):
    """2-D convolution (cross-correlation, as every deep-learning library computes it) (Lesson 14).

    Forward:  output[n, o, y, x] = biases[o] + Σ_c Σ_i Σ_j
                  weights[o, c, i, j] · padded[n, c, y·s + i, x·s + j]
    Backward: dweights[o, c, i, j] = Σ_n Σ_y Σ_x dvalues[n, o, y, x] · padded[n, c, y·s + i, x·s + j]
              dbiases[o]          = Σ_n Σ_y Σ_x dvalues[n, o, y, x]
              dinputs             = every window's  Σ_o dvalues[n, o, y, x] · weights[o]
                                    added back onto the pixels it covered
                                    (skipped, dinputs = None, as the first layer of a Model)
    Shapes:   inputs (batch, in_channels, H, W), weights (out_channels, in_channels, kh, kw),
              biases (out_channels,), output (batch, out_channels, H_out, W_out) with
              H_out = ⌊(H + pad_top + pad_bottom − kh) / stride⌋ + 1 (likewise W_out).

    Vectorised with im2col ("image to columns"): every window of every image becomes
    one column of a matrix, columns (in_channels·kh·kw, batch·H_out·W_out), so the whole
    convolution is a single matrix product, weights (out_channels, in_channels·kh·kw) @ columns;
    backward is two more products. He initialisation:
    weights ~ N(0, 2 / (in_channels · kh · kw)).
    """

    params = ("weights", "biases")

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, seed=None):
        where = f"Conv2D(in_channels={in_channels!r}, out_channels={out_channels!r}, kernel_size={kernel_size!r})"
        self.in_channels = check_positive_int(in_channels, "in_channels", where)
        self.out_channels = check_positive_int(out_channels, "out_channels", where)
        self.kernel_size = kh, kw = kernel_pair(kernel_size, where)
        self.stride = check_positive_int(stride, "stride", where)
        resolve_padding(padding, 1, 1, 1, where)   # reject a bad value now, not at the first forward
        self.padding = padding
        fan_in = in_channels * kh * kw
        rng = np.random.default_rng(seed)
        self.weights = rng.standard_normal((out_channels, in_channels, kh, kw)) * np.sqrt(2.0 / fan_in)
        self.biases = np.zeros(out_channels)

    @classmethod
    def parameter_shapes(cls, in_channels, out_channels, kernel_size, **options):
        kh, kw = kernel_pair(kernel_size, f"{cls.__name__}(kernel_size={kernel_size!r})")
        return {"weights": (out_channels, in_channels, kh, kw), "biases": (out_channels,)}

    def config(self):
        kh, kw = self.kernel_size
        return {"in_channels": self.in_channels, "out_channels": self.out_channels,
                "kernel_size": kh if kh == kw else [kh, kw], "stride": self.stride,
                "padding": self.padding}

    def pads(self, height, width):
        """(top, bottom, left, right) zeros for an input of this height and width."""
        kh, kw = self.kernel_size
        where = self._where("forward")
        return (*resolve_padding(self.padding, kh, self.stride, height, where),
                *resolve_padding(self.padding, kw, self.stride, width, where))

    def forward(self, inputs, training=True):
        where = self._where("forward")
        inputs = check_images(inputs, self.in_channels, where)
        check_parameter(self.weights, (self.out_channels, self.in_channels, *self.kernel_size), where, "weights")
        check_parameter(self.biases, (self.out_channels,), where, "biases")
        self.input_pads = self.pads(*inputs.shape[2:])
        padded = pad_images(inputs, self.input_pads)
        self.padded_shape = padded.shape
        kh, kw = self.kernel_size
        win = windows(padded, kh, kw, self.stride, where)           # (n, c, oh, ow, kh, kw)
        n, _, out_h, out_w = win.shape[:4]
        self.columns = win.transpose(1, 4, 5, 0, 2, 3).reshape(-1, n * out_h * out_w)  # (c·kh·kw, n·oh·ow)
        flat = self.weights.reshape(self.out_channels, -1) @ self.columns             # (out, n·oh·ow)
        flat += self.biases[:, None]
        self.output = flat.reshape(self.out_channels, n, out_h, out_w).transpose(1, 0, 2, 3)
        return self.output

    def backward(self, dvalues):
        dvalues = self._check_dvalues(dvalues)
        n, _, out_h, out_w = dvalues.shape
        dflat = dvalues.transpose(1, 0, 2, 3).reshape(self.out_channels, -1)           # (out, n·oh·ow)
        self.dweights = (dflat @ self.columns.T).reshape(self.weights.shape)
        self.dbiases = dflat.sum(axis=1)
        if not self.needs_dinputs:      # first layer of a Model: no one reads dinputs
            self.dinputs = None
            return self.dinputs
        dcolumns = self.weights.reshape(self.out_channels, -1).T @ dflat              # (c·kh·kw, n·oh·ow)
        kh, kw = self.kernel_size
        dwindows = dcolumns.reshape(self.in_channels, kh, kw, n, out_h, out_w).transpose(3, 0, 4, 5, 1, 2)
        dpadded = fold_windows(dwindows, self.padded_shape, self.stride)
        top, bottom, left, right = self.input_pads
        self.dinputs = dpadded[:, :, top:dpadded.shape[2] - bottom, left:dpadded.shape[3] - right]
        return self.dinputs
