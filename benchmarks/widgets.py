"""Widget benchmarks: the median time of one ``update`` (compute + redraw + PNG) per explorer.

Every explorer class in ``nnlessons.widgets`` is found automatically; each of its
controls is moved the way a reader moves it: a slider dragged across its whole range in
ten steps and back to its start, every choice, a toggle on and off. The median is what
dragging costs (most moves only repaint the artists that change, see
``Widget.animate``); the max is a jump that redraws everything (new axis limits).
An explorer that trains while you watch (``LiveTrainer``) is timed per frame: one slice
of training and one redraw, which is what the reader waits for on screen.
"""

import statistics
import time

import numpy as np

from common import table
from nnlessons.widgets import Choice, IntSlider, Slider, Toggle, explorer_classes
from nnlessons.widgets.live import LiveTrainer

#: Positions of a slider drag, from one end of its range to the other.
DRAG_STEPS = 10


def moves(cls):
    """The parameter changes a reader makes: each control across its range."""
    for name, control in cls.controls.items():
        if isinstance(control, IntSlider):
            values = sorted({int(round(v)) for v in np.linspace(control.low, control.high, DRAG_STEPS)})
        elif isinstance(control, Slider):
            values = [float(v) for v in np.linspace(control.low, control.high, DRAG_STEPS)]
        elif isinstance(control, Choice):
            values = list(control.options)
        elif isinstance(control, Toggle):
            values = [True, False]
        else:
            continue
        for value in values + [control.value]:
            yield {name: value}


def update_times(cls, rounds=2):
    widget = cls()
    if isinstance(widget, LiveTrainer):
        widget.always_sliced = True    # one frame, as on screen: a slice of training and a redraw
    times = []
    for _ in range(rounds):
        for change in moves(cls):
            start = time.perf_counter()
            widget.update(**change)
            widget.png()
            times.append(time.perf_counter() - start)
    return times


def main():
    rows = []
    for cls in explorer_classes():
        times = update_times(cls)
        rows.append([f"{cls.__module__.rsplit('.', 1)[-1]}.{cls.__name__}", len(times),
                     f"{statistics.median(times) * 1000:.0f} ms", f"{max(times) * 1000:.0f} ms"])
    table("Widget update + PNG (what one slider move costs in the kernel)",
          ["explorer", "updates", "median", "max"], rows)


if __name__ == "__main__":
    main()
