"""The machinery every lesson's explorers share; no lesson code lives here (the explorers
are in ``nnlessons.lessons.<slug>.explorers``).

- ``controls.py``: the inputs an explorer declares (``Slider``, ``IntSlider``, ``Choice``,
  ``Toggle``, ``Text``), each validating a value and building its ipywidgets input;
- ``figure.py``: ``BlitFigure``, the off-screen matplotlib figure with its cached
  background and animated artists (``render()``, ``png()``, ``invalidate()``);
- ``view.py``: the ipywidgets ``View`` that ``show()`` builds (inputs, picture, caption)
  and ``SHOWN``, which closes views when their cell runs again or the kernel stops;
- ``base.py``: ``Widget``, the base class of every explorer, which ties the three
  together: it declares its ``controls``, computes in ``compute`` and redraws in
  ``draw``; ``update(**params)`` returns the computed values (for tests) and ``show()``
  puts it on screen. See ``widgets/base.py`` for a complete example;
- ``live.py``: live training on screen (``TrainingRun``, ``LiveTrainer``).

Lessons import what they need from here: ``from ...widgets import Slider, Widget``.
"""

import importlib
import importlib.util
import pkgutil

from .base import Widget
from .controls import LABEL_STYLE, Choice, Control, IntSlider, Slider, Text, Toggle

__all__ = ["LABEL_STYLE", "Choice", "Control", "IntSlider", "Slider", "Text", "Toggle", "Widget",
           "explorer_classes"]


def explorer_classes():
    """Every concrete explorer of the lessons: the ``Widget`` subclasses with controls
    defined in ``nnlessons.lessons.<slug>.explorers`` (imported here), sorted by module
    and name. ``make bench`` times them and the tests check them all."""
    from .. import lessons

    for lesson in pkgutil.iter_modules(lessons.__path__):
        name = f"{lessons.__name__}.{lesson.name}.explorers"
        if importlib.util.find_spec(name):      # a lesson without widgets (the NumPy primer) has none
            importlib.import_module(name)
    found, stack = [], list(Widget.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.controls and cls.__module__.startswith(lessons.__name__):
            found.append(cls)
    return sorted(found, key=lambda cls: (cls.__module__, cls.__name__))
