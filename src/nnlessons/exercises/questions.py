"""Self-checking questions for the lessons' exercises (every lesson; introduced in Lesson 00).

A lesson imports its question set and the reader checks an answer in place::

    from nnlessons.lessons.introduction import exercises as ex
    answer = None            # your answer here
    ex.q1.check(answer)      # prints feedback in the lesson's language
    ex.q1.hint()             # prints a hint
    ex.q1.solution()         # prints the solution and why

``check`` never raises on a strange answer (None, a string, a list of the wrong
length, a function that crashes): it prints what was expected instead. It returns a
``Feedback`` (true when the answer is right) for code and tests; in a notebook the
printed message is all the reader sees.

Question kinds:

- ``NumberQuestion``: one number, compared with ``|got - expected| <= atol + rtol·|expected|``;
- ``ArrayQuestion``: an array (or tuple/list), compared by shape first, then values
  with the same tolerance;
- ``ShapeQuestion``: a shape, a tuple of whole numbers, judged as a shape;
- ``ChoiceQuestion``: one of a few named options, accepted in Portuguese or English,
  with or without accents and capitals;
- ``FunctionQuestion``: the reader writes a function; ``check`` calls it on test
  inputs and compares each result with a reference function's.

A question is written with its own texts beside it, each ``{"pt": ..., "en": ...}``::

    q1 = NumberQuestion("backpropagation.q1", 24,
        hint={"en": "...", "pt": "..."},        # required
        solution={"en": "...", "pt": "..."},    # required
        right={"en": "...", "pt": "..."},       # optional: why the right answer is right
        wrong={"en": "...", "pt": "..."})       # optional: the idea to revisit after a wrong one

They are registered in i18n as ``<key>.hint``, ``<key>.solution``, ``<key>.right``
and ``<key>.wrong``.
"""

import copy
import dis
import unicodedata
from types import SimpleNamespace

import numpy as np

from ..i18n import number_text, register, tr

