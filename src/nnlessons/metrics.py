"""Error metrics: numbers people read, as opposed to the loss the network minimises (Lesson 05).

Per-class counts from a confusion matrix (precision, recall, F1) come in Lesson 15.
"""

import numpy as np

from .i18n import register, tr
from .validation import as_array

TASKS = ("classification", "binary", "sign", "regression")

register({
    "err.accuracy_task": {
        "en": "accuracy: unknown task {task!r}; expected one of {tasks}.",
        "pt": "accuracy: tarefa desconhecida {task!r}; esperava uma de {tasks}.",
    },
    "err.confusion_square": {
        "en": "{where}: expected a confusion matrix, a square 2-D array of counts (rows = true class, "
              "columns = predicted class), got shape {shape}.",
        "pt": "{where}: esperava uma matriz de confusão, um array 2-D quadrado de contagens (linhas = "
              "classe verdadeira, colunas = classe prevista), recebeu formato {shape}.",
    },
    "err.confusion_counts": {
        "en": "{where}: a confusion matrix holds counts, whole numbers ≥ 0, but entry {index} is {value}. "
              "Pass the counts themselves, not fractions or differences.",
        "pt": "{where}: uma matriz de confusão guarda contagens, números inteiros ≥ 0, mas a entrada "
              "{index} vale {value}. Passe as próprias contagens, não frações nem diferenças.",
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


def _confusion_counts(matrix, where):
    """``matrix`` as a float array after checking it is a square matrix of counts."""
    matrix = as_array(matrix, where, "matrix")
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(tr("err.confusion_square", where=where, shape=matrix.shape))
    bad = np.argwhere((matrix < 0) | (matrix != np.round(matrix)))
    if len(bad):
        index = tuple(int(i) for i in bad[0])
        raise ValueError(tr("err.confusion_counts", where=where, index=index, value=matrix[index]))
    return matrix


def _ratio(right, total):
    """right / total element-wise, and 0 where total is 0 (nothing to be right about)."""
    return np.divide(right, total, out=np.zeros_like(right), where=total > 0)


def precision(matrix):
    """Per-class precision from a confusion matrix M (rows = true, columns = predicted; Lesson 15).

    precision_c = M[c, c] / Σ_t M[t, c]   of the samples predicted c, the fraction truly c
    A class never predicted gets 0. Shapes: matrix (k, k) -> (k,).
    """
    matrix = _confusion_counts(matrix, "precision")
    return _ratio(np.diag(matrix), matrix.sum(axis=0))


def recall(matrix):
    """Per-class recall from a confusion matrix M (rows = true, columns = predicted; Lesson 15).

    recall_c = M[c, c] / Σ_p M[c, p]   of the samples truly c, the fraction predicted c
    This is the "per-class accuracy". A class with no samples gets 0. Shapes: (k, k) -> (k,).
    """
    matrix = _confusion_counts(matrix, "recall")
    return _ratio(np.diag(matrix), matrix.sum(axis=1))


def f1_score(matrix):
    """Per-class F1 from a confusion matrix (Lesson 15): the harmonic mean of precision and recall,

    F1_c = 2 · P_c · R_c / (P_c + R_c) = 2 M[c, c] / (Σ_t M[t, c] + Σ_p M[c, p])
    (0 for a class with no samples and no predictions). Shapes: (k, k) -> (k,).
    """
    matrix = _confusion_counts(matrix, "f1_score")
    return _ratio(2 * np.diag(matrix), matrix.sum(axis=0) + matrix.sum(axis=1))
