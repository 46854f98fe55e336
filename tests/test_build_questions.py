"""The build-it question kinds (nnlessons.exercises.build): what the reader's class gets told.

A small ``MyDense`` question with a backward pass (the shape lesson 07 will use) and an
``OptimizerQuestion`` on SGD with momentum: the reference passes; every mistake a student
makes is named, part by part, in both languages; nothing the reader's code does can raise
out of ``check`` or change the question's own data.
"""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.exercises import LayerQuestion, OptimizerQuestion, Trial, close
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG
from nnlessons.layers import Dense
from nnlessons.optimizers import SGD

pytestmark = pytest.mark.usefixtures("language")

TEXTS = {"hint": {"en": "h", "pt": "d"}, "solution": {"en": "s", "pt": "s"}}
_rng = np.random.default_rng(0)
SQUARE = Trial(_rng.standard_normal((4, 4)), build=(4, 3), dvalues=_rng.standard_normal((4, 3)))
TALL = Trial(_rng.standard_normal((5, 4)), build=(4, 3), dvalues=_rng.standard_normal((5, 3)))

DENSE = LayerQuestion(
    "test_build.dense", Dense, trials=[SQUARE, TALL], params=("weights", "biases"), **TEXTS,
    symptoms={
        "output": [(lambda got, run: close(got, run.inputs[0] @ run.params["weights"]),
                    {"en": "did you forget the biases?", "pt": "esqueceu os vieses?"})],
        "dweights": [(lambda got, run: close(got, run.inputs[0] @ run.dvalues),
                      {"en": "did you forget inputs.T?", "pt": "esqueceu o inputs.T?"})],
        "dbiases": [(lambda got, run: close(got, run.dvalues.mean(axis=0, keepdims=True)),
                     {"en": "a sum, not a mean", "pt": "uma soma, e não uma média"})],
    })

SGD_QUESTION = OptimizerQuestion(
    "test_build.sgd", SGD, build={"learning_rate": 0.1, "momentum": 0.9}, steps=3, **TEXTS,
    symptoms={"weights": [(lambda got, run: close(got, 2 * run.before - run.expected) and run.step == 1,
                           {"en": "mind the sign: go against the gradient",
                            "pt": "cuidado com o sinal: vá contra o gradiente"})]})


class MyDense:
    def __init__(self, n_inputs, n_neurons):
        self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)
        self.biases = np.zeros((1, n_neurons))

    def forward(self, inputs):
        self.inputs = inputs
        self.output = inputs @ self.weights + self.biases
        return self.output

    def backward(self, dvalues):
        self.dweights = self.inputs.T @ dvalues
        self.dbiases = dvalues.sum(axis=0, keepdims=True)
        self.dinputs = dvalues @ self.weights.T


def variant(name, **methods):
    """MyDense with some methods replaced: one mistake per class."""
    return type(name, (MyDense,), methods)


def forgot_transpose(self, dvalues):
    MyDense.backward(self, dvalues)
    self.dweights = self.inputs @ dvalues


def mean_biases(self, dvalues):
    MyDense.backward(self, dvalues)
    self.dbiases = dvalues.mean(axis=0, keepdims=True)


def transposed_dinputs(self, dvalues):
    MyDense.backward(self, dvalues)
    self.dinputs = self.dinputs.T


def no_dbiases(self, dvalues):
    self.dweights = self.inputs.T @ dvalues
    self.dinputs = dvalues @ self.weights.T


MISTAKES = [
    (variant("NoBias", forward=lambda self, inputs: inputs @ self.weights),
     {"en": "`NoBias.forward`", "pt": "`NoBias.forward`"}, {"en": "forget the biases", "pt": "esqueceu os vieses"}),
    (variant("NoTranspose", backward=forgot_transpose),
     {"en": "The forward pass is right; `dweights` differs from the numerical gradient",
      "pt": "O forward está certo; `dweights` difere do gradiente numérico"},
     {"en": "inputs.T", "pt": "inputs.T"}),
    (variant("MeanBiases", backward=mean_biases),
     {"en": "`dbiases` differs from the numerical gradient", "pt": "`dbiases` difere do gradiente numérico"},
     {"en": "a sum, not a mean", "pt": "uma soma, e não uma média"}),
    (variant("TransposedDinputs", backward=transposed_dinputs),       # square inputs: the shape is right
     {"en": "`dinputs` differs from the numerical gradient", "pt": "`dinputs` difere do gradiente numérico"}, None),
    (variant("NoDbiases", backward=no_dbiases),
     {"en": "`dbiases` not set after NoDbiases.backward", "pt": "`dbiases` não foi definido depois de NoDbiases.backward"},
     None),
]


def test_the_reference_and_a_right_class_pass():
    assert DENSE.evaluate(Dense).status == CORRECT
    assert DENSE.evaluate(MyDense).status == CORRECT


