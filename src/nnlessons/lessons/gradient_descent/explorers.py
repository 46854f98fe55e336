"""Lesson 06's data, pictures and explorers: derivatives and gradient descent.

- ``gradient_descent``: the update θ ← θ − η·∇L(θ), repeated, stopping when θ leaves
  a box (a diverging run leaves the picture; stopping there keeps every number finite);
- ``draw_secants``: the lesson's picture of a slope (the contour lines of a loss surface
  are ``nnlessons.plots.draw_contours``);
- ``LossCurveExplorer`` (one weight) and ``LossSurfaceExplorer`` (two weights):
  gradient descent with a learning-rate slider that shows too small, about right,
  overshooting and diverging.
"""

import numpy as np

from ...i18n import register, tr
from ...widgets import Choice, IntSlider, Slider, Widget
from ...plots.style import OKABE_ITO, draw_contours, few_ticks, format_number, nice_limit

register({
    "gradient_descent.km": {"en": "distance (km)", "pt": "distância (km)"},
    "gradient_descent.fare": {"en": "fare", "pt": "preço da corrida"},
    "gradient_descent.weight": {"en": "weight w", "pt": "peso w"},
    "gradient_descent.bias": {"en": "bias b", "pt": "viés b"},
    "gradient_descent.loss": {"en": "loss L", "pt": "perda L"},
    "gradient_descent.step": {"en": "step", "pt": "passo"},
    "gradient_descent.secant": {"en": "secant, h = {h}", "pt": "secante, h = {h}"},
    "gradient_descent.tangent": {"en": "tangent: slope L′({w})", "pt": "tangente: inclinação L′({w})"},
    "gradient_descent.learning_rate": {"en": "learning rate η", "pt": "taxa de aprendizado η"},
    "gradient_descent.steps": {"en": "steps", "pt": "passos"},
    "gradient_descent.start": {"en": "start w₀", "pt": "início w₀"},
    "gradient_descent.curve": {"en": "loss curve", "pt": "curva de perda"},
    "gradient_descent.surface": {"en": "loss surface", "pt": "superfície de perda"},
    "gradient_descent.parabola": {"en": "parabola", "pt": "parábola"},
    "gradient_descent.two_valleys": {"en": "two valleys", "pt": "dois vales"},
    "gradient_descent.bowl": {"en": "round bowl", "pt": "tigela redonda"},
    "gradient_descent.ravine": {"en": "long ravine", "pt": "vale estreito"},
    "gradient_descent.rides_title": {"en": "40 rides and three guesses (b = 5)", "pt": "40 corridas e três palpites (b = 5)"},
    "gradient_descent.loss_title": {"en": "the loss of each guess", "pt": "a perda de cada palpite"},
    "gradient_descent.gradient_title": {"en": "arrows: −∇L, the way downhill", "pt": "setas: −∇L, o caminho morro abaixo"},
    "gradient_descent.too_small": {"en": "too small", "pt": "pequena demais"},
    "gradient_descent.about_right": {"en": "about right", "pt": "na medida"},
    "gradient_descent.overshoots": {"en": "overshoots", "pt": "passa do ponto"},
    "gradient_descent.diverges": {"en": "diverges", "pt": "diverge"},
    "gradient_descent.batch_gd": {"en": "batch (all 40 rides)", "pt": "lote inteiro (40 corridas)"},
    "gradient_descent.minibatch_gd": {"en": "mini-batches of 8", "pt": "minilotes de 8"},
    "gradient_descent.sgd": {"en": "stochastic (1 ride)", "pt": "estocástico (1 corrida)"},
    "gradient_descent.forward": {"en": "forward", "pt": "para a frente"},
    "gradient_descent.centred": {"en": "centred", "pt": "centrada"},
    "gradient_descent.error": {"en": "error", "pt": "erro"},
    "gradient_descent.iterations": {"en": "{n} iterations ({per} per epoch)", "pt": "{n} iterações ({per} por época)"},
    "gradient_descent.loss_per_step": {"en": "loss after each step", "pt": "perda após cada passo"},
    "gradient_descent.minimum": {"en": "minimum", "pt": "mínimo"},
    "gradient_descent.start_point": {"en": "start", "pt": "início"},
    "gradient_descent.slope_here": {"en": "slope here", "pt": "inclinação aqui"},
    "gradient_descent.diverged_mark": {"en": "diverged at step {step}", "pt": "divergiu no passo {step}"},
    "gradient_descent.where_1d": {"en": "w = {w}, L(w) = {loss}", "pt": "w = {w}, L(w) = {loss}"},
    "gradient_descent.where_2d": {"en": "(w₁, w₂) = ({w1}, {w2}), L = {loss}",
                         "pt": "(w₁, w₂) = ({w1}; {w2}), L = {loss}"},
    "gradient_descent.caption": {
        "en": "η = {lr}, {steps} step(s): {where}. {verdict}",
        "pt": "η = {lr}, {steps} passo(s): {where}. {verdict}",
    },
    "gradient_descent.verdict.start": {
        "en": "No steps yet: move the steps slider.",
        "pt": "Nenhum passo ainda: mova o controle de passos.",
    },
    "gradient_descent.verdict.converged": {
        "en": "<b>Converged</b>: the slope is (almost) zero, we are at the minimum.",
        "pt": "<b>Convergiu</b>: a inclinação é (quase) zero, estamos no mínimo.",
    },
    "gradient_descent.verdict.local": {
        "en": "<b>Stuck in a local minimum</b>: the slope is zero here too, but the other valley is deeper.",
        "pt": "<b>Presa num mínimo local</b>: aqui a inclinação também é zero, mas o outro vale é mais fundo.",
    },
    "gradient_descent.verdict.slow": {
        "en": "<b>Still on its way</b> downhill: a larger η or more steps would get there.",
        "pt": "<b>Ainda a caminho</b>, descendo: um η maior ou mais passos chegariam lá.",
    },
    "gradient_descent.verdict.overshoot": {
        "en": "<b>Zig-zagging</b>: each step jumps over the valley floor; a smaller η would settle sooner.",
        "pt": "<b>Ziguezague</b>: cada passo pula por cima do fundo do vale; um η menor se acomodaria antes.",
    },
    "gradient_descent.verdict.diverged": {
        "en": "<b style='color:#c00'>Diverged at step {step}</b>: each step overshoots by more than "
              "the last, and the point left the picture. The learning rate is too large.",
        "pt": "<b style='color:#c00'>Divergiu no passo {step}</b>: cada passo erra por mais que o "
              "anterior, e o ponto saiu do gráfico. A taxa de aprendizado é grande demais.",
    },
})


