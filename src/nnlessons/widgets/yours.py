"""Your own classes in the live widgets (Lessons 07–10): the machinery, no lesson.

A reader who has written ``MyDense`` (forward and backward, Lesson 07) or ``MySGD`` /
``MyAdam`` (Lessons 08, 09) can hand the class to a live widget::

    SpiralTrainer(dense=MyDense, optimizer=MyAdam, learning_rate=0.02)

The widget runs the reader's class only after it passed a quiet check, made with the
build-it checker (``nnlessons.exercises.build``): forward and backward against finite
differences and the engine's ``Dense``, or four optimizer steps against the engine's
``SGD`` (with momentum) or ``Adam``.

- ``Part(candidate, kind)``: the reader's class when it passed its check, else the
  engine's, with the check's feedback; ``kind`` is ``"dense"`` or ``"optimizer"``;
- ``YourLayer``: the engine's layer protocol (``forward(inputs, training)``, ``params``,
  ``d<param>``) around the reader's layer object, so ``Model`` trains it;
- ``YourOptimizer``: the same for the reader's optimizer;
- ``YourCodeRaised``: what the reader's code raised while a trainer trained with it (a
  class can pass its check and still fail on a batch size or a step the check did not
  try); the trainer then falls back to the engine's class (``Part.fall_back``);
- ``dense_layer``, ``optimizer_for``, ``two_layer_classifier``: the live trainers' layers,
  optimizer and network, built from the ``Part``s;
- ``make_network(hidden, activation, classes, learning_rate)``: that network by the
  activation's name, the engine's classes unless ``Part``s are given (Lessons 10, 11);
- ``running(parts)``: the line a widget shows ("Running: your MyDense + nnlessons' SGD.")
  and ``refusals(parts)``: for a class that did not pass, or that raised, why the engine's
  runs instead.
"""

import html
from contextlib import contextmanager

import numpy as np

from ..exercises.build import LayerQuestion, OptimizerQuestion, Trial
from ..exercises.questions import _text
from ..i18n import register, tr
from ..activations import ReLU, Sigmoid, Softmax, Tanh
from ..layers import Dense
from ..losses import CategoricalCrossEntropy
from ..model import Model
from ..optimizers import SGD, Adam

register({
    "yours.running": {"en": "⚙️ Running: {parts}.", "pt": "⚙️ Rodando: {parts}."},
    "yours.yours.dense": {"en": "your {name}", "pt": "sua {name}"},
    "yours.yours.optimizer": {"en": "your {name}", "pt": "seu {name}"},
    "yours.versus": {"en": "⚙️ Racing: {yours} against {engine}.", "pt": "⚙️ Na corrida: {yours} contra {engine}."},
    "yours.engine": {"en": "nnlessons' {name}", "pt": "{name} do nnlessons"},
    "yours.refused.dense": {
        "en": "Your {name} has not passed its check yet, so nnlessons' {engine} runs instead. {reason} "
              "The lesson's build-it question says how to fix it.",
        "pt": "Sua classe {name} ainda não passou na conferência, então roda a {engine} do nnlessons. {reason} "
              "A questão “construa” da lição diz como consertar.",
    },
    "yours.refused.optimizer": {
        "en": "Your {name} has not passed its check yet, so nnlessons' {engine} runs instead. {reason} "
              "The lesson's build-it question says how to fix it.",
        "pt": "Sua classe {name} ainda não passou na conferência, então roda o {engine} do nnlessons. {reason} "
              "A questão “construa” da lição diz como consertar.",
    },
    "yours.raised": {"en": "{where} raised {error}: {message}", "pt": "{where} levantou {error}: {message}"},
    "yours.shape": {
        "en": "{name} has shape {got} for a batch of {batch}, expected {expected}",
        "pt": "{name} tem formato {got} para um lote de {batch}, esperava {expected}",
    },
    "yours.fell_back.dense": {
        "en": "⚠️ {failure}. Your {name} passed its check but failed while training, so training with it stopped "
              "and nnlessons' {engine} runs instead. Look for what training gave it that the check did not "
              "(a batch of another size, say).",
        "pt": "⚠️ {failure}. Sua classe {name} passou na conferência, mas falhou durante o treino; então o treino "
              "com ela parou e roda a {engine} do nnlessons no lugar. Procure o que o treino deu a ela e a "
              "conferência não deu (um lote de outro tamanho, por exemplo).",
    },
    "yours.fell_back.optimizer": {
        "en": "⚠️ {failure}. Your {name} passed its check but failed while training, so training with it stopped "
              "and nnlessons' {engine} runs instead. Look for what training gave it that the check did not "
              "(more steps, other layers, say).",
        "pt": "⚠️ {failure}. Sua classe {name} passou na conferência, mas falhou durante o treino; então o treino "
              "com ela parou e roda o {engine} do nnlessons no lugar. Procure o que o treino deu a ela e a "
              "conferência não deu (mais passos, outras camadas, por exemplo).",
    },
    "yours.refused.race": {
        "en": "Your {name} has not passed its check yet, so it does not race: here are nnlessons' optimizers. "
              "{reason} The lesson's build-it question says how to fix it.",
        "pt": "Sua classe {name} ainda não passou na conferência, então ela não corre: aqui estão os otimizadores "
              "do nnlessons. {reason} A questão “construa” da lição diz como consertar.",
    },
})

