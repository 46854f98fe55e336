"""Lesson 01's explorers: one neuron on one input (the line z = w·x + b and its step),
and a two-input neuron that guesses house prices from made-up houses.
"""

import numpy as np

from ...activations import Step
from ...i18n import register, tr
from ...plots.style import OKABE_ITO, format_number
from ...widgets import Slider, Widget

register({
    "neuron.weight": {"en": "weight w", "pt": "peso w"},
    "neuron.bias": {"en": "bias b", "pt": "viés b"},
    "neuron.input": {"en": "input x", "pt": "entrada x"},
    "neuron.linear_title": {"en": "Weighted sum z = w·x + b", "pt": "Soma ponderada z = w·x + b"},
    "neuron.step_title": {"en": "Step output: 1 if z > 0, else 0", "pt": "Saída do degrau: 1 se z > 0, senão 0"},
    "neuron.threshold": {"en": "threshold x = −b/w", "pt": "limiar x = −b/w"},
    "neuron.caption": {
        "en": "z = {w}·{x} + {b} = <b>{z}</b> → step(z) = <b>{fired}</b>. {rule}",
        "pt": "z = {w}·{x} + {b} = <b>{z}</b> → degrau(z) = <b>{fired}</b>. {rule}",
    },
    "neuron.rule_above": {"en": "The neuron fires (outputs 1) for every x > {t}.",
                          "pt": "O neurônio dispara (devolve 1) para todo x > {t}."},
    "neuron.rule_below": {"en": "The neuron fires (outputs 1) for every x < {t}.",
                          "pt": "O neurônio dispara (devolve 1) para todo x < {t}."},
    "neuron.rule_flat": {
        "en": "With w = 0 the input is ignored: the output is always {fired}, decided by the bias alone.",
        "pt": "Com w = 0 a entrada é ignorada: a saída é sempre {fired}, decidida só pelo viés.",
    },
    "neuron.vary_w": {"en": "Changing the weight (b = 0): the slope", "pt": "Mudando o peso (b = 0): a inclinação"},
    "neuron.vary_b": {"en": "Changing the bias (w = 1): the height", "pt": "Mudando o viés (w = 1): a altura"},
    "neuron.step_name": {"en": "step", "pt": "degrau"},
    "neuron.step_plot": {"en": "The step function H(z)", "pt": "A função degrau H(z)"},
    "neuron.size": {"en": "size (m²)", "pt": "área (m²)"},
    "neuron.rooms": {"en": "rooms", "pt": "quartos"},
    "neuron.price": {"en": "price (thousands)", "pt": "preço (milhares)"},
    "neuron.w_size": {"en": "weight of size w₁", "pt": "peso da área w₁"},
    "neuron.w_rooms": {"en": "weight of rooms w₂", "pt": "peso dos quartos w₂"},
    "neuron.house_bias": {"en": "bias b", "pt": "viés b"},
    "neuron.actual": {"en": "real price (made up)", "pt": "preço real (inventado)"},
    "neuron.predicted": {"en": "neuron's guess", "pt": "palpite do neurônio"},
    "neuron.house_title": {"en": "price = w₁·size + w₂·rooms + b",
                           "pt": "preço = w₁·área + w₂·quartos + b"},
    "neuron.rooms_one": {"en": "#{i}: 1 room", "pt": "#{i}: 1 quarto"},
    "neuron.rooms_many": {"en": "#{i}: {rooms} rooms", "pt": "#{i}: {rooms} quartos"},
    "neuron.house_caption": {
        "en": "price = {w_size}·size + {w_rooms}·rooms + {bias}. "
              "On average the guess misses by <b>{miss:.0f} thousand</b>; the biggest miss is house #{worst}.",
        "pt": "preço = {w_size}·área + {w_rooms}·quartos + {bias}. "
              "Em média o palpite erra por <b>{miss:.0f} mil</b>; o maior erro é na casa #{worst}.",
    },
})

#: Eight made-up houses: size (m²), rooms, price (thousands). Invented for Lesson 01,
#: roughly price ≈ 2.5·size + 20·rooms + 40 with a little noise; not real market data.
HOUSES = np.array([
    [45, 1, 170],
    [60, 2, 235],
    [75, 2, 260],
    [90, 3, 330],
    [110, 3, 365],
    [130, 4, 450],
    [160, 4, 525],
    [200, 5, 630],
], dtype=float)


