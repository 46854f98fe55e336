"""Diagrams of neurons and layers (Lessons 01–03; reused in 07 and 12).

- ``draw_neuron(ax, weights, bias, inputs=None, activation=None)``: one neuron, its
  inputs ``x_i`` on the left, one arrow per weight ``w_i``, the sum ``Σ`` with its bias
  ``b`` and the output ``y``:  y = f(Σ_i w_i·x_i + b).
- ``draw_network(ax, layer_sizes, ...)``: a feedforward network drawn as columns of
  neurons, one column per layer, an edge per weight. Big layers are drawn with a few
  neurons and a "⋮"; ``masks`` draws only some edges (a sparse layer). It returns the
  centre of every column, so a lesson can write shapes or names beside each layer.

Both draw on a matplotlib ``Axes`` the caller owns and turn its frame off; labels that
are words go through ``nnlessons.i18n``.
"""

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.patches import Circle, FancyArrowPatch

from ..i18n import register, tr
from .alt import set_alt_text
from .style import OKABE_ITO, format_number

__all__ = ["draw_neuron", "draw_network", "layer_positions"]

register({
    "network.inputs": {"en": "inputs", "pt": "entradas"},
    "network.weights": {"en": "weights", "pt": "pesos"},
    "network.sum": {"en": "weighted sum", "pt": "soma ponderada"},
    "network.output": {"en": "output", "pt": "saída"},
    "network.more": {"en": "{count} in all", "pt": "{count} no total"},
    "network.neuron_alt": {"en": "one neuron: inputs {inputs}; weights {weights}; bias b = {bias}; "
                                 "weighted sum Σ{activation}; output {output}",
                           "pt": "um neurônio: entradas {inputs}; pesos {weights}; viés b = {bias}; "
                                 "soma ponderada Σ{activation}; saída {output}"},
    "network.then": {"en": ", then {name}", "pt": ", depois {name}"},
})

#: Colours shared by the diagrams: inputs, neurons, positive and negative weights.
INPUT_COLOR, NEURON_COLOR = "#cfe3f5", "#fde2c4"
POSITIVE_COLOR, NEGATIVE_COLOR = OKABE_ITO["blue"], OKABE_ITO["vermillion"]
#: ``draw_neuron`` layout: inputs at x = 0, weight labels at LABEL_X, the sum at SUM_X.
LABEL_X, SUM_X = 1.3, 3.6


def _subscript(i):
    """1 → "₁", 12 → "₁₂": input and weight names as in the formulas."""
    return str(i).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def draw_neuron(ax, weights, bias, inputs=None, activation=None):
    """Draw one neuron on ``ax`` (Lesson 01): y = f(Σ_i w_i·x_i + b).

    ``weights`` (n,) and ``bias`` are numbers written on the picture; ``inputs`` (n,)
    adds the input values (and, with no ``activation``, the output's value);
    ``activation`` is the name of f, written in a box after the sum (``None``: no box,
    y = Σ_i w_i·x_i + b). Arrow colour shows the weight's sign (blue positive, vermillion
    negative), its width the weight's size; the same words are its alt text. Returns the weighted sum
    z = Σ_i w_i·x_i + b when ``inputs`` is given, else ``None``.
    """
    weights = np.asarray(weights, dtype=float).ravel()
    n = weights.size
    ys = (np.arange(n)[::-1] - (n - 1) / 2) * 0.9
    centre, radius = np.array([SUM_X, 0.0]), 0.42
    biggest = max(np.abs(weights).max(), 1e-12)
    input_texts = []
    for i, (w, y) in enumerate(zip(weights, ys), start=1):
        name = f"x{_subscript(i)}"
        text = name if inputs is None else f"{name} = {format_number(np.ravel(inputs)[i - 1])}"
        input_texts.append(text)
        ax.add_patch(Circle((0.0, y), 0.16, facecolor=INPUT_COLOR, edgecolor="0.3", zorder=3))
        ax.text(-0.25, y, text, ha="right", va="center", fontsize=10)
        ax.add_patch(FancyArrowPatch((0.16, y), centre, arrowstyle="-|>", mutation_scale=12,
                                     shrinkB=14, lw=0.8 + 2.2 * abs(w) / biggest, zorder=2,
                                     color=POSITIVE_COLOR if w >= 0 else NEGATIVE_COLOR))
        along = (LABEL_X - 0.16) / (SUM_X - 0.16)   # how far along the arrow the label sits
        ax.text(LABEL_X, y * (1 - along), f"w{_subscript(i)} = {format_number(w)}", ha="center", va="center",
                fontsize=9, color="0.15", zorder=4,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.85})
    ax.add_patch(Circle(centre, radius, facecolor=NEURON_COLOR, edgecolor="0.3", zorder=3))
    ax.text(*centre, "Σ", ha="center", va="center", fontsize=16, zorder=4)
    ax.text(SUM_X, -radius - 0.12, f"b = {format_number(bias)}", ha="center", va="top", fontsize=10)
    end = SUM_X + radius
    z = None if inputs is None else float(np.dot(weights, np.ravel(inputs)) + bias)
    if activation is not None:
        ax.annotate("", (end + 0.6, 0), (end, 0), arrowprops={"arrowstyle": "-|>", "color": "0.3"})
        ax.text(end + 1.1, 0, activation, ha="center", va="center", fontsize=10,
                bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "0.3"})
        end += 1.6
    ax.annotate("", (end + 0.7, 0), (end, 0), arrowprops={"arrowstyle": "-|>", "color": "0.3"})
    output = "y" if z is None or activation is not None else f"y = {format_number(z)}"
    ax.text(end + 0.8, 0, output, ha="left", va="center", fontsize=11)
    top = max(ys.max(), radius) + 0.35
    for x, key in ((0.0, "network.inputs"), (LABEL_X, "network.weights"), (SUM_X, "network.sum"),
                   (end + 1.1, "network.output")):
        ax.text(x, top, tr(key), ha="center", va="bottom", fontsize=9, color="0.35")
    ax.set_xlim(-2.0, end + 2.3)
    ax.set_ylim(min(ys.min(), -radius) - 0.6, top + 0.5)
    ax.set_aspect("equal")
    ax.axis("off")
    weight_texts = [f"w{_subscript(i)} = {format_number(w)}" for i, w in enumerate(weights, start=1)]
    set_alt_text(ax, tr("network.neuron_alt", inputs=", ".join(input_texts), weights=", ".join(weight_texts),
                        bias=format_number(bias), output=output,
                        activation="" if activation is None else tr("network.then", name=activation)))
    return z


