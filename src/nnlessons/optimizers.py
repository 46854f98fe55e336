"""Optimizers: how the gradient becomes a change of the parameters (Lessons 06 and 08).

``step(layers)`` updates every parameter named in each layer's ``params`` from
its gradient ``d<name>``, then counts one iteration. Before each step

    current_learning_rate = learning_rate / (1 + decay · iterations)

An optimizer keeps its memory (momenta, caches) in ``self.state[layer][name]``,
never as attributes pasted onto the layers. Defaults follow the *Neural Networks
from Scratch* book.
"""

import numpy as np

from .validation import check_range


class Optimizer:
    """Learning-rate decay, the iteration count and the loop over parameters."""

    slots = ()   # names of the arrays ``update`` keeps in each parameter's memory

    def __init__(self, learning_rate, decay):
        where = f"{type(self).__name__}(learning_rate={learning_rate!r})"
        self.learning_rate = float(check_range(learning_rate, "learning_rate", where, low=0, low_open=True))
        self.decay = float(check_range(decay, "decay", where, low=0))
        self.current_learning_rate = self.learning_rate
        self.iterations = 0
        self.state = {}

    def config(self):
        return {"learning_rate": self.learning_rate, "decay": self.decay}

    def __repr__(self):
        args = ", ".join(f"{key}={value!r}" for key, value in self.config().items())
        return f"{type(self).__name__}({args})"

    def step(self, layers):
        """Update every trainable parameter of ``layers`` once."""
        self.current_learning_rate = self.learning_rate / (1.0 + self.decay * self.iterations)
        for layer in layers:
            if not layer.params:
                continue
            memory = self.state.setdefault(layer, {})
            for name in layer.params:
                value, gradient = getattr(layer, name), getattr(layer, "d" + name)
                value += self.update(gradient, memory.setdefault(name, {}))
        self.iterations += 1

    def update(self, gradient, memory):
        """The change to add to one parameter; ``memory`` is that parameter's own state."""
        raise NotImplementedError


class SGD(Optimizer):
    """Stochastic gradient descent, with optional momentum (Lessons 06 and 08).

    Without momentum: Δθ = −η·g
    With momentum μ:  v ← μ·v − η·g,  Δθ = v     (v starts at 0)
    η is current_learning_rate, g the gradient.
    """

    def __init__(self, learning_rate=1.0, decay=0.0, momentum=0.0):
        super().__init__(learning_rate, decay)
        self.momentum = float(check_range(momentum, "momentum", f"SGD(momentum={momentum!r})", low=0, high=1, high_open=True))

    @property
    def slots(self):
        return ("velocity",) if self.momentum else ()

    def config(self):
        return {**super().config(), "momentum": self.momentum}

    def update(self, gradient, memory):
        if not self.momentum:
            return -self.current_learning_rate * gradient
        velocity = self.momentum * memory.get("velocity", 0.0) - self.current_learning_rate * gradient
        memory["velocity"] = velocity
        return velocity


class Adagrad(Optimizer):
    """AdaGrad: a learning rate per parameter that shrinks with its history (Lesson 09).

    cache ← cache + g²
    Δθ = −η·g / (√cache + ε)
    """

    slots = ("cache",)

    def __init__(self, learning_rate=1.0, decay=0.0, epsilon=1e-7):
        super().__init__(learning_rate, decay)
        self.epsilon = float(check_range(epsilon, "epsilon", "Adagrad", low=0, low_open=True))

    def config(self):
        return {**super().config(), "epsilon": self.epsilon}

    def update(self, gradient, memory):
        memory["cache"] = memory.get("cache", 0.0) + gradient ** 2
        return -self.current_learning_rate * gradient / (np.sqrt(memory["cache"]) + self.epsilon)


class RMSprop(Optimizer):
    """RMSProp: AdaGrad with a moving average instead of a sum (Lesson 09).

    cache ← ρ·cache + (1 − ρ)·g²
    Δθ = −η·g / (√cache + ε)
    """

    slots = ("cache",)

    def __init__(self, learning_rate=0.001, decay=0.0, epsilon=1e-7, rho=0.9):
        super().__init__(learning_rate, decay)
        self.epsilon = float(check_range(epsilon, "epsilon", "RMSprop", low=0, low_open=True))
        self.rho = float(check_range(rho, "rho", "RMSprop", low=0, high=1, high_open=True))

    def config(self):
        return {**super().config(), "epsilon": self.epsilon, "rho": self.rho}

    def update(self, gradient, memory):
        memory["cache"] = self.rho * memory.get("cache", 0.0) + (1 - self.rho) * gradient ** 2
        return -self.current_learning_rate * gradient / (np.sqrt(memory["cache"]) + self.epsilon)


class Adam(Optimizer):
    """Adam: momentum plus RMSProp, with bias correction (Lesson 09).

    m ← β1·m + (1 − β1)·g          v ← β2·v + (1 − β2)·g²
    m̂ = m / (1 − β1^t)             v̂ = v / (1 − β2^t)      (t = iterations + 1)
    Δθ = −η·m̂ / (√v̂ + ε)
    """

    slots = ("m", "v")

    def __init__(self, learning_rate=0.001, decay=0.0, epsilon=1e-7, beta_1=0.9, beta_2=0.999):
        super().__init__(learning_rate, decay)
        self.epsilon = float(check_range(epsilon, "epsilon", "Adam", low=0, low_open=True))
        self.beta_1 = float(check_range(beta_1, "beta_1", "Adam", low=0, high=1, high_open=True))
        self.beta_2 = float(check_range(beta_2, "beta_2", "Adam", low=0, high=1, high_open=True))

    def config(self):
        return {**super().config(), "epsilon": self.epsilon, "beta_1": self.beta_1, "beta_2": self.beta_2}

    def update(self, gradient, memory):
        t = self.iterations + 1
        memory["m"] = self.beta_1 * memory.get("m", 0.0) + (1 - self.beta_1) * gradient
        memory["v"] = self.beta_2 * memory.get("v", 0.0) + (1 - self.beta_2) * gradient ** 2
        m_hat = memory["m"] / (1 - self.beta_1 ** t)
        v_hat = memory["v"] / (1 - self.beta_2 ** t)
        return -self.current_learning_rate * m_hat / (np.sqrt(v_hat) + self.epsilon)


OPTIMIZERS = (SGD, Adagrad, RMSprop, Adam)
