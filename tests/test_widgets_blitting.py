"""Blitting never shows a stale picture: for every explorer, after each control move the
picture painted over the cached background (``Widget.render``) is pixel for pixel the
picture rendered from scratch. (A static artist changed without marking the figure
stale, e.g. an array edited in place, would show here.)"""

import numpy as np
import pytest

from nnlessons.widgets import Choice, IntSlider, Slider, Toggle, explorer_classes


def control_values(control):
    """Two values away from the start, then back to it."""
    if isinstance(control, Choice):
        values = list(control.options)[:3]
    elif isinstance(control, Toggle):
        values = [not control.value]
    elif isinstance(control, IntSlider):
        values = [control.low, control.high]
    elif isinstance(control, Slider):
        values = [control.low, (control.low + control.high) / 2]
    else:
        values = []
    return values + [control.value]


def uncached_render(widget):
    """The same picture rendered from scratch: static artists, then the animated ones."""
    widget.invalidate()
    return widget.render().copy()


@pytest.mark.parametrize("cls", explorer_classes(), ids=lambda cls: cls.__name__)
def test_blitted_pictures_match_full_renders(cls):
    widget = cls()
    widget.render()
    for name, control in cls.controls.items():
        for value in control_values(control):
            widget.update(**{name: value})
            blitted = widget.render().copy()
            assert np.array_equal(blitted, uncached_render(widget)), \
                f"{cls.__name__}: after {name}={value!r} the blitted picture differs from a fresh render"