register({
    "ex.correct": {"en": "✅ Correct!", "pt": "✅ Correto!"},
    "ex.wrong": {"en": "❌ Not quite.", "pt": "❌ Ainda não."},
    "ex.unanswered": {
        "en": "✏️ Not answered yet: replace None with your answer and run the cell again. "
              "Stuck? Run ex.{name}.hint(); to see the answer, ex.{name}.solution().",
        "pt": "✏️ Ainda sem resposta: troque None pela sua resposta e rode a célula de novo. "
              "Empacou? Rode ex.{name}.hint(); para ver a resposta, ex.{name}.solution().",
    },
    "ex.malformed": {"en": "⚠️ I could not read this answer.", "pt": "⚠️ Não consegui ler esta resposta."},
    "ex.malformed.raised": {
        "en": "It is {kind} {got}, and reading it raised {error}: {message}",
        "pt": "É {kind} {got}, e ler isso levantou {error}: {message}",
    },
    "ex.hint": {"en": "💡 Hint: {text}", "pt": "💡 Dica: {text}"},
    "ex.solution": {"en": "📖 Solution: {text}", "pt": "📖 Solução: {text}"},
    "ex.number.type": {
        "en": "Expected a number, got {kind} {got}.",
        "pt": "Esperava um número, recebi {kind} {got}.",
    },
    "ex.number.quoted": {
        "en": " It looks like a number in quotes: write {got} without the quotes.",
        "pt": " Parece um número entre aspas: escreva {got} sem as aspas.",
    },
    "ex.number.many": {
        "en": "Expected a single number, got {size} values (shape {shape}).",
        "pt": "Esperava um único número, recebi {size} valores (formato {shape}).",
    },
    "ex.number.nan": {
        "en": "Your answer is {got}, which is not a usable number.",
        "pt": "Sua resposta é {got}, que não é um número utilizável.",
    },
    "ex.number.high": {"en": "{got} is too large.", "pt": "{got} é grande demais."},
    "ex.number.low": {"en": "{got} is too small.", "pt": "{got} é pequeno demais."},
    "ex.array.type": {
        "en": "Expected numbers (a NumPy array, a list or a tuple), got {kind} {got}.",
        "pt": "Esperava números (um array NumPy, uma lista ou uma tupla), recebi {kind} {got}.",
    },
    "ex.array.ragged": {
        "en": "Your rows do not all have the same length, so this is not an array.",
        "pt": "Suas linhas não têm todas o mesmo comprimento, então isto não é um array.",
    },
    "ex.array.shape": {
        "en": "Your answer has shape {got}, but the answer has shape {expected}.",
        "pt": "Sua resposta tem formato {got}, mas a resposta tem formato {expected}.",
    },
    "ex.array.transposed": {
        "en": " It looks transposed: try .T.",
        "pt": " Parece transposta: tente .T.",
    },
    "ex.array.swapped": {
        "en": " The right numbers are there, in another order.",
        "pt": " Os números certos estão aí, mas em outra ordem.",
    },
    "ex.array.values": {
        "en": "The shape {shape} is right, but {count} of {total} values are off "
              "(the first at index {index}: you have {got}).",
        "pt": "O formato {shape} está certo, mas {count} de {total} valores estão errados "
              "(o primeiro no índice {index}: você tem {got}).",
    },
    "ex.array.value": {
        "en": "The shape {shape} is right, but 1 of {total} values is off (at index {index}: you have {got}).",
        "pt": "O formato {shape} está certo, mas 1 de {total} valores está errado (no índice {index}: "
              "você tem {got}).",
    },
    "ex.shape.type": {
        "en": "Expected a shape, a tuple of whole numbers such as (2, 5), got {kind} {got}.",
        "pt": "Esperava um formato, uma tupla de números inteiros como (2, 5), recebi {kind} {got}.",
    },
    "ex.shape.array": {
        "en": "This is an array, not a shape: answer with its .shape (answer = X.shape), or type the tuple.",
        "pt": "Isto é um array, e não um formato: responda com o .shape dele (answer = X.shape), ou "
              "digite a tupla.",
    },
    "ex.shape.axes": {
        "en": "Your shape {got} has {count} axes; the answer has {expected}.",
        "pt": "Seu formato {got} tem {count} eixos; a resposta tem {expected}.",
    },
    "ex.shape.order": {
        "en": "{got} has the right sizes, in another order.",
        "pt": "{got} tem os tamanhos certos, mas em outra ordem.",
    },
    "ex.shape.sizes": {
        "en": "{got}: {count} of {total} sizes are off.",
        "pt": "{got}: {count} de {total} tamanhos estão errados.",
    },
    "ex.shape.size": {
        "en": "{got}: 1 of {total} sizes is off.",
        "pt": "{got}: 1 de {total} tamanhos está errado.",
    },
    "ex.choice.type": {
        "en": "Expected one of the options as text, in quotes ({options}), got {kind} {got}.",
        "pt": "Esperava uma das opções como texto, entre aspas ({options}), recebi {kind} {got}.",
    },
    "ex.choice.unknown": {
        "en": "{got} is not one of the options: {options}.",
        "pt": "{got} não é uma das opções: {options}.",
    },
    "ex.choice.wrong": {"en": "The answer is not {got}.", "pt": "A resposta não é {got}."},
    "ex.or": {"en": "or", "pt": "ou"},
    "ex.function.type": {
        "en": "Expected a function, got {kind} {got}. Pass the function's name without "
              "parentheses: check(my_function), not check(my_function()).",
        "pt": "Esperava uma função, recebi {kind} {got}. Passe o nome da função sem "
              "parênteses: check(minha_funcao), e não check(minha_funcao()).",
    },
    "ex.function.raised": {
        "en": "Your function raised {error} for input {args}: {message}",
        "pt": "Sua função levantou {error} para a entrada {args}: {message}",
    },
    "ex.function.none": {
        "en": "✏️ Your function returned None for input {args}: write its body and "
              "remember the return. Stuck? Run ex.{name}.hint().",
        "pt": "✏️ Sua função devolveu None para a entrada {args}: escreva o corpo dela e "
              "não esqueça o return. Empacou? Rode ex.{name}.hint().",
    },
    "ex.function.case": {
        "en": "For input {args} your function returned {got}: {reason}",
        "pt": "Para a entrada {args} sua função devolveu {got}: {reason}",
    },
    "ex.function.differs": {"en": "that is not the expected result.", "pt": "não é o resultado esperado."},
    "ex.function.blank": {
        "en": "✏️ Not answered yet: your function still has a blank (...). Fill it in and run the "
              "cell again. Stuck? Run ex.{name}.hint().",
        "pt": "✏️ Ainda sem resposta: sua função ainda tem uma lacuna (...). Preencha e rode a "
              "célula de novo. Empacou? Rode ex.{name}.hint().",
    },
    "ex.function.forbidden": {
        "en": "Your function uses {used}, which this exercise asks you to do without: write the "
              "loop yourself.",
        "pt": "Sua função usa {used}, e este exercício pede para fazer sem isso: escreva o laço "
              "você mesmo.",
    },
    "ex.number.complex": {
        "en": "Your answer {got} is a complex number; the answer is a real number.",
        "pt": "Sua resposta {got} é um número complexo; a resposta é um número real.",
    },
    "ex.kind.str": {"en": "the text", "pt": "o texto"},
    "ex.kind.bool": {"en": "the yes/no value", "pt": "o valor sim/não"},
    "ex.kind.other": {"en": "a value of type {type}:", "pt": "um valor do tipo {type}:"},
})

