"""Input checks shared by the whole engine, with errors that teach (Lesson 02).

Every public entry point checks its arguments once, here, and cheaply; a failed
check raises ``ValueError`` naming where it happened, what was expected, what was
received and, where one exists, the fix (a transpose, a reshape, a range).
Messages follow the lesson language chosen with ``nnlessons.i18n.set_language``.
"""

import contextlib
import contextvars

import numpy as np

from .i18n import register, tr

#: True inside ``trusted_arrays()``: see there.
_TRUSTED = contextvars.ContextVar("nnlessons_trusted_arrays", default=False)

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
})


@contextlib.contextmanager
def trusted_arrays():
    """Inside this block ``as_array`` takes float arrays as they are, without scanning
    them for NaN (Lesson 07).

    ``Model.fit`` and ``Model.predict`` check their data once and then run the layers
    in this block: what flows from layer to layer comes from the engine itself, and
    scanning it again in every layer of every step cost a fifth of a small network's
    training time. Shape checks still run, so a wrong ``n_inputs`` still gets its
    teaching error; ``fit`` checks the loss of every epoch instead (divergence).
    Per thread (a context variable): a layer called directly elsewhere is checked.
    """
    token = _TRUSTED.set(True)
    try:
        yield
    finally:
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
    array = np.asarray(values)
    if array.dtype.kind not in "fiub":
        raise ValueError(tr("err.not_numeric", where=where, name=name, dtype=array.dtype))
    if array.dtype.kind != "f":
        array = array.astype(np.float64)
    if not np.isfinite(array.sum()) and not np.isfinite(array).all():
        raise ValueError(tr("err.not_finite", where=where, name=name))
    return array


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
    """Raise unless ``a`` and ``b`` hold the same number of samples (first axis)."""
    if len(a) != len(b):
        raise ValueError(tr("err.same_length", where=where, name_a=name_a, len_a=len(a),
                            name_b=name_b, len_b=len(b)))


def check_range(value, name, where, low=None, high=None, low_open=False, high_open=False):
    """Raise unless ``low <= value <= high`` (``<`` on an open end); return ``value``.

    ``None`` leaves that end unbounded. The message states the allowed interval.
    """
    bad_type = isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating))
    too_low = low is not None and not bad_type and (value <= low if low_open else value < low)
    too_high = high is not None and not bad_type and (value >= high if high_open else value > high)
    if bad_type or too_low or too_high or value != value:
        left = "-∞" if low is None else f"{low}"
        right = "∞" if high is None else f"{high}"
        allowed = f"{'(' if low_open or low is None else '['}{left}, {right}{')' if high_open or high is None else ']'}"
        allowed = tr("range.number_in", interval=allowed)
        raise ValueError(tr("err.range", where=where, name=name, allowed=allowed, value=value))
    return value


register({
    "range.number_in": {"en": "a number in {interval}", "pt": "um número em {interval}"},
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
