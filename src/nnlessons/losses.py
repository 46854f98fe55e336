"""Loss functions (Lesson 05), their gradients (Lesson 07) and regularisation (Lesson 12).

Every loss has
    forward(y_pred, y_true)    → the loss of each sample, shape (n_samples,)
    calculate(y_pred, y_true)  → their mean, the number training minimises
    backward(y_pred, y_true)   → self.dinputs, the gradient of that mean w.r.t. y_pred
Predictions and targets are checked once, with errors that say how to fix them.
"""

import numpy as np

from .i18n import register, tr
from .validation import (Where, as_array, as_targets, check_ndim, check_probabilities, check_range,
                         check_same_length)

register({
    "err.target_shape": {
        "en": "{where}: y_pred has shape {pred} but y_true has shape {true}; they must match.{hint}",
        "pt": "{where}: y_pred tem formato {pred} mas y_true tem formato {true}; eles devem ser iguais.{hint}",
    },
    "hint.target_column": {
        "en": " Try y_true.reshape(-1, 1).",
        "pt": " Tente y_true.reshape(-1, 1).",
    },
    "hint.labels_column": {
        "en": " These look like class labels in a column; flatten them with y_true.ravel() "
              "(before fit: y.ravel()).",
        "pt": " Parecem rótulos de classe numa coluna; achate-os com y_true.ravel() "
              "(antes do fit: y.ravel()).",
    },
    "err.one_hot": {
        "en": "{where}: one-hot rows of y_true must hold 0s and a single 1, got values {values} "
              "and rows summing from {sum_low:g} to {sum_high:g}. For class indices pass a 1-D array "
              "of whole numbers, e.g. y_true.argmax(axis=1).",
        "pt": "{where}: as linhas one-hot de y_true devem conter 0s e um único 1, recebeu os valores {values} "
              "e linhas somando de {sum_low:g} a {sum_high:g}. Para índices de classe passe um array 1-D "
              "de inteiros, por exemplo y_true.argmax(axis=1).",
    },
    "err.class_index": {
        "en": "{where}: class indices in y_true must be whole numbers from 0 to {last}, got values from {low} to {high}.",
        "pt": "{where}: os índices de classe em y_true devem ser inteiros de 0 a {last}, recebeu valores de {low} a {high}.",
    },
    "err.hinge_targets": {
        "en": "{where}: hinge loss needs targets −1 or +1, got values {values}. For 0/1 labels use 2 * y_true - 1.",
        "pt": "{where}: a perda hinge precisa de alvos −1 ou +1, recebeu os valores {values}. Para rótulos 0/1 use 2 * y_true - 1.",
    },
})

CLIP = 1e-7   # keeps log() away from log(0) = −∞ in the cross-entropies


class Loss:
    """Shared mean, input checks and readable repr of every loss."""

    task = "regression"   # what accuracy means for this loss: see nnlessons.metrics

    def calculate(self, y_pred, y_true):
        """Mean loss over the samples:  L = (1/n) Σ_i L_i."""
        return float(np.mean(self.forward(y_pred, y_true)))

    def __repr__(self):
        args = ", ".join(f"{key}={value!r}" for key, value in self.config().items())
        return f"{type(self).__name__}({args})"

    def config(self):
        return {}

    def _check(self, y_pred, y_true, method):
        """Both as finite float arrays of the same shape (n_samples, n_outputs)."""
        where = Where(self, method)
        y_pred = as_array(y_pred, where, "y_pred")
        y_true = as_array(y_true, where, "y_true")
        if y_pred.shape != y_true.shape:
            hint = tr("hint.target_column") if y_pred.shape == (len(y_true), 1) and y_true.ndim == 1 else ""
            raise ValueError(tr("err.target_shape", where=where, pred=y_pred.shape, true=y_true.shape, hint=hint))
        check_ndim(y_pred, 2, where, "y_pred", "(n_samples, n_outputs)")
        return y_pred, y_true


class MeanSquaredError(Loss):
    """Mean squared error (Lesson 05).

    Per sample: L_i = (1/k) Σ_j (y_ij − ŷ_ij)²       (k outputs)
    Gradient:   ∂L/∂ŷ_ij = −2 (y_ij − ŷ_ij) / (k·n)
    """

    def forward(self, y_pred, y_true):
        y_pred, y_true = self._check(y_pred, y_true, "forward")
        return np.mean((y_true - y_pred) ** 2, axis=-1)

    def backward(self, y_pred, y_true):
        y_pred, y_true = self._check(y_pred, y_true, "backward")
        self.dinputs = -2 * (y_true - y_pred) / y_pred.size
        return self.dinputs