#: The four outcomes of a check.
CORRECT, WRONG, UNANSWERED, MALFORMED = "correct", "wrong", "unanswered", "malformed"


class Feedback:
    """The outcome of checking one answer: ``status`` (one of CORRECT, WRONG,
    UNANSWERED, MALFORMED) and the ``message`` shown to the reader.

    ``bool(feedback)`` is true only for a correct answer. In a notebook it shows
    nothing by itself, because ``Question.check`` already printed the message.
    """

    def __init__(self, status, message):
        self.status = status
        self.message = message

    @property
    def correct(self):
        return self.status == CORRECT

    def __bool__(self):
        return self.correct

    def __str__(self):
        return self.message

    def __repr__(self):
        return f"Feedback({self.status!r}, {self.message!r})"

    def _ipython_display_(self):
        """Display nothing: ``check`` has printed the message already."""


class _Reject(Exception):
    """Internal: the answer cannot be judged; carries the status and the message."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def safe_repr(value, limit=60):
    """``repr(value)`` clipped to ``limit`` characters; a repr that raises gives ``<Type object>``."""
    try:
        text = repr(value)
    except Exception:
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _describe(value):
    """A short description of a value for feedback: its kind and a clipped repr."""
    text = safe_repr(value)
    if isinstance(value, str):
        return tr("ex.kind.str"), text
    if isinstance(value, (bool, np.bool_)):
        return tr("ex.kind.bool"), text
    return tr("ex.kind.other", type=type(value).__name__), text


def _fmt(value):
    """A number (6 significant digits) or array (4 decimals) as shown to the reader."""
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    if isinstance(value, np.ndarray):
        return np.array2string(value, precision=4, suppress_small=True)
    return safe_repr(value, limit=200)


def _number(value):
    """A number the feedback writes in a sentence ("1,4 é pequeno demais"): ``_fmt`` in the
    notebook's language (decimal comma in Portuguese). Python values (the inputs of a case,
    arrays) keep the point: they are shown as Python reads them."""
    return number_text(_fmt(float(value)))


def _text(error):
    """``str(error)``, or "?" when even that raises."""
    try:
        return str(error)
    except Exception:
        return "?"


def _reject_complex(answer):
    """``_Reject`` for complex numbers, which ``float()`` would refuse or NumPy cut to their real part."""
    try:
        is_complex = isinstance(answer, complex) or np.iscomplexobj(answer)
    except Exception:       # an object NumPy cannot look into: judged by the caller
        return
    if is_complex:
        raise _Reject(MALFORMED, tr("ex.number.complex", got=safe_repr(answer)))


def is_whole_number(value):
    """True for a Python or NumPy integer, False for a bool (``True`` is an ``int`` in Python)."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


def _as_number(answer):
    """The answer as a float, or ``_Reject`` saying why it is not one number."""
    if isinstance(answer, (bool, np.bool_)) or isinstance(answer, (str, bytes)):
        kind, text = _describe(answer)
        message = tr("ex.number.type", kind=kind, got=text)
        if isinstance(answer, str):
            try:
                float(answer)
                message += tr("ex.number.quoted", got=answer.strip())
            except ValueError:
                pass
        raise _Reject(MALFORMED, message)
    if isinstance(answer, (int, float, np.integer, np.floating)):
        return float(answer)
    _reject_complex(answer)
    try:
        array = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        kind, text = _describe(answer)
        raise _Reject(MALFORMED, tr("ex.number.type", kind=kind, got=text)) from None
    if array.size != 1:
        raise _Reject(MALFORMED, tr("ex.number.many", size=array.size, shape=array.shape))
    return float(array.reshape(()))