#: The checks' options: the lessons' own build-it questions are the ones that teach, and the
#: only ones a reader can call (``lesson_question=False``: no "Run ex.dense.hint()").
_OPTIONS = {
    "lesson_question": False,
    "hint": {
        "en": "Check your class with the lesson's build-it question first: ex.qN.check(YourClass) says what to fix.",
        "pt": "Confira sua classe primeiro com a questão “construa” da lição: ex.qN.check(SuaClasse) diz o que "
              "consertar.",
    },
    "solution": {
        "en": "The solution of the lesson's build-it question (ex.qN.solution()) passes this check.",
        "pt": "A solução da questão “construa” da lição (ex.qN.solution()) passa nesta conferência.",
    },
}

_rng = np.random.default_rng(7)

#: A whole dense layer, forward and backward, on three shapes (Lesson 07's ``MyDense``);
#: square first, so a forgotten transpose gives wrong numbers, not a crash.
DENSE_TRIALS = [
    Trial(np.array([[0.5, -1.0, 2.0], [1.5, 0.2, -0.3], [-2.0, 1.0, 0.7]]), build=(3, 3),
          dvalues=np.array([[0.2, -0.5, 1.0], [1.2, 0.4, -0.6], [-0.3, 0.8, 0.1]])),
    Trial(np.array([[1.0, 2.0, 3.0, 2.5], [2.0, 5.0, -1.0, 2.0], [-1.5, 2.7, 3.3, -0.8]]), build=(4, 3),
          dvalues=np.array([[1.0, -2.0, 0.5], [0.3, 0.1, -1.0], [-0.7, 0.4, 2.0]])),
    Trial(_rng.standard_normal((5, 2)), build=(2, 5), dvalues=_rng.standard_normal((5, 5))),
]

#: The optimizers of Lessons 08 and 09, each with the arguments its check builds it with.
OPTIMIZER_BUILDS = {SGD: {"learning_rate": 0.1, "momentum": 0.9}, Adam: {"learning_rate": 0.01}}

#: Lessons 08 and 09's checks take 4 steps: Adam's bias correction matters most in the first ones.
OPTIMIZER_STEPS = 4

CHECKS = {
    "dense": {Dense: LayerQuestion("yours.dense", Dense, DENSE_TRIALS, params=("weights", "biases"), **_OPTIONS)},
    "optimizer": {engine: OptimizerQuestion(f"yours.{engine.__name__.lower()}", engine, build=build,
                                            steps=OPTIMIZER_STEPS, **_OPTIONS)
                  for engine, build in OPTIMIZER_BUILDS.items()},
}


class Part:
    """One part of a live trainer (Lessons 07–11): the reader's class when it passed its
    check, else the engine's ``default``.

    ``candidate``: the reader's class or None. ``kind``: ``"dense"`` or ``"optimizer"``.
    After the check: ``yours`` (the reader's class, or None) and ``twin``, the engine class
    it behaves like: the one whose check it passed or, for a class refused, the one it is
    named after ("MyAdam" → ``Adam``), else ``default``; ``twin`` runs when ``yours`` is
    None. ``feedback``: the check's ``Feedback`` when the class was refused; ``failure``:
    the ``YourCodeRaised`` after which a trainer fell back to ``twin``.
    """

    def __init__(self, candidate, kind, default):
        self.candidate, self.kind, self.yours, self.twin = candidate, kind, None, default
        self.feedback = self.failure = None
        if candidate is None:
            return
        feedbacks = {}
        for engine, check in CHECKS[kind].items():
            feedbacks[engine] = check.evaluate(candidate)
            if feedbacks[engine].correct:
                self.yours, self.twin = candidate, engine
                return
        name = getattr(candidate, "__name__", "").lower()
        self.twin = next((engine for engine in feedbacks if engine.__name__.lower() in name), default)
        self.feedback = feedbacks.get(self.twin, next(iter(feedbacks.values())))

    @property
    def label(self):
        """"your MyDense" or "nnlessons' SGD", in the lesson's language; an engine class
        handed in (``optimizer=Adam``) is nnlessons', not the reader's."""
        if self.yours is None or is_engine_class(self.yours):
            return self.engine_label
        return tr(f"yours.yours.{self.kind}", name=self.yours.__name__)

    @property
    def engine_label(self):
        """"nnlessons' Adam": the engine class this part runs or races against."""
        return tr("yours.engine", name=self.twin.__name__)

    def fall_back(self, failure):
        """The reader's class raised ``failure`` while training: the twin runs from now on."""
        self.yours, self.failure = None, failure