def gradient_descent(gradient, start, learning_rate, steps, low, high):
    """Gradient descent (Lesson 06): θ_{k+1} = θ_k − η·∇L(θ_k), for k = 0 .. steps − 1.

    ``gradient(theta)`` returns ∇L at ``theta`` (an array like ``start``). The run stops
    early at the first θ outside the box ``low <= θ <= high`` (or not finite): a
    diverging run leaves the picture, and stopping there keeps every number finite.
    Returns ``(path, left_at)``: path (k + 1, d) holds θ_0 .. θ_k, and ``left_at`` is the
    step at which θ left the box (None when it never did).
    """
    theta = np.array(start, dtype=float)
    low, high = np.asarray(low, dtype=float), np.asarray(high, dtype=float)
    path = [theta]
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(1, steps + 1):
            theta = theta - learning_rate * np.asarray(gradient(theta), dtype=float)
            path.append(theta)
            if not (np.all(np.isfinite(theta)) and np.all(theta >= low) and np.all(theta <= high)):
                return np.array(path), step
    return np.array(path), None


def draw_secants(ax, loss, slope, w0, hs=(2.0, 1.0, 0.5), window=(-0.5, 4.5)):
    """The secants of ``loss`` from w0 to w0 + h for each h, and the tangent at w0 (Lesson 06).

    secant slope = (L(w0 + h) − L(w0)) / h  →  tangent slope L′(w0) = ``slope(w0)`` as h → 0.
    """
    w = np.linspace(*window, 200)
    ax.plot(w, loss(w), color="black", lw=2, label="L(w)")
    for h, color in zip(hs, (OKABE_ITO["reddish purple"], OKABE_ITO["orange"], OKABE_ITO["bluish green"])):
        rise = loss(w0 + h) - loss(w0)
        ax.plot(w, loss(w0) + rise / h * (w - w0), color=color, lw=1,
                label=tr("gradient_descent.secant", h=h) + f": {rise / h:.2f}")
        ax.plot([w0 + h], [loss(w0 + h)], "o", color=color)
    ax.plot(w, loss(w0) + slope(w0) * (w - w0), "--", color=OKABE_ITO["blue"], lw=1.5,
            label=tr("gradient_descent.tangent", w=w0) + f" = {slope(w0):.2f}")
    ax.plot([w0], [loss(w0)], "o", color="black")
    ax.set_xlim(*window)
    ax.set_ylim(-0.1 * loss(w).max(), 1.05 * loss(w).max())
    ax.set_xlabel(tr("gradient_descent.weight"))
    ax.set_ylabel(tr("gradient_descent.loss"))
    ax.legend(fontsize=8)


