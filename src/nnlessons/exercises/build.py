"""Build-it questions: the reader writes a class, the question runs it (Lessons 03–15).

A lesson gives the reader a scaffold whose blanks are ``...`` and checks the class::

    class MyDense:
        def __init__(self, n_inputs, n_neurons):
            self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)
            self.biases = ...                      # ✏️ blank
        def forward(self, inputs):
            self.output = ...                      # ✏️ blank
            return self.output

    ex.q6.check(MyDense)

Two kinds:

- ``LayerQuestion``: anything with ``forward`` (and, if the reference has one, ``backward``):
  a layer, an activation, a loss. For every ``Trial`` it builds the reader's class and the
  reference with the same arguments, gives both the same parameter values, runs
  ``forward`` and compares the output; then ``backward``, and compares every gradient
  (``dinputs``, ``d<param>``) with a finite-difference gradient (``nnlessons.gradcheck``)
  of the reader's own forward and with the reference's gradient.
- ``OptimizerQuestion``: an object that updates a layer's parameters from their gradients
  (``MySGD``, ``MyAdam``); several steps on an engine ``Dense`` are compared, step by
  step, with the reference optimizer. ``UPHILL`` is the symptom every optimizer question
  lists: a step of the right size in the wrong direction.

Feedback names the part that is wrong, in the lesson's language ("The forward pass is right;
`dweights` differs from the numerical gradient…", "`dinputs` (for MyDense(4, 3) on inputs of
shape (5, 4)): Your answer has shape (4, 5), but the answer has shape (5, 4). It looks
transposed: try .T."), then adds only the tips whose *symptom* matches what happened. A symptom is a
predicate on the reader's value and the run, listed with the question::

    symptoms={"dweights": [(lambda got, run: close(got, run.inputs[0] @ run.dvalues),
                            {"en": "did you forget inputs.T?", "pt": "esqueceu o inputs.T?"})]}

``run`` holds ``inputs`` (the forward arguments), ``dvalues``, ``expected`` (the
reference's value of that part), ``reference`` (the reference object after the run),
``params`` (the parameter values both were given) and, for optimizers, ``before``,
``gradient`` and ``step``. A predicate that raises counts as "no match".

Not answered yet: ``None``, a blank left as ``...`` (an attribute or a return value that
is ``Ellipsis``), a ``NotImplementedError`` raised by the reader's code, or a ``forward``
that returns ``None`` without setting ``self.output``.

Guarantees: every call gets its own copy of the question's data; whatever the reader's
code raises (constructor, forward, backward, a property) is reported by type, message and
step, never raised; a missing method or attribute is named.

Quiet use (live widgets): ``question.passes(MyDense)`` returns True or False and prints
nothing; ``question.evaluate(MyDense)`` returns the ``Feedback`` without printing it.
Only ``check`` prints.
"""

import copy
from types import SimpleNamespace

import numpy as np

from ..gradcheck import numerical_gradient, relative_error
from ..i18n import register, tr
from ..layers import Dense
from .questions import (MALFORMED, UNANSWERED, Question, _Reject, _text, close, compare_values, is_blank_error,
                        safe_repr)

__all__ = ["BuildQuestion", "LayerQuestion", "OptimizerQuestion", "Trial", "close", "GRADIENT_LIMIT"]

register({
    "build.type": {
        "en": "Expected a class, got {got}. Pass the class itself, without parentheses: "
              "check(MyDense), not check(MyDense(...)).",
        "pt": "Esperava uma classe, recebi {got}. Passe a própria classe, sem parênteses: "
              "check(MyDense), e não check(MyDense(...)).",
    },
    "build.blank": {
        "en": "✏️ Not answered yet: {where} still has a blank (...). Fill it in and run the cell again.",
        "pt": "✏️ Ainda sem resposta: {where} ainda tem uma lacuna (...). Preencha e rode a célula de novo.",
    },
    "build.none": {
        "en": "✏️ Not answered yet: {step} returned None and set no self.output. Write its body "
              "and remember the return.",
        "pt": "✏️ Ainda sem resposta: {step} devolveu None e não definiu self.output. Escreva o "
              "corpo e não esqueça o return.",
    },
    "build.stuck": {"en": "Stuck? Run ex.{name}.hint().", "pt": "Empacou? Rode ex.{name}.hint()."},
    "build.raised": {
        "en": "{step} raised {error}: {message}",
        "pt": "{step} levantou {error}: {message}",
    },
    "build.no_method": {
        "en": "Your class has no method {method}.",
        "pt": "Sua classe não tem o método {method}.",
    },
    "build.missing": {
        "en": "`{attribute}` not set after {step}.",
        "pt": "`{attribute}` não foi definido depois de {step}.",
    },
    "build.part": {
        "en": "`{part}` (for {trial}): {reason}",
        "pt": "`{part}` (para {trial}): {reason}",
    },
    "build.trial": {
        "en": "{build} on inputs of shape {shape}",
        "pt": "{build} com entradas de formato {shape}",
    },
    "build.forward_right": {"en": "The forward pass is right; ", "pt": "O forward está certo; "},
    "build.numeric": {
        "en": "`{part}` differs from the numerical gradient (relative error {error:.2g}, "
              "expected below {limit:.0e}).",
        "pt": "`{part}` difere do gradiente numérico (erro relativo {error:.2g}, "
              "esperado abaixo de {limit:.0e}).",
    },
    "build.step": {
        "en": "After step {step} of {steps}, `{part}`: {reason}",
        "pt": "Depois do passo {step} de {steps}, `{part}`: {reason}",
    },
    "build.unreadable": {
        "en": "I could not read it as numbers ({error}: {message}).",
        "pt": "Não consegui ler isso como números ({error}: {message}).",
    },
})


