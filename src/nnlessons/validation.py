"""Input checks shared by the whole engine, with errors that teach (Lesson 02).

Every public entry point checks its arguments once, here, and cheaply; a failed
check raises ``ValueError`` naming where it happened, what was expected, what was
received and, where one exists, the fix (a transpose, a reshape, a range).
Messages follow the lesson language chosen with ``nnlessons.i18n.set_language``.
"""

import contextlib
import contextvars
import math

import numpy as np

from .i18n import register, tr

#: True inside ``trusted_arrays()``: see there.
_TRUSTED = contextvars.ContextVar("nnlessons_trusted_arrays", default=False)
#: True inside ``trusted_arrays(probabilities=True)``: see there.
_TRUSTED_PROBABILITIES = contextvars.ContextVar("nnlessons_trusted_probabilities", default=False)

#: How far a probability may stray from [0, 1], and a row's sum from 1, before it is refused:
#: float32 rounding and a finite-difference step (1e-5) stay well inside it, logits do not.
PROBABILITY_TOLERANCE = 1e-3

class Where:
    """Names the call an error happened in, e.g. ``Dense(n_inputs=3, n_neurons=4).forward``.

    The text is only built when an error message needs it, so checking valid
    input costs nothing extra.
    """

    __slots__ = ("owner", "method")

    def __init__(self, owner, method):
        self.owner, self.method = owner, method

    def __str__(self):
        return f"{self.owner!r}.{self.method}"



register({
    "err.not_numeric": {
        "en": "{where}: expected a numeric array for {name}, got dtype {dtype}.",
        "pt": "{where}: esperava um array numérico em {name}, recebeu dtype {dtype}.",
    },
    "err.not_finite": {
        "en": "{where}: {name} contains NaN or infinity. Clean the data first; if this "
              "happened during training, the network diverged: try a smaller learning rate.",
        "pt": "{where}: {name} contém NaN ou infinito. Limpe os dados antes; se isso "
              "aconteceu durante o treino, a rede divergiu: tente uma taxa de aprendizado menor.",
    },
    "err.ndim": {
        "en": "{where}: expected {name} of shape {expected}, got shape {got} ({got_ndim} dimension(s)).{hint}",
        "pt": "{where}: esperava {name} de formato {expected}, recebeu formato {got} ({got_ndim} dimensão(ões)).{hint}",
    },
    "err.features": {
        "en": "{where}: expected {name} of shape {expected}, got {got}.{hint}",
        "pt": "{where}: esperava {name} de formato {expected}, recebeu {got}.{hint}",
    },
    "hint.transpose": {
        "en": " Your array looks transposed; try {name}.T.",
        "pt": " Seu array parece transposto; tente {name}.T.",
    },
    "hint.reshape_column": {
        "en": " If your data has a single feature, use {name}.reshape(-1, 1).",
        "pt": " Se seus dados têm uma única característica, use {name}.reshape(-1, 1).",
    },
    "hint.reshape_row": {
        "en": " If this is one sample, use {name}.reshape(1, -1).",
        "pt": " Se isto é uma única amostra, use {name}.reshape(1, -1).",
    },
    "err.same_length": {
        "en": "{where}: {name_a} has {len_a} samples but {name_b} has {len_b}; every sample needs its target.",
        "pt": "{where}: {name_a} tem {len_a} amostras mas {name_b} tem {len_b}; cada amostra precisa do seu alvo.",
    },
    "err.range": {
        "en": "{where}: {name} must be {allowed}, got {value!r}.",
        "pt": "{where}: {name} deve ser {allowed}, recebeu {value!r}.",
    },
    "err.ragged": {
        "en": "{where}: {name} is a ragged list: {detail}. Every sample needs the same number of "
              "values; fill in or remove the odd rows before making an array.",
        "pt": "{where}: {name} é uma lista irregular: {detail}. Toda amostra precisa do mesmo número "
              "de valores; complete ou retire as linhas diferentes antes de fazer um array.",
    },
    "ragged.rows": {
        "en": "row 0 has {first} value(s) but row {row} has {other}",
        "pt": "a linha 0 tem {first} valor(es) mas a linha {row} tem {other}",
    },
    "ragged.nested": {
        "en": "its rows hold lists of different lengths",
        "pt": "suas linhas contêm listas de tamanhos diferentes",
    },
    "err.text_labels": {
        "en": "{where}: {name} holds text labels such as {example!r}, but a network learns from numbers. "
              "Turn each label into a class number 0, 1, 2, ... first: "
              "classes, {name} = np.unique({name}, return_inverse=True).",
        "pt": "{where}: {name} contém rótulos de texto como {example!r}, mas uma rede aprende com números. "
              "Transforme cada rótulo num número de classe 0, 1, 2, ... antes: "
              "classes, {name} = np.unique({name}, return_inverse=True).",
    },
    "err.empty": {
        "en": "{where}: {name} has no samples (shape {shape}); give it at least one.",
        "pt": "{where}: {name} não tem amostras (formato {shape}); passe ao menos uma.",
    },
})