class MeanAbsoluteError(Loss):
    """Mean absolute error (Lesson 05).

    Per sample: L_i = (1/k) Σ_j |y_ij − ŷ_ij|
    Gradient:   ∂L/∂ŷ_ij = −sign(y_ij − ŷ_ij) / (k·n)
    """

    def forward(self, y_pred, y_true):
        y_pred, y_true = self._check(y_pred, y_true, "forward")
        return np.mean(np.abs(y_true - y_pred), axis=-1)

    def backward(self, y_pred, y_true):
        y_pred, y_true = self._check(y_pred, y_true, "backward")
        self.dinputs = -np.sign(y_true - y_pred) / y_pred.size
        return self.dinputs


class Huber(Loss):
    """Huber loss (Lesson 05): squared near the target, absolute far from it.

    With e = ŷ − y:  ℓ(e) = ½e²             if |e| ≤ δ
                     ℓ(e) = δ(|e| − ½δ)     otherwise
    Per sample: L_i = (1/k) Σ_j ℓ(e_ij)
    Gradient:   ∂L/∂ŷ_ij = clip(e_ij, −δ, δ) / (k·n)
    """

    def __init__(self, delta=1.0):
        self.delta = float(check_range(delta, "delta", f"Huber(delta={delta!r})", low=0, low_open=True))

    def config(self):
        return {"delta": self.delta}

    def forward(self, y_pred, y_true):
        y_pred, y_true = self._check(y_pred, y_true, "forward")
        error = np.abs(y_pred - y_true)
        per_value = np.where(error <= self.delta, 0.5 * error ** 2, self.delta * (error - 0.5 * self.delta))
        return np.mean(per_value, axis=-1)

    def backward(self, y_pred, y_true):
        y_pred, y_true = self._check(y_pred, y_true, "backward")
        self.dinputs = np.clip(y_pred - y_true, -self.delta, self.delta) / y_pred.size
        return self.dinputs


class Hinge(Loss):
    """Hinge loss for two classes labelled −1 and +1 (Lesson 05), as in support vector machines.

    Per sample: L_i = (1/k) Σ_j max(0, 1 − y_ij · ŷ_ij)
    Gradient:   ∂L/∂ŷ_ij = −y_ij / (k·n)  where y_ij · ŷ_ij < 1, else 0
    A prediction on the right side by a margin of at least 1 costs nothing.
    """

    task = "sign"

    def _check(self, y_pred, y_true, method):
        y_pred, y_true = super()._check(y_pred, y_true, method)
        if not np.all(np.abs(y_true) == 1):
            raise ValueError(tr("err.hinge_targets", where=Where(self, method), values=np.unique(y_true)[:5]))
        return y_pred, y_true

    def forward(self, y_pred, y_true):
        y_pred, y_true = self._check(y_pred, y_true, "forward")
        return np.mean(np.maximum(0, 1 - y_true * y_pred), axis=-1)

    def backward(self, y_pred, y_true):
        y_pred, y_true = self._check(y_pred, y_true, "backward")
        self.dinputs = np.where(y_true * y_pred < 1, -y_true, 0.0) / y_pred.size
        return self.dinputs


class BinaryCrossEntropy(Loss):
    """Binary cross-entropy (Lesson 05), for sigmoid outputs: one or more yes/no answers.

    Per sample: L_i = −(1/k) Σ_j [y_ij·log(p_ij) + (1 − y_ij)·log(1 − p_ij)]
    Gradient:   ∂L/∂p_ij = −(y_ij / p_ij − (1 − y_ij) / (1 − p_ij)) / (k·n)
    p is clipped to [1e−7, 1 − 1e−7] first, because log(0) = −∞.
    """

    task = "binary"

    def _check(self, y_pred, y_true, method):
        y_pred, y_true = super()._check(y_pred, y_true, method)
        check_probabilities(y_pred, Where(self, method))
        return y_pred, y_true

    def forward(self, y_pred, y_true):
        y_pred, y_true = self._check(y_pred, y_true, "forward")
        p = np.clip(y_pred, CLIP, 1 - CLIP)
        return -np.mean(y_true * np.log(p) + (1 - y_true) * np.log(1 - p), axis=-1)

    def backward(self, y_pred, y_true):
        y_pred, y_true = self._check(y_pred, y_true, "backward")
        p = np.clip(y_pred, CLIP, 1 - CLIP)
        self.dinputs = -(y_true / p - (1 - y_true) / (1 - p)) / y_pred.size
        return self.dinputs


