"""Lesson 04's explorers: every activation function with its derivative, and a sine
fitted by hand with three ReLU neurons.

- ``ActivationExplorer``: pick f (and α for leaky ReLU and ELU), the x range and a
  point x₀; see f(x) with its tangent at x₀ and, below, the slope f′(x).
- ``SineFitExplorer``: the network y = Σ_i v_i·ReLU(w_i·x + b_i) + c (1 input,
  3 hidden ReLU neurons, 1 linear output) drawn over ``sine_data``, with its MSE;
  each neuron adds one bend at x = −b_i/w_i. "good fit" loads weights that fit well.

Both compute with the engine (``nnlessons.activations``, ``Dense``, ``MeanSquaredError``),
so what the reader sees is what the engine does.
"""

import numpy as np

from ...activations import ELU, LeakyReLU, Linear, ReLU, Sigmoid, Step, Tanh
from ...data import sine_data
from ...i18n import register, tr
from ...layers import Dense
from ...losses import MeanSquaredError
from ...widgets import Choice, Slider, Widget
from ...plots.style import OKABE_ITO, format_number

register({
    "activations.function": {"en": "function", "pt": "função"},
    "activations.step": {"en": "step", "pt": "degrau"},
    "activations.linear": {"en": "linear", "pt": "linear"},
    "activations.sigmoid": {"en": "sigmoid", "pt": "sigmoide"},
    "activations.tanh": {"en": "tanh", "pt": "tanh"},
    "activations.relu": {"en": "ReLU", "pt": "ReLU"},
    "activations.leaky_relu": {"en": "leaky ReLU", "pt": "leaky ReLU"},
    "activations.elu": {"en": "ELU", "pt": "ELU"},
    "activations.alpha": {"en": "α (leaky ReLU, ELU)", "pt": "α (leaky ReLU, ELU)"},
    "activations.x_max": {"en": "x from −r to r, r =", "pt": "x de −r a r, r ="},
    "activations.x0": {"en": "point x₀", "pt": "ponto x₀"},
    "activations.tangent": {"en": "tangent at x₀", "pt": "tangente em x₀"},
    "activations.derivative": {"en": "derivative (slope)", "pt": "derivada (inclinação)"},
    "activations.formula.step": {"en": r"step: $f(x) = 1$ if $x > 0$, else $0$",
                                 "pt": r"degrau: $f(x) = 1$ se $x > 0$, senão $0$"},
    "activations.formula.linear": {"en": r"linear: $f(x) = x$", "pt": r"linear: $f(x) = x$"},
    "activations.formula.sigmoid": {"en": r"sigmoid: $\sigma(x) = 1/(1 + e^{-x})$",
                                    "pt": r"sigmoide: $\sigma(x) = 1/(1 + e^{-x})$"},
    "activations.formula.tanh": {"en": r"tanh: $f(x) = (e^x - e^{-x})/(e^x + e^{-x})$",
                                 "pt": r"tanh: $f(x) = (e^x - e^{-x})/(e^x + e^{-x})$"},
    "activations.formula.relu": {"en": r"ReLU: $f(x) = \max(0, x)$", "pt": r"ReLU: $f(x) = \max(0, x)$"},
    "activations.formula.leaky_relu": {"en": r"leaky ReLU: $f(x) = x$ if $x > 0$, else $\alpha x$",
                                       "pt": r"leaky ReLU: $f(x) = x$ se $x > 0$, senão $\alpha x$"},
    "activations.formula.elu": {"en": r"ELU: $f(x) = x$ if $x > 0$, else $\alpha(e^x - 1)$",
                                "pt": r"ELU: $f(x) = x$ se $x > 0$, senão $\alpha(e^x - 1)$"},
    "activations.slope.step": {"en": r"$f'(x) = 0$ (undefined at $x = 0$)",
                               "pt": r"$f'(x) = 0$ (indefinida em $x = 0$)"},
    "activations.slope.linear": {"en": r"$f'(x) = 1$", "pt": r"$f'(x) = 1$"},
    "activations.slope.sigmoid": {"en": r"$\sigma'(x) = \sigma(x)\,(1 - \sigma(x))$",
                                  "pt": r"$\sigma'(x) = \sigma(x)\,(1 - \sigma(x))$"},
    "activations.slope.tanh": {"en": r"$f'(x) = 1 - \tanh^2(x)$", "pt": r"$f'(x) = 1 - \tanh^2(x)$"},
    "activations.slope.relu": {"en": r"$f'(x) = 1$ if $x > 0$, else $0$",
                               "pt": r"$f'(x) = 1$ se $x > 0$, senão $0$"},
    "activations.slope.leaky_relu": {"en": r"$f'(x) = 1$ if $x > 0$, else $\alpha$",
                                     "pt": r"$f'(x) = 1$ se $x > 0$, senão $\alpha$"},
    "activations.slope.elu": {"en": r"$f'(x) = 1$ if $x > 0$, else $\alpha e^x$",
                              "pt": r"$f'(x) = 1$ se $x > 0$, senão $\alpha e^x$"},
    "activations.caption": {
        "en": "f(x₀) = <b>{f}</b>, slope f′(x₀) = <b>{slope}</b>. {note}",
        "pt": "f(x₀) = <b>{f}</b>, inclinação f′(x₀) = <b>{slope}</b>. {note}",
    },
    "activations.note.step": {
        "en": "The slope is 0 everywhere: a small change of a weight never changes the output, "
              "so gradient descent gets no signal.",
        "pt": "A inclinação é 0 em todo lugar: mudar um pouco um peso nunca muda a saída, "
              "então a descida do gradiente não recebe sinal nenhum.",
    },
    "activations.note.saturated": {
        "en": "Saturated: the curve is almost flat here, so almost no gradient passes through.",
        "pt": "Saturada: a curva está quase plana aqui, então quase nenhum gradiente passa.",
    },
    "activations.note.dead": {
        "en": "For x ≤ 0 ReLU outputs 0 with slope 0: a neuron stuck here stops learning.",
        "pt": "Para x ≤ 0 a ReLU devolve 0 com inclinação 0: um neurônio preso aqui para de aprender.",
    },
    "activations.note.alpha": {
        "en": "Left of 0 the slope is α = {alpha}: small, but never 0, so the neuron keeps learning.",
        "pt": "À esquerda de 0 a inclinação é α = {alpha}: pequena, mas nunca 0, então o neurônio "
              "continua aprendendo.",
    },
    "activations.weights": {"en": "weights", "pt": "pesos"},
    "activations.by_hand": {"en": "by hand", "pt": "à mão"},
    "activations.good_fit": {"en": "load a good fit", "pt": "carregar um bom ajuste"},
    "activations.c": {"en": "c (output bias)", "pt": "c (viés da saída)"},
    "activations.sine": {"en": "target: sin(2πx)", "pt": "alvo: sen(2πx)"},
    "activations.network": {"en": "network output", "pt": "saída da rede"},
    "activations.neuron": {"en": "neuron {i}: v·ReLU(w·x + b)", "pt": "neurônio {i}: v·ReLU(w·x + b)"},
    "activations.sine_title": {"en": "1 → 3 ReLU → 1 network,  MSE = {mse:.4f}",
                               "pt": "rede 1 → 3 ReLU → 1,  MSE = {mse:.4f}"},
    "activations.sine_caption": {
        "en": "Mean squared error <b>{mse:.4f}</b> (the best straight line gets {line:.3f}). "
              "Bends at x = {kinks}.",
        "pt": "Erro quadrático médio <b>{mse:.4f}</b> (a melhor reta consegue {line:.3f}). "
              "Dobras em x = {kinks}.",
    },
    "activations.no_kinks": {"en": "none inside [0, 1]", "pt": "nenhuma dentro de [0, 1]"},
    # the lesson's own figures
    "activations.fig.linear_stack": {"en": "3 linear layers: still a straight line",
                                     "pt": "3 camadas lineares: ainda uma reta"},
    "activations.fig.relu_stack": {"en": "the same layers with ReLU between them",
                                   "pt": "as mesmas camadas com ReLU entre elas"},
    "activations.fig.input": {"en": "input x", "pt": "entrada x"},
    "activations.fig.output": {"en": "network output", "pt": "saída da rede"},
    "activations.fig.logits": {"en": "logits z (any real number)", "pt": "logits z (qualquer número real)"},
    "activations.fig.probabilities": {"en": "softmax(z): probabilities, sum 1",
                                      "pt": "softmax(z): probabilidades, soma 1"},
    "activations.fig.class": {"en": "class", "pt": "classe"},
    "activations.fig.softmax_slope": {"en": "p₀ = softmax(z₀, 0, 1)₀ as z₀ moves",
                                      "pt": "p₀ = softmax(z₀, 0, 1)₀ conforme z₀ varia"},
    "activations.fig.best_line": {"en": "best straight line, MSE = {mse:.3f}",
                                  "pt": "melhor reta, MSE = {mse:.3f}"},
    "activations.fig.triangle": {"en": "3 ReLU neurons by hand, MSE = {mse:.4f}",
                                 "pt": "3 neurônios ReLU à mão, MSE = {mse:.4f}"},
    "activations.fig.n_neurons": {"en": "{n} ReLU neurons, MSE = {mse:.5f}",
                                  "pt": "{n} neurônios ReLU, MSE = {mse:.5f}"},
})