@contextlib.contextmanager
def trusted_arrays(probabilities=False):
    """Inside this block ``as_array`` takes float arrays as they are, without scanning
    them for NaN (Lesson 07).

    ``Model.fit`` and ``Model.predict`` check their data once and then run the layers
    in this block: what flows from layer to layer comes from the engine itself, and
    scanning it again in every layer of every step cost a fifth of a small network's
    training time. Shape checks still run, so a wrong ``n_inputs`` still gets its
    teaching error; ``fit`` checks the loss of every step instead (divergence).
    With ``probabilities=True`` (a model ending in the engine's ``Softmax``, whose rows
    are probability distributions by construction) ``check_probabilities`` does not
    scan them either; without it, a cross-entropy fed logits is still caught.
    Per thread (a context variable): a layer called directly elsewhere is checked.
    """
    token = _TRUSTED.set(True)
    rows_token = _TRUSTED_PROBABILITIES.set(probabilities)
    try:
        yield
    finally:
        _TRUSTED_PROBABILITIES.reset(rows_token)
        _TRUSTED.reset(token)


def as_array(values, where, name="inputs"):
    """Return ``values`` as a finite floating NumPy array, or raise a teaching error.

    Lists and integer arrays become float64; float32 (or any float dtype) is kept.
    The finiteness check is one reduction (a sum); only when the sum is not finite
    do we look element by element, so valid data pays almost nothing. Inside
    ``trusted_arrays()`` a float array is returned as it is.
    """
    if _TRUSTED.get() and isinstance(values, np.ndarray) and values.dtype.kind == "f":
        return values
    array = to_array(values, where, name)
    check_numeric(array, where, name)
    if array.dtype.kind != "f":
        array = array.astype(np.float64)
    check_finite(array, where, name)
    return array


def to_array(values, where, name):
    """``np.asarray(values)``, with a teaching error for a ragged list (rows of different lengths)."""
    try:
        return np.asarray(values)
    except ValueError:
        raise ValueError(tr("err.ragged", where=where, name=name, detail=_ragged_detail(values))) from None


def _ragged_detail(values):
    """Which row breaks the pattern: "row 0 has 2 value(s) but row 3 has 1"."""
    lengths = [len(row) if hasattr(row, "__len__") else 1 for row in values]
    for row, length in enumerate(lengths):
        if length != lengths[0]:
            return tr("ragged.rows", first=lengths[0], row=row, other=length)
    return tr("ragged.nested")


def as_targets(values, where, name="y"):
    """Return targets as a numeric NumPy array, or raise a teaching error (Lessons 05, 07).

    Unlike ``as_array`` the dtype is kept, so class indices stay whole numbers; text
    labels ("cat", "dog") get the ``np.unique`` recipe that turns them into classes.
    Inside ``trusted_arrays()`` a numeric array is returned as it is (fit checked it).
    """
    if _TRUSTED.get() and isinstance(values, np.ndarray) and values.dtype.kind in "fiub":
        return values
    array = to_array(values, where, name)
    if array.dtype.kind in "US" and array.size:
        raise ValueError(tr("err.text_labels", where=where, name=name, example=str(array.flat[0])))
    check_numeric(array, where, name)
    check_finite(array, where, name)
    return array


