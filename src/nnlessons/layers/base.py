"""What every layer and activation shares (Lesson 03).

A layer is an object with two methods that mirror each other:

    forward(inputs, training=True)  stores and returns self.output
    backward(dvalues)               stores and returns self.dinputs

``dvalues`` is the gradient of the loss with respect to this layer's output;
``dinputs`` is the gradient with respect to its input, passed on to the layer
before. Trainable layers list their parameter names in ``params`` and set
``d<name>`` in backward (``dweights``, ``dbiases``, ...).
"""

from ..validation import Where


class Layer:
    """Base class: parameter names, a description for saving, a readable repr."""

    params = ()   # names of trainable arrays, e.g. ("weights", "biases")
    state = ()    # names of non-trainable arrays worth saving, e.g. running means
    # A Model sets this to False on its first layer, whose dinputs nothing reads; a layer
    # whose dinputs cost real work (Conv2D) then skips them and sets dinputs = None (Lesson 12).
    needs_dinputs = True

    def config(self):
        """Constructor arguments, so ``type(self)(**config())`` rebuilds the layer."""
        return {}

    def __repr__(self):
        args = ", ".join(f"{key}={value!r}" for key, value in self.config().items())
        return f"{type(self).__name__}({args})"

    def _where(self, method):
        """Where an error happened, e.g. ``Dense(n_inputs=3, n_neurons=4).forward``."""
        return Where(self, method)
