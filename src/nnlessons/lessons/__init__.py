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
