"""The first cell of every lesson notebook (Lesson 00).

``make notebooks`` puts this cell at the top of each built notebook (its full text is
``nnlessons.build.SETUP_SOURCE``)::

    try:
        from nnlessons.lesson import setup_lesson
    except ImportError:
        ...                 # prints, in both languages, the command that installs nnlessons
    else:
        setup_lesson("pt")  # or "en"

It chooses the language of every string the code shows, rounds printed arrays, draws in
the colour-blind-safe palette and makes figures PNG images, so a lesson prints the same
thing on every machine.
"""

import numpy as np

from .i18n import set_language
from .plots.style import use_palette

#: Keyword arguments for every inline figure: PNG without the matplotlib version stamp,
#: so the stored picture does not change when only the version does.
PNG_KWARGS = {"bbox_inches": "tight", "metadata": {"Software": None}}


def setup_lesson(language):
    """Prepare a lesson notebook for ``language`` ("pt" or "en").

    - ``nnlessons.i18n.set_language(language)``: titles, labels, widget captions and
      exercise feedback follow the notebook's language;
    - ``np.set_printoptions(precision=4, suppress=True)``: printed arrays are rounded,
      so outputs compare equal across machines;
    - ``nnlessons.plots.style.use_palette()``: lines and points with no colour of their
      own are drawn in the Okabe–Ito palette, which colour-blind readers tell apart;
    - inline figures are PNG only (never SVG: SVG embeds a date and nbval compares it),
      shown as an HTML ``<img>`` whose ``alt`` text describes them and whose tick labels
      write numbers as the language does (``plots/alt.py``).
    """
    set_language(language)
    np.set_printoptions(precision=4, suppress=True)
    use_palette()
    _png_figures()


def _png_figures():
    """Make the inline matplotlib backend emit PNG only (no-op outside IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: nothing to configure
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):
        return
    import matplotlib.pyplot  # noqa: F401  (activates the inline backend in a kernel)
    from matplotlib_inline.backend_inline import InlineBackend, set_matplotlib_formats

    from .plots.alt import show_figures_with_alt_text

    config = InlineBackend.instance()
    config.print_figure_kwargs = dict(PNG_KWARGS)
    config.figure_formats = {"png"}
    set_matplotlib_formats("png", **PNG_KWARGS)
    show_figures_with_alt_text(shell, **PNG_KWARGS)