#: The activations the explorer offers: option → engine class (α passed where it has one).
FUNCTIONS = {"step": Step, "linear": Linear, "sigmoid": Sigmoid, "tanh": Tanh,
             "relu": ReLU, "leaky_relu": LeakyReLU, "elu": ELU}
WITH_ALPHA = ("leaky_relu", "elu")


def activation_and_slope(name, x, alpha=0.1):
    """f(x) and f′(x) of the engine's activation ``name`` (Lesson 04).

    f′ comes from the engine's ``backward`` with an upstream gradient of ones:
    dinputs = 1 · f′(x), the chain rule with nothing after the activation.
    """
    activation = FUNCTIONS[name](alpha) if name in WITH_ALPHA else FUNCTIONS[name]()
    x = np.asarray(x, dtype=float)
    f = activation.forward(x)
    return f, activation.backward(np.ones_like(x))


def _limits(low, high, at_least):
    """Axis limits holding [low, high] and the interval ``at_least``, with a margin."""
    low, high = min(low, at_least[0]), max(high, at_least[1])
    pad = 0.08 * (high - low)
    return low - pad, high + pad


class ActivationExplorer(Widget):
    """Choose an activation, α, the x range and a point x₀ (Lesson 04): the function
    with its tangent at x₀ on top, its derivative below.

    ``update(function=..., alpha=..., x_max=..., x0=...)`` returns
    ``{"f": f(x₀), "slope": f′(x₀), "x": grid, "y": f(grid), "dy": f′(grid)}``.
    The plotted range is [−r, r] with r = max(x_max, |x₀|), so x₀ is always visible.
    """

    controls = {
        "function": Choice("activations.function", {name: f"activations.{name}" for name in FUNCTIONS},
                           value="sigmoid"),
        "alpha": Slider("activations.alpha", 0.0, 2.0, 0.01, value=0.1),
        "x_max": Slider("activations.x_max", 0.5, 20.0, 0.5, value=5.0),
        "x0": Slider("activations.x0", -5.0, 5.0, 0.1, value=1.0),
    }
    figsize = (6.0, 4.4)

    def setup(self, fig):
        self.ax, self.ax_slope = fig.subplots(2, 1, sharex=True)
        (self.curve,) = self.ax.plot([], [], color=OKABE_ITO["blue"], lw=2)
        (self.tangent,) = self.ax.plot([], [], "--", color=OKABE_ITO["orange"], lw=1.5, label=tr("activations.tangent"))
        (self.point,) = self.ax.plot([], [], "o", color=OKABE_ITO["orange"])
        (self.slope_curve,) = self.ax_slope.plot([], [], color=OKABE_ITO["bluish green"], lw=2)
        (self.slope_point,) = self.ax_slope.plot([], [], "o", color=OKABE_ITO["orange"])
        for ax in (self.ax, self.ax_slope):
            ax.axhline(0, color="0.6", lw=0.8)
            ax.axvline(0, color="0.6", lw=0.8)
            ax.grid(alpha=0.3)
        self.ax.legend(loc="upper left", fontsize=8)
        self.ax_slope.set_xlabel("x")
        self.ax_slope.set_ylabel(tr("activations.derivative"), fontsize=9)
        self.animate(self.curve, self.tangent, self.point, self.slope_curve, self.slope_point)

    def compute(self, function, alpha, x_max, x0):
        reach = max(x_max, abs(x0))
        x = np.linspace(-reach, reach, 401)
        y, dy = activation_and_slope(function, x, alpha)
        f0, slope0 = activation_and_slope(function, [x0], alpha)
        return {"f": float(f0[0]), "slope": float(slope0[0]), "x": x, "y": y, "dy": dy}

    def draw(self, result, function, alpha, x_max, x0):
        x, y, dy = result["x"], result["y"], result["dy"]
        self.curve.set_data(x, y)
        half = 0.25 * (x[-1] - x[0]) / 2
        ends = np.array([x0 - half, x0 + half])
        self.tangent.set_data(ends, result["f"] + result["slope"] * (ends - x0))
        self.point.set_data([x0], [result["f"]])
        self.slope_curve.set_data(x, dy)
        self.slope_point.set_data([x0], [result["slope"]])
        limits = ((x[0], x[-1]), _limits(y.min(), y.max(), (0.0, 1.0)), _limits(dy.min(), dy.max(), (0.0, 1.0)))
        if self.changed("limits", limits):      # only when the function or the range changes
            self.ax.set_xlim(*limits[0])
            self.ax.set_ylim(*limits[1])
            self.ax_slope.set_ylim(*limits[2])
        if self.changed("function", function):
            self.ax.set_title(tr(f"activations.formula.{function}"), fontsize=10)
            self.ax_slope.set_title(tr(f"activations.slope.{function}"), fontsize=10)

    def caption(self, result):
        function, x0, alpha = self.params["function"], self.params["x0"], self.params["alpha"]
        note = ""
        if function == "step":
            note = tr("activations.note.step")
        elif function in ("sigmoid", "tanh") and abs(result["slope"]) < 0.02:
            note = tr("activations.note.saturated")
        elif function == "relu" and x0 <= 0:
            note = tr("activations.note.dead")
        elif function == "leaky_relu" and x0 <= 0:
            note = tr("activations.note.alpha", alpha=format_number(alpha))
        return tr("activations.caption", f=format_number(result["f"]), slope=format_number(result["slope"]), note=note)


