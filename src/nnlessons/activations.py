"""Activation functions (Lesson 04).

Each one is a layer with no parameters: ``forward(inputs)`` applies the function
element by element (Softmax: row by row) and ``backward(dvalues)`` multiplies the
incoming gradient by the function's derivative (the chain rule, Lesson 07).
"""

import numpy as np

from .layers.base import Layer
from .validation import as_array, check_ndim, check_range


class Activation(Layer):
    """Base: checks and stores the inputs, then calls ``function``.

    Subclasses write the formula twice, side by side: ``function(x)`` and
    ``derivative()``, the slope f′ at the stored inputs (using ``self.output``
    where that is simpler).
    """

    def forward(self, inputs, training=True):
        self.inputs = as_array(inputs, self._where("forward"))
        self.output = self.function(self.inputs)
        return self.output

    def backward(self, dvalues):
        self.dinputs = self._check_dvalues(dvalues) * self.derivative()
        return self.dinputs


class Step(Activation):
    """Heaviside step (Lesson 01): f(x) = 1 if x > 0 else 0;  f′(x) = 0 (undefined at 0).

    Its zero slope is why the perceptron cannot learn by gradient descent.
    """

    def function(self, x):
        return (x > 0).astype(x.dtype)

    def derivative(self):
        return np.zeros_like(self.inputs)


class Linear(Activation):
    """Identity (Lesson 04): f(x) = x;  f′(x) = 1. The output of a regression network."""

    def function(self, x):
        return x

    def derivative(self):
        return 1.0


class Sigmoid(Activation):
    """Logistic sigmoid (Lesson 04): σ(x) = 1 / (1 + e^(−x));  σ′(x) = σ(x)·(1 − σ(x)).

    Computed as e^x / (1 + e^x) for negative x, so e^(−x) never overflows.
    """

    def function(self, x):
        exp_neg_abs = np.exp(-np.abs(x))
        return np.where(x >= 0, 1.0 / (1.0 + exp_neg_abs), exp_neg_abs / (1.0 + exp_neg_abs))

    def derivative(self):
        return self.output * (1.0 - self.output)


class Tanh(Activation):
    """Hyperbolic tangent (Lesson 04): f(x) = tanh(x);  f′(x) = 1 − tanh²(x)."""

    def function(self, x):
        return np.tanh(x)

    def derivative(self):
        return 1.0 - self.output ** 2


class ReLU(Activation):
    """Rectified linear unit (Lesson 04): f(x) = max(0, x);  f′(x) = 1 if x > 0 else 0."""

    def function(self, x):
        return np.maximum(0, x)

    def derivative(self):
        return self.inputs > 0


class LeakyReLU(Activation):
    """Leaky ReLU (Lesson 04): f(x) = x if x > 0 else α·x;  f′(x) = 1 if x > 0 else α."""

    def __init__(self, alpha=0.01):
        self.alpha = float(check_range(alpha, "alpha", f"LeakyReLU(alpha={alpha!r})", low=0))

    def config(self):
        return {"alpha": self.alpha}

    def function(self, x):
        return np.where(x > 0, x, self.alpha * x)

    def derivative(self):
        return np.where(self.inputs > 0, 1.0, self.alpha)


class ELU(Activation):
    """Exponential linear unit (Lesson 04): f(x) = x if x > 0 else α·(eˣ − 1);
    f′(x) = 1 if x > 0 else f(x) + α.
    """

    def __init__(self, alpha=1.0):
        self.alpha = float(check_range(alpha, "alpha", f"ELU(alpha={alpha!r})", low=0))

    def config(self):
        return {"alpha": self.alpha}

    def function(self, x):
        return np.where(x > 0, x, self.alpha * np.expm1(np.minimum(x, 0)))

    def derivative(self):
        return np.where(self.inputs > 0, 1.0, self.output + self.alpha)


class Softmax(Activation):
    """Softmax over each row (Lesson 04).

    Forward:  p_ij = e^(z_ij − max_j z_ij) / Σ_k e^(z_ik − max_j z_ij)
              Subtracting the row maximum changes nothing mathematically (it cancels)
              but keeps every exponent ≤ 0, so e^z never overflows.
    Backward: dinputs_i = p_i ⊙ (dvalues_i − (dvalues_i · p_i))   for each row i,
              the Jacobian diag(p) − p pᵀ applied to the row's gradient.
    Shapes:   inputs and output (n_samples, n_classes).
    """

    def forward(self, inputs, training=True):
        self.inputs = as_array(inputs, self._where("forward"))
        check_ndim(self.inputs, 2, self._where("forward"), "inputs", "(n_samples, n_classes)")
        self.output = self.function(self.inputs)
        return self.output

    def function(self, x):
        exps = np.exp(x - x.max(axis=1, keepdims=True))
        return exps / exps.sum(axis=1, keepdims=True)

    def backward(self, dvalues):
        dvalues = self._check_dvalues(dvalues)
        p = self.output
        self.dinputs = p * (dvalues - (dvalues * p).sum(axis=1, keepdims=True))
        return self.dinputs


ACTIVATIONS = (Step, Linear, Sigmoid, Tanh, ReLU, LeakyReLU, ELU, Softmax)