def layer_positions(size, max_neurons=8, spacing=1.0):
    """Heights of the neurons drawn for a layer of ``size`` neurons, centred on 0.

    A layer bigger than ``max_neurons`` shows ``max_neurons - 1`` neurons with a gap
    (where a "⋮" goes) before the last one. Returns ``(ys, gap_y)``; ``gap_y`` is
    ``None`` when every neuron is drawn.
    """
    shown = min(size, max_neurons)
    ys = (np.arange(shown)[::-1] - (shown - 1) / 2) * spacing
    if size <= max_neurons:
        return ys, None
    return np.delete(ys, -2), float(ys[-2])


def draw_network(ax, layer_sizes, layer_names=None, max_neurons=8, masks=None, weights=None,
                 colors=None, edge_color="0.55", node_size=260):
    """Draw a feedforward network on ``ax`` (Lessons 02–03, 07, 15).

    ``layer_sizes``: neurons per column, inputs first, e.g. ``[2, 64, 3]``.
    ``layer_names``: a label under each column (``None``: none).
    ``max_neurons``: the most neurons drawn per column; bigger layers show a "⋮" and
    "n in all" under them.
    ``masks``: per pair of neighbouring columns, a boolean array ``(size_in, size_out)``
    saying which connections exist (``None``: all of them: a dense layer).
    ``weights``: per pair of columns, the layer's weights ``(size_in, size_out)`` (as
    ``Dense.weights``): each edge is then blue (positive) or red (negative), and the
    wider the larger the weight, relative to the largest one shown.
    ``colors``: a face colour per column (default: inputs blue, the rest orange).

    Returns a list with, for each column, ``(x, top, names_y)``: its position, its top
    neuron's height and the height of the names row, so the caller can write beside it.
    """
    sizes = [int(size) for size in layer_sizes]
    colors = colors or [INPUT_COLOR] + [NEURON_COLOR] * (len(sizes) - 1)
    columns = [layer_positions(size, max_neurons) for size in sizes]
    segments, values = [], []
    for index in range(len(sizes) - 1):
        (left, _), (right, _) = columns[index], columns[index + 1]
        shown_in = _shown_indices(sizes[index], max_neurons)
        shown_out = _shown_indices(sizes[index + 1], max_neurons)
        mask = None if masks is None or masks[index] is None else np.asarray(masks[index], dtype=bool)
        for i, y0 in zip(shown_in, left):
            for j, y1 in zip(shown_out, right):
                if mask is None or mask[i, j]:
                    segments.append([(index, y0), (index + 1, y1)])
                    values.append(0.0 if weights is None else float(weights[index][i, j]))
    if weights is None:
        ax.add_collection(LineCollection(segments, colors=edge_color, linewidths=0.7, zorder=1))
    else:
        values = np.array(values)
        biggest = max(np.abs(values).max(initial=0.0), 1e-12)
        ax.add_collection(LineCollection(segments, linewidths=0.3 + 2.7 * np.abs(values) / biggest, zorder=1,
                                         colors=np.where(values >= 0, POSITIVE_COLOR, NEGATIVE_COLOR)))
    half = (max(len(ys) + (gap is not None) for ys, gap in columns) - 1) / 2
    names_y = -half - (1.1 if any(gap is not None for _, gap in columns) else 0.6)
    placed = []
    for x, ((ys, gap), size, color) in enumerate(zip(columns, sizes, colors)):
        ax.scatter(np.full(len(ys), x), ys, s=node_size, color=color, edgecolors="0.3", zorder=3)
        if gap is not None:
            ax.text(x, gap, "⋮", ha="center", va="center", fontsize=14, zorder=3)
            ax.text(x, ys.min() - 0.45, tr("network.more", count=size), ha="center", va="top",
                    fontsize=8, color="0.35")
        if layer_names is not None:
            ax.text(x, names_y, layer_names[x], ha="center", va="top", fontsize=9)
        placed.append((x, float(ys.max()), names_y))
    ax.set_xlim(-0.6, len(sizes) - 0.4)
    ax.set_ylim(names_y - (0.7 if layer_names is not None else 0.1), half + 0.5)
    ax.axis("off")
    return placed


def _shown_indices(size, max_neurons):
    """Which neuron numbers are drawn (see ``layer_positions``): all, or the first
    ``max_neurons - 2`` and the last."""
    if size <= max_neurons:
        return list(range(size))
    return list(range(max_neurons - 2)) + [size - 1]
