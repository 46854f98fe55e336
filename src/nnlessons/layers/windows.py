"""Sliding windows over images, shared by convolution and pooling (Lesson 14).

Convolution and pooling both look at every kh×kw window of an image. Instead of
four nested loops we take a *view* of all windows at once (no copy), and for the
backward pass we fold window gradients back onto the pixels they came from.
"""

import numpy as np
from numpy.lib.stride_tricks import as_strided

from ..i18n import register, tr
from ..validation import as_array

register({
    "err.channels": {
        "en": "{where}: expected inputs of shape (batch, {channels}, height, width), got {got}.{hint}",
        "pt": "{where}: esperava entradas de formato (lote, {channels}, altura, largura), recebeu {got}.{hint}",
    },
    "hint.add_channel_axis": {
        "en": " For one-channel images of shape (batch, height, width) use inputs[:, None].",
        "pt": " Para imagens de um canal no formato (lote, altura, largura) use inputs[:, None].",
    },
    "hint.channels_last": {
        "en": " Your channels look last (batch, height, width, channels); try inputs.transpose(0, 3, 1, 2).",
        "pt": " Seus canais parecem estar no fim (lote, altura, largura, canais); tente inputs.transpose(0, 3, 1, 2).",
    },
    "err.window_too_big": {
        "en": "{where}: the {kh}×{kw} window does not fit in the (padded) {height}×{width} input. "
              "Use a smaller kernel/pool, more padding, or a larger image.",
        "pt": "{where}: a janela {kh}×{kw} não cabe na entrada (com preenchimento) de {height}×{width}. "
              "Use um kernel/pool menor, mais preenchimento, ou uma imagem maior.",
    },
})


def check_images(inputs, channels, where):
    """Return ``inputs`` as a float array of shape (batch, channels, height, width)."""
    inputs = as_array(inputs, where)
    hint = ""
    if inputs.ndim == 3 and channels == 1:
        hint = tr("hint.add_channel_axis")
    elif inputs.ndim == 4 and inputs.shape[3] == channels and inputs.shape[1] != channels:
        hint = tr("hint.channels_last")
    if inputs.ndim != 4 or inputs.shape[1] != channels:
        raise ValueError(tr("err.channels", where=where, channels=channels, got=inputs.shape, hint=hint))
    return inputs


def output_size(size, kernel, stride=1, pad_before=0, pad_after=0):
    """Output length along one axis (Lesson 14):  ⌊(size + pads − kernel) / stride⌋ + 1."""
    return (size + pad_before + pad_after - kernel) // stride + 1


def windows(padded, kh, kw, stride, where):
    """Every kh×kw window with the given stride, as a view (no copy).

    Shapes: padded (batch, C, H, W) → windows (batch, C, H_out, W_out, kh, kw)
    with H_out = ⌊(H − kh) / stride⌋ + 1 (likewise W_out).
    windows[n, c, y, x, i, j] is padded[n, c, y·stride + i, x·stride + j]: the view only
    says how many bytes one step along each axis skips in padded's memory.
    """
    batch, channels, height, width = padded.shape
    if kh > height or kw > width:
        raise ValueError(tr("err.window_too_big", where=where, kh=kh, kw=kw, height=height, width=width))
    step_n, step_c, step_row, step_col = padded.strides
    return as_strided(padded,
                      shape=(batch, channels, output_size(height, kh, stride), output_size(width, kw, stride), kh, kw),
                      strides=(step_n, step_c, stride * step_row, stride * step_col, step_row, step_col),
                      writeable=False)


def fold_windows(dwindows, padded_shape, stride):
    """The backward of ``windows``: add each window's gradient onto its pixels.

    Shapes: dwindows (batch, C, H_out, W_out, kh, kw) → (batch, C, H, W).
    One vectorised addition per kernel offset (i, j): kh·kw steps in all.
    """
    _, _, out_h, out_w, kh, kw = dwindows.shape
    dpadded = np.zeros(padded_shape, dtype=dwindows.dtype)
    for i in range(kh):
        for j in range(kw):
            dpadded[:, :, i:i + stride * out_h:stride, j:j + stride * out_w:stride] += dwindows[..., i, j]
    return dpadded
