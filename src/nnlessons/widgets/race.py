"""Optimizers racing on a loss of two weights (Lessons 08 and 09): the machinery, no lesson.

- ``Point``: a layer-like object that holds one point θ = (w₁, w₂) as its only
  parameter, so the engine's optimizers move it with their real ``step([point])``;
- ``optimize``: runs one engine optimizer on a surface's gradient from a start point,
  stopping when the point leaves the picture (a diverging run stays finite); ``noise``
  adds seeded Gaussian noise to every gradient, as a mini-batch would;
- ``SURFACES``: a narrow ravine, Rosenbrock's banana and a saddle between two valleys;
- ``RACERS``: every optimizer that races, built from η, μ and the decay;
- ``LogSlider``: a slider whose positions are evenly spaced in log₁₀ (learning rates);
- ``racers_with``: a race's racers, or the reader's optimizer against its engine twin;
- ``Race``: the racers of ``racing`` from the same start, paths drawn over the
  contour lines and the loss after each step; the legend says who diverged, the caption
  gives each one's final loss (or the step at which it left the picture). Lesson 08
  races SGD against its two cures (momentum, decay), Lesson 09 the five optimizers.
"""

import html

import numpy as np
from matplotlib.colors import to_hex
from matplotlib.ticker import MaxNLocator

from ..i18n import register, tr
from ..optimizers import SGD, Adagrad, Adam, RMSprop
from ..plots.style import CLASS_COLORS, draw_contours, few_ticks, format_number, nice_limit
from .base import Widget
from .controls import LABEL_STYLE, Choice, IntSlider, Slider
from .yours import Part, refusals

register({
    "race.surface": {"en": "surface", "pt": "superfície"},
    "race.ravine": {"en": "narrow ravine", "pt": "ravina estreita"},
    "race.banana": {"en": "Rosenbrock's banana", "pt": "banana de Rosenbrock"},
    "race.saddle": {"en": "saddle", "pt": "sela"},
    "race.learning_rate": {"en": "learning rate η", "pt": "taxa de aprendizado η"},
    "race.momentum": {"en": "momentum μ", "pt": "momento μ"},
    "race.steps": {"en": "steps", "pt": "passos"},
    "race.step": {"en": "step", "pt": "passo"},
    "race.loss_title": {"en": "loss after each step (log scale)", "pt": "perda após cada passo (escala log)"},
    "race.start": {"en": "start", "pt": "início"},
    "race.minimum": {"en": "minimum", "pt": "mínimo"},
    "race.sgd": {"en": "SGD", "pt": "SGD"},
    "race.momentum_racer": {"en": "SGD + momentum", "pt": "SGD + momento"},
    "race.adagrad": {"en": "AdaGrad", "pt": "AdaGrad"},
    "race.rmsprop": {"en": "RMSprop", "pt": "RMSprop"},
    "race.adam": {"en": "Adam", "pt": "Adam"},
    "race.diverged": {"en": "{name}\n(diverged)", "pt": "{name}\n(divergiu)"},
    "race.final": {"en": "{name} {loss}", "pt": "{name} {loss}"},
    "race.left": {"en": "{name} diverged at step {step}", "pt": "{name} divergiu no passo {step}"},
    "race.lowest": {"en": "lowest", "pt": "a menor"},
    "race.raised": {
        "en": "{name} stopped at step {step}: {error}",
        "pt": "{name} parou no passo {step}: {error}",
    },
    "race.raised_at_start": {
        "en": "{name} stopped at the start: {error}. The race's point has only `weights` in its params: "
              "loop over layer.params instead of naming weights and biases",
        "pt": "{name} parou na largada: {error}. O ponto da corrida só tem `weights` nos seus params: "
              "percorra layer.params em vez de escrever weights e biases",
    },
    "race.caption": {
        "en": "η = {lr}, μ = {mu}{settings}, {steps} step(s). Loss at the end: {finals}.{advice}",
        "pt": "η = {lr}, μ = {mu}{settings}, {steps} passo(s). Perda no fim: {finals}.{advice}",
    },
    "race.err_start": {
        "en": "Point: start must be one point (w₁, w₂), two finite numbers, got {got!r}.",
        "pt": "Point: start deve ser um ponto (w₁, w₂), dois números finitos, recebeu {got!r}.",
    },
    "race.err_steps": {
        "en": "optimize: steps must be a whole number ≥ 0, got {got!r}.",
        "pt": "optimize: steps deve ser um número inteiro ≥ 0, recebeu {got!r}.",
    },
    "race.err_extent": {
        "en": "optimize: extent must be (w1_low, w1_high, w2_low, w2_high) with each low < high, got {got!r}.",
        "pt": "optimize: extent deve ser (w1_low, w1_high, w2_low, w2_high) com cada low < high, recebeu {got!r}.",
    },
    "race.err_gradient": {
        "en": "optimize: gradient(theta) must return the two numbers (∂L/∂w₁, ∂L/∂w₂), got shape {shape}.",
        "pt": "optimize: gradient(theta) deve devolver os dois números (∂L/∂w₁, ∂L/∂w₂), recebeu formato {shape}.",
    },
    "race.err_noise": {
        "en": "optimize: noise is the standard deviation of the noise added to each gradient, a number ≥ 0, "
              "got {got!r}. Try noise=0 for the exact gradient.",
        "pt": "optimize: noise é o desvio-padrão do ruído somado a cada gradiente, um número ≥ 0, "
              "recebeu {got!r}. Tente noise=0 para o gradiente exato.",
    },
    "race.formula_ravine": {"en": "L = 0.05·w₁² + 4·w₂²", "pt": "L = 0,05·w₁² + 4·w₂²"},
    "race.formula_banana": {"en": "L = (1 − w₁)² + 10·(w₂ − w₁²)²", "pt": "L = (1 − w₁)² + 10·(w₂ − w₁²)²"},
    "race.formula_saddle": {"en": "L = w₁² + (w₂² − 1)²/4", "pt": "L = w₁² + (w₂² − 1)²/4"},
    "race.decay": {"en": "decay", "pt": "decaimento"},
    "race.noise": {"en": "gradient noise", "pt": "ruído do gradiente"},
    "race.decay_racer": {"en": "SGD + decay", "pt": "SGD + decaimento"},
    "race.settings_decay": {"en": ", decay = {decay}", "pt": ", decaimento = {decay}"},
    "race.settings_noise": {"en": ", gradient noise σ = {noise}", "pt": ", ruído do gradiente σ = {noise}"},
    "race.advice": {
        "en": " A racer that diverged left the picture: try a smaller η.",
        "pt": " Quem divergiu saiu do quadro: tente um η menor.",
    },
})