def check_numeric(array, where, name):
    """Raise unless ``array`` holds numbers (floats, integers or booleans)."""
    if array.dtype.kind not in "fiub":
        raise ValueError(tr("err.not_numeric", where=where, name=name, dtype=array.dtype))


def check_finite(array, where, name):
    """Raise if ``array`` holds NaN or ±infinity: one sum, then a full look only if it is not finite."""
    if not np.isfinite(array.sum()) and not np.isfinite(array).all():
        raise ValueError(tr("err.not_finite", where=where, name=name))


def check_not_empty(array, where, name):
    """Raise unless ``array`` holds at least one sample (first axis)."""
    if array.ndim == 0 or len(array) == 0:
        raise ValueError(tr("err.empty", where=where, name=name, shape=array.shape))


def check_probabilities(y_pred, where, rows=False):
    """Raise unless every value of ``y_pred`` is a probability in [0, 1] and, with ``rows``,
    every row is a distribution summing to 1 (both within ``PROBABILITY_TOLERANCE``) (Lesson 05).

    The cross-entropies take logs of these values: fed raw scores they still return a
    number, a wrong one, and training goes nowhere without any error. Skipped inside
    ``trusted_arrays(probabilities=True)``.
    """
    if _TRUSTED_PROBABILITIES.get() or y_pred.size == 0:
        return
    low, high = y_pred.min(), y_pred.max()
    in_range = low >= -PROBABILITY_TOLERANCE and high <= 1 + PROBABILITY_TOLERANCE
    if not rows:
        if not in_range:
            raise ValueError(tr("err.probabilities", where=where, low=low, high=high))
        return
    sums = y_pred.sum(axis=1)
    if not in_range or np.abs(sums - 1).max() > PROBABILITY_TOLERANCE:
        raise ValueError(tr("err.probability_rows", where=where, low=low, high=high,
                            sum_low=sums.min(), sum_high=sums.max()))


register({
    "err.probabilities": {
        "en": "{where}: y_pred must hold probabilities from 0 to 1, got values from {low:.4g} to {high:.4g}. "
              "These look like raw scores: did you forget the Sigmoid? End the network with Sigmoid().",
        "pt": "{where}: y_pred deve conter probabilidades de 0 a 1, recebeu valores de {low:.4g} a {high:.4g}. "
              "Parecem pontuações cruas: você esqueceu a Sigmoid? Termine a rede com Sigmoid().",
    },
    "err.probability_rows": {
        "en": "{where}: each row of y_pred must be a probability distribution (values from 0 to 1 "
              "summing to 1), got values from {low:.4g} to {high:.4g} and rows summing "
              "from {sum_low:.4g} to {sum_high:.4g}. These look like raw scores (logits): did you forget "
              "the Softmax? End the network with Softmax(), and Model uses the exact combined gradient "
              "of SoftmaxCategoricalCrossEntropy by itself; or give the loss Softmax().forward(y_pred).",
        "pt": "{where}: cada linha de y_pred deve ser uma distribuição de probabilidade (valores de 0 a 1 "
              "somando 1), recebeu valores de {low:.4g} a {high:.4g} e linhas somando de "
              "{sum_low:.4g} a {sum_high:.4g}. Parecem pontuações cruas (logits): você esqueceu a "
              "Softmax? Termine a rede com Softmax(), e o Model usa sozinho o gradiente exato combinado "
              "da SoftmaxCategoricalCrossEntropy; ou passe à perda Softmax().forward(y_pred).",
    },
})


def check_ndim(array, ndim, where, name, expected):
    """Raise unless ``array`` has ``ndim`` dimensions; ``expected`` describes the shape."""
    if array.ndim != ndim:
        hint = ""
        if ndim == 2 and array.ndim == 1:
            hint = tr("hint.reshape_row", name=name) + tr("hint.reshape_column", name=name)
        raise ValueError(tr("err.ndim", where=where, name=name, expected=expected,
                            got=array.shape, got_ndim=array.ndim, hint=hint))