#: Slider names of the sine network, neuron by neuron, then the output bias.
NEURONS = 3
WEIGHT_NAMES = tuple(f"{kind}{i}" for i in range(1, NEURONS + 1) for kind in "wbv") + ("c",)

#: Slider labels "w₁ (weight in)", "b₁ (bias)", "v₁ (weight out)", ... for each neuron.
register({f"activations.{kind}{i}": {"en": f"{kind}{chr(0x2080 + i)} ({en})", "pt": f"{kind}{chr(0x2080 + i)} ({pt})"}
          for i in range(1, NEURONS + 1)
          for kind, en, pt in (("w", "weight in", "peso de entrada"), ("b", "bias", "viés"),
                               ("v", "weight out", "peso de saída"))})

#: A good fit: bend positions searched on a grid with the output weights solved by
#: least squares, then rounded to the sliders' steps. MSE ≈ 0.0037 on ``sine_data()``.
GOOD_SINE_FIT = {"w1": 6.1, "b1": -1.1, "v1": -0.85,
                 "w2": -5.8, "b2": 1.9, "v2": -0.85,
                 "w3": 6.0, "b3": -4.4, "v3": 1.5,
                 "c": 1.7}

#: MSE of the best straight line y = a·x + d through ``sine_data()`` (least squares).
LINE_MSE = 0.196