class CategoricalCrossEntropy(Loss):
    """Categorical cross-entropy (Lesson 05), for softmax outputs over classes.

    Per sample: L_i = −Σ_j y_ij · log(p_ij) = −log(p_i,c)   (c: the true class)
    Gradient:   ∂L/∂p_ij = −y_ij / (p_ij · n)
    Targets: class indices, shape (n_samples,), or one-hot rows, shape (n_samples, n_classes).
    p is clipped to [1e−7, 1 − 1e−7] first, because log(0) = −∞.
    After a Softmax, use ``SoftmaxCategoricalCrossEntropy`` for the gradient: it is
    exact and much simpler.
    """

    task = "classification"

    def one_hot(self, y_pred, y_true, method):
        """Checked predictions (one probability distribution per row) and targets, as
        one-hot rows of the same shape."""
        where = Where(self, method)
        y_pred = as_array(y_pred, where, "y_pred")
        check_ndim(y_pred, 2, where, "y_pred", "(n_samples, n_classes)")
        check_probabilities(y_pred, where, rows=True)
        y_true = as_targets(y_true, where, "y_true")
        if y_true.ndim == 1:
            check_same_length(y_pred, y_true, where)
            n_classes = y_pred.shape[1]
            whole = y_true.dtype.kind in "iub" or np.array_equal(y_true, np.round(y_true))
            if not whole or (len(y_true) and (y_true.min() < 0 or y_true.max() >= n_classes)):
                raise ValueError(tr("err.class_index", where=where, last=n_classes - 1,
                                    low=y_true.min(), high=y_true.max()))
            return y_pred, np.eye(n_classes)[y_true.astype(int)]
        if y_true.shape == (len(y_pred), 1) and y_pred.shape[1] > 1:
            raise ValueError(tr("err.target_shape", where=where, pred=y_pred.shape, true=y_true.shape,
                                hint=tr("hint.labels_column")))
        y_pred, y_true = self._check(y_pred, y_true, method)
        sums = y_true.sum(axis=1)
        if not (np.all((y_true == 0) | (y_true == 1)) and np.all(sums == 1)):
            raise ValueError(tr("err.one_hot", where=where, values=np.unique(y_true)[:6],
                                sum_low=sums.min(), sum_high=sums.max()))
        return y_pred, y_true

    def forward(self, y_pred, y_true):
        y_pred, y_true = self.one_hot(y_pred, y_true, "forward")
        p = np.clip(y_pred, CLIP, 1 - CLIP)
        return -np.log(np.sum(p * y_true, axis=1))

    def backward(self, y_pred, y_true):
        y_pred, y_true = self.one_hot(y_pred, y_true, "backward")
        self.dinputs = -y_true / np.clip(y_pred, CLIP, 1 - CLIP) / len(y_pred)
        return self.dinputs


class SoftmaxCategoricalCrossEntropy(CategoricalCrossEntropy):
    """Softmax followed by categorical cross-entropy, with the combined gradient (Lesson 07).

    ``forward`` and ``calculate`` take the softmax *probabilities* p, like
    CategoricalCrossEntropy. ``backward`` returns the gradient with respect to the
    softmax *inputs* z (the logits), where the chain rule collapses to
        ∂L/∂z_ij = (p_ij − y_ij) / n
    exact, cheaper than the two separate backward passes, and free of any
    division by a tiny p.
    """

    def backward(self, y_pred, y_true):
        y_pred, y_true = self.one_hot(y_pred, y_true, "backward")
        self.dinputs = (y_pred - y_true) / len(y_pred)
        return self.dinputs


PENALTIES = (("weights", "weight_l1", "weight_l2"), ("biases", "bias_l1", "bias_l2"))


def regularization_loss(layers):
    """The L1 and L2 penalties of every layer that has them (Lesson 12).

    R = Σ_layers  λ1_w·Σ|w| + λ2_w·Σw² + λ1_b·Σ|b| + λ2_b·Σb²
    Added to the data loss, it pulls weights toward zero.
    """
    total = 0.0
    for layer in layers:
        for param, l1_name, l2_name in PENALTIES:
            l1, l2 = getattr(layer, l1_name, 0.0), getattr(layer, l2_name, 0.0)
            if l1:
                total += l1 * np.sum(np.abs(getattr(layer, param)))
            if l2:
                total += l2 * np.sum(getattr(layer, param) ** 2)
    return float(total)


def is_regularised(layers):
    """True when any layer has a non-zero L1 or L2 coefficient."""
    return any(getattr(layer, name, 0.0) for layer in layers for _, *names in PENALTIES for name in names)


LOSSES = (MeanSquaredError, MeanAbsoluteError, Huber, Hinge, BinaryCrossEntropy,
          CategoricalCrossEntropy, SoftmaxCategoricalCrossEntropy)
