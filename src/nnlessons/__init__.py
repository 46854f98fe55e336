"""nnlessons: neural networks from scratch in NumPy, one lesson at a time.

``import nnlessons as nn`` gives the engine, the pieces a lesson builds a network from::

    model = nn.Model([nn.Dense(2, 64), nn.ReLU(), nn.Dense(64, 3), nn.Softmax()],
                     loss=nn.CategoricalCrossEntropy(), optimizer=nn.Adam(0.01))

What lives where in the package:

- the engine: ``layers/`` (Lessons 03, 12–17), ``activations`` (04), ``losses`` (05),
  ``optimizers`` (06, 08), ``model`` (07, 09), ``data`` (toy and real data, splits,
  batches), ``text`` (14), ``gradcheck`` (07), ``metrics``, ``validation`` (the teaching
  errors), ``reference`` (slow loop versions to check against), ``kernels`` (11); it
  imports nothing of the teaching layer below;
- the teaching layer: ``lessons/<slug>/`` (each lesson's explorers and exercises),
  ``widgets/`` (the machinery explorers share), ``plots/`` (pictures more than one lesson
  draws), ``exercises/`` (the question kinds), ``i18n`` (translated strings), ``lesson``
  (the first cell of every notebook), ``build`` (notebooks from their sources).
"""

from .activations import ELU, LeakyReLU, Linear, ReLU, Sigmoid, Softmax, Step, Tanh
from .data import (Standardiser, augment, batches, k_fold, load_digits, load_image, sine_data, spiral_data,
                   train_test_split, vertical_data)
from .gradcheck import check_layer, check_loss, check_model, numerical_gradient, relative_error
from .layers import (AvgPool2D, BatchNorm, Conv1D, Conv2D, Dense, Dropout, Embedding, Flatten, GlobalMaxPool1D,
                     Layer, MaxPool2D)
from .losses import (BinaryCrossEntropy, CategoricalCrossEntropy, Hinge, Huber, MeanAbsoluteError, MeanSquaredError,
                     SoftmaxCategoricalCrossEntropy, regularization_loss)
from .model import History, Model
from .optimizers import SGD, Adagrad, Adam, RMSprop

__all__ = [
    # layers
    "Layer", "Dense", "Dropout", "Conv2D", "MaxPool2D", "AvgPool2D", "Flatten", "BatchNorm",
    "Embedding", "Conv1D", "GlobalMaxPool1D",
    # activations
    "Step", "Linear", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU", "Softmax",
    # losses
    "MeanSquaredError", "MeanAbsoluteError", "Huber", "Hinge", "BinaryCrossEntropy", "CategoricalCrossEntropy",
    "SoftmaxCategoricalCrossEntropy", "regularization_loss",
    # optimizers
    "SGD", "Adagrad", "RMSprop", "Adam",
    # model
    "Model", "History",
    # data
    "spiral_data", "vertical_data", "sine_data", "load_digits", "load_image", "train_test_split", "k_fold",
    "batches", "augment", "Standardiser",
    # gradient checking
    "numerical_gradient", "relative_error", "check_layer", "check_loss", "check_model",
]