def _as_array(answer):
    """The answer as a float array, or ``_Reject`` saying why it is not one."""
    if isinstance(answer, (str, bytes, dict, set)) or callable(answer):
        kind, text = _describe(answer)
        raise _Reject(MALFORMED, tr("ex.array.type", kind=kind, got=text))
    _reject_complex(answer)
    try:
        array = np.asarray(answer, dtype=float)
    except ValueError:
        if isinstance(answer, (list, tuple)):
            raise _Reject(MALFORMED, tr("ex.array.ragged")) from None
        kind, text = _describe(answer)
        raise _Reject(MALFORMED, tr("ex.array.type", kind=kind, got=text)) from None
    except TypeError:
        kind, text = _describe(answer)
        raise _Reject(MALFORMED, tr("ex.array.type", kind=kind, got=text)) from None
    return array


def compare_numbers(got, expected, atol, rtol, direction=True):
    """``(True, "")`` when ``|got - expected| <= atol + rtol·|expected|``, else ``(False, why)``.

    With ``direction`` the reason says "too large" or "too small"; turn it off when
    the number is a class label, where larger and smaller mean nothing.
    """
    value = _as_number(got)
    if not np.isfinite(value):
        return False, tr("ex.number.nan", got=_fmt(value))
    if abs(value - expected) <= atol + rtol * abs(expected):
        return True, ""
    if not direction:
        return False, tr("ex.function.differs")
    return False, tr("ex.number.high" if value > expected else "ex.number.low", got=_number(value))


def compare_arrays(got, expected, atol, rtol):
    """Compare by shape first, then element-wise with ``np.isclose``; ``(ok, why)``."""
    array = _as_array(got)
    if array.shape != expected.shape:
        message = tr("ex.array.shape", got=array.shape, expected=expected.shape)
        if array.ndim == 2 and array.T.shape == expected.shape:
            message += tr("ex.array.transposed")
        return False, message
    close = np.isclose(array, expected, atol=atol, rtol=rtol)
    if close.all():
        return True, ""
    first = tuple(int(i) for i in np.argwhere(~close)[0])
    index = first[0] if len(first) == 1 else first
    count = int((~close).sum())
    message = tr("ex.array.value" if count == 1 else "ex.array.values", shape=expected.shape, count=count,
                 total=expected.size, index=index, got=_number(array[first]))
    if np.allclose(np.sort(array, axis=None), np.sort(expected, axis=None), atol=atol, rtol=rtol):
        message += tr("ex.array.swapped")
    return False, message


def compare_values(got, expected, atol=1e-8, rtol=1e-5, direction=True):
    """Compare any answer with ``expected``: numbers and arrays with tolerance,
    anything else with ``==``. Returns ``(ok, why)``."""
    if isinstance(expected, (int, float, np.integer, np.floating)) and not isinstance(expected, bool):
        return compare_numbers(got, float(expected), atol, rtol, direction)
    if isinstance(expected, (np.ndarray, list, tuple)):
        return compare_arrays(got, np.asarray(expected, dtype=float), atol, rtol)
    if got == expected:
        return True, ""
    return False, tr("ex.function.differs")


