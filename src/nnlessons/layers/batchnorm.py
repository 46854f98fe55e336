"""Batch normalisation (Lesson 13)."""

import numpy as np

from ..i18n import register, tr
from ..validation import as_array, check_features, check_positive_int, check_range
from .base import Layer

register({
    "err.batchnorm_batch": {
        "en": "{where}: normalising over the batch needs at least 2 samples while training, got 1. "
              "In Model.fit this is an epoch's last mini-batch, when len(X) % batch_size == 1: pass "
              "drop_last=True to leave it out (or a batch_size that leaves more than one sample over). "
              "Calling forward yourself on one sample? Use forward(inputs, training=False).",
        "pt": "{where}: normalizar sobre o lote exige ao menos 2 amostras no treino, recebeu 1. "
              "No Model.fit este é o último minilote de uma época, quando len(X) % batch_size == 1: passe "
              "drop_last=True para deixá-lo de fora (ou um batch_size que deixe mais de uma amostra sobrando). "
              "Chamando forward você mesmo numa só amostra? Use forward(inputs, training=False).",
    },
})


class BatchNorm(Layer):
    """Batch normalisation of each feature (Lesson 13).

    Training:  μ = mean(inputs, axis=0),  σ² = var(inputs, axis=0)
               x̂ = (inputs − μ) / √(σ² + ε)
               output = γ · x̂ + β
               running_mean ← m·running_mean + (1 − m)·μ   (likewise running_var)
    Inference: the same with running_mean and running_var in place of μ and σ².
    Backward (inference): dinputs = dvalues · γ / √(running_var + ε)
    Backward (training): with g = dvalues · γ and n the batch size,
               dγ = Σ dvalues · x̂,   dβ = Σ dvalues
               dinputs = (n·g − Σg − x̂·Σ(g·x̂)) / (n·√(σ² + ε))
    Shapes:    inputs (n_samples, n_features); gamma, beta (1, n_features).
    """

    params = ("gamma", "beta")
    state = ("running_mean", "running_var")

    def __init__(self, n_features, momentum=0.9, epsilon=1e-5):
        where = f"BatchNorm(n_features={n_features!r})"
        self.n_features = check_positive_int(n_features, "n_features", where)
        self.momentum = float(check_range(momentum, "momentum", where, low=0, high=1, high_open=True))
        self.epsilon = float(check_range(epsilon, "epsilon", where, low=0, low_open=True))
        self.gamma = np.ones((1, n_features))
        self.beta = np.zeros((1, n_features))
        self.running_mean = np.zeros((1, n_features))
        self.running_var = np.ones((1, n_features))

    @classmethod
    def parameter_shapes(cls, n_features, **options):
        return dict.fromkeys((*cls.params, *cls.state), (1, n_features))

    def config(self):
        return {"n_features": self.n_features, "momentum": self.momentum, "epsilon": self.epsilon}

    def forward(self, inputs, training=True):
        inputs = as_array(inputs, self._where("forward"))
        check_features(inputs, self.n_features, self._where("forward"))
        if training:
            if len(inputs) < 2:
                raise ValueError(tr("err.batchnorm_batch", where=self._where("forward")))
            mean = inputs.mean(axis=0, keepdims=True)
            var = inputs.var(axis=0, keepdims=True)
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mean
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
        else:
            mean, var = self.running_mean, self.running_var
        self.used_batch_statistics = training
        self.inv_std = 1.0 / np.sqrt(var + self.epsilon)
        self.normalized = (inputs - mean) * self.inv_std
        self.output = self.gamma * self.normalized + self.beta
        return self.output

    def backward(self, dvalues):
        dvalues = self._check_dvalues(dvalues)
        self.dgamma = (dvalues * self.normalized).sum(axis=0, keepdims=True)
        self.dbeta = dvalues.sum(axis=0, keepdims=True)
        g = dvalues * self.gamma
        if not self.used_batch_statistics:   # μ, σ² were constants: a plain scaling
            self.dinputs = g * self.inv_std
            return self.dinputs
        n = len(dvalues)
        self.dinputs = (n * g - g.sum(axis=0, keepdims=True)
                        - self.normalized * (g * self.normalized).sum(axis=0, keepdims=True)
                        ) * self.inv_std / n
        return self.dinputs