def test_the_books_style_without_return_passes():
    def forward(self, inputs):
        self.inputs = inputs
        self.output = inputs @ self.weights + self.biases

    def backward(self, dvalues):          # returns dinputs without storing it
        self.dweights = self.inputs.T @ dvalues
        self.dbiases = dvalues.sum(axis=0, keepdims=True)
        return dvalues @ self.weights.T

    book = type("BookDense", (), {"__init__": MyDense.__init__, "forward": forward, "backward": backward})
    assert DENSE.evaluate(book).status == CORRECT


@pytest.mark.parametrize("candidate, part, tip", MISTAKES, ids=[m[0].__name__ for m in MISTAKES])
def test_each_mistake_names_its_part_and_only_its_tip(candidate, part, tip, language):
    feedback = DENSE.evaluate(candidate)
    assert feedback.status == WRONG
    assert part[language] in feedback.message
    every_tip = [i18n.tr(key) for entries in DENSE.symptoms.values() for _, key in entries]
    shown = [text for text in every_tip if text in feedback.message]
    assert shown == ([] if tip is None else [text for text in every_tip if tip[language] in text])


def test_a_transposed_gradient_gets_both_shapes_and_the_transpose(language):
    question = LayerQuestion("test_build.dense_tall", Dense, trials=[TALL], params=("weights", "biases"), **TEXTS)
    message = question.evaluate(variant("TransposedDinputs", backward=transposed_dinputs)).message
    assert {"en": "`dinputs` (for TransposedDinputs(4, 3) on inputs of shape (5, 4)): Your answer has shape (4, 5), "
                  "but the answer has shape (5, 4). It looks transposed: try .T.",
            "pt": "`dinputs` (para TransposedDinputs(4, 3) com entradas de formato (5, 4)): Sua resposta tem formato "
                  "(4, 5), mas a resposta tem formato (5, 4). Parece transposta: tente .T."}[language] in message


def test_a_blank_scaffold_is_not_answered(capsys):
    class Scaffold:
        def __init__(self, n_inputs, n_neurons):
            self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)
            self.biases = ...

        def forward(self, inputs):
            self.output = ...
            return self.output

    assert DENSE.check(Scaffold).status == UNANSWERED
    assert "..." in capsys.readouterr().out
    def backward(self, dvalues):
        self.dweights = self.dbiases = self.dinputs = ...
    backward_blank = variant("BackwardBlank", backward=backward)
    assert DENSE.evaluate(backward_blank).status == UNANSWERED
    loops_blank = variant("LoopBlank", forward=lambda self, inputs: np.zeros((len(inputs), ...)))
    assert DENSE.evaluate(loops_blank).status == UNANSWERED
    todo = variant("Todo", backward=lambda self, dvalues: (_ for _ in ()).throw(NotImplementedError))
    assert DENSE.evaluate(todo).status == UNANSWERED


BLANK_FORWARD = variant("BlankForward", forward=lambda self, inputs: ...)


def test_a_lesson_question_sends_a_stuck_reader_to_its_hint(language):
    message = DENSE.evaluate(BLANK_FORWARD).message
    assert message.endswith({"en": "Stuck? Run ex.dense.hint().", "pt": "Empacou? Rode ex.dense.hint()."}[language])


def test_a_check_that_is_not_the_lessons_names_no_hint_to_run(language):
    """A live widget's own check (``lesson_question=False``) is no ``ex.<name>`` of the lesson."""
    internal = LayerQuestion("test_build.internal", Dense, trials=[SQUARE], params=("weights", "biases"),
                             lesson_question=False, **TEXTS)
    for candidate in (BLANK_FORWARD, variant("NoneForward", forward=lambda self, inputs: None)):
        feedback = internal.evaluate(candidate)
        assert feedback.status == UNANSWERED
        assert "hint()" not in feedback.message and "ex.internal" not in feedback.message
        assert feedback.message.startswith({"en": "✏️ Not answered yet:", "pt": "✏️ Ainda sem resposta:"}[language])


def broken(step):
    """A MyDense whose ``step`` raises an exception with a message."""
    def boom(*args):
        raise KeyError(f"boom in {step}")
    return variant(f"Broken{step.title()}", **{step: boom})


@pytest.mark.parametrize("step, where", [("__init__", "Broken__Init__()"), ("forward", "Broken.forward"),
                                         ("backward", "BrokenBackward.backward")])
def test_an_exception_anywhere_is_reported_with_its_step(step, where):
    feedback = DENSE.evaluate(broken(step))
    assert feedback.status == WRONG
    assert "KeyError" in feedback.message and f"boom in {step}" in feedback.message
    assert where.split(".")[-1].split("(")[0] in feedback.message