class Point:
    """A layer-like holder of one point θ = (w₁, w₂) for the engine's optimizers (Lesson 08).

    ``params = ("weights",)``: ``weights`` has shape (1, 2) and holds θ; set ``dweights``
    (same shape) to the gradient ∇L(θ) before each ``optimizer.step([point])``, which
    then moves ``weights`` in place exactly as it moves a ``Dense`` layer's weights.
    """

    params = ("weights",)

    def __init__(self, start):
        try:
            weights = np.array([start], dtype=float)
        except (TypeError, ValueError):
            weights = None
        if weights is None or weights.shape != (1, 2) or not np.all(np.isfinite(weights)):
            raise ValueError(tr("race.err_start", got=start))
        self.weights = weights
        self.dweights = np.zeros_like(self.weights)


def optimize(optimizer, gradient, start, steps, extent, noise=0.0, seed=0):
    """Run an engine optimizer on a loss of two weights (Lesson 08).

    Each step: ``point.dweights = ∇L(θ) + noise · z``, then ``optimizer.step([point])``, with
    z two standard normal numbers drawn from ``seed`` (the same draws for every optimizer
    given the same seed: a noisy gradient like a mini-batch's, Lesson 06). ``gradient(theta)``
    returns ∇L at ``theta`` (shape (2,)); ``extent = (w1_low, w1_high, w2_low, w2_high)`` is
    the picture. The run stops at the first θ outside it (or not finite), so a diverging
    optimizer leaves the picture and every number stays finite.
    Returns ``(path, left_at)``: path (k + 1, 2) holds θ_0 .. θ_k, and ``left_at`` is the
    step at which θ left the picture (None when it never did).
    """
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError(tr("race.err_steps", got=steps))
    if len(extent) != 4 or not (extent[0] < extent[1] and extent[2] < extent[3]):
        raise ValueError(tr("race.err_extent", got=extent))
    if not isinstance(noise, (int, float, np.integer, np.floating)) or not (np.isfinite(noise) and noise >= 0):
        raise ValueError(tr("race.err_noise", got=noise))
    draws = np.random.default_rng(seed)
    point = Point(start)
    (w1_low, w1_high, w2_low, w2_high) = extent
    path = [tuple(point.weights[0])]
    for step in range(1, steps + 1):
        g = np.asarray(gradient(point.weights[0]), dtype=float)
        if g.shape != (2,):
            raise ValueError(tr("race.err_gradient", shape=g.shape))
        point.dweights[0] = g + noise * draws.standard_normal(2) if noise else g
        optimizer.step([point])
        w1, w2 = point.weights[0]
        path.append((w1, w2))
        if not (w1_low <= w1 <= w1_high and w2_low <= w2 <= w2_high):     # NaN fails too
            return np.array(path), step
    return np.array(path), None


