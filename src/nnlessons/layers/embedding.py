"""Layers for text (Lesson 17): word embeddings, and the 1-D convolution and the
max over time that read a sentence of them.

A sentence of ``n_tokens`` token indices becomes, through ``Embedding``, a matrix with
one row per word, ``(n_tokens, embedding_dim)``; a batch is ``(batch, n_tokens,
embedding_dim)``. ``Conv1D`` slides windows of ``kernel_size`` consecutive words down
that matrix (an n-gram detector per filter) and ``GlobalMaxPool1D`` keeps, for each
filter, its strongest response anywhere in the sentence.
"""

import numpy as np

from ..i18n import register, tr
from ..validation import as_array, check_ndim, check_parameter, check_positive_int
from .base import Layer
from .conv import Conv2D, resolve_padding

register({
    "err.embedding_dtype": {
        "en": "{where}: expected token indices (whole numbers from 0 to {last}), got dtype {dtype}. "
              "Turn words into indices first, e.g. with nnlessons.text.Vocabulary.encode.",
        "pt": "{where}: esperava índices de tokens (inteiros de 0 a {last}), recebeu dtype {dtype}. "
              "Transforme as palavras em índices antes, por exemplo com nnlessons.text.Vocabulary.encode.",
    },
    "err.embedding_whole": {
        "en": "{where}: token indices must be whole numbers, got {value!r}. An index names a row "
              "of the embedding table; there is no row {value!r}.",
        "pt": "{where}: os índices de tokens devem ser inteiros, recebeu {value!r}. Um índice é o "
              "número de uma linha da tabela de embeddings; não existe a linha {value!r}.",
    },
    "err.embedding_range": {
        "en": "{where}: token indices must be from 0 to {last} (vocab_size={size}), got values from "
              "{low} to {high}. Build the layer with vocab_size=len(vocabulary) of the vocabulary "
              "that encoded these sentences.",
        "pt": "{where}: os índices de tokens devem ir de 0 a {last} (vocab_size={size}), recebeu "
              "valores de {low} a {high}. Crie a camada com vocab_size=len(vocabulary) do "
              "vocabulário que codificou estas frases.",
    },
    "err.sequence_shape": {
        "en": "{where}: expected inputs of shape (batch, n_tokens, {channels}), got {got}.{hint}",
        "pt": "{where}: esperava entradas de formato (lote, n_tokens, {channels}), recebeu {got}.{hint}",
    },
    "hint.sequence_one": {
        "en": " For one sentence of shape (n_tokens, {channels}) use inputs[None].",
        "pt": " Para uma única frase de formato (n_tokens, {channels}) use inputs[None].",
    },
    "hint.sequence_channels_first": {
        "en": " Your features look first (batch, {channels}, n_tokens); try inputs.transpose(0, 2, 1).",
        "pt": " Suas características parecem vir primeiro (lote, {channels}, n_tokens); tente "
              "inputs.transpose(0, 2, 1).",
    },
})


class Embedding(Layer):
    """Word embeddings: a table with one learned vector per token (Lesson 17).

    Forward:  output[n, t] = weights[inputs[n, t]]                 (a row lookup)
              which equals one_hot(inputs[n, t]) @ weights: a Dense layer without
              biases applied to one-hot vectors, without building them.
    Backward: dweights[v] = Σ_{(n, t): inputs[n, t] = v} dvalues[n, t]
              (np.add.at: a token used twice gets both gradients added)
              dinputs     = zeros of the inputs' shape: indices are names of rows,
                            not quantities, so nothing flows back through them.
    Shapes:   inputs (batch, n_tokens) whole numbers 0 .. vocab_size − 1,
              weights (vocab_size, embedding_dim),
              output (batch, n_tokens, embedding_dim)

    Integer arrays and whole-valued float arrays are both accepted (``Model.fit``
    and ``Model.predict`` hand every input over as floats). Weights start as
    ``0.1 * randn``: a small random vector per token, so a word training hardly
    touched weighs little. Pass ``seed`` for reproducible weights.
    """

    params = ("weights",)

    def __init__(self, vocab_size, embedding_dim, seed=None):
        where = f"Embedding(vocab_size={vocab_size!r}, embedding_dim={embedding_dim!r})"
        self.vocab_size = check_positive_int(vocab_size, "vocab_size", where)
        self.embedding_dim = check_positive_int(embedding_dim, "embedding_dim", where)
        self.weights = 0.1 * np.random.default_rng(seed).standard_normal((vocab_size, embedding_dim))

    @classmethod
    def parameter_shapes(cls, vocab_size, embedding_dim, **options):
        return {"weights": (vocab_size, embedding_dim)}

    def config(self):
        return {"vocab_size": self.vocab_size, "embedding_dim": self.embedding_dim}

    def forward(self, inputs, training=True):
        where = self._where("forward")
        self.indices = self._indices(inputs, where)
        check_parameter(self.weights, (self.vocab_size, self.embedding_dim), where, "weights")
        self.output = self.weights[self.indices]
        return self.output

    def backward(self, dvalues):
        dvalues = self._check_dvalues(dvalues)
        self.dweights = np.zeros_like(self.weights)
        np.add.at(self.dweights, self.indices, dvalues)
        self.dinputs = np.zeros(self.indices.shape)
        return self.dinputs

    def _indices(self, inputs, where):
        """``inputs`` as an integer array (batch, n_tokens) of valid rows, or a teaching error."""
        inputs = np.asarray(inputs)
        last = self.vocab_size - 1
        if inputs.dtype.kind not in "iuf":
            raise ValueError(tr("err.embedding_dtype", where=where, last=last, dtype=inputs.dtype))
        if inputs.ndim != 2:
            hint = tr("hint.reshape_row", name="inputs") if inputs.ndim == 1 else ""
            raise ValueError(tr("err.ndim", where=where, name="inputs", expected="(batch, n_tokens)",
                                got=inputs.shape, got_ndim=inputs.ndim, hint=hint))
        if inputs.dtype.kind == "f":
            broken = inputs[~np.isfinite(inputs) | (inputs != np.round(inputs))]
            if broken.size:
                raise ValueError(tr("err.embedding_whole", where=where, value=float(broken[0])))
        if inputs.size and (inputs.min() < 0 or inputs.max() > last):
            raise ValueError(tr("err.embedding_range", where=where, last=last, size=self.vocab_size,
                                low=int(inputs.min()), high=int(inputs.max())))
        return inputs.astype(np.intp)


