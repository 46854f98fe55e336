"""What every picture shares: one class palette, one number format, tidy axes.

- ``CLASS_COLORS`` / ``class_colors(n)``: the colour of class k, the same in every lesson;
- ``format_number(value, spec)``: a number as text with a true minus sign (U+2212) and,
  in Portuguese, the decimal comma;
- ``few_ticks(*axes)``, ``nice_limit(value)``: axes that stay cheap to redraw;
- ``draw_contours(ax, loss, extent)``: contour lines of a loss of two weights.
"""

import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.ticker import MaxNLocator

from ..i18n import number_text

__all__ = ["CLASS_COLORS", "class_colors", "draw_contours", "few_ticks", "format_number", "nice_limit"]

#: One colour per class, the same in every lesson (matplotlib's tab10 order).
CLASS_COLORS = ("tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple",
                "tab:brown", "tab:pink", "tab:gray", "tab:olive", "tab:cyan")


def class_colors(n_classes):
    """RGB rows (n_classes, 3) of the class colours, cycling after ten classes (Lesson 03)."""
    return np.array([to_rgb(CLASS_COLORS[k % len(CLASS_COLORS)]) for k in range(n_classes)])


def format_number(value, spec=".3g", trim=False):
    """``format(value, spec)`` as a picture or caption shows it (every lesson since 01):
    a true minus sign (U+2212), never a negative zero, and the decimal comma in Portuguese
    (``nnlessons.i18n.number_text``). ``trim`` drops the trailing zeros of a fixed-point ``spec``.

    format_number(-0.5) → "−0.5";  format_number(2e-5) → "2e−05";
    format_number(-0.001, ".2f") → "0.00";  format_number(2.5, ".2f", trim=True) → "2.5"
    """
    text = format(float(value), spec)
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return number_text(text).replace("-", "\N{MINUS SIGN}")


def few_ticks(*axes, n=5):
    """At most ``n`` ticks per axis: tick labels are most of a redraw's cost (Lesson 06)."""
    for ax in axes:
        ax.xaxis.set_major_locator(MaxNLocator(n))
        ax.yaxis.set_major_locator(MaxNLocator(n))


def nice_limit(value):
    """The smallest of 1, 2, 5, 10, 20, 50, ... (and 0.1, 0.2, 0.5, ...) that is ≥ ``value``
    (Lesson 05).

    An axis that ends at ``nice_limit(biggest value)`` keeps its ticks while the values
    move a little, so a widget's redraw stays cheap (see ``Widget.animate``).
    """
    value = float(value)
    if not np.isfinite(value) or value <= 0:
        return 1.0
    power = 10.0 ** np.floor(np.log10(value))
    return float(next(step * power for step in (1, 2, 5, 10) if step * power >= value * (1 - 1e-12)))


def draw_contours(ax, loss, extent, levels=12, resolution=120, **kwargs):
    """Contour lines of a loss of two weights, ``loss(w1, w2)`` (vectorised), on ``ax``
    over ``extent = (w1_low, w1_high, w2_low, w2_high)`` (Lesson 06). Returns the ContourSet.
    """
    w1, w2 = np.meshgrid(np.linspace(*extent[:2], resolution), np.linspace(*extent[2:], resolution))
    options = {"colors": "0.6", "linewidths": 0.8, **kwargs}
    return ax.contour(w1, w2, loss(w1, w2), levels=levels, **options)
