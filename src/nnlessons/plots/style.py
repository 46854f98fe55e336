"""What every picture shares: one class palette, one number format, tidy axes.

- ``OKABE_ITO``, ``CLASS_COLORS`` / ``class_colors(n)``: the colour of class k, the same in
  every lesson, from a palette that readers with a colour-vision deficiency tell apart;
  ``RIGHT_COLOR`` / ``WRONG_COLOR`` for right/wrong and positive/negative (blue against
  vermillion, never green against red); ``DIVERGING_CMAP`` for values around zero;
- ``use_palette()``: the palette as matplotlib's default colour cycle, so a line or a
  scatter with no colour of its own is drawn in it too (``setup_lesson`` calls it);
- ``use_language_ticks(fig)``: tick labels written as the notebook's language writes
  numbers (decimal comma in Portuguese, true minus sign);
- ``format_number(value, spec)``: a number as text with a true minus sign (U+2212) and,
  in Portuguese, the decimal comma;
- ``few_ticks(*axes)``, ``nice_limit(value)``: axes that stay cheap to redraw;
- ``draw_contours(ax, loss, extent)``: contour lines of a loss of two weights.
"""

import matplotlib
import numpy as np
from cycler import cycler
from matplotlib.colors import to_rgb
from matplotlib.ticker import MaxNLocator, ScalarFormatter

from ..i18n import number_text

__all__ = ["CLASS_COLORS", "DIVERGING_CMAP", "OKABE_ITO", "RIGHT_COLOR", "WRONG_COLOR", "LanguageTickFormatter",
           "class_colors", "draw_contours", "few_ticks", "format_number", "nice_limit", "use_language_ticks",
           "use_palette"]

#: The eight colours of Okabe & Ito (2008), "Color Universal Design: how to make figures
#: and presentations that are friendly to colorblind people": distinct for readers with
#: protanopia, deuteranopia or tritanopia, and in lightness when printed grey.
OKABE_ITO = {
    "blue": "#0072B2", "orange": "#E69F00", "bluish green": "#009E73", "vermillion": "#D55E00",
    "reddish purple": "#CC79A7", "sky blue": "#56B4E9", "yellow": "#F0E442", "black": "#000000",
}
#: One colour per class, the same in every lesson (Okabe–Ito, the strongest first).
CLASS_COLORS = tuple(OKABE_ITO[name] for name in ("blue", "orange", "bluish green", "vermillion", "reddish purple",
                                                  "sky blue", "yellow", "black"))
#: Right / wrong (and positive / negative): blue against vermillion, which differ in hue
#: and lightness for every reader; green against red would not.
RIGHT_COLOR, WRONG_COLOR = OKABE_ITO["blue"], OKABE_ITO["vermillion"]
#: Values around zero (kernels, weights): ColorBrewer's red–blue map, blue below zero and
#: red above, safe for colour-blind readers (Brewer's colorbrewer2.org marks it so).
DIVERGING_CMAP = "RdBu_r"


def class_colors(n_classes):
    """RGB rows (n_classes, 3) of the class colours, cycling after eight classes (Lesson 03)."""
    return np.array([to_rgb(CLASS_COLORS[k % len(CLASS_COLORS)]) for k in range(n_classes)])


def use_palette():
    """Make ``CLASS_COLORS`` matplotlib's default colour cycle (Lesson 00): the first line
    or scatter of an axes with no colour given is Okabe–Ito blue, the second orange, …,
    and ``"C0"``, ``"C1"`` … name those colours. Replaces matplotlib's ``tab10`` cycle,
    whose red and green many colour-blind readers cannot tell apart."""
    matplotlib.rcParams["axes.prop_cycle"] = cycler(color=CLASS_COLORS)


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


class LanguageTickFormatter(ScalarFormatter):
    """matplotlib's default tick labels (``ScalarFormatter``) written as
    ``format_number`` writes numbers: "0,5" and "−1" in Portuguese, "0.5" and "−1" in
    English (Lesson 00)."""

    def fix_minus(self, s):
        """matplotlib passes every label it formats (and the offset, "+1e6") through here."""
        return number_text(super().fix_minus(s)).replace("-", "\N{MINUS SIGN}")


def use_language_ticks(fig):
    """Give every axis of ``fig`` that still has matplotlib's default number labels a
    ``LanguageTickFormatter`` keeping the same settings (offset, scientific limits).
    Axes with labels of their own (``set_xticks(ticks, labels)``, log scales) keep
    them. Called on every figure a lesson shows, just before it is drawn
    (``plots/alt.py``, ``widgets/figure.py``)."""
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            formatter = axis.get_major_formatter()
            if type(formatter) is ScalarFormatter:
                language_formatter = LanguageTickFormatter()
                vars(language_formatter).update(vars(formatter))
                axis.set_major_formatter(language_formatter)


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