#: Where the sliders start: neuron 1 draws the ramp 4x; neurons 2 and 3 already bend
#: at x = 0.25 and x = 0.75 but are switched off (v = 0) until the reader turns them on.
START = {"w1": 4.0, "b1": 0.0, "v1": 1.0, "w2": 4.0, "b2": -1.0, "v2": 0.0,
         "w3": 4.0, "b3": -3.0, "v3": 0.0, "c": 0.0}
#: Slider range and step of each kind of weight: (low, high, step).
RANGES = {"w": (-8.0, 8.0, 0.1), "b": (-8.0, 8.0, 0.1), "v": (-3.0, 3.0, 0.05), "c": (-2.0, 2.0, 0.05)}


def bend(w, b):
    """Where the neuron ReLU(w·x + b) bends, x = −b/w, if inside [0, 1]; else None."""
    if w == 0:
        return None
    x = -b / w + 0.0   # + 0.0 turns −0.0 into 0.0
    return float(x) if 0 <= x <= 1 else None


def _sine_controls():
    """The "weights" choice (by hand / good fit), then w, b, v of each neuron, then c."""
    controls = {"weights": Choice("activations.weights", {"hand": "activations.by_hand",
                                                          "good": "activations.good_fit"})}
    for name in WEIGHT_NAMES:
        controls[name] = Slider(f"activations.{name}", *RANGES[name[0]], value=START[name])
    return controls


