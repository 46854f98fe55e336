"""Finite-difference gradient checks (Lessons 06, 07).

The analytic gradient from ``backward`` is compared with the centred difference

    ∂f/∂x ≈ (f(x + h) − f(x − h)) / (2h)

for every entry of every array, and the two are compared with the relative error

    ‖analytic − numeric‖ / max(‖analytic‖ + ‖numeric‖, tiny)

which is about 1e−8 or smaller for a correct backward in float64, and near 1
for a wrong one. A layer is checked through the scalar f = Σ(output · upstream),
with a fixed random ``upstream`` gradient, so every output element matters.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Centred-difference gradient of the scalar function ``f()`` with respect to ``x``.

    ``x`` is changed in place, one entry at a time, and restored afterwards, so
    ``f`` can read it from wherever it lives (a layer's weights, an input array).
    """
    grad = np.zeros_like(x, dtype=np.float64)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        f_plus = f()
        x[index] = original - h
        f_minus = f()
        x[index] = original
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad


def relative_error(analytic, numeric):
    """‖a − n‖ / max(‖a‖ + ‖n‖, 1e−12): ≈ 0 when the two gradients agree."""
    analytic, numeric = np.asarray(analytic, dtype=np.float64), np.asarray(numeric, dtype=np.float64)
    scale = max(np.linalg.norm(analytic) + np.linalg.norm(numeric), 1e-12)
    return float(np.linalg.norm(analytic - numeric) / scale)


def check_layer(layer, inputs, seed=0, h=1e-5, training=True):
    """Relative errors of a layer's gradients: ``{"inputs": e, "weights": e, ...}``.

    f = Σ(layer.forward(inputs) · upstream); analytic gradients from
    ``layer.backward(upstream)``, numeric ones from ``numerical_gradient``.
    A layer with its own random generator ``rng`` (Dropout) gets it reset before
    every forward, so all passes use the same mask.
    """
    inputs = np.array(inputs, dtype=np.float64)
    rng_state = layer.rng.bit_generator.state if hasattr(layer, "rng") else None

    def forward():
        if rng_state is not None:
            layer.rng.bit_generator.state = rng_state
        return layer.forward(inputs, training=training)

    upstream = np.random.default_rng(seed).standard_normal(forward().shape)
    forward()
    analytic = {"inputs": layer.backward(upstream).copy()}
    analytic.update({name: getattr(layer, "d" + name).copy() for name in layer.params})

    def f():
        return float(np.sum(forward() * upstream))

    errors = {"inputs": relative_error(analytic["inputs"], numerical_gradient(f, inputs, h))}
    for name in layer.params:
        errors[name] = relative_error(analytic[name], numerical_gradient(f, getattr(layer, name), h))
    return errors


def check_loss(loss, y_pred, y_true, h=1e-5):
    """Relative error of ``loss.backward`` against the numeric gradient of ``loss.calculate``."""
    y_pred = np.array(y_pred, dtype=np.float64)
    analytic = loss.backward(y_pred, y_true).copy()
    numeric = numerical_gradient(lambda: loss.calculate(y_pred, y_true), y_pred, h)
    return relative_error(analytic, numeric)


def check_model(model, X, y, h=1e-5):
    """Relative errors of every parameter gradient of a model: ``{"layer0.weights": e, ...}``.

    f = mean data loss + regularisation penalty, the quantity training minimises.
    """
    def f():
        return model.loss.calculate(model.forward(X, training=True), y) + model.regularization_loss()

    model.backward(model.forward(X, training=True), y)
    errors = {}
    for i, layer in enumerate(model.layers):
        for name in layer.params:
            analytic = getattr(layer, "d" + name).copy()
            errors[f"layer{i}.{name}"] = relative_error(analytic, numerical_gradient(f, getattr(layer, name), h))
    return errors
