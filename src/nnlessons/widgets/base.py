"""The base of every lesson explorer (every lesson; introduced in Lesson 00).

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

import html
import io
import sys
import threading

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from ..i18n import register, tr

register({
    "widget.unknown_param": {
        "en": "{where}.update: unknown parameter {name!r}; this explorer has {known}.",
        "pt": "{where}.update: parâmetro desconhecido {name!r}; este painel tem {known}.",
    },
    "widget.slider_range": {
        "en": "{where}: {name} must be a number from {low} to {high}, got {value!r}.",
        "pt": "{where}: {name} deve ser um número de {low} a {high}, recebeu {value!r}.",
    },
    "widget.choice": {
        "en": "{where}: {name} must be one of {options}, got {value!r}.",
        "pt": "{where}: {name} deve ser um de {options}, recebeu {value!r}.",
    },
    "widget.toggle": {
        "en": "{where}: {name} must be True or False, got {value!r}.",
        "pt": "{where}: {name} deve ser True ou False, recebeu {value!r}.",
    },
    "widget.text": {
        "en": "{where}: {name} must be a text (str) of at most {limit} characters, got {value!r}.",
        "pt": "{where}: {name} deve ser um texto (str) de no máximo {limit} caracteres, recebeu {value!r}.",
    },
})

#: Width given to control labels, so translated labels are not cut off.
LABEL_STYLE = {"description_width": "initial"}


class Control:
    """One input of an explorer: an i18n ``label`` key and a starting ``value``.

    ``validate(value, where, name)`` returns the value to use or raises a teaching
    ``ValueError``; ``make()`` builds the ipywidgets input for ``show()``.
    """

    def __init__(self, label, value):
        self.label = label
        self.value = value

    def validate(self, value, where, name):
        return value

    def make(self):
        raise NotImplementedError


class Slider(Control):
    """A float slider from ``low`` to ``high`` in steps of ``step``."""

    def __init__(self, label, low, high, step, value=None, continuous=True):
        super().__init__(label, low if value is None else value)
        self.low, self.high, self.step = low, high, step
        self.continuous = continuous

    def validate(self, value, where, name):
        bad = isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating))
        if bad or not self.low <= value <= self.high:
            raise ValueError(tr("widget.slider_range", where=where, name=name,
                                low=self.low, high=self.high, value=value))
        return float(value)

    def make(self):
        import ipywidgets
        return ipywidgets.FloatSlider(value=self.value, min=self.low, max=self.high, step=self.step,
                                      description=tr(self.label), style=LABEL_STYLE,
                                      continuous_update=self.continuous)


class IntSlider(Slider):
    """A whole-number slider from ``low`` to ``high``."""

    def __init__(self, label, low, high, step=1, value=None, continuous=True):
        super().__init__(label, low, high, step, value, continuous)

    def validate(self, value, where, name):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not self.low <= value <= self.high:
            raise ValueError(tr("widget.slider_range", where=where, name=name,
                                low=self.low, high=self.high, value=value))
        return int(value)

    def make(self):
        import ipywidgets
        return ipywidgets.IntSlider(value=self.value, min=self.low, max=self.high, step=self.step,
                                    description=tr(self.label), style=LABEL_STYLE,
                                    continuous_update=self.continuous)


class Choice(Control):
    """One of a few options: ``options`` maps each value to the i18n key of its label."""

    def __init__(self, label, options, value=None):
        super().__init__(label, next(iter(options)) if value is None else value)
        self.options = dict(options)

    def validate(self, value, where, name):
        try:
            known = value in self.options
        except TypeError:  # an unhashable value such as a list
            known = False
        if not known:
            raise ValueError(tr("widget.choice", where=where, name=name,
                                options=list(self.options), value=value))
        return value

    def make(self):
        import ipywidgets
        return ipywidgets.ToggleButtons(options=[(tr(key), option) for option, key in self.options.items()],
                                        value=self.value, description=tr(self.label), style=LABEL_STYLE)


class Toggle(Control):
    """An on/off checkbox."""

    def __init__(self, label, value=False):
        super().__init__(label, value)

    def validate(self, value, where, name):
        if not isinstance(value, (bool, np.bool_)):
            raise ValueError(tr("widget.toggle", where=where, name=name, value=value))
        return bool(value)

    def make(self):
        import ipywidgets
        return ipywidgets.Checkbox(value=self.value, description=tr(self.label), style=LABEL_STYLE)


def _same(a, b):
    """Equal values, arrays compared element by element."""
    try:
        return bool(np.array_equal(a, b))
    except (TypeError, ValueError):
        return a == b


class Text(Control):
    """A line of text the reader types (Lesson 13); the picture follows on Enter or
    when the box loses focus, not at every key."""

    def __init__(self, label, value="", max_length=200):
        super().__init__(label, value)
        self.max_length = max_length

    def validate(self, value, where, name):
        if not isinstance(value, str) or len(value) > self.max_length:
            shown = value[:40] + "..." if isinstance(value, str) else value
            raise ValueError(tr("widget.text", where=where, name=name, limit=self.max_length, value=shown))
        return value

    def make(self):
        import ipywidgets
        return ipywidgets.Text(value=self.value, description=tr(self.label), style=LABEL_STYLE,
                               continuous_update=False, layout=ipywidgets.Layout(width="90%"))


class Widget:
    """Base class of the lesson explorers: declare ``controls``, write ``setup``,
    ``compute`` and ``draw`` (see the module docstring for an example).

    Attributes: ``params`` (current values), ``result`` (last ``compute`` result),
    ``fig`` (the matplotlib Figure, drawn off-screen with Agg, never through pyplot,
    so it is reused on every update and never shown twice).

    Speed: a full render of a small two-axes figure takes 60–100 ms here, most of it
    axes, ticks and labels that never change. So ``setup`` marks the artists that
    ``draw`` changes with ``self.animate(...)``: the rest is rendered once and cached,
    and a redraw paints only those artists over the cached picture (blitting, about
    four times cheaper). Whatever else ``draw`` changes (a title, axis limits) marks the
    figure stale, and the next picture is a full render: never a stale picture.
    Keep ``compute`` cheap and reuse artists in ``draw``.
    """

    controls = {}
    figsize = (6.0, 3.6)
    dpi = 80
    #: Lay the figure out once (constrained layout, on the first picture) and keep
    #: that layout: a redraw then costs ~35 ms less. Set False if axes change size.
    freeze_layout = True

    def __init__(self, **params):
        self.fig = Figure(figsize=self.figsize, dpi=self.dpi, layout="constrained")
        FigureCanvasAgg(self.fig)
        self.params = {name: control.value for name, control in self.controls.items()}
        self.result = None
        self._view = None
        self._animated = []
        self._background = None
        self.setup(self.fig)
        self.update(**params)
        if self.freeze_layout:
            self.fig.draw_without_rendering()
            self.fig.set_layout_engine("none")

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

    def animate(self, *artists):
        """Mark ``artists`` as the ones ``draw`` changes on every update; call it in
        ``setup``. They are drawn over a cached render of everything else, in order
        of ``zorder`` among themselves (so above every static artist). Returns the
        artists as a list."""
        for artist in artists:
            artist.set_animated(True)     # matplotlib now leaves it out of full renders
            self._animated.append(artist)
        return list(artists)

    def replace_animated(self, old, make_new):
        """Remove the animated artists ``old`` and animate the ones ``make_new()`` creates
        (returned as a list). Adding or removing artists marks their axes stale, but
        animated artists are not in the cached background, so it stays valid: the next
        picture is still a blit. ``make_new`` must only create artists; a title or
        axis limits it changed would not be redrawn.
        """
        was_stale = self.fig.stale
        for artist in old:
            artist.remove()
        self.forget(*old)
        new = self.animate(*make_new())
        self.fig.stale = was_stale
        return new

    def forget(self, *artists):
        """Stop treating ``artists`` as animated (e.g. before ``ax.cla()`` removes them)."""
        self._animated = [artist for artist in self._animated if all(artist is not a for a in artists)]

    def changed(self, key, value):
        """True the first time and whenever ``value`` differs from the last one given
        under ``key``. ``draw`` uses it to leave a title or axis limits alone when they
        stay the same: setting them again, even to the same value, forces a full render.
        """
        seen = self.__dict__.setdefault("_last_seen", {})
        if key in seen and _same(seen[key], value):
            return False
        seen[key] = value
        return True

    def render(self):
        """Render the current picture into the Agg canvas; return its RGBA pixels,
        shape (height, width, 4).

        Full render when nothing is cached yet or a static artist changed since (the
        figure is then ``stale``); otherwise restore the cached background and paint
        only the animated artists.
        """
        canvas = self.fig.canvas
        if self._background is None or self.fig.stale:
            canvas.draw()                                   # every artist not animated
            self._background = canvas.copy_from_bbox(self.fig.bbox) if self._animated else None
        else:
            canvas.restore_region(self._background)
        for artist in sorted(self._animated, key=lambda artist: artist.get_zorder()):
            if artist.get_visible():
                self.fig.draw_artist(artist)
        return np.asarray(canvas.buffer_rgba())

    def png(self):
        """The current picture as PNG bytes (no version stamp: same bytes every run)."""
        buffer = io.BytesIO()
        # RGB (the figure is opaque) at a light compression: half the encoding time of
        # the default, files about the same size
        Image.fromarray(self.render()[..., :3]).save(buffer, format="png", compress_level=3)
        return buffer.getvalue()

    def show(self):
        """Build the interactive view: controls, PNG picture, caption. Returns the box.

        The picture is an ``ipywidgets.Image`` whose bytes are replaced on each change,
        which keeps a slider→picture round trip near 100 ms for a small figure.
        The view lives until ``close()``: closing the box (from Python or the page),
        running the same notebook cell again, or shutting the kernel down calls it.
        """
        import ipywidgets

        self.close()                       # one view at a time
        inputs = {name: control.make() for name, control in self.controls.items()}
        for name, control in inputs.items():
            control.value = self.params[name]
        image = ipywidgets.Image(value=self.png(), format="png")
        caption = ipywidgets.HTML(value=self.caption(self.result))
        box = ipywidgets.VBox([ipywidgets.VBox(list(inputs.values())), image, caption])
        self._view = {"inputs": inputs, "image": image, "caption": caption, "box": box, "syncing": False}

        def changed(_change):
            if self._view is None or self._view["syncing"]:
                return
            try:
                self.update(**{name: control.value for name, control in inputs.items()})
            except ValueError as error:  # say what went wrong instead of a traceback
                caption.value = html.escape(str(error))

        for control in inputs.values():
            control.observe(changed, names="value")
        _close_with(box, self)
        SHOWN.add(self)
        return box

    def close(self):
        """Close the interactive view (its widgets leave the page); the explorer itself
        keeps working from code. Does nothing when no view is open."""
        view, self._view = self._view, None
        if view is None:
            return
        SHOWN.discard(self)
        for widget in (view["box"], *view["inputs"].values(), view["image"], view["caption"]):
            widget.close()

    def _refresh_view(self):
        view = self._view
        view["syncing"] = True
        try:
            for name, control in view["inputs"].items():
                if control.value != self.params[name]:
                    control.value = self.params[name]
        finally:
            view["syncing"] = False
        view["image"].value = self.png()
        view["caption"].value = self.caption(self.result)


# ---- the life of a view -----------------------------------------------------------------
def _close_with(box, explorer):
    """Close ``explorer``'s view when its box closes: ``box.close()`` in Python (its comm
    becomes None) or the page closing the widget (a comm_close message)."""
    def comm_changed(change):
        if change["new"] is None:
            explorer.close()

    box.observe(comm_changed, names="comm")
    if box.comm is not None:
        box.comm.on_close(lambda _message: explorer.close())


class ShownViews:
    """The explorers on screen in this kernel, by the notebook cell that showed them.

    Running a cell again closes the views it showed before (IPython's ``pre_run_cell``
    event carries the cell id JupyterLab sends with each execution), and a kernel shutdown
    closes every view (ipykernel sets the shell's ``exit_now`` on a shutdown request,
    before its event loops stop) and waits until the pictures already drawn are sent.
    Outside IPython nothing is tracked.
    """

    def __init__(self):
        self.by_cell = {}
        self.shell = None
        self.lock = threading.Lock()

    def add(self, explorer):
        shell = _ipython()
        if shell is None:
            return
        self._watch(shell)
        with self.lock:
            self.by_cell.setdefault(_cell_id(shell), []).append(explorer)

    def discard(self, explorer):
        with self.lock:
            for explorers in self.by_cell.values():
                if explorer in explorers:
                    explorers.remove(explorer)

    def close_cell(self, cell_id):
        """Close the views shown by the cell ``cell_id`` (None: by no known cell)."""
        with self.lock:
            explorers = self.by_cell.pop(cell_id, [])
        for explorer in explorers:
            explorer.close()

    def close_all(self):
        with self.lock:
            explorers = [explorer for group in self.by_cell.values() for explorer in group]
            self.by_cell.clear()
        for explorer in explorers:
            explorer.close()

    def _watch(self, shell):
        if self.shell is shell:
            return
        self.shell = shell
        shell.events.register("pre_run_cell", self._cell_runs)
        if shell.has_trait("exit_now"):
            shell.observe(self._exit_now, names="exit_now")

    def _cell_runs(self, info):
        cell_id = getattr(info, "cell_id", None)
        if cell_id is not None:
            self.close_cell(cell_id)

    def _exit_now(self, change):
        if change["new"]:
            self.close_all()
            # A picture drawn just before close() may still wait in ipykernel's IOPub
            # queue; pyzmq's exit hook refuses large messages sent after it ran. The
            # kernel's sys.stdout.flush() returns once the IOPub thread has sent
            # everything queued before it.
            sys.stdout.flush()


def _ipython():
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def _cell_id(shell):
    """The id of the notebook cell running now (JupyterLab's ``cellId``), or None."""
    try:
        return shell.kernel.get_parent()["metadata"].get("cellId")
    except (AttributeError, KeyError, TypeError):
        return None


#: Every explorer on screen in this kernel.
SHOWN = ShownViews()