class SineFitExplorer(Widget):
    """Fit sin(2πx) by hand with 3 ReLU neurons (Lesson 04).

    Network: h_i = ReLU(w_i·x + b_i), ŷ = Σ_i v_i·h_i + c, i.e. Dense(1, 3) → ReLU →
    Dense(3, 1). Neuron i bends the output at x = −b_i/w_i, where its slope changes
    by v_i·w_i. ``weights="good"`` loads ``GOOD_SINE_FIT`` into the sliders; moving
    any slider afterwards switches back to "hand".

    ``update(...)`` returns ``{"mse": ..., "bends": [x = −b_i/w_i of each neuron, or
    None when outside [0, 1]], "kinks": the bends inside [0, 1], sorted, "output": ŷ,
    "parts": v_i·h_i of each neuron}``.
    """

    controls = _sine_controls()
    figsize = (6.4, 3.9)

    def setup(self, fig):
        self.X, self.y = sine_data()
        self.hidden, self.relu, self.out = Dense(1, NEURONS), ReLU(), Dense(NEURONS, 1)
        self.loss = MeanSquaredError()
        ax = self.ax = fig.add_subplot()
        x = self.X[:, 0]
        ax.plot(x, self.y[:, 0], color="0.65", lw=5, label=tr("activations.sine"))
        self.parts = [ax.plot([], [], "--", lw=1.2, color=f"C{i + 1}",
                              label=tr("activations.neuron", i=i + 1))[0] for i in range(NEURONS)]
        self.bend_lines = [ax.axvline(0, color=f"C{i + 1}", lw=0.8, ls=":") for i in range(NEURONS)]
        (self.output,) = ax.plot([], [], color=OKABE_ITO["blue"], lw=2.2, label=tr("activations.network"))
        ax.set_xlim(0, 1)
        ax.set_ylim(-2, 2)
        ax.set_xlabel("x")
        ax.grid(alpha=0.3)
        fig.legend(loc="outside lower center", fontsize=7, ncol=3)
        ax.set_title(" ", fontsize=10)      # the MSE goes here on every update
        self.animate(*self.parts, *self.bend_lines, self.output, ax.title)

    def update(self, **params):
        """As ``Widget.update``; choosing "good" loads the good fit, and moving a weight
        slider afterwards means the weights are "by hand" again."""
        if params.get("weights") == "good" and self.params["weights"] != "good":
            params.update(GOOD_SINE_FIT)
        elif any(self._moved(name, value) for name, value in params.items()):
            params["weights"] = "hand"
        return super().update(**params)

    def _moved(self, name, value):
        """True when ``value`` is a new number for the weight slider ``name`` (a browser
        slider may echo a value back with a rounding error, hence the tolerance)."""
        return (name in WEIGHT_NAMES and isinstance(value, (int, float))
                and abs(value - self.params[name]) > 1e-9)

    def compute(self, weights, **values):
        self.hidden.weights = np.array([[values[f"w{i}"] for i in range(1, NEURONS + 1)]])
        self.hidden.biases = np.array([[values[f"b{i}"] for i in range(1, NEURONS + 1)]])
        self.out.weights = np.array([[values[f"v{i}"]] for i in range(1, NEURONS + 1)])
        self.out.biases = np.array([[values["c"]]])
        h = self.relu.forward(self.hidden.forward(self.X))
        output = self.out.forward(h)
        bends = [bend(w, b) for w, b in zip(self.hidden.weights[0], self.hidden.biases[0])]
        return {"mse": self.loss.calculate(output, self.y), "bends": bends,
                "kinks": sorted(x for x in bends if x is not None),
                "output": output[:, 0], "parts": h * self.out.weights[:, 0]}

    def draw(self, result, weights, **values):
        x = self.X[:, 0]
        for line, marker, part, where in zip(self.parts, self.bend_lines, result["parts"].T, result["bends"]):
            line.set_data(x, part)
            marker.set_visible(where is not None)
            if where is not None:
                marker.set_xdata([where, where])
        self.output.set_data(x, result["output"])
        self.ax.title.set_text(tr("activations.sine_title", mse=result["mse"]))

    def caption(self, result):
        kinks = "; ".join(format_number(k, ".2f") for k in result["kinks"]) or tr("activations.no_kinks")
        return tr("activations.sine_caption", mse=result["mse"], line=LINE_MSE, kinks=kinks)


