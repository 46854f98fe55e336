"""Text alternatives: what a screen reader says for a picture (every lesson).

A picture shown as ``<img src=… alt=…>`` is read out by its ``alt`` text, in the
notebook's language:

- an explorer's picture: its caption, the line already computed under the picture,
  kept in sync on every update (``widgets/view.py``);
- a static lesson figure: described from its own texts, which the lesson already
  translates: the figure's and each axes' title, the axis labels, legend entries and
  the few short texts written on the axes (``describe_figure``);
- a diagram with no title (a neuron, a table, a chain of boxes): the drawing function
  says what it drew, ``set_alt_text(ax, text)``, in place of the missing title.

JupyterLab shows a plain ``image/png`` output without any ``alt``; an HTML ``<img>``
with the PNG inline (a ``data:`` address) keeps it, trusted or not, in JupyterLab,
Voilà, VS Code and Colab alike. ``setup_lesson`` makes every inline figure such an
``<img>`` (``show_figures_with_alt_text``).
"""

import base64
import html
import re

from ..i18n import register, tr
from .style import use_language_ticks

register({
    "alt.figure": {"en": "Figure: {parts}", "pt": "Figura: {parts}"},
    "alt.figure_plain": {"en": "Figure without titles or labels", "pt": "Figura sem títulos nem rótulos"},
    "alt.axes": {"en": "x axis: {x}; y axis: {y}", "pt": "eixo x: {x}; eixo y: {y}"},
    "alt.explorer": {"en": "Explorer picture. {caption}", "pt": "Figura do painel interativo. {caption}"},
})

#: At most this many characters of description (a screen reader reads all of it).
MAX_LENGTH = 400
#: Texts written on an axes are listed only when there are this many or fewer (a grid of
#: numbers is not a description).
MAX_TEXTS = 8


def plain_text(markup):
    """``markup`` (a caption with ``<b>``, ``&lt;`` …) as plain text on one line."""
    text = html.unescape(re.sub(r"<[^>]*>", "", markup))
    return " ".join(text.split())


def shorten(text, limit=MAX_LENGTH):
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def explorer_alt(caption):
    """The ``alt`` of an explorer's picture: its caption as plain text (Lesson 00)."""
    return shorten(tr("alt.explorer", caption=plain_text(caption)).strip())


def set_alt_text(ax, text):
    """Describe the drawing on ``ax`` with ``text`` (in the notebook's language), for an
    axes with no title (a diagram): ``describe_figure`` reads it where a title would be.
    It is never drawn (Lesson 00)."""
    ax.alt_text = text


def describe_figure(fig):
    """A one-line description of a matplotlib figure from its own (translated) texts:
    "Figure: <suptitle> · <title> (x axis: …; y axis: …; legend entries; texts) · …"."""
    parts = [fig.get_suptitle()]
    parts += [", ".join(text.get_text() for text in legend.get_texts()) for legend in fig.legends]
    for ax in fig.axes:
        title = " ".join(ax.get_title(loc) for loc in ("left", "center", "right") if ax.get_title(loc))
        title = title or getattr(ax, "alt_text", "")
        details = []
        if ax.get_xlabel() or ax.get_ylabel():
            details.append(tr("alt.axes", x=ax.get_xlabel() or "–", y=ax.get_ylabel() or "–"))
        if ax.get_legend() is not None:
            details.append(", ".join(text.get_text() for text in ax.get_legend().get_texts()))
        texts = [text.get_text() for text in ax.texts if text.get_text().strip()]
        if 0 < len(texts) <= MAX_TEXTS:
            details.append(", ".join(texts))
        details = "; ".join(detail for detail in details if detail)
        parts.append(f"{title} ({details})" if title and details else title or details)
    described = " · ".join(" ".join(part.split()) for part in parts if part.strip())
    return shorten(tr("alt.figure", parts=described) if described else tr("alt.figure_plain"))


def picture_html(png, alt, size=None):
    """``<img>`` showing the PNG bytes ``png`` inline, with ``alt`` text; ``size`` =
    (width, height) in pixels fixes the space it takes before it is decoded."""
    source = base64.b64encode(png).decode("ascii")
    width = f' width="{size[0]}" height="{size[1]}"' if size else ""
    return f'<img src="data:image/png;base64,{source}" alt="{html.escape(alt, quote=True)}"{width}>'


def show_figures_with_alt_text(shell, **png_kwargs):
    """Make ``shell`` (IPython) show every matplotlib figure as an HTML ``<img>`` with
    ``describe_figure`` as its ``alt``, instead of a bare ``image/png`` output, its tick
    labels in the notebook's language (``use_language_ticks``).
    ``png_kwargs`` go to ``savefig`` (the same PNG the inline backend would store)."""
    from IPython.core.pylabtools import print_figure
    from matplotlib.figure import Figure

    def figure_html(fig):
        use_language_ticks(fig)
        png = print_figure(fig, "png", **png_kwargs)
        return None if png is None else picture_html(png, describe_figure(fig))   # None: an empty figure

    formatters = shell.display_formatter.formatters
    formatters["image/png"].pop(Figure, None)
    formatters["text/html"].for_type(Figure, figure_html)
