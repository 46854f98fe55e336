"""Lesson 06, scaling the inputs: why standardising the taxi distance rounds the valley.

- ``curvatures(x)``: the curvatures along the two axes of the loss valley of the line
  fare ≈ w·x + b, the eigenvalues of its matrix of second derivatives;
- ``steps_to_bottom(losses, lowest)``: how many gradient-descent steps a run needed to
  come within a tolerance of the lowest loss.
"""

import numpy as np

from ...i18n import register

register({
    "gradient_descent.scaling.raw": {"en": "raw distance x (km)", "pt": "distância crua x (km)"},
    "gradient_descent.scaling.standardised": {"en": "standardised z = (x − μ) / σ",
                                              "pt": "padronizada z = (x − μ) / σ"},
    "gradient_descent.scaling.report": {
        "en": "{name}: curvatures {low:.2f} and {high:.2f} (ratio {ratio:.0f}); η = 1/{high:.2f} = {eta:.3f}; "
              "steps to the bottom: {steps}",
        "pt": "{name}: curvaturas {low:.2f} e {high:.2f} (razão {ratio:.0f}); η = 1/{high:.2f} = {eta:.3f}; "
              "passos até o fundo: {steps}",
    },
    "gradient_descent.scaling.back": {"en": "back in km", "pt": "de volta em km"},
})


def curvatures(x):
    """Curvatures of L(w, b) = mean((w·x + b − y)²) along its two main axes (Lesson 06).

    The second derivatives do not depend on y:
        H = 2 · [[mean(x²), mean(x)],
                 [mean(x),  1      ]]
    and its eigenvalues (``np.linalg.eigvalsh``, smallest first) are the curvatures
    along the valley's floor and across it.
    """
    x = np.asarray(x, dtype=float)
    hessian = 2 * np.array([[np.mean(x * x), np.mean(x)], [np.mean(x), 1.0]])
    return np.linalg.eigvalsh(hessian)


def steps_to_bottom(losses, lowest, tolerance=1e-3):
    """The first step k with losses[k] − lowest < tolerance, or None if the run never got there."""
    close = np.flatnonzero(np.asarray(losses) - lowest < tolerance)
    return int(close[0]) if len(close) else None
