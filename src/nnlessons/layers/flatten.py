"""Flatten feature maps into one vector per sample (Lesson 14)."""

from ..validation import as_array
from .base import Layer


class Flatten(Layer):
    """Flatten every sample to a vector (Lesson 14).

    Forward:  output  = inputs.reshape(n_samples, -1)
    Backward: dinputs = dvalues.reshape(inputs.shape)
    Shapes:   inputs (n_samples, C, H, W) → output (n_samples, C·H·W);
              a 3×3×64 map becomes 576 numbers.
    """

    def forward(self, inputs, training=True):
        inputs = as_array(inputs, self._where("forward"))
        self.input_shape = inputs.shape
        self.output = inputs.reshape(inputs.shape[0], -1)
        return self.output

    def backward(self, dvalues):
        self.dinputs = self._check_dvalues(dvalues).reshape(self.input_shape)
        return self.dinputs