class Question:
    """Base of every self-checking question.

    ``key`` names the question's texts in i18n; its last part (``q1`` in
    ``"introduction.q1"``) is the name the reader types, ``ex.q1``. ``hint`` and
    ``solution`` (required), ``right`` and ``wrong`` (optional) are the question's
    texts, each ``{"pt": ..., "en": ...}``, registered as ``<key>.hint`` and so on.

    ``wrong`` is shown after every wrong answer, so it must fit them all; a tip that fits
    one mistake goes in ``symptoms``: ``{part: [(predicate(got, run), {"pt": ..., "en": ...}),
    ...]}``, shown only when its predicate is true for what the reader's answer gave
    (``run`` says what was asked: the arguments, the expected value, ...). A predicate
    that raises counts as false.

    A subclass implements ``judge(answer)``: return ``""`` when the answer is right,
    else the reason it is wrong; raise ``_Reject`` (via the ``compare_*`` helpers) for
    an answer that cannot be read. ``None`` never reaches ``judge``: it means
    "not answered yet".
    """

    def __init__(self, key, *, hint, solution, right=None, wrong=None, symptoms=None):
        self.key = key
        self.name = key.rsplit(".", 1)[-1]
        texts = {"hint": hint, "solution": solution, "right": right, "wrong": wrong}
        register({f"{key}.{part}": text for part, text in texts.items() if text is not None})
        self.symptoms = {}
        for part, entries in (symptoms or {}).items():
            self.symptoms[part] = []
            for number, (predicate, tip) in enumerate(entries):
                register({f"{key}.symptom.{part}.{number}": tip})
                self.symptoms[part].append((predicate, f"{key}.symptom.{part}.{number}"))

    def tips(self, part, got, run):
        """The tips of ``part`` whose symptom matches what the reader's answer gave."""
        shown = []
        for predicate, tip_key in self.symptoms.get(part, ()):
            try:
                matched = bool(predicate(got, run))
            except Exception:
                matched = False
            if matched:
                shown.append(tr(tip_key))
        return " ".join(shown)

    def judge(self, answer):
        raise NotImplementedError

    def evaluate(self, answer):
        """Judge ``answer`` and return a ``Feedback`` without printing anything."""
        if answer is None:
            return Feedback(UNANSWERED, tr("ex.unanswered", name=self.name))
        try:
            reason = self.judge(answer)
        except _Reject as reject:
            if reject.status == MALFORMED:
                return Feedback(MALFORMED, f"{tr('ex.malformed')} {reject.message}")
            return Feedback(reject.status, reject.message)
        except Exception as error:  # a strange answer must not show a traceback
            kind, text = _describe(answer)
            return Feedback(MALFORMED, self._join(tr("ex.malformed"), tr(
                "ex.malformed.raised", kind=kind, got=text, error=type(error).__name__, message=_text(error))))
        if not reason:
            return Feedback(CORRECT, self._join(tr("ex.correct"), self._optional("right")))
        return Feedback(WRONG, self._join(tr("ex.wrong"), reason, self._optional("wrong")))

    def check(self, answer):
        """Print whether ``answer`` is right, and why; return the ``Feedback``."""
        feedback = self.evaluate(answer)
        print(feedback.message)
        return feedback

    def hint(self):
        """Print a hint, in the lesson's language."""
        print(tr("ex.hint", text=tr(f"{self.key}.hint")))

    def solution(self):
        """Print the solution and the reasoning behind it."""
        print(tr("ex.solution", text=tr(f"{self.key}.solution")))

    def _optional(self, part):
        try:
            return tr(f"{self.key}.{part}")
        except KeyError:
            return ""

    @staticmethod
    def _join(*parts):
        return " ".join(part for part in parts if part)

    def __repr__(self):
        return f"{type(self).__name__}({self.key!r})"


class NumberQuestion(Question):
    """The answer is one number: right when ``|answer - expected| <= atol + rtol·|expected|``."""

    def __init__(self, key, expected, atol=1e-8, rtol=1e-5, **texts):
        super().__init__(key, **texts)
        self.expected = float(expected)
        self.atol, self.rtol = atol, rtol

    def judge(self, answer):
        reason = compare_numbers(answer, self.expected, self.atol, self.rtol)[1]
        return self._join(reason, self.tips("output", answer, None)) if reason else ""


class ArrayQuestion(Question):
    """The answer is an array (a tuple or list is fine): same shape, values within tolerance.

    ``any_orientation=True`` accepts the same numbers as a row, a column or a flat vector
    (``(2,)``, ``(1, 2)``, ``(2, 1)``) where the question does not fix one.
    """

    def __init__(self, key, expected, atol=1e-8, rtol=1e-5, any_orientation=False, **texts):
        super().__init__(key, **texts)
        self.expected = np.asarray(expected, dtype=float)
        self.atol, self.rtol = atol, rtol
        self.any_orientation = any_orientation

    def judge(self, answer):
        expected = self.expected
        if self.any_orientation:
            array = _as_array(answer)
            if array.size == expected.size and sum(n > 1 for n in array.shape) <= 1:
                expected = expected.reshape(array.shape)
        reason = compare_arrays(answer, expected, self.atol, self.rtol)[1]
        return self._join(reason, self.tips("output", answer, None)) if reason else ""


