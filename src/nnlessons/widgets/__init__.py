"""The machinery every lesson's explorers share; no lesson code lives here (the explorers
are in ``nnlessons.lessons.<slug>.explorers``).

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
    defined in ``nnlessons.lessons.<slug>.explorers`` (imported here), sorted by module
    and name. ``make bench`` times them and the tests check them all."""
    from .. import lessons

    for lesson in pkgutil.iter_modules(lessons.__path__):
        importlib.import_module(f"{lessons.__name__}.{lesson.name}.explorers")
    found, stack = [], list(Widget.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.controls and cls.__module__.startswith(lessons.__name__):
            found.append(cls)
    return sorted(found, key=lambda cls: (cls.__module__, cls.__name__))