class _Surface:
    """A loss of two weights for the race: loss, gradient, ``formula`` (the i18n key of the
    title that states it), picture, start and minima."""

    def __init__(self, loss, gradient, formula, extent, start, minima, levels):
        self.loss, self.gradient, self.formula = loss, gradient, formula
        self.extent, self.start = extent, start
        self.minima, self.levels = minima, levels


def _ravine_loss(w1, w2):
    return 0.05 * w1 ** 2 + 4.0 * w2 ** 2


def _banana_loss(w1, w2):
    return (1.0 - w1) ** 2 + 10.0 * (w2 - w1 ** 2) ** 2


def _saddle_loss(w1, w2):
    return w1 ** 2 + (w2 ** 2 - 1.0) ** 2 / 4


#: The race's loss surfaces. ravine: curvature 0.1 along w₁ and 8 across (80 times
#: steeper), so SGD's η is capped by the walls and crawls along the floor. banana:
#: Rosenbrock's (1960) curved valley, with 10 instead of the usual 100 so the race fits
#: in a few hundred steps; minimum at (1, 1). saddle: a pass at (0, 0) between two
#: valleys at w₂ = ±1, with a start almost on the ridge, where the gradient is tiny.
SURFACES = {
    "ravine": _Surface(_ravine_loss, lambda t: np.array([0.1 * t[0], 8.0 * t[1]]),
                       "race.formula_ravine", (-5.0, 5.0, -3.0, 3.0), (-4.5, 2.0), [(0.0, 0.0)],
                       np.geomspace(0.05, 40.0, 10)),
    "banana": _Surface(_banana_loss,
                       lambda t: np.array([-2.0 * (1.0 - t[0]) - 40.0 * t[0] * (t[1] - t[0] ** 2),
                                           20.0 * (t[1] - t[0] ** 2)]),
                       "race.formula_banana", (-2.0, 2.0, -1.0, 3.0), (-1.5, 2.0), [(1.0, 1.0)],
                       np.geomspace(0.02, 150.0, 12)),
    "saddle": _Surface(_saddle_loss, lambda t: np.array([2.0 * t[0], t[1] * (t[1] ** 2 - 1.0)]),
                       "race.formula_saddle", (-2.0, 2.0, -2.0, 2.0), (-1.8, 0.001), [(0.0, 1.0), (0.0, -1.0)],
                       np.geomspace(0.01, 4.0, 11)),
}

#: The racers: i18n key of the name, colour, and how each is built from η, μ and the
#: decay (only "decay" decays: it is SGD with the decay, the cure of Lesson 08 for noise).
#: "decay" races only beside "sgd" and "momentum" (Lesson 08), never beside AdaGrad, so it
#: takes AdaGrad's bluish green: the palette's colour most unlike their blue and orange.
RACERS = {
    "sgd": ("race.sgd", CLASS_COLORS[0], lambda lr, mu, decay: SGD(learning_rate=lr)),
    "momentum": ("race.momentum_racer", CLASS_COLORS[1],
                 lambda lr, mu, decay: SGD(learning_rate=lr, momentum=mu)),
    "decay": ("race.decay_racer", CLASS_COLORS[2], lambda lr, mu, decay: SGD(learning_rate=lr, decay=decay)),
    "adagrad": ("race.adagrad", CLASS_COLORS[2], lambda lr, mu, decay: Adagrad(learning_rate=lr)),
    "rmsprop": ("race.rmsprop", CLASS_COLORS[3], lambda lr, mu, decay: RMSprop(learning_rate=lr)),
    "adam": ("race.adam", CLASS_COLORS[4], lambda lr, mu, decay: Adam(learning_rate=lr)),
}