def verdict(path, left_at, minima, best):
    """The outcome of a run, as a key of ``descent.verdict.*`` (Lesson 06).

    "start" before any step; "diverged" when it left the picture; "converged" (or "local", at a minimum other than
    ``best``) when the last point is within 0.01 of one of ``minima``; "overshoot" when one
    of the last three steps (of a visible size, > 0.001) reversed the direction of the step
    before; otherwise "slow".
    """
    if left_at is not None:
        return "diverged"
    if len(path) == 1:
        return "start"
    distances = [np.linalg.norm(path[-1] - m) for m in minima]
    if min(distances) < 0.01:
        return "converged" if np.argmin(distances) == best else "local"
    moves = np.diff(path[-4:], axis=0)
    moves[np.abs(moves) < 1e-3] = 0.0          # ignore wiggles too small to see
    if np.any(moves[1:] * moves[:-1] < 0):
        return "overshoot"
    return "slow"


class _Curve:
    """One loss of one weight for ``LossCurveExplorer``: formula, slope, window, minima."""

    def __init__(self, loss, slope, formula, window, minima):
        self.loss, self.slope, self.formula = loss, slope, formula
        self.window = window
        self.minima = [np.array([m]) for m in minima]
        self.best = int(np.argmin([loss(m) for m in minima]))
        self.w = np.linspace(*window, 300)
        self.top = float(loss(self.w).max())
        self.bottom = min(0.0, float(loss(self.w).min()))


def _two_valley_minima():
    """The two minima of (w² − 4)²/16 + 0.3·w: the real roots of w³ − 4w + 1.2 with L″ > 0."""
    roots = np.sort(np.roots([1.0, 0.0, -4.0, 1.2]).real)
    return [roots[0], roots[2]]


CURVES = {
    "parabola": _Curve(lambda w: (w - 1.0) ** 2, lambda w: 2.0 * (w - 1.0),
                       "L(w) = (w − 1)²", (-3.5, 5.5), [1.0]),
    "two_valleys": _Curve(lambda w: (w ** 2 - 4.0) ** 2 / 16 + 0.3 * w,
                          lambda w: w * (w ** 2 - 4.0) / 4 + 0.3,
                          "L(w) = (w² − 4)²/16 + 0.3·w", (-3.5, 3.5), _two_valley_minima()),
}