def signed(value, decimals=1, brackets=True):
    """A number for a formula in a caption, with a real minus sign and the language's decimal
    separator (``format_number``): ``2.0``, ``−1.5``, or ``(−1.5)`` with ``brackets``, so
    ``w·x + b`` reads well for any sign; in Portuguese ``2,0``, ``(−1,5)``."""
    text = format_number(abs(value), f".{decimals}f")
    if value >= 0 or round(abs(value), decimals) == 0:
        return text
    return f"(−{text})" if brackets else f"−{text}"


def house_data():
    """The made-up houses of Lesson 01 as ``X, price``.

    X     (8, 2) float: one row per house, columns = features (size m², rooms)
    price (8,)   float: the target, in thousands
    """
    return HOUSES[:, :2].copy(), HOUSES[:, 2].copy()


def neuron_output(inputs, weights, bias):
    """One neuron's weighted sum (Lesson 01): z = Σ_i w_i·x_i + b, written as a loop.

    ``inputs`` and ``weights`` are sequences of the same length; returns a float.
    """
    total = 0.0
    for x_i, w_i in zip(inputs, weights):
        total += x_i * w_i
    return total + bias


class NeuronExplorer(Widget):
    """One neuron with one input (Lesson 01): the weighted sum z = w·x + b is a line
    (w its slope, b where it crosses x = 0); the step H(z) = 1 if z > 0 else 0 turns
    the line into a yes/no answer that switches at the threshold x = −b/w.

    ``update(w=..., b=..., x=...)`` returns ``{"z": w·x + b, "fired": H(z),
    "threshold": −b/w or None when w = 0}``.
    """

    controls = {
        "w": Slider("neuron.weight", -3.0, 3.0, 0.1, value=1.0),
        "b": Slider("neuron.bias", -5.0, 5.0, 0.1, value=-1.0),
        "x": Slider("neuron.input", -5.0, 5.0, 0.1, value=2.0),
    }
    figsize = (7.6, 3.0)
    xs = np.linspace(-5.0, 5.0, 401)

    def setup(self, fig):
        self.step = Step()
        self.ax_line, self.ax_step = fig.subplots(1, 2)
        (self.line,) = self.ax_line.plot([], [], color=OKABE_ITO["blue"], lw=2)
        (self.step_line,) = self.ax_step.plot([], [], color=OKABE_ITO["orange"], lw=2, drawstyle="steps-post")
        self.thresholds = [ax.axvline(0, color="0.4", ls="--", lw=1) for ax in (self.ax_line, self.ax_step)]
        self.threshold_text = self.ax_line.text(0, 5.4, tr("neuron.threshold"), fontsize=8, color="0.3",
                                                ha="left", va="center")
        self.dot_line = self.ax_line.scatter([], [], s=60, color="black", zorder=3)
        self.dot_step = self.ax_step.scatter([], [], s=60, color="black", zorder=3)
        self.animate(*self.thresholds, self.threshold_text, self.line, self.step_line, self.dot_line,
                     self.dot_step)
        for ax in (self.ax_line, self.ax_step):
            ax.axhline(0, color="0.7", lw=0.8)
            ax.axvline(0, color="0.7", lw=0.8)
            ax.set_xlim(-5, 5)
            ax.set_xlabel("x")
            ax.grid(alpha=0.3)
        self.ax_line.set_ylim(-6, 6)
        self.ax_line.set_ylabel("z")
        self.ax_line.set_title(tr("neuron.linear_title"), fontsize=10)
        self.ax_step.set_ylim(-0.2, 1.2)
        self.ax_step.set_yticks([0, 1])
        self.ax_step.set_title(tr("neuron.step_title"), fontsize=10)

    def compute(self, w, b, x):
        z = round(w * x + b, 12)  # 0.1·3 − 0.3 is 5.6e-17 in floats: call it 0, as the caption shows
        return {"z": z, "fired": int(z > 0), "threshold": None if w == 0 else -b / w}

    def draw(self, result, w, b, x):
        zs = w * self.xs + b
        self.line.set_data(self.xs, zs)
        self.step_line.set_data(self.xs, self.step.forward(zs))
        self.dot_line.set_offsets([[x, np.clip(result["z"], -5.9, 5.9)]])
        self.dot_step.set_offsets([[x, result["fired"]]])
        threshold = result["threshold"]
        visible = threshold is not None and -5 <= threshold <= 5
        for line in self.thresholds:
            line.set_visible(visible)
            if visible:
                line.set_xdata([threshold, threshold])
        self.threshold_text.set_visible(visible)
        if visible:  # write the label on the side of the line with more room
            self.threshold_text.set_x(threshold + (0.15 if threshold < 1 else -0.15))
            self.threshold_text.set_horizontalalignment("left" if threshold < 1 else "right")

    def caption(self, result):
        w, b, x = (self.params[name] for name in ("w", "b", "x"))
        if result["threshold"] is None:
            rule = tr("neuron.rule_flat", fired=int(b > 0))
        else:
            rule = tr("neuron.rule_above" if w > 0 else "neuron.rule_below", t=signed(result["threshold"], 2))
        return tr("neuron.caption", w=signed(w), x=signed(x), b=signed(b),
                  z=signed(result["z"], 2, brackets=False), fired=result["fired"], rule=rule)


