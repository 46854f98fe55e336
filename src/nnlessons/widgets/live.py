"""Training while you watch (Lessons 07, 10 and 12): the machinery, no lesson.

- ``training_state`` / ``restore_training_state``: a snapshot of everything training
  changes in a ``Model``, and putting it back so training resumes exactly;
- ``TrainingRun``: one cached, replayable training run with snapshots;
- ``LiveTrainer``: the base of the explorers that train a network in slices on the
  kernel's main event loop while the picture redraws, and that stop when closed.

How a live trainer runs in a notebook. ``show()`` runs inside a cell, on the kernel's
main thread, and captures that thread's asyncio loop. Every later slice of training is
scheduled on that loop only: JupyterLab 4.6 delivers control moves on a kernel
*subshell* thread, whose loop outlives the main one at shutdown, so a move handed over
from there goes through ``loop.call_soon_threadsafe``. When the main loop stops
(kernel shutdown) nothing is left to run, and no picture is sent after pyzmq's exit hook.
``close()`` cancels the pending slice and drops the view; closing the widget, running
its cell again and shutting the kernel down all call it (see ``Widget.show``).

The reader's own classes (``widgets.yours``): one that passed its check can still raise
while training (a batch size or a step the check did not try). The trainer then stops
training with it, forgets the runs it trained, and goes on with the engine's class; the
caption says which method raised what.
"""

import asyncio
import copy
import threading

import numpy as np

from ..optimizers import Optimizer
from .base import Widget
from .yours import YourCodeRaised, running


def training_state(model):
    """A copy of everything training changes in ``model`` (Lessons 07, 10): its parameters,
    the optimizer's memory (momenta, caches) and its iteration count.
    ``restore_training_state`` puts it back, so training can resume exactly.

    With an optimizer of the reader's own (Lessons 08, 09), whose memory can live anywhere, the
    copy is of the whole model, layers and optimizer together."""
    if not isinstance(model.optimizer, Optimizer):
        return {"model": copy.deepcopy(model)}
    return {"parameters": model.parameters(), "memory": model.optimizer_memory(),
            "iterations": model.optimizer.iterations}


def restore_training_state(model, state):
    """Put a ``training_state`` back into ``model`` (the same architecture and optimizer)."""
    if "model" in state:
        vars(model).update(vars(copy.deepcopy(state["model"])))
        return
    model.set_parameters(state["parameters"])
    model.set_optimizer_memory(state["memory"], state["iterations"])


class TrainingRun:
    """One training run of a live explorer (Lessons 07, 10): a model trained epoch by epoch
    on (X, y), its history, and a ``training_state`` snapshot every ``every`` epochs.

    Epoch e is one ``fit`` call shuffled with seed e, so replaying it from a snapshot takes
    exactly the same steps. ``make_model()`` builds the model (and, when needed, a second
    one to replay earlier epochs in). ``history`` holds, per epoch, loss and accuracy on
    the training data and, with ``validation_data``, val_loss and val_accuracy.
    """

    def __init__(self, make_model, X, y, every, batch_size=32, validation_data=None):
        self.make_model, self.X, self.y, self.every = make_model, X, y, every
        self.batch_size, self.validation_data = batch_size, validation_data
        self.model = make_model()
        self._scratch = None
        self.snapshots = {0: training_state(self.model)}
        keys = ("loss", "accuracy") + (() if validation_data is None else ("val_loss", "val_accuracy"))
        self.history = {key: [] for key in keys}
        self.diverged_at = None

    @property
    def trained(self):
        return len(self.history["loss"])

    def train_epoch(self, model, epoch):
        """Train ``model`` one epoch (shuffled with seed ``epoch``). Returns that epoch's
        history values, or None if it blew up (then its weights are put back as they were;
        the run stops there, so the optimizer's memory no longer matters)."""
        before = model.parameters()
        try:
            with np.errstate(all="ignore"):
                history = model.fit(self.X, self.y, epochs=1, batch_size=self.batch_size,
                                    validation_data=self.validation_data, seed=epoch, progress=False)
            values = {key: history.history[key][0] for key in self.history}
        except ValueError:          # the engine refuses NaN or infinite values: diverged
            values = None
        if values is None or not np.all(np.isfinite(list(values.values()))):
            model.set_parameters(before)        # keep the last finite weights to draw
            return None
        return values

    def advance(self, epochs):
        """Train the model on from its furthest epoch until ``epochs`` (or divergence)."""
        while self.trained < epochs and self.diverged_at is None:
            values = self.train_epoch(self.model, self.trained)
            if values is None:
                self.diverged_at = self.trained + 1
                return
            for key, value in values.items():
                self.history[key].append(value)
            if self.trained % self.every == 0:
                self.snapshots[self.trained] = training_state(self.model)

    def model_at(self, epoch):
        """The model after ``epoch`` epochs: the furthest one, or a second model loaded from
        the nearest snapshot and trained the few epochs in between."""
        if epoch == self.trained:
            return self.model
        if self._scratch is None:
            self._scratch = self.make_model()
        start = epoch - epoch % self.every
        restore_training_state(self._scratch, self.snapshots[start])
        for e in range(start, epoch):
            self.train_epoch(self._scratch, e)
        return self._scratch