# What the lesson's code cells print.
register({
    "activations.print.equal": {"en": "equal: {same}", "pt": "iguais: {same}"},
    "activations.print.same": {"en": "{name:>10}:  f equal {f},  f′ equal {slope}",
                               "pt": "{name:>10}:  f igual {f},  f′ igual {slope}"},
    "activations.print.sum": {"en": "sum = {total}", "pt": "soma = {total}"},
    "activations.print.naive": {"en": "naive softmax =", "pt": "softmax ingênua ="},
    "activations.print.shifted": {"en": "shifted logits   =", "pt": "logits deslocados ="},
    "activations.print.stable": {"en": "stable softmax   =", "pt": "softmax estável   ="},
    "activations.print.engine_softmax": {"en": "engine's Softmax =", "pt": "Softmax do motor  ="},
    "activations.print.small_engine": {"en": "small logits: engine", "pt": "logits pequenos: motor"},
    "activations.print.by_hand": {"en": "by hand", "pt": "à mão"},
    "activations.print.finite_column": {"en": "finite difference, column 0:", "pt": "diferença finita, coluna 0:"},
    "activations.print.backward_is_j": {"en": "engine's backward equals J: {same}",
                                        "pt": "o backward do motor é igual a J: {same}"},
    "activations.print.best_line": {"en": "best line: y = {slope:.3f}·x + {intercept:.3f},  MSE = {mse:.4f}",
                                    "pt": "melhor reta: y = {slope:.3f}·x + {intercept:.3f},  MSE = {mse:.4f}"},
    "activations.print.mse_twice": {"en": "MSE by hand: {by_hand:.4f},  engine's MeanSquaredError: {engine:.4f}",
                                    "pt": "MSE à mão: {by_hand:.4f},  MeanSquaredError do motor: {engine:.4f}"},
    "activations.print.good_fit": {"en": "good fit: MSE = {mse:.4f}, bends at x =",
                                   "pt": "bom ajuste: MSE = {mse:.4f}, dobras em x ="},
    "activations.print.n_neurons": {"en": "{n:>2} neurons: MSE = {mse:.6f}", "pt": "{n:>2} neurônios: MSE = {mse:.6f}"},
})