class HousePriceExplorer(Widget):
    """A two-input neuron that guesses house prices (Lesson 01):
    price = w₁·size + w₂·rooms + b, compared with eight made-up houses.

    ``update(w_size=..., w_rooms=..., bias=...)`` returns ``{"predictions": [...]
    (one per house), "mean_miss": mean |guess − price|, "worst": index of the
    biggest miss}``.
    """

    controls = {
        "w_size": Slider("neuron.w_size", 0.0, 5.0, 0.1, value=2.0),
        "w_rooms": Slider("neuron.w_rooms", -50.0, 100.0, 5.0, value=0.0),
        "bias": Slider("neuron.house_bias", -200.0, 300.0, 10.0, value=0.0),
    }
    figsize = (6.4, 3.4)

    def setup(self, fig):
        self.X, self.price = house_data()
        ax = self.ax = fig.add_subplot()
        self.misses = ax.vlines(self.X[:, 0], self.price, self.price, color=OKABE_ITO["vermillion"], lw=1.5, alpha=0.7)
        actual = ax.scatter(self.X[:, 0], self.price, s=55, color="black", zorder=3, label=tr("neuron.actual"))
        self.guesses = ax.scatter(self.X[:, 0], self.price, s=70, marker="D", color=OKABE_ITO["orange"],
                                  edgecolors="black", zorder=4, label=tr("neuron.predicted"))
        self.animate(self.misses, actual, self.guesses)
        for i, (size, rooms) in enumerate(self.X):
            note = tr("neuron.rooms_one" if rooms == 1 else "neuron.rooms_many", i=i, rooms=int(rooms))
            ax.annotate(note, (size, self.price[i]), xytext=(6, -4), textcoords="offset points",
                        ha="left", va="top", fontsize=7, color="0.35")
        ax.set_xlim(20, 240)
        ax.set_xlabel(tr("neuron.size"))
        ax.set_ylabel(tr("neuron.price"))
        ax.set_title(tr("neuron.house_title"), fontsize=10)
        ax.grid(alpha=0.3)
        ax.legend(loc="upper left", fontsize=8)

    def compute(self, w_size, w_rooms, bias):
        predictions = self.X @ np.array([w_size, w_rooms]) + bias
        misses = np.abs(predictions - self.price)
        return {"predictions": [float(p) for p in predictions], "mean_miss": float(misses.mean()),
                "worst": int(np.argmax(misses))}

    def draw(self, result, w_size, w_rooms, bias):
        predictions = np.array(result["predictions"])
        self.guesses.set_offsets(np.column_stack([self.X[:, 0], predictions]))
        self.misses.set_segments([[(s, p), (s, g)] for s, p, g in zip(self.X[:, 0], self.price, predictions)])
        # the axis grows in steps of 100 (thousands), so small moves keep its ticks
        low = min(0.0, 100.0 * np.floor(predictions.min() / 100.0))
        high = max(self.price.max(), 100.0 * np.ceil(predictions.max() / 100.0))
        limits = (low - 0.08 * (high - low), high + 0.15 * (high - low))
        if self.changed("ylim", limits):
            self.ax.set_ylim(*limits)

    def caption(self, result):
        return tr("neuron.house_caption", w_size=signed(self.params["w_size"]),
                  w_rooms=signed(self.params["w_rooms"], 0), bias=signed(self.params["bias"], 0),
                  miss=result["mean_miss"], worst=result["worst"])


register({
    "neuron.rule.epoch": {"en": "epoch {epoch}: {mistakes} mistake(s), w = ({w1:g}, {w2:g}), b = {b:g}",
                          "pt": "época {epoch}: {mistakes} erro(s), w = ({w1:g}; {w2:g}), b = {b:g}"},
})