#: The engine racer each optimizer of the reader's races against (``widgets.yours``).
TWINS = {SGD: "momentum", Adam: "adam"}


def racers_with(part, racing):
    """The racers of a ``Race`` (Lessons 08, 09): those of ``RACERS`` named in
    ``racing``, or, when the reader's optimizer (a ``Part``) passed its check, the reader's
    against its engine twin, built from the same η (and μ for SGD)."""
    if part.yours is None:
        return {name: RACERS[name] for name in racing}
    twin = TWINS[part.twin]
    if part.twin is SGD:
        make = lambda lr, mu, decay: part.yours(learning_rate=lr, momentum=mu)       # noqa: E731
    else:
        make = lambda lr, mu, decay: part.yours(learning_rate=lr)                    # noqa: E731
    return {twin: RACERS[twin], "yours": (None, "black", make)}       # labelled by the Part: "your MyAdam"

#: The loss axis shows log₁₀ L from 10⁻⁸ (smaller losses are drawn there) to 10³, enough
#: for any point inside the pictures of ``SURFACES``. A fixed axis keeps its tick labels
#: from being laid out again on every redraw.
LOSS_POWERS = (-8, 3)


class LogSlider(Slider):
    """A float slider from ``low`` to ``high`` whose positions are evenly spaced in
    log₁₀, ``per_decade`` to a factor of 10 (Lesson 08): learning rates are tried by
    factors (0.001, 0.01, 0.1, 1), not in equal steps."""

    def __init__(self, label, low, high, value=None, per_decade=10):
        super().__init__(label, low, high, 1.0 / per_decade, value=value)

    def make(self):
        import ipywidgets
        return ipywidgets.FloatLogSlider(value=self.value, base=10, min=np.log10(self.low), max=np.log10(self.high),
                                         step=self.step, description=tr(self.label), style=LABEL_STYLE,
                                         readout_format=".2g", continuous_update=self.continuous)


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _power_of_ten(power):
    """10⁻⁴ as plain text (mathtext takes ten times longer to draw)."""
    return "10" + str(int(power)).translate(_SUPERSCRIPTS)


