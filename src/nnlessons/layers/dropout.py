"""Dropout: switch neurons off at random while training (Lesson 12)."""

import numpy as np

from ..validation import as_array, check_range
from .base import Layer


class Dropout(Layer):
    """Inverted dropout (Lesson 12).

    Training: mask   = Bernoulli(1 - rate) / (1 - rate)   (one draw per value)
              output = inputs * mask
    Backward: dinputs = dvalues * mask
    Inference (training=False): output = inputs, unchanged.

    ``rate`` is the fraction of values dropped, in [0, 1). Dividing the kept
    values by (1 - rate) keeps the expected output equal to the input, so
    nothing needs rescaling at inference. ``seed`` makes the masks reproducible.
    """

    def __init__(self, rate, seed=None):
        self.rate = float(check_range(rate, "rate", f"Dropout(rate={rate!r})", low=0, high=1, high_open=True))
        self.rng = np.random.default_rng(seed)

    def config(self):
        return {"rate": self.rate}

    def forward(self, inputs, training=True):
        inputs = as_array(inputs, self._where("forward"))
        if training:
            keep = 1.0 - self.rate
            self.mask = (self.rng.random(inputs.shape) < keep) / keep
            self.output = inputs * self.mask
        else:
            self.mask = 1.0
            self.output = inputs
        return self.output

    def backward(self, dvalues):
        self.dinputs = self._check_dvalues(dvalues) * self.mask
        return self.dinputs
