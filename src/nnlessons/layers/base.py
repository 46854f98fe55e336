"""What every layer and activation shares (Lesson 03).

A layer is an object with two methods that mirror each other:

    forward(inputs, training=True)  stores and returns self.output
    backward(dvalues)               stores and returns self.dinputs

``dvalues`` is the gradient of the loss with respect to this layer's output;
``dinputs`` is the gradient with respect to its input, passed on to the layer
before. Trainable layers list their parameter names in ``params`` and set
``d<name>`` in backward (``dweights``, ``dbiases``, ...).
"""

import numpy as np

from ..i18n import register, tr
from ..validation import Where

register({
    "err.backward_first": {
        "en": "{where}: backward needs the values of the last forward pass, and this layer has not "
              "run forward yet. Call forward(inputs) first, then backward(dvalues).",
        "pt": "{where}: o backward precisa dos valores do último forward, e esta camada ainda não "
              "rodou o forward. Chame forward(inputs) antes, depois backward(dvalues).",
    },
    "err.dvalues_shape": {
        "en": "{where}: dvalues must have the shape of this layer's output, {expected} (one gradient "
              "per output value), got {got}.{hint} Pass the dinputs of the layer that came after this one.",
        "pt": "{where}: dvalues deve ter o formato da saída desta camada, {expected} (um gradiente "
              "por valor de saída), recebeu {got}.{hint} Passe o dinputs da camada que veio depois desta.",
    },
})


class Layer:
    """Base class: parameter names, a description for saving, a readable repr."""

    params = ()   # names of trainable arrays, e.g. ("weights", "biases")
    state = ()    # names of non-trainable arrays worth saving, e.g. running means
    # A Model sets this to False on its first layer, whose dinputs nothing reads; a layer
    # whose dinputs cost real work (Conv2D) then skips them and sets dinputs = None (Lesson 15).
    needs_dinputs = True

    def config(self):
        """Constructor arguments, so ``type(self)(**config())`` rebuilds the layer."""
        return {}

    @classmethod
    def parameter_shapes(cls, **config):
        """The shape of every array in ``params`` and ``state`` that ``cls(**config)`` would
        create, computed without creating anything (Lesson 16: ``Model.load`` compares them
        with a file's arrays before it builds a layer)."""
        return {}

    def __repr__(self):
        args = ", ".join(f"{key}={value!r}" for key, value in self.config().items())
        return f"{type(self).__name__}({args})"

    def _where(self, method):
        """Where an error happened, e.g. ``Dense(n_inputs=3, n_neurons=4).forward``."""
        return Where(self, method)

    def _check_dvalues(self, dvalues):
        """``dvalues`` as an array of exactly this layer's output shape; a teaching error if
        forward has not run yet, or if the shapes differ (the ``.T`` hint when transposed)."""
        output = getattr(self, "output", None)
        if output is None:
            raise ValueError(tr("err.backward_first", where=self._where("backward")))
        dvalues = np.asarray(dvalues)
        if dvalues.shape != output.shape:
            transposed = dvalues.ndim == 2 and dvalues.shape == output.shape[::-1]
            hint = tr("hint.transpose", name="dvalues") if transposed else ""
            raise ValueError(tr("err.dvalues_shape", where=self._where("backward"), expected=output.shape,
                                got=dvalues.shape, hint=hint))
        return dvalues
