"""Error metrics: numbers people read, as opposed to the loss the network minimises (Lesson 05)."""

import numpy as np

from .i18n import register, tr

TASKS = ("classification", "binary", "sign", "regression")

register({
    "err.accuracy_task": {
        "en": "accuracy: unknown task {task!r}; expected one of {tasks}.",
        "pt": "accuracy: tarefa desconhecida {task!r}; esperava uma de {tasks}.",
    },
})


def accuracy(y_pred, y_true, task="classification"):
    """Fraction of right answers, by the kind of task (Lesson 05).

    "classification": argmax of each row of y_pred equals the class (y_true holds
                      indices or one-hot rows)
    "binary":         (y_pred > 0.5) equals y_true (0 or 1), for sigmoid outputs
    "sign":           sign(y_pred) equals y_true (−1 or +1), for the hinge loss
    "regression":     |y_pred − y_true| < std(y_true) / 250, the book's "close enough"
    """
    y_pred, y_true = np.asarray(y_pred), np.asarray(y_true)
    if task == "classification":
        classes = y_true if y_true.ndim == 1 else y_true.argmax(axis=1)
        right = y_pred.argmax(axis=1) == classes
    elif task == "binary":
        right = (y_pred > 0.5) == (y_true > 0.5)
    elif task == "sign":
        right = np.where(y_pred >= 0, 1, -1) == y_true
    elif task == "regression":
        right = np.abs(y_pred - y_true) < np.std(y_true) / 250
    else:
        raise ValueError(tr("err.accuracy_task", task=task, tasks=", ".join(map(repr, TASKS))))
    return float(np.mean(right))


def mse(y_pred, y_true):
    """Mean squared error:  (1/N) Σ (y − ŷ)²  over every value."""
    return float(np.mean((np.asarray(y_true) - np.asarray(y_pred)) ** 2))


def rmse(y_pred, y_true):
    """Root mean squared error:  √MSE, in the same units as the targets."""
    return float(np.sqrt(mse(y_pred, y_true)))


def mae(y_pred, y_true):
    """Mean absolute error:  (1/N) Σ |y − ŷ|."""
    return float(np.mean(np.abs(np.asarray(y_true) - np.asarray(y_pred))))


def log_mse(y_pred, y_true):
    """Mean squared logarithmic error:  (1/N) Σ (log(1 + y) − log(1 + ŷ))²,  for y, ŷ > −1.

    Judges relative error: being off by 10 on 1,000 costs far less than on 20.
    """
    return float(np.mean((np.log1p(np.asarray(y_true)) - np.log1p(np.asarray(y_pred))) ** 2))