class LiveTrainer(Widget):
    """Base of the explorers that train a network while you watch (Lessons 07, 10, 12).

    A subclass keeps its ``TrainingRun`` objects with ``cached_run`` and, in ``compute``,
    trains with ``train_until(run, epochs)`` and reports ``"pending"`` (asked epochs not
    reached yet) in its result. When the explorer is on screen (``show()`` ran inside a
    kernel), one update trains at most ``budget`` epochs and, if more are asked, schedules
    the next slice on the kernel's main loop: the picture keeps redrawing as the network
    trains, and a control never waits for a whole run. An explorer that was never shown
    (tests, ``make bench``) trains to the asked epoch before ``update`` returns, unless
    ``always_sliced`` (then every update is one slice, shown or not, and ``show()``
    starts the rest); calls from code that pass ``wait=True``, and the first update of a
    new explorer, always train to the asked epoch.

    ``training`` is True while slices are pending; the view then carries the CSS class
    ``nnl-training`` (the browser suite waits for it to go before closing a notebook).
    ``close()`` stops it: no slice runs and no picture is sent afterwards.

    ``parts``: the ``widgets.yours.Part``s a subclass trains with (the reader's classes or
    the engine's). When the reader's code raises, ``update`` falls back to the engine's
    class for that part and computes again (see the module docstring). ``caption`` puts the
    line naming those classes above the subclass's ``_progress(result)``; a subclass with no
    ``parts`` may write its own ``caption`` instead.
    """

    parts = ()
    budget = 25
    max_runs = 12
    always_sliced = False
    #: Seconds between two slices: time for the kernel to answer a control move.
    pause = 0.02

    def __init__(self, **params):
        self.runs = {}
        self._wait = False
        self._loop = None              # the kernel's main loop, captured by show()
        self._next_slice = None        # the pending slice's TimerHandle (touched on _loop only)
        self._one_at_a_time = threading.RLock()
        super().__init__(wait=True, **params)         # the first picture is fully trained

    @property
    def training(self):
        """True while the explorer is on screen and still has epochs to train."""
        return self._loop is not None and bool(self.result and self.result["pending"])

    def cached_run(self, key, make_run):
        """The run kept under ``key``, made by ``make_run()`` the first time; beyond
        ``max_runs`` the least recently used run is forgotten."""
        if key in self.runs:
            self.runs[key] = self.runs.pop(key)          # now the most recently used
        else:
            if len(self.runs) >= self.max_runs:
                self.runs.pop(next(iter(self.runs)))
            self.runs[key] = make_run()
        return self.runs[key]

    def train_until(self, run, epochs):
        """Train ``run`` towards ``epochs`` (a slice of ``budget`` epochs when on screen or
        ``always_sliced``); returns the epoch to show, ``min(epochs, run.trained)``."""
        sliced = not self._wait and (self.always_sliced or self._loop is not None)
        run.advance(min(epochs, run.trained + self.budget) if sliced else epochs)
        return min(epochs, run.trained)

    def update(self, wait=False, **params):
        """``Widget.update``; ``wait=True`` trains to the asked epoch even on screen. On
        screen, also schedule the next slice of training when the asked epoch is not
        reached yet (see the class docstring).

        One call at a time: a control move (on a subshell thread) and a scheduled slice
        (on the main thread) would otherwise train and draw the same network together.
        """
        with self._one_at_a_time:
            self._wait = wait
            try:
                result = self._update_or_fall_back(**params)
            finally:
                self._wait = False
            self._schedule()
            return result

    def caption(self, result):
        """The subclass's ``_progress(result)`` line, after the line that says which classes
        run when the reader handed some in (``widgets.yours.running``)."""
        return "<br>".join(line for line in (running(self.parts), self._progress(result)) if line)

    def _update_or_fall_back(self, **params):
        """``Widget.update``; if the reader's class raises, the engine's replaces it, the
        runs trained with it are forgotten, and the update runs again (once per class of
        the reader's at most)."""
        while True:
            try:
                return super().update(**params)
            except YourCodeRaised as failure:
                next(part for part in self.parts if part.kind == failure.kind).fall_back(failure)
                self.runs.clear()

    def show(self):
        """``Widget.show``, capturing the kernel's main loop (``show()`` runs in a cell, on
        the main thread), then go on training if the asked epoch is not reached yet."""
        with self._one_at_a_time:
            box = super().show()
            self._loop = _running_loop()
            self._mark_training()
            self._schedule()
            return box

    def close(self):
        """Stop training on screen: cancel the pending slice and drop the view (the widget
        disappears from the page). ``update`` still works, trained to the end each time."""
        with self._one_at_a_time:          # waits for a slice that is running right now
            loop, self._loop = self._loop, None
            super().close()
        if loop is not None:
            _on_loop(loop, self._cancel_next_slice)

    # ---- the slices, always on the main loop --------------------------------------------
    def _schedule(self):
        """With training pending on screen: train the next slice in ``pause`` s, on the
        main loop (handed over there when called from a subshell thread)."""
        if self.training:
            _on_loop(self._loop, self._schedule_here)

    def _schedule_here(self):
        loop = self._loop
        if self.training and self._next_slice is None and _running_loop() is loop:
            self._next_slice = loop.call_later(self.pause, self._continue)

    def _continue(self):
        self._next_slice = None
        if self._loop is not None:
            self.update()

    def _cancel_next_slice(self):
        if self._next_slice is not None:
            self._next_slice.cancel()
            self._next_slice = None

    def _refresh_view(self):
        super()._refresh_view()
        self._mark_training()

    def _mark_training(self):
        """The view carries the CSS class ``nnl-training`` exactly while ``training``."""
        box = self._view.box
        if self.training != ("nnl-training" in box._dom_classes):
            (box.add_class if self.training else box.remove_class)("nnl-training")


def _running_loop():
    """The running asyncio event loop of this thread (the kernel's), or None outside one."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _on_loop(loop, callback):
    """Run ``callback`` on ``loop``: now when this thread runs it, else soon on its thread.
    A loop that is closed (the kernel is shutting down) runs nothing more."""
    if _running_loop() is loop:
        callback()
        return
    try:
        loop.call_soon_threadsafe(callback)
    except RuntimeError:
        pass
