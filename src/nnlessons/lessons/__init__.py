"""One home per lesson, named by the notebook's slug: ``notebooks/lessons/07_backpropagation.md``
keeps its code in ``lessons/backpropagation/``.

Each lesson package holds

- ``explorers.py``: the lesson's widgets (``Widget`` subclasses), its pictures, its data
  and model recipes, with their translated strings;
- ``exercises.py``: its self-checking questions (``from nnlessons.lessons.<slug> import
  exercises as ex``), each question's texts beside it.

Translated strings use keys that start with the slug (``backpropagation.caption``,
``backpropagation.q1``). A lesson imports the engine (``nnlessons.layers``, ``data``,
...), the shared machinery (``nnlessons.widgets``, ``nnlessons.plots``,
``nnlessons.exercises``) and its own modules, never another lesson: what two lessons
share moves to the engine (``data.py``), ``plots/`` or ``widgets/``.
"""

import importlib
import pkgutil


def import_all():
    """Import every module of every lesson, so that all their translated strings are
    registered in ``nnlessons.i18n`` (the tests that scan every string use it)."""
    for module in pkgutil.walk_packages(__path__, f"{__name__}."):
        importlib.import_module(module.name)