def is_engine_class(cls):
    """True for a class of nnlessons itself (``Adam``), False for the reader's (``MyAdam``,
    even one that subclasses the engine's)."""
    return getattr(cls, "__module__", "").split(".")[0] == "nnlessons"


def running(parts):
    """What a widget shows when the reader gave it classes (Lessons 07–11): "Running: your
    MyDense + nnlessons' SGD." and one line per class refused, with the check's reason.
    "" when the reader gave none (the engine's default view is unchanged)."""
    if all(part.candidate is None for part in parts):
        return ""
    return "<br>".join([tr("yours.running", parts=" + ".join(part.label for part in parts)), *refusals(parts)])


def refusals(parts, key=None):
    """One line per class of the reader's that does not run: its name, the engine class that
    runs instead, and why: the check's feedback (``key``: another wording), or what it raised
    while training. The lines are HTML (a widget's caption), so the reader's texts are escaped."""
    lines = []
    for part in parts:
        name = html.escape(getattr(part.candidate, "__name__", repr(part.candidate)), quote=False)
        if part.failure is not None:
            lines.append(tr(f"yours.fell_back.{part.kind}", failure=html.escape(str(part.failure), quote=False),
                            name=name, engine=part.twin.__name__))
        elif part.feedback is not None:
            lines.append(tr(key or f"yours.refused.{part.kind}", name=name, engine=part.twin.__name__,
                            reason=html.escape(part.feedback.message, quote=False)))
    return lines


class YourCodeRaised(Exception):
    """The reader's class raised while a live trainer trained with it (Lessons 07–11).

    ``kind``: ``"dense"`` or ``"optimizer"`` (the ``Part`` to fall back); ``where``: the
    method, e.g. ``"MyDense.backward"``; ``error``: what it raised. ``str()`` is the line
    the widget shows: "MyDense.backward raised ValueError: …".
    """

    def __init__(self, kind, where, error):
        super().__init__(kind, where, error)
        self.kind, self.where, self.error = kind, where, error

    def __str__(self):
        return tr("yours.raised", where=self.where, error=type(self.error).__name__,
                  message=_text(self.error).rstrip("."))


@contextmanager
def blamed(kind, where):
    """Run the reader's code: whatever it raises comes out as ``YourCodeRaised(kind, where, error)``."""
    try:
        yield
    except Exception as error:
        raise YourCodeRaised(kind, where, error) from error


def _expect_shape(value, expected, name, batch):
    """Raise a ``ValueError`` naming ``name`` when the reader's array does not have the
    ``expected`` shape: a layer right on the check's batches may go wrong on the trainer's,
    and the next layer would then fail (or the loss blow up) far from the cause."""
    got = np.shape(value)
    if got != tuple(expected):
        raise ValueError(tr("yours.shape", name=name, got=got, expected=tuple(expected), batch=batch))


def _forwarded(name):
    """A property that reads and writes ``name`` on the reader's object."""
    return property(lambda self: getattr(self.yours, name), lambda self, value: setattr(self.yours, name, value),
                    doc=f"The reader's object's ``{name}``.")