class ShapeQuestion(Question):
    """The answer is a shape, a tuple of whole numbers such as ``(250, 4)`` (Lessons 00, 02, 03).

    A tuple is judged as a shape, not as numbers: ``(4, 250)`` for ``(250, 4)`` has "the
    right sizes, in another order"; an array passed instead of its shape is asked for its
    ``.shape``. A list ``[250, 4]`` is read as the tuple.
    """

    def __init__(self, key, expected, **texts):
        super().__init__(key, **texts)
        self.expected = tuple(int(size) for size in expected)

    def judge(self, answer):
        if hasattr(answer, "shape") and not isinstance(answer, (tuple, list)):
            raise _Reject(MALFORMED, tr("ex.shape.array"))
        if not isinstance(answer, (tuple, list)) or not all(is_whole_number(size) for size in answer):
            kind, text = _describe(answer)
            raise _Reject(MALFORMED, tr("ex.shape.type", kind=kind, got=text))
        got = tuple(int(size) for size in answer)
        if got == self.expected:
            return ""
        if len(got) != len(self.expected):
            reason = tr("ex.shape.axes", got=got, count=len(got), expected=len(self.expected))
        elif sorted(got) == sorted(self.expected):
            reason = tr("ex.shape.order", got=got)
        else:
            count = sum(a != b for a, b in zip(got, self.expected))
            reason = tr("ex.shape.size" if count == 1 else "ex.shape.sizes", got=got, count=count,
                        total=len(got))
        return self._join(reason, self.tips("output", got, None))


def _normalise(text):
    """Lower case, no accents, hyphens and underscores as spaces, single spaces:
    "  Não-Supervisionado " → "nao supervisionado"."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower().replace("-", " ").replace("_", " "))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _compact(text):
    """``_normalise`` without spaces, so "batch norm", "batch-norm" and "batchnorm" are one name."""
    return _normalise(text).replace(" ", "")


class ChoiceQuestion(Question):
    """The answer is one of a few options, typed as text in either language.

    ``options`` maps an option id to its texts: ``{"regression": {"pt": "regressão",
    "en": "regression"}, ...}``, and optionally ``"also"``: other names readers use
    (``("test set", "conjunto de teste")``). The reader may type the id or any of these in
    either language (a Portuguese reader may answer with the English term), in any case,
    with or without accents, with a hyphen or a space.
    """

    def __init__(self, key, options, expected, **texts):
        super().__init__(key, **texts)
        if expected not in options:
            raise ValueError(f"ChoiceQuestion {key!r}: expected {expected!r} is not among the options {list(options)}.")
        self.expected = expected
        self.options = {option: {code: texts[code] for code in ("pt", "en")} for option, texts in options.items()}
        register({f"{key}.option.{option}": texts for option, texts in self.options.items()})
        self._lookup = {}
        for option, texts in options.items():
            for text in (option, texts["pt"], texts["en"], *texts.get("also", ())):
                self._lookup[_compact(text)] = option

    def _listing(self):
        names = [repr(tr(f"{self.key}.option.{option}")) for option in self.options]
        return ", ".join(names[:-1]) + f" {tr('ex.or')} " + names[-1]

    def judge(self, answer):
        if not isinstance(answer, str):
            kind, text = _describe(answer)
            raise _Reject(MALFORMED, tr("ex.choice.type", options=self._listing(), kind=kind, got=text))
        option = self._lookup.get(_compact(answer))
        if option is None:
            raise _Reject(MALFORMED, tr("ex.choice.unknown", got=repr(answer), options=self._listing()))
        if option == self.expected:
            return ""
        return tr("ex.choice.wrong", got=repr(tr(f"{self.key}.option.{option}")))


def close(got, expected, atol=1e-8, rtol=1e-5):
    """True when ``got`` has ``expected``'s shape and values (for symptom predicates); never raises."""
    try:
        got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
        return got.shape == expected.shape and bool(np.allclose(got, expected, atol=atol, rtol=rtol))
    except Exception:
        return False


def is_blank_error(error):
    """True for what an untouched scaffold raises: ``NotImplementedError``, or an error from
    computing with a ``...`` blank (its message names the ellipsis: ``range(...)``,
    ``... * 2``, ``np.zeros((2, ...))``)."""
    return isinstance(error, NotImplementedError) or "ellipsis" in _text(error).lower()


#: What "without np.dot" rules out: the names (np.dot, a.dot, np.matmul ...) and the @ operator.
MATRIX_PRODUCTS = ("dot", "matmul", "inner", "vdot", "tensordot", "einsum", "@")


