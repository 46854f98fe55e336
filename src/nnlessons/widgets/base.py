"""The base of every lesson explorer (every lesson; introduced in Lesson 00).

``Widget`` ties together the three parts of ``widgets/``: the controls
(``controls.py``), the blitted picture (``figure.py``) and the ipywidgets view
(``view.py``).

An explorer is a small class with three parts:

- ``controls``: a class attribute mapping each parameter name to a control
  (``Slider``, ``IntSlider``, ``Choice``, ``Toggle``, ``Text``) with its i18n label, range and
  starting value;
- ``compute(**params) -> dict``: the lesson's computation, nothing else; returns plain
  Python values (floats, ints, strings, small lists) that tests can compare;
- ``draw(result, **params)``: redraws the matplotlib ``Figure`` the explorer owns
  (``self.fig``, made once in ``setup``).

``update(**params)`` validates the new values, runs ``compute`` then ``draw`` and
returns the result dict: the logic is testable and timeable without a browser.
``show()`` builds the ipywidgets view: one input per control, the picture as a PNG
image widget and a caption; moving a control calls ``update`` and swaps the PNG.
Calling ``update`` from code also moves the controls of a shown view.

Example::

    class Line(Widget):
        controls = {
            "w": Slider("neuron.weight", -2.0, 2.0, 0.1, value=1.0),
            "b": Slider("neuron.bias", -2.0, 2.0, 0.1, value=0.0),
        }

        def setup(self, fig):
            self.ax = fig.add_subplot()
            (self.line,) = self.ax.plot([], [])

        def compute(self, w, b):
            return {"y_at_1": w * 1.0 + b}

        def draw(self, result, w, b):
            x = np.linspace(-3, 3, 50)
            self.line.set_data(x, w * x + b)

    Line().update(w=0.5)["y_at_1"]   # 0.5
    Line().show()                    # sliders + picture in a notebook
"""

import numpy as np

from ..i18n import register, tr
from .figure import BlitFigure
from .view import View

register({
    "widget.unknown_param": {
        "en": "{where}.update: unknown parameter {name!r}; this explorer has {known}.",
        "pt": "{where}.update: parâmetro desconhecido {name!r}; este painel tem {known}.",
    },
})


def _same(a, b):
    """Equal values, arrays compared element by element."""
    try:
        return bool(np.array_equal(a, b))
    except (TypeError, ValueError):
        return a == b


class Widget:
    """Base class of the lesson explorers: declare ``controls``, write ``setup``,
    ``compute`` and ``draw`` (see the module docstring for an example).

    Attributes: ``params`` (current values), ``result`` (last ``compute`` result),
    ``figure`` (the ``BlitFigure`` that draws the picture) and ``fig`` (its matplotlib
    Figure, reused on every update and never shown twice).

    Speed: ``setup`` marks the artists that ``draw`` changes with ``self.animate(...)``:
    the rest is rendered once and cached, and a redraw paints only those artists over
    the cached picture (see ``widgets/figure.py``). Whatever else ``draw`` changes (a
    title, axis limits) makes the next picture a full render. Keep ``compute`` cheap
    and reuse artists in ``draw``.
    """

    controls = {}
    figsize = (6.0, 3.6)
    dpi = 80
    #: Lay the figure out once (on the first picture) and keep that layout: a redraw
    #: then costs ~35 ms less. Set False if axes change size.
    freeze_layout = True

    def __init__(self, **params):
        self.figure = BlitFigure(self.figsize, self.dpi)
        self.fig = self.figure.fig
        self.params = {name: control.value for name, control in self.controls.items()}
        self.result = None
        self.last_seen = {}        # the values ``changed`` compares with, by key
        self._view = None          # the View on screen, see show()
        self.setup(self.fig)
        self.update(**params)
        if self.freeze_layout:
            self.figure.freeze_layout()

    # ---- what a subclass writes -------------------------------------------------
    def setup(self, fig):
        """Create the axes and artists once; the default is one empty axes ``self.ax``."""
        self.ax = fig.add_subplot()

    def compute(self, **params):
        """Return a dict of plain values computed from ``params``."""
        raise NotImplementedError

    def draw(self, result, **params):
        """Redraw ``self.fig`` from ``result`` (reuse artists where you can)."""

    def caption(self, result):
        """A translated line of text shown under the picture ("" for none)."""
        return ""

    # ---- what every explorer gets -----------------------------------------------
    def update(self, **params):
        """Set some parameters, recompute, redraw; return the ``compute`` result."""
        where = type(self).__name__
        for name, value in params.items():
            if name not in self.controls:
                raise ValueError(tr("widget.unknown_param", where=where, name=name,
                                    known=", ".join(self.controls) or "()"))
            self.params[name] = self.controls[name].validate(value, where, name)
        self.result = self.compute(**self.params)
        self.draw(self.result, **self.params)
        if self._view is not None:
            self._refresh_view()
        return self.result

    def changed(self, key, value):
        """True the first time and whenever ``value`` differs from the last one given
        under ``key``. ``draw`` uses it to leave a title or axis limits alone when they
        stay the same: setting them again, even to the same value, forces a full render.
        """
        if key in self.last_seen and _same(self.last_seen[key], value):
            return False
        self.last_seen[key] = value
        return True

    # the picture (see BlitFigure)
    def animate(self, *artists):
        """Mark ``artists`` as the ones ``draw`` changes on every update; call it in
        ``setup``. See ``BlitFigure.animate``."""
        return self.figure.animate(*artists)

    def replace_animated(self, old, make_new):
        """See ``BlitFigure.replace_animated``."""
        return self.figure.replace_animated(old, make_new)

    def forget(self, *artists):
        """See ``BlitFigure.forget``."""
        self.figure.forget(*artists)

    def invalidate(self):
        """Make the next picture a full render (see ``BlitFigure.invalidate``)."""
        self.figure.invalidate()

    def render(self):
        """The current picture's RGBA pixels (see ``BlitFigure.render``)."""
        return self.figure.render()

    def png(self):
        """The current picture as PNG bytes (see ``BlitFigure.png``)."""
        return self.figure.png()

    # the view (see View)
    def show(self):
        """Build the interactive view: controls, PNG picture, caption. Returns the box.

        The picture is a PNG whose bytes are replaced on each change, which keeps a
        slider→picture round trip near 100 ms for a small figure; its ``alt`` text is
        the caption (see ``widgets/view.py``).
        The view lives until ``close()``: closing the box (from Python or the page),
        running the same notebook cell again, or shutting the kernel down calls it.
        """
        self.close()                       # one view at a time
        self._view = View(self)
        return self._view.box

    def close(self):
        """Close the interactive view (its widgets leave the page); the explorer itself
        keeps working from code. Does nothing when no view is open."""
        view, self._view = self._view, None
        if view is not None:
            view.close(self)

    def _refresh_view(self):
        self._view.refresh(self.params, self.png(), self.figure.size(), self.caption(self.result))