class YourLayer:
    """The engine's layer protocol around the reader's dense layer (Lessons 07, 10).

    ``forward(inputs, training=True)`` calls the reader's ``forward(inputs)`` and returns
    what it returned (or the ``self.output`` it set); ``backward(dvalues)`` calls the
    reader's ``backward`` and returns its ``dinputs``. ``weights``, ``biases``,
    ``dweights`` and ``dbiases`` are the reader's own arrays, so ``Model``, the engine's
    optimizers and the reader's optimizer all update the reader's layer.

    ``start``: an engine ``Dense`` whose weights and biases the reader's layer starts from
    (the same seeded network as the default, so runs are deterministic and comparable).
    """

    params = ("weights", "biases")
    state = ()
    weights, biases = _forwarded("weights"), _forwarded("biases")
    dweights, dbiases = _forwarded("dweights"), _forwarded("dbiases")

    def __init__(self, yours, start):
        self.yours = yours
        self.weights, self.biases = start.weights.copy(), start.biases.copy()

    def __repr__(self):
        return f"YourLayer({type(self.yours).__name__})"

    def forward(self, inputs, training=True):
        with blamed("dense", f"{type(self.yours).__name__}.forward"):
            output = self.yours.forward(inputs)
            self.output = self.yours.output if output is None else output
            _expect_shape(self.output, (len(inputs), self.weights.shape[1]), "output", len(inputs))
        self.inputs_shape = np.shape(inputs)
        return self.output

    def backward(self, dvalues):
        with blamed("dense", f"{type(self.yours).__name__}.backward"):
            returned = self.yours.backward(dvalues)
            self.dinputs = getattr(self.yours, "dinputs", returned)
            _expect_shape(self.dinputs, self.inputs_shape, "dinputs", len(dvalues))
        return self.dinputs


class YourOptimizer:
    """The reader's optimizer in a live trainer (Lessons 07–11): ``step(layers)`` calls the
    reader's ``step``, and what it raises becomes ``YourCodeRaised``; ``learning_rate`` is
    the reader's (``Model`` names it when training diverges)."""

    learning_rate = _forwarded("learning_rate")

    def __init__(self, yours):
        self.yours = yours

    def __repr__(self):
        return f"YourOptimizer({type(self.yours).__name__})"

    def step(self, layers):
        with blamed("optimizer", f"{type(self.yours).__name__}.step"):
            self.yours.step(layers)


def dense_layer(part, n_inputs, n_neurons, seed):
    """A dense layer for a live trainer: the engine's ``Dense(n_inputs, n_neurons, seed=seed)``,
    or the reader's class (``part.yours``) started from that layer's weights."""
    start = Dense(n_inputs, n_neurons, seed=seed)
    if part.yours is None:
        return start
    with blamed(part.kind, f"{part.yours.__name__}()"):
        return YourLayer(part.yours(n_inputs, n_neurons), start)


def optimizer_for(part, **build):
    """The optimizer of a live trainer: the engine's ``part.twin(**build)``, or the reader's
    class (``part.yours``) built the same way, in a ``YourOptimizer``."""
    if part.yours is None:
        return part.twin(**build)
    with blamed(part.kind, f"{part.yours.__name__}()"):
        return YourOptimizer(part.yours(**build))


def two_layer_classifier(dense, optimizer, hidden, classes, activation, learning_rate):
    """The live trainers' network (Lessons 07, 10, 11): 2 → ``hidden`` (``activation``, a layer
    object) → ``classes`` (softmax), categorical cross-entropy, the optimizer at
    ``learning_rate``; seeded initial weights (seeds 0 and 1). ``dense`` and ``optimizer``
    are ``Part``s: the reader's classes where they passed their checks, else the engine's."""
    return Model([dense_layer(dense, 2, hidden, seed=0), activation, dense_layer(dense, hidden, classes, seed=1),
                  Softmax()], CategoricalCrossEntropy(), optimizer_for(optimizer, learning_rate=learning_rate))


#: Activation name → class, for the hidden layer of ``make_network``.
ACTIVATIONS = {"relu": ReLU, "tanh": Tanh, "sigmoid": Sigmoid}


def make_network(hidden, activation, classes, learning_rate, dense=None, optimizer=None):
    """The small classifier of Lessons 10 and 11: 2 → ``hidden`` (``activation``, a name of
    ``ACTIVATIONS``) → ``classes`` (softmax), categorical cross-entropy, Adam with
    ``learning_rate``; seeded initial weights, so the same call trains the same way.
    ``dense`` and ``optimizer``: ``Part``s with the reader's classes (see ``Part``)."""
    if activation not in ACTIVATIONS:
        raise ValueError(tr("widget.choice", where="make_network", name="activation", options=list(ACTIVATIONS),
                            value=activation))
    dense, optimizer = dense or Part(None, "dense", Dense), optimizer or Part(None, "optimizer", Adam)
    return two_layer_classifier(dense, optimizer, hidden, classes, ACTIVATIONS[activation](), learning_rate)