def used_operations(function, names):
    """Which of ``names`` the code of ``function`` uses: attributes such as ``np.dot`` or
    ``a.dot``, global names bound to something other than the reader's own Python function
    (``from numpy import dot``, even renamed), and ``"@"`` for the matrix-product operator. Functions
    defined inside it are read too; functions it calls are not; a compiled function
    (np.dot passed itself) is known by its name (Lesson 02)."""
    if not hasattr(function, "__code__"):
        return sorted({getattr(function, "__name__", None)} & set(names))
    namespace = getattr(function, "__globals__", {})
    used = set()
    codes = [function.__code__]
    while codes:
        code = codes.pop()
        for instruction in dis.get_instructions(code):
            name = instruction.argval
            if instruction.argrepr in ("@", "@=") or instruction.opname.endswith("MATRIX_MULTIPLY"):
                used.add("@")
            elif instruction.opname in ("LOAD_ATTR", "LOAD_METHOD") and name in names:
                used.add(name)
            elif instruction.opname in ("LOAD_GLOBAL", "LOAD_NAME"):
                value = namespace.get(name)
                if not hasattr(value, "__code__"):     # not the reader's own Python function
                    used.update({name, getattr(value, "__name__", None)})
        codes.extend(const for const in code.co_consts if hasattr(const, "co_names"))
    return sorted(used & set(names))


class FunctionQuestion(Question):
    """The answer is a function; it must agree with ``reference`` on every test input.

    ``cases`` is a list of argument tuples. For each, ``answer(*args)`` is compared
    with ``reference(*args)`` by ``compare(got, expected, args)``, which returns ""
    when they agree, else the reason. The default compares numbers and arrays within
    tolerance (``compare_values``); a question that accepts more than one right answer
    (any valid k-fold split, say) passes its own. The first disagreement, exception or
    ``None`` is reported with its input, so the reader knows which case to look at,
    followed by the tips of the ``"output"`` symptoms that match (``run`` has ``args``
    and ``expected``). ``direction=False`` stops "too large / too small" remarks, for
    functions that return class labels. ``forbidden`` lists operations the answer must
    not use (``MATRIX_PRODUCTS``: "write it without np.dot"), found by reading its code.

    Every call gets its own deep copy of the case, so an answer that changes its input in
    place cannot spoil the reference or the next check. A function that returns ``...``
    or raises ``NotImplementedError`` (an untouched scaffold) is not answered yet.
    """

    def __init__(self, key, reference, cases, atol=1e-8, rtol=1e-5, direction=True, compare=None,
                 forbidden=(), **texts):
        super().__init__(key, **texts)
        self.reference = reference
        self.cases = [args if isinstance(args, tuple) else (args,) for args in cases]
        self.atol, self.rtol, self.direction = atol, rtol, direction
        self.compare = compare or self._within_tolerance
        self.forbidden = tuple(forbidden)

    def _within_tolerance(self, got, expected, args):
        return compare_values(got, expected, self.atol, self.rtol, self.direction)[1]

    def judge(self, answer):
        if not callable(answer):
            kind, text = _describe(answer)
            raise _Reject(MALFORMED, tr("ex.function.type", kind=kind, got=text))
        for args in self.cases:
            shown = ", ".join(_fmt(arg) for arg in args)
            try:
                got = answer(*copy.deepcopy(args))
            except Exception as error:  # a crash is a wrong answer, reported without a traceback
                if is_blank_error(error):
                    raise _Reject(UNANSWERED, tr("ex.function.blank", name=self.name)) from None
                return tr("ex.function.raised", error=type(error).__name__, args=shown, message=_text(error))
            if got is Ellipsis:
                raise _Reject(UNANSWERED, tr("ex.function.blank", name=self.name))
            if got is None:
                raise _Reject(UNANSWERED, tr("ex.function.none", args=shown, name=self.name))
            expected = self.reference(*copy.deepcopy(args))
            try:
                why = self.compare(got, expected, args)
            except _Reject as reject:
                why = reject.message
            if why:
                run = SimpleNamespace(args=args, expected=expected)
                return self._join(tr("ex.function.case", args=shown, got=_fmt(got), reason=why),
                                  self.tips("output", got, run))
        used = used_operations(answer, self.forbidden)
        if used:
            return tr("ex.function.forbidden", used=", ".join(name if name == "@" else f"np.{name}" for name in used))
        return ""