def check_features(array, n_features, where, name="inputs"):
    """Raise unless ``array`` has shape ``(n_samples, n_features)``.

    When the transposed array would fit, the message says to try ``name.T``; a 1-D
    array gets the one reshape that fits (one sample, or one feature).
    """
    expected = f"(n_samples, {n_features})"
    if array.ndim == 1:
        hint = ""
        if len(array) == n_features:
            hint = tr("hint.reshape_row", name=name)
        elif n_features == 1:
            hint = tr("hint.reshape_column", name=name)
        raise ValueError(tr("err.ndim", where=where, name=name, expected=expected,
                            got=array.shape, got_ndim=array.ndim, hint=hint))
    check_ndim(array, 2, where, name, expected)
    if array.shape[1] != n_features:
        hint = tr("hint.transpose", name=name) if array.shape[0] == n_features else ""
        raise ValueError(tr("err.features", where=where, name=name, expected=expected,
                            got=array.shape, hint=hint))


def check_parameter(array, shape, where, name):
    """Raise unless a parameter the reader may have set by hand has exactly ``shape``.

    A transposed matrix gets the ``.T`` hint, a flat vector the ``reshape`` that fits.
    """
    got = np.shape(array)
    if got == shape:
        return
    if got == shape[::-1]:
        hint = tr("hint.transpose", name=name)
    elif len(got) == 1 and got[0] == int(np.prod(shape)):
        hint = tr("hint.reshape", name=name, shape=shape)
    else:
        hint = ""
    raise ValueError(tr("err.parameter", where=where, name=name, expected=shape, got=got, hint=hint))


register({
    "err.parameter": {
        "en": "{where}: {name} must have shape {expected}, got {got}.{hint}",
        "pt": "{where}: {name} deve ter formato {expected}, recebeu {got}.{hint}",
    },
    "hint.reshape": {
        "en": " Try {name}.reshape{shape}.",
        "pt": " Tente {name}.reshape{shape}.",
    },
})


def check_same_length(a, b, where, name_a="y_pred", name_b="y_true"):
    """Raise unless ``a`` and ``b`` hold the same number of samples (first axis).

    When ``a`` is a matrix whose *columns* match ``b``, the message says to try ``a.T``.
    """
    if len(a) != len(b):
        transposed = np.ndim(a) == 2 and np.shape(a)[1] == len(b)
        hint = tr("hint.transpose", name=name_a) if transposed else ""
        raise ValueError(tr("err.same_length", where=where, name_a=name_a, len_a=len(a),
                            name_b=name_b, len_b=len(b)) + hint)


def check_range(value, name, where, low=None, high=None, low_open=False, high_open=False):
    """Raise unless ``low <= value <= high`` (``<`` on an open end); return ``value``.

    ``None`` leaves that end unbounded. NaN and ±infinity are never allowed: an infinite
    learning rate or penalty turns the first step into NaN. The message states the
    allowed interval.
    """
    bad_type = isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating))
    infinite = not bad_type and not math.isfinite(value)
    too_low = low is not None and not bad_type and (value <= low if low_open else value < low)
    too_high = high is not None and not bad_type and (value >= high if high_open else value > high)
    if bad_type or infinite or too_low or too_high:
        left = "-∞" if low is None else f"{low}"
        right = "∞" if high is None else f"{high}"
        allowed = f"{'(' if low_open or low is None else '['}{left}, {right}{')' if high_open or high is None else ']'}"
        allowed = tr("range.finite_number_in" if infinite else "range.number_in", interval=allowed)
        raise ValueError(tr("err.range", where=where, name=name, allowed=allowed, value=value))
    return value


register({
    "range.number_in": {"en": "a number in {interval}", "pt": "um número em {interval}"},
    "range.finite_number_in": {"en": "a finite number in {interval} (not NaN, not infinity)",
                               "pt": "um número finito em {interval} (nem NaN, nem infinito)"},
})


def check_positive_int(value, name, where):
    """Raise unless ``value`` is an integer ≥ 1; return it as ``int``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(tr("err.range", where=where, name=name,
                            allowed=tr("range.positive_int"), value=value))
    return int(value)


register({
    "range.positive_int": {"en": "a whole number ≥ 1", "pt": "um número inteiro ≥ 1"},
})