#: A finite-difference gradient and a correct backward agree to about 1e-8 in float64.
GRADIENT_LIMIT = 1e-6


class _Fail(Exception):
    """Internal: the reader's class is wrong; carries the reason shown after "Not quite."."""


class Trial:
    """One run of the reader's class: built with ``build``, forward on ``inputs``,
    backward on ``dvalues``.

    ``build`` is a tuple of positional arguments or a dict of keyword arguments for the
    constructor; ``inputs`` one array or a tuple of the arguments of ``forward``;
    ``dvalues`` the upstream gradient for ``backward`` (None: forward only).
    """

    def __init__(self, inputs, build=(), dvalues=None):
        self.inputs = inputs if isinstance(inputs, tuple) else (inputs,)
        self.build = build
        self.dvalues = dvalues

    def construct(self, cls):
        if isinstance(self.build, dict):
            return cls(**self.build)
        return cls(*self.build)

    def describe(self, name):
        """E.g. ``MyDense(4, 3) on inputs of shape (5, 4)``."""
        if isinstance(self.build, dict):
            args = ", ".join(f"{key}={value!r}" for key, value in self.build.items())
        else:
            args = ", ".join(repr(value) for value in self.build)
        return tr("build.trial", build=f"{name}({args})", shape=np.shape(self.inputs[0]))


class BuildQuestion(Question):
    """What every build-it question shares: the reader's class is built and called safely,
    wrong parts are named, and symptom tips are shown only when they match.

    ``reference`` is the correct class (exposed as ``.reference``); ``symptoms`` (see
    ``Question``) are keyed by part: ``"output"``, ``"dinputs"``, ``"dweights"``,
    ``"weights"`` ….

    ``lesson_question=False`` marks a check that is not one of the lesson's questions (a
    live widget's own check, ``widgets.yours``): its "not answered yet" texts then do not
    send the reader to an ``ex.<name>.hint()`` the lesson does not have.
    """

    def __init__(self, key, reference, *, atol=1e-8, rtol=1e-5, lesson_question=True, **texts):
        super().__init__(key, **texts)
        self.reference = reference
        self.atol, self.rtol = atol, rtol
        self.lesson_question = lesson_question

    def passes(self, candidate):
        """True when ``candidate`` passes the check; prints nothing (for live widgets)."""
        return self.evaluate(candidate).correct

    def judge(self, candidate):
        if not isinstance(candidate, type):
            raise _Reject(MALFORMED, tr("build.type", got=safe_repr(candidate)))
        try:
            self.run(candidate)
        except _Fail as fail:
            return str(fail)
        return ""

    def run(self, candidate):
        """Raise ``_Fail`` (wrong) or ``_Reject`` (unanswered) at the first fault."""
        raise NotImplementedError

    def unanswered(self, key, **fields):
        """``_Reject(UNANSWERED)`` with the text ``key``; a lesson's own question adds
        "Stuck? Run ex.<name>.hint()."."""
        stuck = tr("build.stuck", name=self.name) if self.lesson_question else ""
        return _Reject(UNANSWERED, self._join(tr(key, **fields), stuck))

    # ---- calling the reader's code safely --------------------------------------------
    def call(self, step, function, *args):
        """``function(*args)``; whatever it raises becomes feedback that names ``step``."""
        try:
            with np.errstate(all="ignore"):     # an overflow shows as inf/NaN, which the symptoms explain
                result = function(*args)
        except Exception as error:
            if is_blank_error(error):
                raise self.unanswered("build.blank", where=step) from None
            raise _Fail(tr("build.raised", step=step, error=type(error).__name__,
                           message=_text(error))) from None
        if result is Ellipsis:
            raise self.unanswered("build.blank", where=step)
        return result

    def method(self, obj, name, owner):
        """The bound method ``obj.name``, or feedback naming the missing method."""
        function = self.call(f"{owner}.{name}", getattr, obj, name, None)
        if not callable(function):
            raise _Fail(tr("build.no_method", method=f"{owner}.{name}"))
        return function

    def attribute(self, obj, name, step):
        """``obj.name`` read safely (a property may raise), or feedback saying it was not set
        by ``step``; a blank ``...`` is unanswered."""
        sentinel = object()
        value = self.call(f"{type(obj).__name__}.{name}", getattr, obj, name, sentinel)
        if value is sentinel:
            raise _Fail(tr("build.missing", attribute=name, step=step))
        return value

    # ---- judging values -----------------------------------------------------------------
    def compare(self, got, expected, run, rule=None):
        """"" when ``got`` agrees with ``expected`` (shape, then values within tolerance, or
        ``rule(got, expected, run)``), else the reason; never raises."""
        try:
            if rule is not None:
                return rule(got, expected, run)
            return compare_values(got, expected, self.atol, self.rtol)[1]
        except _Reject as reject:
            return reject.message
        except Exception as error:
            return tr("build.unreadable", error=type(error).__name__, message=_text(error))

    def fail(self, part, got, reason, run, prefix=""):
        """Raise ``_Fail`` with ``reason`` and the matching tips of ``part``."""
        raise _Fail(self._join(prefix + reason, self.tips(part, got, run)))


