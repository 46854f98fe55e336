"""Lesson 08's explorer and strings: SGD against its two cures on a loss surface.

- ``SGDRace``: plain SGD, SGD with momentum μ and SGD with a decaying rate race on the
  surfaces of ``widgets.race`` (ravine, banana, saddle), with the gradient noise of a
  mini-batch as one more control: momentum shows on the ravine, decay against the noise.
  ``SGDRace(optimizer=MySGD)`` races the reader's ``MySGD`` against the engine's SGD with
  momentum.

The surfaces, ``Point``, ``optimize`` and the race itself are shared with Lesson 09 and
live in ``nnlessons.widgets.race``.
"""

from ...i18n import register
from ...widgets import Slider
from ...widgets.race import Race

register({
    "optimizers.weight": {"en": "weight w", "pt": "peso w"},
    "optimizers.bias": {"en": "bias b", "pt": "viés b"},
    "optimizers.loss": {"en": "loss L", "pt": "perda L"},
    "optimizers.same": {"en": "same numbers", "pt": "mesmos números"},
    "optimizers.iteration": {"en": "iteration", "pt": "iteração"},
    "optimizers.rate_used": {"en": "learning rate used", "pt": "taxa de aprendizado usada"},
    "optimizers.schedule_title": {"en": "η = learning_rate / (1 + decay · iterations)",
                                  "pt": "η = learning_rate / (1 + decay · iterations)"},
    "optimizers.fixed": {"en": "fixed η = {lr}", "pt": "η fixo = {lr}"},
    "optimizers.decayed": {"en": "η = {lr}, decay = {decay}", "pt": "η = {lr}, decay = {decay}"},
    "optimizers.last_epochs": {"en": "the last 10 epochs, near the minimum",
                               "pt": "as últimas 10 épocas, perto do mínimo"},
    "optimizers.loss_per_epoch": {"en": "loss after each epoch", "pt": "perda depois de cada época"},
    "optimizers.least_squares": {"en": "best possible (least squares)", "pt": "o melhor possível (mínimos quadrados)"},
    "optimizers.jitter": {
        "en": "{name}: (w, b) = ({w:.2f}, {b:.2f}); in the last 10 epochs L went from {low:.3f} to {high:.3f}",
        "pt": "{name}: (w, b) = ({w:.2f}; {b:.2f}); nas últimas 10 épocas L foi de {low:.3f} a {high:.3f}",
    },
})

# What the lesson's code cells print.
register({
    "optimizers.print.schedule_row": {"en": "t = {t:>3}: engine {engine:.4f}   by hand {by_hand:.4f}",
                                      "pt": "t = {t:>3}: motor {engine:.4f}   à mão {by_hand:.4f}"},
    "optimizers.print.least_squares": {"en": "{name}: (w, b) = ({w:.2f}, {b:.2f}), L = {loss:.3f}",
                                       "pt": "{name}: (w, b) = ({w:.2f}; {b:.2f}), L = {loss:.3f}"},
    "optimizers.print.race_row": {"en": "{surface}, η = {lr}, noise σ = {noise:g}: {summary}",
                                  "pt": "{surface}, η = {lr}, ruído σ = {noise:g}: {summary}"},
})


class SGDRace(Race):
    """Plain SGD against its two cures on a loss of two weights (Lesson 08): SGD with
    momentum μ (v ← μ·v − η·g, θ ← θ + v) and SGD with decay (η_t = η / (1 + decay · t)),
    all from the same start with the same η, each gradient with the same seeded Gaussian
    noise of standard deviation ``noise`` (0: the exact gradient). ``update`` returns what
    ``Race.update`` returns for the three racers ``"sgd"``, ``"momentum"``, ``"decay"``.
    """

    racing = ("sgd", "momentum", "decay")
    controls = {
        **{name: control for name, control in Race.controls.items() if name != "steps"},
        "decay": Slider("race.decay", 0.0, 0.2, 0.01, value=0.02),
        "noise": Slider("race.noise", 0.0, 4.0, 0.1, value=0.0),
        "steps": Race.controls["steps"],
    }
