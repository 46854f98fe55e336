"""Blitting never shows a stale picture: for every explorer, after each control move the
picture painted over the cached background (``Widget.render``) is pixel for pixel the
picture rendered from scratch. (A static artist changed without marking the figure
stale, e.g. an array edited in place, would show here.)"""

import importlib
import pkgutil

import numpy as np
import pytest

import nnlessons.widgets
from nnlessons.widgets.base import Choice, IntSlider, Slider, Toggle, Widget


def explorer_classes():
    for module in pkgutil.iter_modules(nnlessons.widgets.__path__):
        importlib.import_module(f"nnlessons.widgets.{module.name}")
    found, stack = [], list(Widget.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.controls and cls.__module__.startswith("nnlessons.widgets"):
            found.append(cls)
    return sorted(found, key=lambda cls: (cls.__module__, cls.__name__))


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
    widget._background = None
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
