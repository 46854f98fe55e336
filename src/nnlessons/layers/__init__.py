"""Layers of the engine, one concept per module (Lessons 03, 12, 13, 14, 16).

Every layer has ``forward(inputs, training=True)`` → ``self.output`` and
``backward(dvalues)`` → ``self.dinputs``; trainable ones list ``params``.
"""

from .base import Layer
from .batchnorm import BatchNorm
from .conv import Conv2D, resolve_padding
from .dense import Dense
from .dropout import Dropout
from .embedding import Conv1D, Embedding, GlobalMaxPool1D
from .flatten import Flatten
from .pooling import AvgPool2D, MaxPool2D
from .windows import output_size

__all__ = ["Layer", "Dense", "Dropout", "Conv2D", "MaxPool2D", "AvgPool2D", "Flatten", "BatchNorm",
           "Embedding", "Conv1D", "GlobalMaxPool1D", "output_size", "resolve_padding"]
