"""Interactive explorers, one module per lesson (``widgets/intro.py`` is Lesson 00's).

Every explorer subclasses ``Widget`` from ``widgets.base``: it declares its
``controls``, computes in ``compute`` and redraws in ``draw``; ``update(**params)``
returns the computed values (for tests) and ``show()`` wires the controls to
ipywidgets. See ``widgets/base.py`` for a complete example.
"""

import importlib
import pkgutil

from .base import Choice, Control, IntSlider, Slider, Text, Toggle, Widget

__all__ = ["Choice", "Control", "IntSlider", "Slider", "Text", "Toggle", "Widget", "explorer_classes"]


def explorer_classes():
    """Every concrete explorer of the lessons: the ``Widget`` subclasses with controls
    defined in this package's modules (imported here), sorted by module and name.
    ``make bench`` times them and the tests check them all."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    found, stack = [], list(Widget.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.controls and cls.__module__.startswith(__name__):
            found.append(cls)
    return sorted(found, key=lambda cls: (cls.__module__, cls.__name__))