class Conv1D(Conv2D):
    """1-D convolution along a sentence: one n-gram detector per filter (Lesson 17).

    Forward:  output[n, t, o] = biases[o] + Σ_c Σ_i weights[o, c, 0, i] · padded[n, t·s + i, c]
              filter o reads kernel_size consecutive words at a time, all their features.
    Backward: as Conv2D's, on the same numbers.
    Shapes:   inputs (batch, n_tokens, in_channels), as Embedding gives them,
              weights (out_channels, in_channels, 1, kernel_size), biases (out_channels,),
              output (batch, n_out, out_channels), n_out = ⌊(n_tokens + pads − k) / s⌋ + 1

    It *is* a ``Conv2D`` with a kernel one row high, (1, k): the features of a word are
    its channels and the sentence is an image of height 1, so the layer only turns its
    inputs (batch, n_tokens, channels) into (batch, channels, 1, n_tokens) and back.
    ``padding`` (int, "valid", "same", "full") adds zeros at both ends of the sentence only.
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, seed=None):
        where = f"Conv1D(in_channels={in_channels!r}, out_channels={out_channels!r}, kernel_size={kernel_size!r})"
        for name, value in (("in_channels", in_channels), ("out_channels", out_channels),
                            ("kernel_size", kernel_size), ("stride", stride)):
            check_positive_int(value, name, where)
        resolve_padding(padding, 1, 1, 1, where)
        super().__init__(in_channels, out_channels, (1, kernel_size), stride, padding, seed)

    @classmethod
    def parameter_shapes(cls, in_channels, out_channels, kernel_size, **options):
        return super().parameter_shapes(in_channels, out_channels, (1, kernel_size))

    def config(self):
        return {**super().config(), "kernel_size": self.kernel_size[1]}

    def pads(self, height, width):
        """(0, 0, left, right): zeros before and after the sentence, none above or below."""
        return (0, 0, *resolve_padding(self.padding, self.kernel_size[1], self.stride, width,
                                       self._where("forward")))

    def forward(self, inputs, training=True):
        inputs = check_sequences(inputs, self.in_channels, self._where("forward"))
        images = super().forward(inputs.transpose(0, 2, 1)[:, :, None, :], training)
        self.output = images[:, :, 0, :].transpose(0, 2, 1)
        return self.output

    def backward(self, dvalues):
        dvalues = self._check_dvalues(dvalues)
        dimages = super().backward(dvalues.transpose(0, 2, 1)[:, :, None, :])
        self.dinputs = None if dimages is None else dimages[:, :, 0, :].transpose(0, 2, 1)
        return self.dinputs

    def _check_dvalues(self, dvalues):
        """Checks dvalues against this layer's (batch, n_out, channels) output; the images view
        (batch, channels, 1, n_out) that backward hands on to Conv2D.backward is built from
        dvalues already checked, so it passes."""
        if np.ndim(dvalues) == 4:
            return dvalues
        return super()._check_dvalues(dvalues)


class GlobalMaxPool1D(Layer):
    """Max over time: each feature's largest value anywhere in the sentence (Lesson 17).

    Forward:  output[n, c]     = max_t inputs[n, t, c]
    Backward: dinputs[n, t, c] = dvalues[n, c] at the position t that held the maximum
              (the first one on ties), 0 everywhere else.
    Shapes:   (batch, n_positions, channels) → (batch, channels)

    After a Conv1D it answers "did this n-gram detector fire somewhere, and how
    strongly?", whatever the sentence's length and wherever the n-gram sits.
    """

    def forward(self, inputs, training=True):
        where = self._where("forward")
        inputs = as_array(inputs, where)
        check_ndim(inputs, 3, where, "inputs", "(batch, n_positions, channels)")
        self.input_shape = inputs.shape
        self.argmax = inputs.argmax(axis=1)
        self.output = np.take_along_axis(inputs, self.argmax[:, None, :], axis=1)[:, 0, :]
        return self.output

    def backward(self, dvalues):
        dvalues = self._check_dvalues(dvalues)
        self.dinputs = np.zeros(self.input_shape, dtype=dvalues.dtype)
        np.put_along_axis(self.dinputs, self.argmax[:, None, :], dvalues[:, None, :], axis=1)
        return self.dinputs


def check_sequences(inputs, channels, where):
    """Return ``inputs`` as a float array (batch, n_tokens, channels), or a teaching error (Lesson 17)."""
    inputs = as_array(inputs, where)
    hint = ""
    if inputs.ndim == 2 and inputs.shape[1] == channels:
        hint = tr("hint.sequence_one", channels=channels)
    elif inputs.ndim == 3 and inputs.shape[1] == channels and inputs.shape[2] != channels:
        hint = tr("hint.sequence_channels_first", channels=channels)
    if inputs.ndim != 3 or inputs.shape[2] != channels:
        raise ValueError(tr("err.sequence_shape", where=where, channels=channels, got=inputs.shape, hint=hint))
    return inputs