class LayerQuestion(BuildQuestion):
    """The reader writes a class with ``forward`` (and ``backward``): a layer, an activation,
    a loss (Lessons 03, 04, 05, 07, 14, 15).

    Every ``Trial`` builds ``reference(*build)`` and ``candidate(*build)``; each name in
    ``params`` must exist on the reader's object with the reference's shape, and both get
    the same seeded values (so biases are not zero). Then:

        forward:   candidate.forward(*inputs) (or its self.output) ≈ reference.forward(*inputs)
        backward:  when the trial has dvalues, candidate.backward(dvalues), then each of
                   dinputs, d<param> for param in params
                   ≈ finite differences of  f = Σ forward(*inputs) · dvalues   (GRADIENT_LIMIT)
                   ≈ the reference's gradient

    ``compare(got, expected, run)`` may replace the tolerance comparison of the forward
    output (for answers with several right values: any reasonable clipping, say).
    """

    def __init__(self, key, reference, trials, params=(), compare=None, seed=0, **options):
        super().__init__(key, reference, **options)
        self.trials = list(trials)
        self.params = tuple(params)
        self.seed = seed
        self.output_rule = compare

    def run(self, candidate):
        name = getattr(candidate, "__name__", "?")
        for number, trial in enumerate(self.trials):
            trial = copy.deepcopy(trial)
            self.run_trial(candidate, name, trial, np.random.default_rng(self.seed + number))

    def run_trial(self, candidate, name, trial, rng):
        where = trial.describe(name)
        reference = trial.construct(self.reference)
        obj = self.call(f"{name}()", trial.construct, candidate)
        params = {}
        for param in self.params:
            expected = getattr(reference, param)
            got = self.attribute(obj, param, f"{name}()")
            if np.shape(got) != expected.shape:
                raise _Fail(tr("build.part", part=param, trial=where,
                               reason=self.compare(got, expected, None)))
            params[param] = rng.standard_normal(expected.shape)
            setattr(reference, param, params[param].copy())
            try:
                setattr(obj, param, params[param].copy())
            except Exception as error:
                raise _Fail(tr("build.raised", step=f"{name}.{param} = ...", error=type(error).__name__,
                               message=_text(error))) from None
        run = SimpleNamespace(inputs=trial.inputs, dvalues=trial.dvalues, params=params, reference=reference)

        forward = self.method(obj, "forward", name)
        expected = reference.forward(*copy.deepcopy(trial.inputs))
        got = self.forward_output(name, obj, forward, copy.deepcopy(trial.inputs))
        run.expected = expected
        reason = self.compare(got, expected, run, self.output_rule)
        if reason:
            self.fail("output", got, tr("build.part", part=f"{name}.forward", trial=where, reason=reason), run)
        if trial.dvalues is None:
            return

        backward = self.method(obj, "backward", name)
        reference.backward(trial.dvalues.copy())
        returned = self.call(f"{name}.backward", backward, trial.dvalues.copy())
        gradients = {}
        for part in ("dinputs", *("d" + param for param in self.params)):
            value = self.call(f"{type(obj).__name__}.{part}", getattr, obj, part, None)
            if value is None and part == "dinputs":
                value = returned                  # backward returned dinputs without storing it
            if value is None:
                raise _Fail(tr("build.missing", attribute=part, step=f"{name}.backward"))
            gradients[part] = np.array(value, dtype=float, copy=True) if self._numeric(value) else value
        inputs = [np.array(value, dtype=float) if isinstance(value, np.ndarray) else value
                  for value in copy.deepcopy(trial.inputs)]

        def objective():
            output = self.forward_output(name, obj, forward, copy.deepcopy(inputs))
            return float(np.sum(np.asarray(output, dtype=float) * trial.dvalues))

        forward_right = tr("build.forward_right")
        for part, got in gradients.items():
            expected = run.expected = getattr(reference, part)
            if not self._numeric(got) or np.shape(got) != expected.shape:
                reason = self.compare(got, expected, run)
                self.fail(part, got, tr("build.part", part=part, trial=where, reason=reason), run, forward_right)
            target = inputs[0] if part == "dinputs" else self.attribute(obj, part[1:], f"{name}()")
            numeric = numerical_gradient(objective, target)
            error = relative_error(got, numeric)
            if error > GRADIENT_LIMIT:
                self.fail(part, got, tr("build.numeric", part=part, error=error, limit=GRADIENT_LIMIT),
                          run, forward_right)
            reason = self.compare(got, expected, run)
            if reason:
                self.fail(part, got, tr("build.part", part=part, trial=where, reason=reason), run, forward_right)

    def forward_output(self, name, obj, forward, inputs):
        """What ``forward`` returned, or the ``self.output`` it set (the book's style)."""
        result = self.call(f"{name}.forward", forward, *inputs)
        if result is None:
            result = self.call(f"{name}.forward", lambda: getattr(obj, "output", None))
        if result is None:
            raise self.unanswered("build.none", step=f"{name}.forward")
        return result

    @staticmethod
    def _numeric(value):
        try:
            array = np.asarray(value)
        except Exception:
            return False
        return array.dtype.kind in "iuf"