class LossCurveExplorer(Widget):
    """Gradient descent on a loss of one weight (Lesson 06): w ← w − η·L′(w).

    On the parabola L(w) = (w − 1)², L″ = 2 and each step multiplies the distance to the
    minimum by (1 − 2η): η < 0.5 creeps in from one side, 0.5 < η < 1 zig-zags in, η = 1
    bounces for ever, η > 1 diverges. "two valleys" has a local and a global minimum.

    ``update(curve=..., learning_rate=..., steps=..., start=...)`` returns
    ``{"path": [w_0, ...], "losses": [L(w_0), ...], "diverged_at": step or None,
    "w": last w, "loss": its loss, "verdict": "converged" | "local" | "slow" |
    "overshoot" | "diverged" | "start"}``.
    """

    controls = {
        "curve": Choice("gradient_descent.curve", {"parabola": "gradient_descent.parabola", "two_valleys": "gradient_descent.two_valleys"}),
        "learning_rate": Slider("gradient_descent.learning_rate", 0.01, 1.2, 0.01, value=0.1),
        "steps": IntSlider("gradient_descent.steps", 0, 60, value=30),
        "start": Slider("gradient_descent.start", -3.0, 3.0, 0.1, value=-2.0),
    }
    figsize = (8.0, 3.3)

    def setup(self, fig):
        fig.set_layout_engine("none")      # fixed margins: tick labels change width as the loss does
        grid = fig.add_gridspec(1, 2, width_ratios=[1.5, 1], left=0.08, right=0.98, bottom=0.15, top=0.92,
                                wspace=0.28)
        self.ax, self.ax_loss = grid.subplots()
        (self.curve_line,) = self.ax.plot([], [], color="black", lw=2)
        (self.path_line,) = self.ax.plot([], [], "-", color=OKABE_ITO["orange"], lw=1, alpha=0.8)
        self.points = self.ax.scatter([], [], s=22, c=[], cmap="autumn_r", vmin=0, vmax=1, zorder=3,
                                      edgecolors="0.3", linewidths=0.4)
        self.start_dot = self.ax.scatter([], [], s=60, color=OKABE_ITO["blue"], zorder=4,
                                         label=tr("gradient_descent.start_point"))
        (self.tangent,) = self.ax.plot([], [], "--", color=OKABE_ITO["blue"], lw=1.2,
                                       label=tr("gradient_descent.slope_here"))
        self.alarm = self.ax.text(0.5, 0.92, "", transform=self.ax.transAxes, ha="center", va="top",
                                  color=OKABE_ITO["vermillion"], fontsize=11, weight="bold")
        self.ax.set_xlabel(tr("gradient_descent.weight"))
        self.ax.set_ylabel(tr("gradient_descent.loss"))
        self.ax.legend(loc="lower right", fontsize=8)
        self.ax.grid(alpha=0.3)
        (self.loss_line,) = self.ax_loss.plot([], [], "o-", color=OKABE_ITO["orange"], ms=3, lw=1)
        self.ax_loss.set_xlabel(tr("gradient_descent.step"))
        self.ax_loss.set_title(tr("gradient_descent.loss_per_step"), fontsize=10)
        self.ax_loss.set_xlim(-0.5, self.controls["steps"].high + 0.5)   # room for every step
        self.ax_loss.grid(alpha=0.3)
        few_ticks(self.ax, self.ax_loss)
        self.animate(self.path_line, self.points, self.start_dot, self.tangent, self.alarm, self.loss_line)

    def compute(self, curve, learning_rate, steps, start):
        shape = CURVES[curve]
        path, left_at = gradient_descent(shape.slope, [start], learning_rate, steps, shape.window[0],
                                         shape.window[1])
        losses = [float(shape.loss(w)) for w in path[:, 0]]
        return {"path": [float(w) for w in path[:, 0]], "losses": losses, "diverged_at": left_at,
                "w": float(path[-1, 0]), "loss": losses[-1],
                "verdict": verdict(path, left_at, shape.minima, shape.best)}

    def draw(self, result, curve, learning_rate, steps, start):
        shape = CURVES[curve]
        path, losses = np.array(result["path"]), np.array(result["losses"])
        if self.changed("curve", curve):
            self.curve_line.set_data(shape.w, shape.loss(shape.w))
            self.ax.set_xlim(*shape.window)
            self.ax.set_ylim(shape.bottom - 0.08 * shape.top, 1.05 * shape.top)
            self.ax.set_title(shape.formula, fontsize=10)
        self.path_line.set_data(path, losses)
        self.points.set_offsets(np.column_stack([path, losses]))
        self.points.set_array(np.linspace(0, 1, len(path)))
        self.start_dot.set_offsets([[path[0], losses[0]]])
        end = path[-1] if result["diverged_at"] is None else path[-2]
        span = 0.12 * (shape.window[1] - shape.window[0])
        self.tangent.set_data([end - span, end + span],
                              [shape.loss(end) - span * shape.slope(end), shape.loss(end) + span * shape.slope(end)])
        diverged = result["diverged_at"] is not None
        self.alarm.set_text(tr("gradient_descent.diverged_mark", step=result["diverged_at"]) if diverged else "")
        self.loss_line.set_data(np.arange(len(losses)), losses)
        low = shape.bottom
        # the top of the loss axis moves in steps (1, 2, 5, 10, ...), so ticks rarely change
        top = shape.top if diverged else low + nice_limit(max(losses.max() - low, 1e-3))
        if self.changed("loss range", (low, top)):
            self.ax_loss.set_ylim(low - 0.05 * (top - low), top + 0.05 * (top - low))

    def caption(self, result):
        where = tr("gradient_descent.where_1d", w=format_number(result["w"], ".4g"), loss=format_number(result["loss"], ".4g"))
        return tr("gradient_descent.caption", lr=format_number(self.params["learning_rate"], ".4g"), steps=self.params["steps"],
                  where=where, verdict=tr("gradient_descent.verdict." + result["verdict"], step=result["diverged_at"]))


