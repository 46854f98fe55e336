"""Interactive explorers, one module per lesson (``widgets/intro.py`` is Lesson 00's).

Every explorer subclasses ``Widget`` from ``widgets.base``: it declares its
``controls``, computes in ``compute`` and redraws in ``draw``; ``update(**params)``
returns the computed values (for tests) and ``show()`` wires the controls to
ipywidgets. See ``widgets/base.py`` for a complete example.
"""

from .base import Choice, Control, IntSlider, Slider, Text, Toggle, Widget

__all__ = ["Choice", "Control", "IntSlider", "Slider", "Text", "Toggle", "Widget"]