class OptimizerQuestion(BuildQuestion):
    """The reader writes an optimizer (Lessons 08, 09): it must move a layer's parameters as
    ``reference(*build)`` does, over ``steps`` steps.

    Two engine ``Dense(3, 2)`` layers start from the same seeded weights and biases; before
    every step both get the same gradients (``dweights``, ``dbiases``), then
    ``update(optimizer, [layer])`` runs (default ``optimizer.step([layer])``, the engine's
    protocol). After each step every parameter is compared; ``run`` has ``before``,
    ``gradient``, ``expected`` and ``step`` for the symptoms.
    """

    def __init__(self, key, reference, build=(), steps=3, update=None, seed=0, **options):
        super().__init__(key, reference, **options)
        self.build = build
        self.steps = steps
        self.update = update or (lambda optimizer, layers: optimizer.step(layers))
        self.seed = seed

    def run(self, candidate):
        name = getattr(candidate, "__name__", "?")
        trial = Trial(None, build=copy.deepcopy(self.build))
        optimizer = self.call(f"{name}()", trial.construct, candidate)
        reference = trial.construct(self.reference)
        rng = np.random.default_rng(self.seed)
        layers = Dense(3, 2), Dense(3, 2)
        for param in layers[0].params:
            value = rng.standard_normal(getattr(layers[0], param).shape)
            for layer in layers:
                setattr(layer, param, value.copy())
        for step in range(1, self.steps + 1):
            before = {param: getattr(layers[1], param).copy() for param in layers[1].params}
            gradients = {param: rng.standard_normal(value.shape) for param, value in before.items()}
            for layer in layers:
                for param, gradient in gradients.items():
                    setattr(layer, "d" + param, gradient.copy())
            self.call(f"{name} ({step})", self.update, optimizer, [layers[0]])
            self.update(reference, [layers[1]])
            for param in layers[1].params:
                got = self.attribute(layers[0], param, f"{name} ({step})")
                run = SimpleNamespace(before=before[param], gradient=gradients[param], step=step,
                                      expected=getattr(layers[1], param), reference=reference)
                reason = self.compare(got, run.expected, run)
                if reason:
                    self.fail(param, got, tr("build.step", step=step, steps=self.steps, part=param,
                                             reason=reason), run)


#: The symptom of an optimizer that steps uphill (Lessons 08, 09: ``MySGD``, ``MyAdam``):
#: θ moved by the reference's step with its sign flipped.
UPHILL = (lambda got, run: close(got - run.before, run.before - run.expected), {
    "en": "Your step has the right size but goes uphill: subtract the learning rate times the gradient.",
    "pt": "Seu passo tem o tamanho certo, mas vai morro acima: subtraia a taxa de aprendizado vezes o gradiente.",
})
