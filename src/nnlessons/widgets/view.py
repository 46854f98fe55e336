"""The ipywidgets view of an explorer (every lesson; introduced in Lesson 00).

``Widget.show()`` builds a ``View``: one input per control, the picture and a caption
(core ipywidgets only, so ipywidgets 7.7 and 8, JupyterLab, Voilà, VS Code and Colab
all show it). The picture is an ``<img>`` in an ``HTML`` widget, PNG inline, whose
``alt`` text is the caption: a core ``Image`` widget has no way to carry one (ipywidgets
8 only adds a ``title``, 7.7 nothing), so a screen reader would say just "image". Moving a control calls the explorer's
``update``, which swaps the picture and the caption. ``SHOWN`` keeps the views on screen
in this kernel so that running a cell again, or shutting the kernel down, closes them.
"""

import html
import sys
import threading

from ..plots.alt import explorer_alt, picture_html


class View:
    """The widgets of one shown explorer: ``inputs`` (by parameter name), ``image``,
    ``caption`` and the ``box`` that holds them. Closing the box (from Python or the
    page) closes the explorer's view."""

    def __init__(self, explorer):
        import ipywidgets

        self.inputs = {name: control.make() for name, control in explorer.controls.items()}
        for name, control in self.inputs.items():
            control.value = explorer.params[name]
        self.image = ipywidgets.HTML()
        self.caption = ipywidgets.HTML()
        self.show_picture(explorer.png(), explorer.figure.size(), explorer.caption(explorer.result))
        self.box = ipywidgets.VBox([ipywidgets.VBox(list(self.inputs.values())), self.image, self.caption])
        self.syncing = False      # True while refresh() moves the inputs: not a reader's move

        def changed(_change):
            if explorer._view is not self or self.syncing:
                return
            try:
                explorer.update(**{name: control.value for name, control in self.inputs.items()})
            except ValueError as error:  # say what went wrong instead of a traceback
                self.caption.value = html.escape(str(error))

        for control in self.inputs.values():
            control.observe(changed, names="value")
        _close_with(self.box, explorer)
        SHOWN.add(explorer)

    def refresh(self, params, png, size, caption):
        """Move the inputs to ``params`` (without calling back) and show the new picture."""
        self.syncing = True
        try:
            for name, control in self.inputs.items():
                if control.value != params[name]:
                    control.value = params[name]
        finally:
            self.syncing = False
        self.show_picture(png, size, caption)

    def show_picture(self, png, size, caption):
        """The PNG bytes ``png`` ((width, height) pixels) with ``caption`` under it and,
        as plain text, in the picture's ``alt``."""
        self.image.value = picture_html(png, explorer_alt(caption), size)
        self.caption.value = caption

    def close(self, explorer):
        """Take the widgets off the page and stop tracking ``explorer``'s view."""
        SHOWN.discard(explorer)
        for widget in (self.box, *self.inputs.values(), self.image, self.caption):
            widget.close()


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