class _Surface:
    """A loss of two weights for ``LossSurfaceExplorer``: L = a·w₁² + c·w₂²."""

    def __init__(self, a, c, formula):
        self.a, self.c, self.formula = a, c, formula

    def loss(self, w1, w2):
        return self.a * w1 ** 2 + self.c * w2 ** 2

    def gradient(self, theta):
        return np.array([2 * self.a * theta[0], 2 * self.c * theta[1]])


SURFACES = {
    "bowl": _Surface(1.0, 1.0, "L = w₁² + w₂²"),
    "ravine": _Surface(0.1, 1.0, "L = 0.1·w₁² + w₂²"),
}


class LossSurfaceExplorer(Widget):
    """Gradient descent on a loss of two weights (Lesson 06): θ ← θ − η·∇L(θ), drawn
    on the contour lines of L, from θ_0 = (−4.5, 2.5).

    Both surfaces have L″ = 2 in the w₂ direction, so η > 1 diverges on both; in the
    ravine the w₁ direction is 10 times flatter (L″ = 0.2), so a η small enough for the
    steep side crawls along the floor of the valley.

    ``update(surface=..., learning_rate=..., steps=...)`` returns ``{"path": [[w1, w2], ...],
    "losses": [...], "diverged_at": step or None, "w": [w1, w2], "loss": L, "verdict": ...}``.
    """

    controls = {
        "surface": Choice("gradient_descent.surface", {"bowl": "gradient_descent.bowl", "ravine": "gradient_descent.ravine"}),
        "learning_rate": Slider("gradient_descent.learning_rate", 0.01, 1.2, 0.01, value=0.1),
        "steps": IntSlider("gradient_descent.steps", 0, 60, value=20),
    }
    figsize = (8.0, 3.6)
    start = (-4.5, 2.5)
    extent = (-5.0, 5.0, -3.5, 3.5)

    def setup(self, fig):
        fig.set_layout_engine("none")      # fixed margins: tick labels change width as the loss does
        grid = fig.add_gridspec(1, 2, width_ratios=[1.6, 1], left=0.07, right=0.98, bottom=0.13, top=0.93,
                                wspace=0.22)
        self.ax, self.ax_loss = grid.subplots()
        levels = np.linspace(0.4, 5.0, 10) ** 2
        self.contours = {name: draw_contours(self.ax, surface.loss, self.extent, levels=levels, resolution=80)
                         for name, surface in SURFACES.items()}
        self.ax.plot([0], [0], "*", color="black", ms=12, label=tr("gradient_descent.minimum"))
        self.ax.plot(*self.start, "o", color=OKABE_ITO["blue"], ms=7, label=tr("gradient_descent.start_point"))
        (self.path_line,) = self.ax.plot([], [], "o-", color=OKABE_ITO["orange"], ms=3.5, lw=1.2)
        self.alarm = self.ax.text(0.5, 0.96, "", transform=self.ax.transAxes, ha="center", va="top",
                                  color=OKABE_ITO["vermillion"], fontsize=11, weight="bold",
                                  bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8})
        self.ax.set_xlim(*self.extent[:2])
        self.ax.set_ylim(*self.extent[2:])
        self.ax.set_aspect("equal")
        self.ax.set_xlabel("w₁")
        self.ax.set_ylabel("w₂")
        self.ax.legend(loc="lower right", fontsize=8)
        (self.loss_line,) = self.ax_loss.plot([], [], "o-", color=OKABE_ITO["orange"], ms=3, lw=1)
        self.ax_loss.set_xlabel(tr("gradient_descent.step"))
        self.ax_loss.set_title(tr("gradient_descent.loss_per_step"), fontsize=10)
        self.ax_loss.set_xlim(-0.5, self.controls["steps"].high + 0.5)   # room for every step
        self.ax_loss.grid(alpha=0.3)
        few_ticks(self.ax, self.ax_loss)
        self.animate(self.path_line, self.alarm, self.loss_line)

    def compute(self, surface, learning_rate, steps):
        shape = SURFACES[surface]
        path, left_at = gradient_descent(shape.gradient, self.start, learning_rate, steps,
                                         self.extent[::2], self.extent[1::2])
        losses = [float(shape.loss(*theta)) for theta in path]
        return {"path": path.tolist(), "losses": losses, "diverged_at": left_at, "w": path[-1].tolist(),
                "loss": losses[-1], "verdict": verdict(path, left_at, [np.zeros(2)], 0)}

    def draw(self, result, surface, learning_rate, steps):
        if self.changed("surface", surface):
            for name, contour in self.contours.items():
                contour.set_visible(name == surface)
            self.ax.set_title(SURFACES[surface].formula, fontsize=10)
        path, losses = np.array(result["path"]), np.array(result["losses"])
        self.path_line.set_data(path[:, 0], path[:, 1])
        diverged = result["diverged_at"] is not None
        self.alarm.set_text(tr("gradient_descent.diverged_mark", step=result["diverged_at"]) if diverged else "")
        self.alarm.set_visible(diverged)
        self.loss_line.set_data(np.arange(len(losses)), losses)
        if self.changed("first loss", losses[0]):
            self.ax_loss.set_ylim(-0.05 * losses[0], 1.1 * losses[0])

    def caption(self, result):
        w1, w2 = result["w"]
        where = tr("gradient_descent.where_2d", w1=format_number(w1, ".3g"), w2=format_number(w2, ".3g"), loss=format_number(result["loss"], ".4g"))
        return tr("gradient_descent.caption", lr=format_number(self.params["learning_rate"], ".4g"), steps=self.params["steps"],
                  where=where, verdict=tr("gradient_descent.verdict." + result["verdict"], step=result["diverged_at"]))


# What the lesson's code cells print.
register({
    "gradient_descent.print.ravine_row": {"en": "η = {eta:<5} (w1, w2) = ({w1:.4f}, {w2:.4f})   L = {loss:.4f}",
                                          "pt": "η = {eta:<5} (w1, w2) = ({w1:.4f}; {w2:.4f})   L = {loss:.4f}"},
    "gradient_descent.print.curve_row": {"en": "η = {eta:<5} w = {w:.4f}   L(w) = {loss:.4f}",
                                         "pt": "η = {eta:<5} w = {w:.4f}   L(w) = {loss:.4f}"},
    "gradient_descent.print.eta_row": {"en": "η = {eta:<5} {what}", "pt": "η = {eta:<5} {what}"},
    "gradient_descent.print.batch_row": {"en": "{name}: {iterations}, (w, b) = ({w:.3f}, {b:.3f}), L = {loss:.3f}",
                                         "pt": "{name}: {iterations}, (w, b) = ({w:.3f}; {b:.3f}), L = {loss:.3f}"},
})