def test_raising_properties_repr_eq_and_str_do_not_escape():
    class Weird(MyDense):
        @property
        def dweights(self):
            raise RuntimeError("property says no")

        @dweights.setter
        def dweights(self, value):
            pass

        def __repr__(self):
            raise RuntimeError("no repr")

    assert "property says no" in DENSE.evaluate(Weird).message

    class WeirdDinputs(MyDense):
        dinputs = property(lambda self: {}["dinputs"], lambda self, value: None)

    message = DENSE.evaluate(WeirdDinputs).message
    assert "WeirdDinputs.dinputs" in message and "KeyError" in message

    class Unprintable(Exception):
        def __str__(self):
            raise RuntimeError("no str")

    def forward(self, inputs):
        raise Unprintable()
    assert "Unprintable" in DENSE.evaluate(variant("Silent", forward=forward)).message

    class Strange:
        def __eq__(self, other):
            raise RuntimeError("no eq")

        def __array__(self, *args, **kwargs):
            raise RuntimeError("no array")

        def __repr__(self):
            raise RuntimeError("no repr")

    feedback = DENSE.evaluate(variant("StrangeOutput", forward=lambda self, inputs: Strange()))
    assert feedback.status == WRONG and "no array" in feedback.message
    assert DENSE.evaluate(Strange()).status == MALFORMED


def test_missing_methods_and_attributes_are_named(language):
    no_forward = type("NoForward", (), {"__init__": MyDense.__init__})
    assert "NoForward.forward" in DENSE.evaluate(no_forward).message
    no_weights = type("NoWeights", (), {"__init__": lambda self, *args: None, "forward": MyDense.forward})
    message = DENSE.evaluate(no_weights).message
    assert "`weights`" in message and ("not set" if language == "en" else "não foi definido") in message


def test_an_instance_or_a_function_is_malformed(language):
    feedback = DENSE.evaluate(MyDense(4, 3))
    assert feedback.status == MALFORMED
    assert ("without parentheses" if language == "en" else "sem parênteses") in feedback.message


def test_the_questions_data_is_never_changed():
    """A class that writes into its inputs and dvalues, and keeps them, spoils nothing."""
    before = [(trial.inputs[0].copy(), trial.dvalues.copy()) for trial in DENSE.trials]

    class Vandal(MyDense):
        def forward(self, inputs):
            out = MyDense.forward(self, inputs.copy())
            inputs[...] = 0.0
            return out

        def backward(self, dvalues):
            MyDense.backward(self, dvalues)
            dvalues[...] = 0.0

    assert DENSE.evaluate(Vandal).status == CORRECT     # its own results are right
    assert DENSE.evaluate(MyDense).status == CORRECT
    for trial, (inputs, dvalues) in zip(DENSE.trials, before):
        assert np.array_equal(trial.inputs[0], inputs) and np.array_equal(trial.dvalues, dvalues)


def test_passes_is_quiet_and_check_prints(capsys):
    assert DENSE.passes(MyDense) is True
    assert DENSE.passes(variant("NoBias", forward=lambda self, inputs: inputs @ self.weights)) is False
    assert DENSE.passes(None) is False
    assert capsys.readouterr().out == ""
    DENSE.check(MyDense)
    assert capsys.readouterr().out.strip()


class MySGD:
    def __init__(self, learning_rate=1.0, momentum=0.0):
        self.learning_rate, self.momentum = learning_rate, momentum
        self.velocity = {}

    def step(self, layers):
        for layer in layers:
            for name in ("weights", "biases"):
                key = (id(layer), name)
                velocity = self.momentum * self.velocity.get(key, 0.0) - self.learning_rate * getattr(layer, "d" + name)
                self.velocity[key] = velocity
                setattr(layer, name, getattr(layer, name) + velocity)


def plain_step(self, layers):
    for layer in layers:
        for name in ("weights", "biases"):
            setattr(layer, name, getattr(layer, name) - self.learning_rate * getattr(layer, "d" + name))


def uphill_step(self, layers):
    for layer in layers:
        for name in ("weights", "biases"):
            setattr(layer, name, getattr(layer, name) + self.learning_rate * getattr(layer, "d" + name))


def test_an_optimizer_is_compared_step_by_step(language):
    assert SGD_QUESTION.evaluate(SGD).status == CORRECT
    assert SGD_QUESTION.evaluate(MySGD).status == CORRECT
    no_momentum = SGD_QUESTION.evaluate(type("NoMomentum", (MySGD,), {"step": plain_step}))
    assert no_momentum.status == WRONG
    assert ("After step 2 of 3, `weights`" if language == "en" else "Depois do passo 2 de 3, `weights`") in no_momentum.message
    assert "sinal" not in no_momentum.message and "sign" not in no_momentum.message
    uphill = SGD_QUESTION.evaluate(type("Uphill", (MySGD,), {"step": uphill_step}))
    assert ("mind the sign" if language == "en" else "cuidado com o sinal") in uphill.message
    no_step = SGD_QUESTION.evaluate(type("NoStep", (), {"__init__": MySGD.__init__}))
    assert "NoStep" in no_step.message and no_step.status == WRONG


def test_an_optimizer_that_crashes_or_has_blanks():
    def crash(self, layers):
        raise ZeroDivisionError("division by zero")
    assert "ZeroDivisionError" in SGD_QUESTION.evaluate(type("Crash", (MySGD,), {"step": crash})).message
    blank = type("Blank", (MySGD,), {"step": lambda self, layers: [setattr(layer, "weights", ...) for layer in layers]})
    assert SGD_QUESTION.evaluate(blank).status == UNANSWERED
