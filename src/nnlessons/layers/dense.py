"""The fully connected (dense) layer (Lesson 03; regularisation in Lesson 12)."""

import numpy as np

from ..validation import as_array, check_features, check_parameter, check_positive_int, check_range
from .base import Layer


class Dense(Layer):
    """Fully connected layer (Lesson 03).

    Forward:  output   = inputs @ weights + biases
    Backward: dweights = inputs.T @ dvalues  (+ λ1·sign(weights) + 2·λ2·weights)
              dbiases  = dvalues.sum(axis=0, keepdims=True)  (+ the same for biases)
              dinputs  = dvalues @ weights.T
    Shapes:   inputs (n_samples, n_inputs), weights (n_inputs, n_neurons),
              biases (1, n_neurons), output (n_samples, n_neurons)

    Weights start as ``0.01 * randn`` (the book's choice) and biases at zero.
    ``weight_l1``, ``weight_l2``, ``bias_l1``, ``bias_l2`` are the λ of the L1
    and L2 penalties (Lesson 12); ``nnlessons.losses.regularization_loss`` adds
    their value to the loss and backward adds their gradient here.
    Pass ``seed`` for reproducible initial weights.
    """

    params = ("weights", "biases")

    def __init__(self, n_inputs, n_neurons, weight_l1=0.0, weight_l2=0.0,
                 bias_l1=0.0, bias_l2=0.0, seed=None):
        where = f"Dense(n_inputs={n_inputs!r}, n_neurons={n_neurons!r})"
        self.n_inputs = check_positive_int(n_inputs, "n_inputs", where)
        self.n_neurons = check_positive_int(n_neurons, "n_neurons", where)
        for name, value in (("weight_l1", weight_l1), ("weight_l2", weight_l2),
                            ("bias_l1", bias_l1), ("bias_l2", bias_l2)):
            setattr(self, name, float(check_range(value, name, where, low=0)))
        rng = np.random.default_rng(seed)
        self.weights = 0.01 * rng.standard_normal((n_inputs, n_neurons))
        self.biases = np.zeros((1, n_neurons))

    @classmethod
    def parameter_shapes(cls, n_inputs, n_neurons, **options):
        return {"weights": (n_inputs, n_neurons), "biases": (1, n_neurons)}

    def config(self):
        config = {"n_inputs": self.n_inputs, "n_neurons": self.n_neurons}
        for name in ("weight_l1", "weight_l2", "bias_l1", "bias_l2"):
            if getattr(self, name):
                config[name] = getattr(self, name)
        return config

    def forward(self, inputs, training=True):
        where = self._where("forward")
        inputs = as_array(inputs, where)
        check_features(inputs, self.n_inputs, where)
        check_parameter(self.weights, (self.n_inputs, self.n_neurons), where, "weights")
        check_parameter(self.biases, (1, self.n_neurons), where, "biases")
        self.inputs = inputs
        self.output = inputs @ self.weights + self.biases
        return self.output

    def backward(self, dvalues):
        dvalues = self._check_dvalues(dvalues)
        self.dweights = self.inputs.T @ dvalues
        self.dbiases = dvalues.sum(axis=0, keepdims=True)
        if self.weight_l1:
            self.dweights += self.weight_l1 * np.sign(self.weights)
        if self.weight_l2:
            self.dweights += 2 * self.weight_l2 * self.weights
        if self.bias_l1:
            self.dbiases += self.bias_l1 * np.sign(self.biases)
        if self.bias_l2:
            self.dbiases += 2 * self.bias_l2 * self.biases
        self.dinputs = dvalues @ self.weights.T
        return self.dinputs
