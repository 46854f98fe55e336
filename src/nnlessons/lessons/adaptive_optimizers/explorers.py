"""Lesson 09's explorer and strings: the five optimizers race on a loss surface.

- ``OptimizerRace``: SGD, SGD + momentum, AdaGrad, RMSprop and Adam from the same start
  with the same η on the surfaces of ``widgets.race``; ``OptimizerRace(optimizer=MyAdam)``
  races the reader's ``MyAdam`` against the engine's Adam (``MySGD`` against SGD with
  momentum).

The surfaces, ``Point``, ``optimize`` and the race itself are shared with Lesson 08 and
live in ``nnlessons.widgets.race``.
"""

from ...i18n import register
from ...widgets.race import Race

register({
    "adaptive_optimizers.by_hand": {"en": "by hand", "pt": "à mão"},
    "adaptive_optimizers.engine": {"en": "engine", "pt": "motor"},
    "adaptive_optimizers.same": {"en": "same numbers", "pt": "mesmos números"},
    "adaptive_optimizers.rates": {"en": "after {steps:>3} step(s), η/(√cache + ε) = {rates}",
                                  "pt": "depois de {steps:>3} passo(s), η/(√cache + ε) = {rates}"},
    "adaptive_optimizers.first_step": {"en": "first step: {step}   −η·sign(g): {sign}",
                                       "pt": "primeiro passo: {step}   −η·sinal(g): {sign}"},
    "adaptive_optimizers.evaluation": {"en": "loss {loss:.2f}, accuracy {accuracy:.0%}",
                                       "pt": "perda {loss:.2f}, acurácia {accuracy:.0%}"},
    "adaptive_optimizers.accuracy": {"en": "accuracy", "pt": "acurácia"},
})

# What the lesson's code cells print.
register({
    "adaptive_optimizers.print.race_row": {"en": "{surface}, η = {lr}: {summary}",
                                           "pt": "{surface}, η = {lr}: {summary}"},
    "adaptive_optimizers.print.contender": {"en": "{name}, η = {lr}", "pt": "{name}, η = {lr}"},
    "adaptive_optimizers.print.contender_momentum": {"en": "{name}, η = {lr}, μ = {mu}",
                                                     "pt": "{name}, η = {lr}, μ = {mu}"},
})


class OptimizerRace(Race):
    """The engine's five optimizers race on a loss of two weights (Lesson 09): SGD,
    SGD + momentum μ, AdaGrad, RMSprop and Adam, all with the same η and their default
    ε, ρ, β₁, β₂, from the same start (``Race`` says what ``update`` returns)."""

    racing = ("sgd", "momentum", "adagrad", "rmsprop", "adam")
