"""Pictures of training: decision boundaries and loss curves (Lessons 06, 07, 10).

- ``draw_decision_boundary(ax, predict_fn, X, y)``: colours the plane by the class a
  model predicts at each point (paler where it is less sure) and draws the samples on top;
- ``boundary_image(predict_fn, extent)``: only the coloured picture, as an RGB array, for
  an explorer that redraws it many times (``AxesImage.set_data``);
- ``draw_loss_curves(ax, history)``: one curve per key of a training history, e.g.
  ``model.fit(...).history`` or any ``{name: [value per epoch]}``.

Both draw on a matplotlib ``Axes`` the caller owns; words go through ``nnlessons.i18n``.
"""

import numpy as np

from ..i18n import register, tr
from .style import class_colors

__all__ = ["boundary_image", "draw_decision_boundary", "draw_loss_curves", "plane_extent"]

register({
    "training.epoch": {"en": "epoch", "pt": "época"},
    "training.loss": {"en": "loss", "pt": "perda"},
    "training.value": {"en": "value", "pt": "valor"},
    "training.curve.loss": {"en": "training loss", "pt": "perda no treino"},
    "training.curve.val_loss": {"en": "validation loss", "pt": "perda na validação"},
    "training.curve.accuracy": {"en": "training accuracy", "pt": "acurácia no treino"},
    "training.curve.val_accuracy": {"en": "validation accuracy", "pt": "acurácia na validação"},
    "training.curve.regularization_loss": {"en": "regularisation penalty", "pt": "penalidade de regularização"},
})

#: History keys whose legend text is translated (``training.curve.<key>``).
KNOWN_CURVES = ("loss", "val_loss", "accuracy", "val_accuracy", "regularization_loss")

def plane_extent(X, margin=0.1):
    """``(x_low, x_high, y_low, y_high)`` around the 2-D points X (n, 2), widened by
    ``margin`` times each range, so no sample sits on the border."""
    X = np.asarray(X, dtype=float)
    low, high = X.min(axis=0), X.max(axis=0)
    pad = margin * np.maximum(high - low, 1e-9)
    return (low[0] - pad[0], high[0] + pad[0], low[1] - pad[1], high[1] + pad[1])


def _class_probabilities(scores):
    """Model outputs as class probabilities (m, K): rows of K ≥ 2 scores are used as
    they are; a single column p (a sigmoid output) becomes the two columns 1 − p, p."""
    scores = np.asarray(scores, dtype=float)
    if scores.ndim == 1:
        scores = scores[:, None]
    if scores.shape[1] == 1:
        p = np.clip(scores[:, 0], 0.0, 1.0)
        return np.column_stack([1.0 - p, p])
    return scores


def boundary_image(predict_fn, extent, resolution=100, n_classes=None):
    """The decision regions of a 2-D classifier as an RGB image (resolution, resolution, 3).

    ``predict_fn(points)`` takes points (m, 2) and returns scores (m, K) (e.g. softmax
    probabilities) or one probability per point (m,) / (m, 1) (a sigmoid). Each pixel
    takes the colour of the class with the highest score, mixed with white:
        colour = (1 − α)·white + α·class colour,   α = 0.2 + 0.5·c,
    where c = (p_max − 1/K) / (1 − 1/K) is 0 for a coin toss and 1 for full confidence.
    Row 0 is the bottom of ``extent = (x_low, x_high, y_low, y_high)``: draw it with
    ``imshow(image, origin="lower", extent=extent)``.
    """
    xs = np.linspace(extent[0], extent[1], resolution)
    ys = np.linspace(extent[2], extent[3], resolution)
    grid = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)
    probabilities = _class_probabilities(predict_fn(grid))
    k = probabilities.shape[1] if n_classes is None else n_classes
    best = probabilities.argmax(axis=1)
    top = probabilities.max(axis=1)
    confidence = np.clip((top - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0) if k > 1 else np.ones_like(top)
    alpha = (0.2 + 0.5 * confidence)[:, None]
    image = (1.0 - alpha) + alpha * class_colors(k)[best]
    return image.reshape(resolution, resolution, 3)


def draw_decision_boundary(ax, predict_fn, X, y, resolution=100, extent=None, margin=0.1,
                           show_points=True, point_size=14):
    """Draw where a 2-D classifier predicts each class, with the samples on top (Lesson 07).

    ``predict_fn(points (m, 2))`` → scores (m, K), or (m,) / (m, 1) probabilities of class 1;
    ``X`` (n, 2) the samples, ``y`` their classes (indices (n,) or one-hot (n, K)).
    ``extent`` defaults to the samples' box widened by ``margin``. Returns
    ``(image, points)``: the ``AxesImage`` and the scatter (None without ``show_points``).
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    labels = y.argmax(axis=1) if y.ndim == 2 else y.astype(int)
    extent = plane_extent(X, margin) if extent is None else extent
    n_classes = max(int(labels.max()) + 1, 2)
    image = ax.imshow(boundary_image(predict_fn, extent, resolution), origin="lower", extent=extent,
                      aspect="auto", interpolation="bilinear")
    points = None
    if show_points:
        points = ax.scatter(X[:, 0], X[:, 1], c=class_colors(n_classes)[labels], s=point_size,
                            edgecolors="0.15", linewidths=0.4)
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    return image, points


def draw_loss_curves(ax, history, keys=None, labels=None, log=False, xlabel=None, ylabel=None):
    """One curve per entry of a training history (Lessons 06, 07, 10).

    ``history``: ``{name: [value per epoch]}``, e.g. ``model.fit(...).history``.
    ``keys``: which entries to draw (default: those whose name contains "loss", or all
    when none does). ``labels``: ``{name: legend text}``; known names (loss, val_loss,
    accuracy, val_accuracy, regularization_loss) are translated, others shown as they are.
    ``log``: a logarithmic y axis (losses that fall by factors read better).
    Returns the list of ``Line2D``, one per key.
    """
    history = getattr(history, "history", history)     # a History object or its dict
    if keys is None:
        keys = [key for key in history if "loss" in key] or list(history)
    labels = labels or {}
    lines = []
    for key in keys:
        values = np.asarray(history[key], dtype=float)
        label = labels.get(key)
        if label is None:
            label = tr(f"training.curve.{key}") if key in KNOWN_CURVES else str(key)
        (line,) = ax.plot(np.arange(1, len(values) + 1), values, label=label)
        lines.append(line)
    if log:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel if xlabel is not None else tr("training.epoch"))
    all_losses = all("loss" in key for key in keys)
    ax.set_ylabel(ylabel if ylabel is not None else tr("training.loss" if all_losses else "training.value"))
    ax.grid(alpha=0.3)
    if lines:
        ax.legend(fontsize=8)
    return lines