class Race(Widget):
    """Engine optimizers race on a loss of two weights (Lessons 08, 09); a lesson's race
    names its racers in ``racing`` (keys of ``RACERS``) and may add the controls
    ``decay`` and ``noise`` (the gradient noise's standard deviation) to ``controls``.

    Every racer (all with the same η, μ and decay where they use them, and their default
    ε, ρ, β₁, β₂) starts from the surface's start point and takes ``steps`` steps with
    ``optimize``: the real ``step([point])`` of ``nnlessons.optimizers``, all seeing the
    same noisy gradients. A racer that leaves the picture has diverged: its path stops there.

    Your own optimizer: ``OptimizerRace(optimizer=MyAdam)`` (Lesson 09) races it, once it passed its
    check (``widgets.yours``), against the engine's twin (``Adam``, or ``SGD`` with
    momentum μ for ``MySGD``) on the same surface, from the same start; a class that did
    not pass is named in the caption and the engine racers run. One that passed but
    raises in the race stops there: its run has the path so far, ``"error"`` and
    ``"stopped_at"`` (the step that raised), and the caption says so.

    ``update(surface=..., learning_rate=..., momentum=..., steps=...)`` returns
    ``{"runs": {name: {"path": [[w1, w2], ...], "losses": [L per point inside the picture],
    "left_at": step or None, "loss": final loss or None}}, "best": name or None}``.
    """

    controls = {
        "surface": Choice("race.surface", {"ravine": "race.ravine", "banana": "race.banana", "saddle": "race.saddle"}),
        "learning_rate": LogSlider("race.learning_rate", 0.001, 1.0, value=0.2),
        "momentum": Slider("race.momentum", 0.0, 0.99, 0.01, value=0.7),
        "steps": IntSlider("race.steps", 0, 200, value=100),
    }
    racing = ()
    figsize = (8.8, 3.7)

    def __init__(self, optimizer=None, **params):
        self.part = Part(optimizer, "optimizer", SGD)
        self.racers = racers_with(self.part, self.racing)
        super().__init__(**params)

    def setup(self, fig):
        fig.set_layout_engine("none")      # fixed margins, with room on the right for the legend
        grid = fig.add_gridspec(1, 2, width_ratios=[1.15, 1.0], left=0.07, right=0.815, bottom=0.12, top=0.92,
                                wspace=0.2)
        self.ax, self.ax_loss = grid.subplots()
        self.contours = {name: draw_contours(self.ax, surface.loss, surface.extent, levels=surface.levels,
                                             resolution=90)
                         for name, surface in SURFACES.items()}
        (self.start_dot,) = self.ax.plot([], [], "o", color="black", ms=7, zorder=4)
        (self.minima,) = self.ax.plot([], [], "*", color="black", ms=12, zorder=4)
        self.paths, self.ends, self.curves = {}, {}, {}
        for name, (_, color, _) in self.racers.items():
            line = "--" if name == "yours" else "-"        # dashed: the engine's path shows under yours
            (self.paths[name],) = self.ax.plot([], [], line, color=color, lw=1.3, marker="o", ms=2.2, alpha=0.9)
            (self.ends[name],) = self.ax.plot([], [], "o", color=color, ms=7, mec="black", mew=0.8, zorder=5)
            (self.curves[name],) = self.ax_loss.plot([], [], line, color=color, lw=1.5)
        self.ax.set_xlabel("w₁")
        self.ax.set_ylabel("w₂", labelpad=0)
        powers = np.arange(LOSS_POWERS[0], LOSS_POWERS[1] + 1, 4)
        self.ax_loss.set_yticks(powers, [_power_of_ten(power) for power in powers])
        self.ax_loss.set_ylim(LOSS_POWERS[0] - 0.3, LOSS_POWERS[1] + 0.3)
        self.ax_loss.set_xlabel(tr("race.step"))
        self.ax_loss.set_title(tr("race.loss_title"), fontsize=10)
        self.ax_loss.grid(alpha=0.3)
        # beside the axes, where no path or curve passes: it stays out of the animated artists
        self.legend = fig.legend([*self.curves.values(), self.start_dot, self.minima],
                                 [""] * len(self.curves) + [tr("race.start"), tr("race.minimum")],
                                 loc="upper left", bbox_to_anchor=(0.82, 0.93), fontsize=8, frameon=False)
        few_ticks(self.ax)
        self.ax_loss.xaxis.set_major_locator(MaxNLocator(5, integer=True))
        self.animate(*self.paths.values(), *self.curves.values(), self.start_dot, self.minima, *self.ends.values())

    def compute(self, surface, learning_rate, momentum, steps, decay=0.0, noise=0.0):
        shape = SURFACES[surface]
        runs = {}
        for name, (_, _, make) in self.racers.items():
            arguments = (learning_rate, momentum, decay)
            racer = _Recorded(make, *arguments) if name == "yours" else make(*arguments)
            try:
                path, left_at = optimize(racer, shape.gradient, shape.start, steps, shape.extent, noise=noise)
            except Exception as error:
                if name != "yours":
                    raise
                runs[name] = _stopped(shape, racer.path, error)     # the reader's code failed on the race's Point
                continue
            inside = path if left_at is None else path[:-1]
            losses = shape.loss(inside[:, 0], inside[:, 1])
            runs[name] = {"path": path.tolist(), "losses": losses.tolist(), "left_at": left_at,
                          "loss": None if left_at is not None else float(losses[-1])}
        finished = {name: run["loss"] for name, run in runs.items() if run["loss"] is not None}
        best = min(finished, key=finished.get) if finished and steps > 0 else None
        return {"runs": runs, "best": best}

    def draw(self, result, surface, learning_rate, momentum, steps, decay=0.0, noise=0.0):
        shape = SURFACES[surface]
        if self.changed("surface", surface):
            for name, contour in self.contours.items():
                contour.set_visible(name == surface)
            self.ax.set_xlim(*shape.extent[:2])
            self.ax.set_ylim(*shape.extent[2:])
            self.ax.set_title(tr(shape.formula), fontsize=10)
            self.start_dot.set_data([shape.start[0]], [shape.start[1]])
            self.minima.set_data(*zip(*shape.minima))
        if self.changed("steps axis", nice_limit(max(steps, 1))):     # 1, 2, 5, 10, 20, 50, 100, 200
            self.ax_loss.set_xlim(0, nice_limit(max(steps, 1)))
        for (name, run), text in zip(result["runs"].items(), self.legend.get_texts()):
            path = np.array(run["path"])
            powers = np.log10(np.maximum(run["losses"], 10.0 ** LOSS_POWERS[0]))
            self.paths[name].set_data(path[:, 0], path[:, 1])
            self.ends[name].set_data(path[-1:, 0], path[-1:, 1])
            self.ends[name].set_visible(run["left_at"] is None)
            self.curves[name].set_data(np.arange(len(powers)), powers)
            label = self.label(name)
            label = label if run["left_at"] is None else tr("race.diverged", name=label)
            if self.changed(("legend", name), label):
                text.set_text(label)
                self.invalidate()              # a figure legend's texts do not tell the figure themselves

    def summary(self, result=None):
        """The loss at the end of each racer (or where it diverged), as one line of plain text."""
        result = result or self.result
        return " · ".join(self._finals(result).values())

    def label(self, name):
        """The racer's name as the legend and the caption show it ("Adam", "your MyAdam")."""
        return self.part.label if name == "yours" else tr(self.racers[name][0])

    def caption(self, result):
        finals = []
        for name, text in self._finals(result).items():
            if name == result["best"]:
                text = f"<b>{text}</b> ({tr('race.lowest')})"
            finals.append(f"<span style='color:{to_hex(self.racers[name][1])}'>{text}</span>")
        gone = any(run["left_at"] is not None for run in result["runs"].values())
        return "<br>".join([*self._yours(), tr("race.caption", lr=format_number(self.params["learning_rate"], ".2g"),
                                                mu=format_number(self.params["momentum"], "g"),
                                                settings=self._settings(), steps=self.params["steps"],
                                                finals=" · ".join(finals), advice=tr("race.advice") if gone else "")])

    def _settings(self):
        """", decay = 0.05, gradient noise σ = 1" for the controls this race has beyond η and μ."""
        return "".join(tr(f"race.settings_{name}", **{name: format_number(self.params[name], "g")})
                       for name in ("decay", "noise") if name in self.params)

    def _yours(self):
        """The caption's first line when the reader gave an optimizer: who races, or why not."""
        if self.part.yours is not None:
            return [tr("yours.versus", yours=self.part.label, engine=self.part.engine_label)]
        return refusals([self.part], "yours.refused.race")

    def _finals(self, result):
        """``{racer: "Adam 0.00016"}`` or ``{racer: "SGD diverged at step 6"}`` for a race result."""
        finals = {}
        for name, run in result["runs"].items():
            label = self.label(name)
            if "error" in run:
                key = "race.raised_at_start" if run["stopped_at"] == 1 else "race.raised"
                finals[name] = tr(key, name=label, error=html.escape(run["error"], quote=False), step=run["stopped_at"])
            elif run["left_at"] is not None:
                finals[name] = tr("race.left", name=label, step=run["left_at"])
            else:
                finals[name] = tr("race.final", name=label, loss=format_number(run["loss"], ".2g"))
        return finals


class _Recorded:
    """The reader's optimizer in the race (Lessons 08, 09): built by ``make(*arguments)`` at the
    first step (so a constructor that raises is caught like a step that does), it records
    θ after every step it finishes: one that raises at step k still shows its path up to
    step k − 1."""

    def __init__(self, make, *arguments):
        self.make, self.arguments, self.optimizer, self.path = make, arguments, None, []

    def step(self, layers):
        if self.optimizer is None:
            self.optimizer = self.make(*self.arguments)
        self.optimizer.step(layers)
        self.path.append(layers[0].weights[0].tolist())


def _stopped(shape, path, error):
    """The run of a racer whose ``step`` raised: its ``path`` so far (after the start), and
    ``error`` says why."""
    path = np.array([shape.start, *path])
    return {"path": path.tolist(), "losses": shape.loss(path[:, 0], path[:, 1]).tolist(), "left_at": None,
            "loss": None, "error": f"{type(error).__name__}: {error}", "stopped_at": len(path)}

